"""A text that UTF-8 cannot hold (a lone surrogate: a Linux file name in an unknown encoding, as Python
decodes it) is refused as a change that was not saved, with a message that says why; nothing changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from ot62443_desktop.domain.model import Answer, Evidence, ProjectInfo, Status, Zone
from ot62443_desktop.storage import ProjectStore, SaveError

UNDECODABLE = "/home/anna/Pr\udce9sentation.pdf"  # b"Pr\xe9sentation.pdf" read in a UTF-8 locale


@pytest.fixture
def store(tmp_path: Path) -> ProjectStore:
    store = ProjectStore.create(tmp_path / "plant.ot62443", ProjectInfo(client="Client", site="Site"))
    store.add_zone(Zone(id="Z1", name="Control", sl_t=(2,) * 7))
    return store


def test_an_answer_with_an_undecodable_evidence_name_is_refused_and_nothing_changes(store: ProjectStore) -> None:
    answer = Answer("Z1", "SR 1.1", Status.PARTIAL, evidence=(Evidence(path=UNDECODABLE, sha256="0" * 64),))
    with pytest.raises(SaveError, match="not valid Unicode"):
        store.set_answer(answer)
    assert store.answer("Z1", "SR 1.1") is None
    store.set_answer(Answer("Z1", "SR 1.1", Status.PARTIAL, notes="still saves"))
    store.close()
    assert ProjectStore.open(store.path).answer("Z1", "SR 1.1").notes == "still saves"  # type: ignore[union-attr]


def test_a_batch_holding_one_is_refused_whole(store: ProjectStore) -> None:
    with pytest.raises(SaveError, match="not valid Unicode"), store.batch():
        store.set_answer(Answer("Z1", "SR 1.1", Status.PARTIAL, notes="fine"))
        store.set_answer(Answer("Z1", "SR 1.2", Status.PARTIAL, notes="bad \ud800 text"))
    assert store.answers() == {}
