"""A plan of an assessment whose dates were never recorded reads as a sentence, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from ot62443_desktop.api import Project
from ot62443_desktop.domain.language import Language
from ot62443_desktop.exports.pdf import write_plan


@pytest.mark.parametrize(("language", "bad"), [
    (Language.EN, ("During not recorded", "assessment of not recorded")),
    (Language.FR, ("(non renseigné)", "l'évaluation (non")),
])
def test_no_dates_no_broken_sentence(project: Project, tmp_path: Path, language: Language,
                                     bad: tuple[str, ...]) -> None:
    project.add_zone("Z1", "Control", 1)
    project.set_answer("Z1", "SR 1.1", "partial")
    path = tmp_path / "plan.pdf"
    write_plan(project.store.snapshot(), project.catalogues, path, language=language)
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages[:5])
    assert not [phrase for phrase in bad if phrase in text]
    assert ("This assessment by" if language is Language.EN else "L'évaluation menée par") in text
