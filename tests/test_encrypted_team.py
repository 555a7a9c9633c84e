"""Work packages, merges, carry-forward and comparison of encrypted projects (SPEC 12.2, 12.3, 12.6)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ot62443_desktop.api import carry_forward, compare_projects, open_project, split_project
from ot62443_desktop.storage import PassphraseNeededError, ProjectStore, WrongPassphraseError, is_encrypted

PASS = "correct horse battery staple"


def encrypted_plant(path: Path, passphrase: str | None = PASS) -> Path:
    with open_project(path, create=True, client="Stadtwerke Nordhafen", site="Klärwerk Ost",
                      passphrase=passphrase) as p:
        p.add_zone("Z1", "Chlorine dosing", 2, criticality="high")
        p.add_zone("Z2", "Sludge press", 1)
        p.set_answer("Z1", "SR 1.1", "not_implemented", notes="vendor modem always on")
        p.set_answer("Z2", "SR 1.1", "partial")
    return path


def assert_unreadable(path: Path) -> None:
    data = path.read_bytes().lower()
    assert is_encrypted(path)
    assert not any(word in data for word in (b"nordhafen", b"chlorine", b"vendor modem", b"sludge"))


def test_a_work_package_of_an_encrypted_project_is_encrypted_with_the_same_passphrase(tmp_path: Path) -> None:
    source = encrypted_plant(tmp_path / "plant.ot62443")
    package = tmp_path / "package.ot62443"
    with pytest.raises(PassphraseNeededError):
        split_project(source, ["Z1"], package)
    assert not package.exists()
    with split_project(source, ["Z1"], package, passphrase=PASS) as work:
        assert work.store.encrypted and [z.id for z in work.store.zones()] == ["Z1"]
        work.set_answer("Z1", "SR 1.2", "implemented", notes="modem now switched by key")
    assert_unreadable(package)
    with open_project(source, passphrase=PASS) as project:
        report = project.merge(package)  # the package opens with the project's own key
        assert report.taken == 1 and project.answer("Z1", "SR 1.2")["notes"] == "modem now switched by key"  # type: ignore[index]


def test_an_encrypted_copy_merges_into_a_plain_project_only_with_its_passphrase(tmp_path: Path) -> None:
    mine = encrypted_plant(tmp_path / "plant.ot62443")
    theirs = tmp_path / "laptop-2.ot62443"
    shutil.copy(mine, theirs)
    with open_project(theirs, passphrase=PASS) as other:
        other.set_answer("Z2", "SR 1.2", "implemented")
    with open_project(mine, passphrase=PASS) as project:
        project.store.unprotect()
        with pytest.raises(PassphraseNeededError, match="laptop-2"):
            project.merge(theirs)
        with pytest.raises(WrongPassphraseError, match="laptop-2"):
            project.merge(theirs, passphrase="not it")
        assert project.answer("Z2", "SR 1.2") is None  # nothing was changed
        assert project.merge(theirs, passphrase=PASS).taken == 1


def test_a_copy_whose_passphrase_was_changed_needs_that_passphrase(tmp_path: Path) -> None:
    mine = encrypted_plant(tmp_path / "plant.ot62443")
    theirs = tmp_path / "laptop-2.ot62443"
    shutil.copy(mine, theirs)
    with open_project(theirs, passphrase=PASS) as other:
        other.store.change_passphrase("their own words")
        other.set_answer("Z2", "SR 1.2", "implemented")
    with open_project(mine, passphrase=PASS) as project:
        with pytest.raises(WrongPassphraseError, match="was its passphrase changed"):
            project.merge(theirs, dry_run=True)
        assert project.merge(theirs, passphrase="their own words").taken == 1


def test_next_years_assessment_of_an_encrypted_project_is_encrypted_and_keeps_last_year_inside(
        tmp_path: Path) -> None:
    old = encrypted_plant(tmp_path / "2025.ot62443")
    before = old.read_bytes()
    with pytest.raises(PassphraseNeededError):
        carry_forward(old, tmp_path / "2026.ot62443")
    with carry_forward(old, tmp_path / "2026.ot62443", passphrase=PASS) as new:
        assert new.store.encrypted and new.store.key.salt == ProjectStore.open(  # type: ignore[union-attr]
            old, read_only=True, passphrase=PASS).key.salt  # type: ignore[union-attr]
        new.set_answer("Z1", "SR 1.1", "implemented")
    assert old.read_bytes() == before
    assert_unreadable(tmp_path / "2026.ot62443")
    with open_project(tmp_path / "2026.ot62443", read_only=True, passphrase=PASS) as again:
        previous = again.store.snapshot().previous
        assert previous is not None and previous.answer("Z1", "SR 1.1").notes == "vendor modem always on"  # type: ignore[union-attr]
    progress = compare_projects(old, tmp_path / "2026.ot62443", passphrase=PASS)
    assert progress.totals()[0] == 1  # the modem gap was closed


@pytest.mark.parametrize("old_passphrase", [PASS, None])
def test_next_years_assessment_takes_a_passphrase_of_its_own_when_asked(
        tmp_path: Path, old_passphrase: str | None) -> None:
    old = encrypted_plant(tmp_path / "2025.ot62443", passphrase=old_passphrase)
    with carry_forward(old, tmp_path / "2026.ot62443", passphrase=old_passphrase, new_passphrase="next year") as new:
        assert new.store.encrypted
    assert_unreadable(tmp_path / "2026.ot62443")
    ProjectStore.open(tmp_path / "2026.ot62443", read_only=True, passphrase="next year").close()
