"""Last time's answer beside this one: what the previous assessment recorded, read-only.

A carried-forward project starts with every answer not assessed; the panel shows what was
found last time so the assessor knows what to look at again. It is never counted as an
answer: only "Use last time's answer" (Ctrl+L) records it, as a new answer by the current
assessor that goes through the undo stack like any other edit.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ot62443_desktop.domain.language import long_date
from ot62443_desktop.domain.model import Answer, ProjectData
from ot62443_desktop.domain.rules import FORBIDS_ML, ml_for_status, status_for_ml
from ot62443_desktop.ui.i18n import fill, gui_language
from ot62443_desktop.ui.labels import field_label, maturity_label, status_label
from ot62443_desktop.ui.plain_text import elide, tooltip

USE_KEY = "Ctrl+L"
LINE_CHARS = 220  # each text of last time on one line of the panel; more of each in the tooltip
TIP_CHARS = 600
_TEXTS = ("notes", "finding", "countermeasure")
_COPIED = ("status", "ml", *_TEXTS)


def last_answer(data: ProjectData, scope_id: str, requirement_id: str) -> tuple[Answer | None, date | None]:
    """The previous assessment's answer here, if the project was carried forward and it holds one,
    with the date of that assessment (else the day the answer was given, else None)."""
    previous = data.previous
    answer = previous.answer(scope_id, requirement_id) if previous is not None else None
    if previous is None or answer is None:
        return None, None
    when = previous.info.assessment_date or (answer.answered_at.date() if answer.answered_at else None)
    return answer, when


def same_as(current: Answer | None, taken: Answer) -> bool:
    """Whether the current answer already says what `taken` (last time's, as `copied`) says."""
    return current is not None and all(getattr(current, name) == getattr(taken, name) for name in _COPIED)


def copied(last: Answer, base: Answer, *, program: bool, target_ml: int) -> Answer:
    """`base` (the current answer, stamped with who answers and when) saying what `last` said, as the
    page would record it today: a maturity only on a 2-1 requirement, and a status that agrees with it
    against today's target (raised since, ML2 "implemented" is now partial). Its evidence stays the
    current one: last time's files prove nothing about today."""
    status, ml = last.status, last.ml
    if not program:
        ml = None
    elif ml is None or status in FORBIDS_ML:  # as if the status were chosen on the page
        ml = ml_for_status(status, None, target_ml)
    else:  # as if the maturity were chosen on the page
        status = status_for_ml(ml, target_ml, status)
    return dataclasses.replace(base, status=status, ml=ml, **{name: getattr(last, name) for name in _TEXTS})


def _one_line(text: str) -> str:
    return elide(" ".join(text.split()), LINE_CHARS)


class LastTimePanel(QFrame):
    """A compact, read-only summary of last time's answer, and the button that copies it."""

    use_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lastTime")
        self.setStyleSheet("QFrame#lastTime { background: palette(alternate-base); border: 1px solid palette(mid);"
                           " border-left: 4px solid palette(mid); border-radius: 3px; }")
        self.answer: Answer | None = None
        self.head = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        font = self.head.font()
        font.setBold(True)
        self.head.setFont(font)
        self.label = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True,  # user text is data
                            textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        for label in (self.head, self.label):
            label.setStyleSheet("background: transparent; border: none;")
        key = QKeySequence(USE_KEY).toString(QKeySequence.SequenceFormat.NativeText)
        self.use_button = QPushButton(self.tr("Use last time's answer"))
        self.use_button.setToolTip(fill(self.tr("Record last time's status, maturity, notes, finding and "
                                                "countermeasure as your answer now (%1); Undo takes it back"), key))
        self.use_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.use_button.clicked.connect(self.use_requested)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.head)
        texts.addWidget(self.label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 6, 4)
        layout.addLayout(texts, 1)
        layout.addWidget(self.use_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_answer(self, answer: Answer | None, when: date | None) -> None:
        """Show last time's answer (hidden when there is none)."""
        self.answer = answer
        self.setVisible(answer is not None)
        if answer is None:
            self.head.clear()
            self.label.clear()
            self.label.setToolTip("")
            return
        if when is None:
            head = fill(self.tr("Last time: %1"), self._verdict(answer))
        else:
            head = fill(self.tr("Last time (%1): %2"), long_date(when, gui_language()), self._verdict(answer))
        texts = [(name, text) for name in ("finding", "notes", "countermeasure") if (text := getattr(answer, name))]
        self.head.setText(head)
        self.label.setText("\n".join(fill(self.tr("%1: %2"), field_label(name), _one_line(text))
                                     for name, text in texts))
        self.label.setVisible(bool(texts))
        self.label.setToolTip(tooltip("\n\n".join([head, *(f"{field_label(n)}\n{elide(t, TIP_CHARS)}"
                                                           for n, t in texts)])))

    def _verdict(self, answer: Answer) -> str:
        """'Partially implemented, ML1 · Initial': the status, and the maturity where one was rated."""
        if answer.ml is None:
            return status_label(answer.status)
        level = maturity_label(answer.ml) if answer.ml > 0 else self.tr("ML0 · not in place")
        return fill(self.tr("%1, %2"), status_label(answer.status), level)
