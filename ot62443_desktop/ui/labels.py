"""User-facing names of domain values, translatable (the domain itself knows no Qt)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ot62443_desktop.domain.model import ItemState, Status


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def status_label(status: Status) -> str:
    return {
        Status.NOT_ASSESSED: _t("Not assessed"),
        Status.IMPLEMENTED: _t("Implemented"),
        Status.PARTIAL: _t("Partially implemented"),
        Status.NOT_IMPLEMENTED: _t("Not implemented"),
        Status.NOT_APPLICABLE: _t("Not applicable"),
        Status.COMPENSATED: _t("Compensating countermeasure"),
    }[status]


def state_label(state: ItemState) -> str:
    return {
        ItemState.OPEN: _t("Open"),
        ItemState.IN_PROGRESS: _t("In progress"),
        ItemState.DONE: _t("Done"),
        ItemState.RISK_ACCEPTED: _t("Risk accepted"),
    }[state]
