"""The requirement page: what the standard asks, and the assessor's answer, edited in place.

Status by buttons or keys 1-6 (Alt+0..4 sets the achieved maturity of a 2-1 requirement; Ctrl+L
records last time's answer, shown above it in a carried-forward project);
text fields are committed as one undo step per field after a short pause in typing, on
leaving the field, and before moving to another requirement.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ot62443_desktop.domain.catalogue import MATURITY_NAMES, Requirement
from ot62443_desktop.domain.model import (
    SITE_SCOPE,
    Answer,
    Effort,
    Evidence,
    ItemState,
    Priority,
    RemediationItem,
    Status,
)
from ot62443_desktop.domain.report import reference_date
from ot62443_desktop.domain.rules import classify, ml_for_status, status_for_ml
from ot62443_desktop.domain.scoring import gap_for
from ot62443_desktop.exports.evidence_files import new_evidence
from ot62443_desktop.storage.identity import user
from ot62443_desktop.ui import local_files
from ot62443_desktop.ui.badge import Badge
from ot62443_desktop.ui.commands import SetAnswerCommand, SetRemediationCommand
from ot62443_desktop.ui.evidence import EvidenceHasher
from ot62443_desktop.ui.i18n import fill
from ot62443_desktop.ui.labels import maturity_label, priority_tip, short_status_label, state_label, status_label
from ot62443_desktop.ui.last_time import USE_KEY, LastTimePanel, copied, last_answer, same_as
from ot62443_desktop.ui.licensed_panel import LicensedTextPanel
from ot62443_desktop.ui.markdown_view import MarkdownView
from ot62443_desktop.ui.plain_text import elide, tooltip
from ot62443_desktop.ui.session import ProjectSession
from ot62443_desktop.ui.text_field import LineField, TextField
from ot62443_desktop.ui.theme import Theme, heading_font, theme

STATUS_ORDER = (Status.NOT_ASSESSED, Status.IMPLEMENTED, Status.PARTIAL, Status.NOT_IMPLEMENTED,
                Status.NOT_APPLICABLE, Status.COMPENSATED)
E = TypeVar("E", bound=StrEnum)


def _enum(kind: type[E], value: object) -> E | None:
    """Qt hands enum item data back as plain str; turn it back into the enum (None stays None)."""
    return None if value is None else kind(value)


class RequirementPage(QWidget):
    """Shows one requirement in one scope and edits its answer and remediation item."""

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.scope_id = ""
        self.requirement: Requirement | None = None
        self.hasher = EvidenceHasher(self)
        self._build()
        session.answer_changed.connect(self._on_changed)
        session.remediation_changed.connect(self._on_changed)
        session.info_changed.connect(lambda: self._refresh() if self.requirement else None)
        session.read_only_changed.connect(self._show_editable)

    # -- layout ------------------------------------------------------------------------------

    def _build(self) -> None:
        plain = Qt.TextFormat.PlainText  # a custom catalogue or a zone name is text, not markup
        self.heading = QLabel(wordWrap=True, textFormat=plain,
                              textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        self.heading.setFont(heading_font(self.heading.font()))
        self.badge = Badge(Theme.badge)
        self.badge.setObjectName("levelBadge")
        self.result_badge = Badge(Theme.badge)  # what the answer counts as: met, a gap, not assessed...
        self.result_badge.setObjectName("resultBadge")
        self.result_badge.setToolTip(self.tr("Green: met. Red: a gap. Grey: not assessed yet. Blue: not applicable."))
        self.scope_label = QLabel(textFormat=plain, wordWrap=True)  # a long name must not widen the page
        head = QHBoxLayout()
        head.addWidget(self.heading, 1)
        head.addWidget(self.result_badge, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)

        self.about = MarkdownView()
        self.about.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.licensed = LicensedTextPanel()  # the user's own wording of the standard, above our summary
        reading = QWidget()
        reading_layout = QVBoxLayout(reading)
        reading_layout.setContentsMargins(0, 0, 0, 0)
        reading_layout.addWidget(self.licensed)
        reading_layout.addWidget(self.about, 1)

        form = QWidget()
        form_layout = QVBoxLayout(form)
        form_layout.setContentsMargins(0, 0, 0, 0)
        self.last_time = LastTimePanel()
        self.last_time.use_requested.connect(self.use_last_time)
        form_layout.addWidget(self.last_time)
        form_layout.addWidget(self._status_box())
        self.ml_row = QWidget()
        ml_layout = QHBoxLayout(self.ml_row)
        ml_layout.setContentsMargins(0, 0, 0, 0)
        self.ml_combo = QComboBox()
        self.ml_combo.addItem(self.tr("— not rated"), None)
        self.ml_combo.addItem(self.tr("ML0 · not in place"), 0)
        for level in range(1, len(MATURITY_NAMES) + 1):
            self.ml_combo.addItem(maturity_label(level), level)
        self.ml_combo.activated.connect(lambda _: self.set_ml(self.ml_combo.currentData()))
        self.ml_target = QLabel(textFormat=plain)
        ml_layout.addWidget(QLabel(self.tr("Achieved maturity:")))
        ml_layout.addWidget(self.ml_combo)
        ml_layout.addWidget(self.ml_target, 1)
        form_layout.addWidget(self.ml_row)

        self.notes = TextField(self.tr("Notes (Markdown): what you saw, who you spoke to"))
        self.notes.committed.connect(lambda text: self._set_text("notes", text))
        self.notes_preview = MarkdownView()
        self.notes_stack = QStackedWidget()
        self.notes_stack.addWidget(self.notes)
        self.notes_stack.addWidget(self.notes_preview)
        self.preview_box = QCheckBox(self.tr("Preview"))
        self.preview_box.toggled.connect(self._toggle_preview)
        notes_head = QHBoxLayout()
        notes_head.addWidget(QLabel(self.tr("&Notes"), buddy=self.notes))
        notes_head.addStretch(1)
        notes_head.addWidget(self.preview_box)
        form_layout.addLayout(notes_head)
        form_layout.addWidget(self.notes_stack)

        self.finding = TextField(self.tr("Finding: the gap in one or two sentences, for the register"))
        self.finding.committed.connect(lambda text: self._set_text("finding", text))
        form_layout.addWidget(QLabel(self.tr("&Finding"), buddy=self.finding))
        form_layout.addWidget(self.finding)

        self.countermeasure = TextField(self.tr("The compensating countermeasure and why it is adequate"))
        self.countermeasure.committed.connect(lambda text: self._set_text("countermeasure", text))
        self.countermeasure_label = QLabel(self.tr("Compensating &countermeasure"), buddy=self.countermeasure)
        form_layout.addWidget(self.countermeasure_label)
        form_layout.addWidget(self.countermeasure)

        form_layout.addWidget(self._evidence_box())
        form_layout.addWidget(self._remediation_box())
        form_layout.addStretch(1)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(form)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(reading)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.scope_label)
        layout.addWidget(splitter, 1)
        self._editors: list[QWidget] = [self.last_time.use_button, self.ml_combo, self.evidence_add,
                                        self.evidence_remove, self.priority, self.due_default, self.effort,
                                        self.state, *self.status_group.buttons()]
        self._text_fields: list[TextField | LineField] = [self.notes, self.finding, self.countermeasure,
                                                          self.action, self.owner, self.justification]

    def _status_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Status (keys 1-6)"))
        box.setStyleSheet("QPushButton:checked { background: palette(highlight); color: palette(highlighted-text);"
                          " font-weight: bold; }")
        layout = QGridLayout(box)
        self.status_group = QButtonGroup(self)
        for key, status in enumerate(STATUS_ORDER, 1):
            button = QPushButton(f"{key} {short_status_label(status)}", checkable=True)
            button.setToolTip(fill(self.tr("%1 (key %2)"), status_label(status), key))
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            self.status_group.addButton(button, key)
            layout.addWidget(button, (key - 1) // 3, (key - 1) % 3)
        self.status_group.idClicked.connect(lambda key: self.set_status(STATUS_ORDER[key - 1]))
        return box

    def _evidence_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Evidence"))
        layout = QVBoxLayout(box)
        self.evidence_list = QListWidget()
        self.evidence_list.setMaximumHeight(90)
        buttons = QHBoxLayout()
        self.evidence_add = QPushButton(self.tr("Add file…"))
        self.evidence_add.clicked.connect(self._add_evidence_dialog)
        self.evidence_remove = QPushButton(self.tr("Remove"))
        self.evidence_remove.clicked.connect(self._remove_evidence)
        buttons.addWidget(self.evidence_add)
        buttons.addWidget(self.evidence_remove)
        buttons.addStretch(1)
        layout.addWidget(self.evidence_list)
        layout.addLayout(buttons)
        return box

    def _remediation_box(self) -> QGroupBox:
        self.remediation_box = QGroupBox(self.tr("Remediation"))
        form = QFormLayout(self.remediation_box)
        self.action = TextField(self.tr("Corrective action"))
        self.action.setMinimumHeight(90)
        self.action.committed.connect(self._set_action)
        self.priority = QComboBox()
        self.priority.activated.connect(lambda _: self._set_item(priority=_enum(Priority, self.priority.currentData())))
        self.owner = LineField(self.tr("Who will do it"))
        self.owner.editingFinished.connect(lambda: self._set_item(owner=self.owner.value()))
        self.due_default = QCheckBox(self.tr("Default for the priority"))
        self.due = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.due_default.toggled.connect(self._due_default_toggled)
        self.due.editingFinished.connect(self._due_edited)
        due_row = QHBoxLayout()
        due_row.addWidget(self.due)
        due_row.addWidget(self.due_default)
        self.effort = QComboBox()
        self.effort.addItem("—", None)
        for effort in Effort:
            self.effort.addItem(effort.value, effort)
        self.effort.activated.connect(lambda _: self._set_item(effort=_enum(Effort, self.effort.currentData())))
        self.state = QComboBox()
        for state in ItemState:
            self.state.addItem(state_label(state), state)
        self.state.activated.connect(lambda _: self._set_state())
        self.justification = LineField(self.tr("Why the risk is accepted (required)"))
        self.justification.editingFinished.connect(self._set_state)
        form.addRow(self.tr("&Action"), self.action)
        form.addRow(self.tr("&Priority"), self.priority)
        form.addRow(self.tr("&Owner"), self.owner)
        form.addRow(QLabel(self.tr("&Due date"), buddy=self.due), due_row)  # a row of two: name the buddy
        form.addRow(self.tr("&Effort"), self.effort)
        form.addRow(self.tr("S&tate"), self.state)
        form.addRow(self.tr("&Justification"), self.justification)
        return self.remediation_box

    def install_shortcuts(self, scope: QWidget) -> None:
        """Keys 1-6 set the status and Alt+0..4 the maturity while focus is within `scope`."""
        for key, status in enumerate(STATUS_ORDER, 1):
            shortcut = QShortcut(QKeySequence(str(key)), scope, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda s=status: self.set_status(s))
        for level in range(5):
            shortcut = QShortcut(QKeySequence(f"Alt+{level}"), scope,
                                 context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda lv=level: self.set_ml(lv) if self._is_program() else None)
        use = QShortcut(QKeySequence(USE_KEY), scope, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        use.activated.connect(self.use_last_time)

    # -- showing ------------------------------------------------------------------------------

    def show_requirement(self, scope_id: str, requirement_id: str) -> None:
        self.flush()
        self.scope_id = scope_id
        self.requirement = self.session.requirement(requirement_id)
        r = self.requirement
        self.heading.setText(f"{r.id}  {r.title}")
        self.badge.setText(r.group if self._is_program() else self.tr("SL %1").replace("%1", str(r.level)))
        self.badge.updateGeometry()
        self.about.show_markdown(self._about_markdown(r))
        self.licensed.show_for(r.id)
        self._refresh(keep_typed=False)

    def _about_markdown(self, r: Requirement) -> str:
        parts = ["### " + self.tr("What it asks"), r.summary]
        if r.guidance:
            parts += ["### " + self.tr("What to check on site"), r.guidance]
        if r.evidence:
            parts += ["### " + self.tr("Typical evidence"), "\n".join(f"- {e}" for e in r.evidence)]
        if r.maturity:
            lines = "\n".join(f"- **ML{n}**: {text}" for n, text in enumerate(r.maturity, 1))
            parts += ["### " + self.tr("Maturity levels"), lines]
        return "\n\n".join(parts)

    def _refresh(self, *, keep_typed: bool = True) -> None:
        """Show what is stored; keep_typed (the same requirement) keeps text typed and not yet saved."""
        assert self.requirement is not None
        r, scope_id = self.requirement, self.scope_id
        answer = self.session.store.answer(scope_id, r.id)
        status = answer.status if answer else Status.NOT_ASSESSED
        self.scope_label.setText(elide(self.session.scope_name(scope_id)))
        self.last_time.show_answer(*last_answer(self.session.snapshot(), scope_id, r.id))
        self.status_group.button(STATUS_ORDER.index(status) + 1).setChecked(True)
        self._show_result(answer)
        program = self._is_program()
        self.ml_row.setVisible(program)
        if program:
            self.ml_combo.setCurrentIndex(self.ml_combo.findData(answer.ml if answer else None))
            self.ml_target.setText(self.tr("target ML%1").replace("%1", str(self.session.store.info.target_ml)))
        self.notes.show_stored(answer.notes if answer else "", keep_typed=keep_typed)
        if self.preview_box.isChecked():
            self.notes_preview.show_markdown(answer.notes if answer else "")
        self.finding.show_stored(answer.finding if answer else "", keep_typed=keep_typed)
        self.countermeasure.show_stored(answer.countermeasure if answer else "", keep_typed=keep_typed)
        compensated = status is Status.COMPENSATED
        self.countermeasure.setVisible(compensated)
        self.countermeasure_label.setVisible(compensated)
        self._show_evidence(answer.evidence if answer else ())
        self._refresh_remediation(keep_typed=keep_typed)
        self._show_editable()

    def _show_result(self, answer: Answer | None) -> None:
        """The status badge: the answer's status, tinted by what it counts as (the navigator's dot colours)."""
        assert self.requirement is not None
        store = self.session.store
        zone = None if self.scope_id == SITE_SCOPE else store.zone(self.scope_id)
        result = classify(answer, self.requirement, zone, store.info.target_ml)
        status = answer.status if answer else Status.NOT_ASSESSED
        ml = f" · ML{answer.ml}" if answer is not None and answer.ml is not None else ""
        self.result_badge.setText(short_status_label(status) + ml)
        self.result_badge.set_colours(lambda colours: colours.result_badge(result))
        self.result_badge.updateGeometry()

    def _show_editable(self) -> None:
        """Editors follow whether the project can be changed (it may turn read-only while open); text
        stays selectable, so that a note, or what was typed just before, can still be copied."""
        editable = not self.session.read_only
        for editor in self._editors:
            editor.setEnabled(editable)
        for field in self._text_fields:
            field.setReadOnly(not editable)
        self.due.setEnabled(editable and not self.due_default.isChecked())

    def _show_evidence(self, evidence: tuple[Evidence, ...]) -> None:
        self.evidence_list.clear()
        for item in evidence:
            present = local_files.present(item.path)  # a share named by a project is not looked at
            text = f"{elide(item.description or Path(item.path).name)} · sha256 {item.sha256[:12]}…"
            if present is None:
                text = self.tr("NOT CHECKED (network path): %1").replace("%1", text)
            elif not present:
                text = self.tr("MISSING: %1").replace("%1", text)
            row = QListWidgetItem(text)
            row.setToolTip(tooltip(item.path))
            if present is False:
                row.setForeground(theme(self.palette()).error_text())
            self.evidence_list.addItem(row)

    def _refresh_remediation(self, *, keep_typed: bool = True) -> None:
        gap = gap_for(self.session.snapshot(), self.session.catalogues, self.scope_id, self.requirement.id) \
            if self.requirement else None
        self.remediation_box.setVisible(gap is not None)
        if gap is None:
            if not keep_typed:  # another requirement: nothing typed for the last one may be saved to it
                for field in (self.action, self.owner, self.justification):
                    field.load("")
            return
        item = gap.item
        self.action.show_stored(gap.action, keep_typed=keep_typed)
        self.priority.clear()
        self.priority.addItem(self.tr("Computed (%1)").replace("%1", gap.computed_priority.value), None)
        for p in Priority:
            self.priority.addItem(p.value, p)
            self.priority.setItemData(self.priority.count() - 1, priority_tip(p), Qt.ItemDataRole.ToolTipRole)
        self.priority.setCurrentIndex(self.priority.findData(item.priority) if item.priority else 0)
        self.owner.show_stored(item.owner, keep_typed=keep_typed)
        due = gap.due_date(self._assessment_date())
        self.due_default.blockSignals(True)
        self.due_default.setChecked(item.due_date is None)
        self.due_default.blockSignals(False)
        self.due.setDate(QDate(due.year, due.month, due.day))
        self.effort.setCurrentIndex(self.effort.findData(item.effort))
        self.state.setCurrentIndex(self.state.findData(item.state))
        self.justification.show_stored(item.justification, keep_typed=keep_typed)

    def _assessment_date(self) -> date:
        return reference_date(self.session.store.info, date.today())

    def _is_program(self) -> bool:
        return self.requirement is not None and self.session.is_program(self.requirement)

    def _on_changed(self, scope_id: str, requirement_id: str) -> None:
        if self.requirement and (scope_id, requirement_id) == (self.scope_id, self.requirement.id):
            self._refresh()

    def _toggle_preview(self, on: bool) -> None:
        self.notes.flush()
        if on:  # rendering a long note takes a while: not for a preview that is being hidden
            answer = self.session.store.answer(self.scope_id, self.requirement.id) if self.requirement else None
            self.notes_preview.show_markdown(answer.notes if answer else "")
        self.notes_stack.setCurrentIndex(1 if on else 0)

    def clear(self) -> None:
        """Show no requirement: the one shown is gone (its zone was removed), so keys set nothing."""
        self.requirement, self.scope_id = None, ""

    def flush(self) -> None:
        """Commit text typed and not saved yet (pending, or whose save failed) before anything else is
        written and before the page shows another requirement."""
        if self.requirement is not None:
            for field in (self.notes, self.finding, self.countermeasure, self.action):
                if field.pending or field.typed:
                    field.flush()
            if self.owner.typed:
                self._set_item(owner=self.owner.value())
            if self.justification.typed and self.justification.value():
                self._set_state()

    # -- editing ------------------------------------------------------------------------------

    def _current(self) -> Answer | None:
        assert self.requirement is not None
        return self.session.store.answer(self.scope_id, self.requirement.id)

    def _push(self, after: Answer, text: str, merge_key: str | None = None) -> None:
        before = self.session.store.answer(after.scope_id, after.requirement_id)
        if before == after:
            return
        self.session.undo_stack.push(SetAnswerCommand(
            self.session, before, after, scope_id=after.scope_id, requirement_id=after.requirement_id,
            text=text, merge_key=merge_key))

    def _base(self, status: Status, key: tuple[str, str] | None = None) -> Answer:
        """The answer to change (of the page's requirement unless `key` names another), stamped now."""
        assert key is not None or self.requirement is not None
        scope_id, requirement_id = key or (self.scope_id, self.requirement.id)  # type: ignore[union-attr]
        current = self.session.store.answer(scope_id, requirement_id) or Answer(scope_id, requirement_id, status)
        return dataclasses.replace(current, answered_by=user(), answered_at=datetime.now().replace(microsecond=0))

    def set_status(self, status: Status) -> None:
        if self.requirement is None or not self.session.editable():
            return
        self.flush()
        current = self._current()
        target = self.session.store.info.target_ml
        ml = ml_for_status(status, current.ml if current else None, target) if self._is_program() else None
        if current is not None and current.status is status and current.ml == ml:
            return
        self._push(dataclasses.replace(self._base(status), status=status, ml=ml),
                   fill(self.tr("%1: %2"), self.requirement.id, status_label(status)))

    def use_last_time(self) -> None:
        """Record last time's answer as the current assessor's, now: a starting point to edit."""
        last = self.last_time.answer
        if self.requirement is None:
            return
        if last is None:  # said, as any key that changes nothing
            self.session.refused.emit(
                self.tr("Nothing was changed: the previous assessment has no answer to this requirement here.")
                if self.session.snapshot().previous is not None else
                self.tr("Nothing was changed: this project was not carried forward from a previous assessment."))
            return
        if not self.session.editable():
            return
        self.flush()
        taken = copied(last, self._base(last.status), program=self._is_program(),
                       target_ml=self.session.store.info.target_ml)
        if not same_as(self._current(), taken):
            self._push(taken, self.tr("%1: use last time's answer").replace("%1", self.requirement.id))

    def set_ml(self, ml: int | None) -> None:
        if self.requirement is None or not self.session.editable():
            return
        current = self._current()
        status = status_for_ml(ml, self.session.store.info.target_ml, current.status if current else None)
        self._push(dataclasses.replace(self._base(status), status=status, ml=ml),
                   self.tr("%1: maturity").replace("%1", self.requirement.id))

    def _set_text(self, field: str, text: str) -> None:
        if self.requirement is None:
            return
        current = self._current()
        if (getattr(current, field) if current else "") == text or not self.session.editable():
            return
        after = dataclasses.replace(self._base(Status.NOT_ASSESSED), **{field: text})
        what = {"notes": self.tr("%1: edit notes"), "finding": self.tr("%1: edit finding"),
                "countermeasure": self.tr("%1: edit countermeasure")}[field]
        self._push(after, what.replace("%1", self.requirement.id), merge_key=field)

    def add_evidence(self, path: Path, description: str = "") -> None:
        """Record a file as evidence with its SHA-256 (the file itself stays where it is). A large file
        is hashed in the background: the evidence goes to the requirement it was chosen for."""
        if self.requirement is None or not self.session.editable():
            return
        key = (self.scope_id, self.requirement.id)
        self.hasher.hash(path, lambda digest: self._record_evidence(
            key, new_evidence(path, digest, description)))

    def _record_evidence(self, key: tuple[str, str], evidence: Evidence) -> None:
        if key[0] not in self.session.store.scope_ids():  # removed while a large file was read
            self.hasher.refuse(Path(evidence.path), self.tr("zone %1 was removed meanwhile").replace("%1", key[0]))
        elif self.session.editable():
            base = self._base(Status.NOT_ASSESSED, key)
            self._push(dataclasses.replace(base, evidence=(*base.evidence, evidence)),
                       self.tr("%1: add evidence").replace("%1", key[1]))

    def _add_evidence_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Add evidence file"))
        if name:
            self.add_evidence(Path(name))

    def _remove_evidence(self) -> None:
        row = self.evidence_list.currentRow()
        current = self._current()
        if row < 0 or current is None or self.requirement is None or not self.session.editable():
            return
        evidence = current.evidence[:row] + current.evidence[row + 1:]
        self._push(dataclasses.replace(current, evidence=evidence),
                   self.tr("%1: remove evidence").replace("%1", self.requirement.id))

    def _item(self) -> RemediationItem:
        assert self.requirement is not None
        return self.session.store.remediation(self.scope_id, self.requirement.id) or RemediationItem(
            self.scope_id, self.requirement.id)

    def _set_item(self, **changes: object) -> None:
        if self.requirement is None:
            return
        before = self.session.store.remediation(self.scope_id, self.requirement.id)
        current = self._item()
        try:
            after = dataclasses.replace(current, **changes)  # type: ignore[arg-type]
        except ValueError:
            self._refresh_remediation()
            return
        if after != current and self.session.editable():
            self.session.undo_stack.push(SetRemediationCommand(
                self.session, before, after, self.tr("%1: edit remediation").replace("%1", self.requirement.id)))

    def _set_action(self, text: str) -> None:
        if self.requirement is None:
            return
        default = self.requirement.remediation
        self._set_item(action=None if text.strip() == default.strip() else text)

    def _due_default_toggled(self, use_default: bool) -> None:
        if use_default:
            self._set_item(due_date=None)
        else:
            self._due_edited()

    def _due_edited(self) -> None:
        if not self.due_default.isChecked():
            self._set_item(due_date=self.due.date().toPython())

    def _set_state(self) -> None:
        state = ItemState(self.state.currentData())
        justification = self.justification.value()
        if state is ItemState.RISK_ACCEPTED and not justification:
            self.justification.setFocus()
            self.justification.setPlaceholderText(self.tr("A justification is required to accept a risk"))
            return
        self._set_item(state=state, justification=justification)
