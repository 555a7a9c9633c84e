"""The GUI in French: menus, the four views, Qt's own buttons, the language choice and the report language.

The translator is compiled here from the committed .ts (as the build does), so a test sees today's
translation rather than a .qm left from an older build.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from ot62443_desktop.demo import write_demo
from ot62443_desktop.domain.language import Language
from ot62443_desktop.domain.model import ItemState, Status
from ot62443_desktop.ui import i18n
from ot62443_desktop.ui.actions import Act
from ot62443_desktop.ui.commands import SetInfoCommand
from ot62443_desktop.ui.errors import message_box
from ot62443_desktop.ui.main_window import MainWindow, app_settings
from ot62443_desktop.ui.preferences import PreferencesDialog
from ot62443_desktop.ui.project_dialog import ProjectDialog
from ot62443_desktop.ui.remediation_view import STATE, STATUS
from tests.ui.conftest import demo_with_register, when_dialog_opens
from tests.ui.test_translations import forms, messages, update

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every .ts compiled as the build compiles it, into a folder of its own."""
    folder = tmp_path_factory.mktemp("qm")
    for language in update.LANGUAGES:
        subprocess.run([*update.qt_tool("lrelease"), "-silent", str(update.ts_file(language)), "-qm",
                        str(folder / f"ot62443_{language}.qm")], check=True)
    return folder


def speak(app: QApplication, language: Language, folder: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(i18n, "translations_dir", lambda: folder)
    assert i18n.install_translations(app, language) is language
    yield
    i18n.remove_translations(app)


@pytest.fixture
def french(qapp: QApplication, compiled: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    yield from speak(qapp, Language.FR, compiled, monkeypatch)


@pytest.fixture
def english(qapp: QApplication, compiled: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    yield from speak(qapp, Language.EN, compiled, monkeypatch)


@pytest.fixture
def french_window(french: None, window: MainWindow) -> MainWindow:
    """The main window, built after the French translator was installed (as at start-up)."""
    return window


@pytest.fixture(scope="module")
def english_left_behind() -> set[str]:
    """Our English strings whose French differs: none of them may be on a French screen."""
    found = set()
    for (_context, source, _), message in messages(update.ts_file("fr")).items():
        if forms(message)[0] != source:
            found.add(source.replace("&&", "\0").replace("&", "").replace("\0", "&"))
    return found


def shown_texts(root: QWidget) -> set[str]:
    """What a person reads in and under `root`: labels, buttons, titles, placeholders, items and headers."""
    texts = {root.windowTitle()}
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, QLabel | QAbstractButton):
            texts.add(widget.text())
        if isinstance(widget, QGroupBox):
            texts.add(widget.title())
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            texts.add(widget.placeholderText())
        if isinstance(widget, QComboBox):
            texts.update(widget.itemText(i) for i in range(widget.count()))
        if isinstance(widget, QTabWidget):
            texts.update(widget.tabText(i) for i in range(widget.count()))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            header = widget.horizontalHeader() if isinstance(widget, QTableView) else getattr(widget, "header", None)
            model, columns = widget.model(), range(header().count() if callable(header) else 1)
            texts.update(str(model.headerData(c, Qt.Orientation.Horizontal)) for c in columns)
            for row in range(min(model.rowCount(), 20)):
                texts.update(str(model.index(row, c).data() or "") for c in columns)
    return {text.replace("&&", "\0").replace("&", "").replace("\0", "&") for text in texts if text}


def assert_french(root: QWidget, english: set[str]) -> None:
    assert sorted(shown_texts(root) & english) == []


def open_demo(window: MainWindow, tmp_path: Path) -> None:
    project = tmp_path / "demo.ot62443"
    write_demo(project, zones=3)
    assert window.open_path(str(project))


def test_menus_and_start_page_are_french(french_window: MainWindow, english_left_behind: set[str]) -> None:
    window = french_window
    menus = window.menuBar().actions()
    assert [m.text() for m in menus] == ["&Fichier", "É&dition", "A&ller", "&Affichage", "A&ide"]
    assert window.action(Act.QUIT).text() == "&Quitter" and window.action(Act.PREFERENCES).text() == "&Préférences…"
    assert window.start_page.demo_button.text() == "Ouvrir le projet de &démonstration"
    assert_french(window, english_left_behind)
    for menu in [m.menu() for m in menus]:  # Alt+letter picks one entry per menu
        keys = [re.search(r"&(\w)", a.text()).group(1).lower()  # type: ignore[union-attr]
                for a in menu.actions() if not a.isSeparator()]
        assert len(keys) == len(set(keys)), keys


def test_the_views_are_french(french_window: MainWindow, tmp_path: Path, english_left_behind: set[str]) -> None:
    window = french_window
    open_demo(window, tmp_path)
    view = window.view
    assert view is not None
    assert [view.tabText(i) for i in range(view.count())] == [
        "Zones && conduits", "Évaluation", "Tableau de bord", "Plan de remédiation", "Évolution",
        "Schéma", "Conflits"]
    assert "toutes les modifications sont enregistrées" in window.windowTitle()

    window.show_tab(1)
    walkthrough = view.walkthrough
    assert walkthrough.select("SCADA", "SR 1.1")
    page = walkthrough.page
    assert [b.text() for b in page.status_group.buttons()][:4] == [
        "1 Non évalué", "2 Mis en œuvre", "3 Partiel", "4 Non mis en œuvre"]
    page.set_status(Status.PARTIAL)
    index = walkthrough.model.requirement_index("SCADA", "SR 1.1").siblingAtColumn(1)
    assert index.data() == "Partiel"
    assert walkthrough.model.headerData(1, Qt.Orientation.Horizontal) == "Avancement"
    assert_french(walkthrough, english_left_behind)

    window.show_tab(2)
    dashboard = view.dashboard
    assert dashboard.program_label.text().startswith("Programme du site (IEC 62443-2-1), cible ML")
    assert "écarts\u00a0; non évaluées\u00a0:" in dashboard.program_label.text()
    assert_french(dashboard, english_left_behind)

    window.show_tab(3)
    plan = view.plan
    gaps = plan.model.rowCount()
    assert gaps > 1 and plan.count.text() == f"{gaps} écarts"
    assert plan.model.headerData(7, Qt.Orientation.Horizontal) == "Échéance"
    assert plan.model.index(0, STATE).data() == "Ouvert"
    metrics = plan.table.fontMetrics()  # "Partiellement mis en œuvre" was cut to "Partiellement mis en …"
    for column in (STATUS, STATE):
        widest = max(metrics.horizontalAdvance(plan.model.index(row, column).data()) for row in range(gaps))
        assert widest + 8 <= plan.table.columnWidth(column)
    assert_french(plan, english_left_behind)
    assert_french(view.zones, english_left_behind)


def test_a_state_chosen_from_the_french_list_is_stored(french_window: MainWindow, tmp_path: Path) -> None:
    open_demo(french_window, tmp_path)
    plan = french_window.view.plan  # type: ignore[union-attr]
    french_window.show_tab(3)
    gap = plan.model.gaps[0]
    assert plan.model.setData(plan.model.index(0, STATE), "En cours")
    item = french_window.session.store.remediation(gap.scope_id, gap.requirement.id)  # type: ignore[union-attr]
    assert item is not None and item.state is ItemState.IN_PROGRESS


def test_english_counts_say_gap_and_gaps(english: None, qapp: QApplication) -> None:
    assert [QApplication.translate("RemediationView", "%n gap(s)", "", n) for n in (0, 1, 2)] == [
        "0 gaps", "1 gap", "2 gaps"]


def test_french_counts_take_the_singular_for_zero_and_one(french: None) -> None:
    assert [QApplication.translate("RemediationView", "%n gap(s)", "", n) for n in (0, 1, 2)] == [
        "0 écart", "1 écart", "2 écarts"]


def test_without_its_compiled_file_the_gui_stays_english_and_says_why(
        qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path)
    assert i18n.install_translations(qapp, Language.FR) is Language.EN
    assert i18n.gui_language() is Language.EN and "no fr translation" in caplog.text
    assert QApplication.translate("Actions", "&File") == "&File"


def test_documents_follow_the_report_language_else_the_gui_language(french_window: MainWindow, tmp_path: Path) -> None:
    from ot62443_desktop.exports.register_reader import read_register

    xlsx = demo_with_register(french_window, tmp_path)  # the demo names no report language: the GUI's, French
    assert read_register(xlsx).meta["language"] == "fr"
    session = french_window.session
    assert session is not None
    session.undo_stack.push(SetInfoCommand(session, session.store.info,
                                           replace(session.store.info, report_language=Language.EN)))
    french_window.action(Act.EXPORT_XLSX).trigger()
    assert read_register(xlsx).meta["language"] == "en"


def test_qt_own_buttons_are_french(french: None, qtbot: QtBot) -> None:
    box = message_box(None, QMessageBox.Icon.Question, "?", "?")
    qtbot.addWidget(box)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    assert box.button(QMessageBox.StandardButton.Yes).text() == "&Oui"
    assert box.button(QMessageBox.StandardButton.No).text() == "&Non"


def test_the_language_chosen_in_preferences_is_kept(qtbot: QtBot, window: MainWindow) -> None:
    assert i18n.chosen_language(window.settings) is None

    def choose_french(dialog: QDialog) -> None:
        assert isinstance(dialog, PreferencesDialog)
        assert "next time you start" in " ".join(label.text() for label in dialog.findChildren(QLabel))
        dialog.language_box.setCurrentIndex(dialog.language_box.findText("Français"))
        box = dialog.findChild(QDialogButtonBox)
        qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    when_dialog_opens(choose_french)
    window.action(Act.PREFERENCES).trigger()
    assert "Français" in window.statusBar().currentMessage()
    assert i18n.chosen_language(app_settings()) is Language.FR  # in the settings file, for the next start
    assert i18n.start_language(app_settings()) is Language.FR
    assert PreferencesDialog(app_settings()).language_box.currentText() == "Français"


def test_damaged_language_setting_counts_as_no_choice(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue(i18n.LANGUAGE_KEY, "klingon")
    assert i18n.chosen_language(settings) is None
    settings.setValue(i18n.LANGUAGE_KEY, ["fr"])
    assert i18n.chosen_language(settings) is None


PROBE = ("from PySide6.QtCore import QCoreApplication; QCoreApplication([]);"
         "from ot62443_desktop.ui.i18n import start_language; from ot62443_desktop.ui.main_window import app_settings;"
         "print(start_language(app_settings()).value)")


@pytest.mark.parametrize(("locale", "saved", "expected"), [
    ("fr_CA.UTF-8", None, "fr"), ("fr_BE.UTF-8", None, "fr"), ("de_CH.UTF-8", None, "en"),
    ("en_GB.UTF-8", None, "en"), ("fr_FR.UTF-8", "en", "en"), ("en_US.UTF-8", "fr", "fr"),
])
def test_first_start_follows_the_system_locale_until_a_choice_is_made(
        tmp_path: Path, locale: str, saved: str | None, expected: str) -> None:
    if saved is not None:
        QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat).setValue(i18n.LANGUAGE_KEY, saved)
    env = dict(os.environ, LC_ALL=locale, LANG=locale, LANGUAGE="", OT62443_DATA_DIR=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == expected


@pytest.mark.slow
def test_the_program_starts_in_french_with_its_compiled_translation(tmp_path: Path) -> None:
    """The real start: the .qm the build put into the package is found and loaded (else it logs why not)."""
    env = dict(os.environ, LC_ALL="fr_FR.UTF-8", LANG="fr_FR.UTF-8", OT62443_DATA_DIR=str(tmp_path),
               QT_QPA_PLATFORM="offscreen", OT62443_QUIT_AFTER_MS="200")
    result = subprocess.run([sys.executable, "-m", "ot62443_desktop", "gui", "--demo"], env=env, capture_output=True,
                            text=True, timeout=120, check=False)
    log = (tmp_path / "logs" / "ot62443.log").read_text(encoding="utf-8")
    assert result.returncode == 0, result.stderr
    assert "started (fr)" in log, result.stderr


def test_project_details_store_the_report_language(qtbot: QtBot, window: MainWindow, zone_project: Path) -> None:
    assert window.open_path(str(zone_project))
    store = window.session.store  # type: ignore[union-attr]
    assert store.info.report_language is None

    def choose(language: str) -> None:
        def fill(dialog: QDialog) -> None:
            assert isinstance(dialog, ProjectDialog)
            dialog.report_language.setCurrentIndex(dialog.report_language.findText(language))
            box = dialog.findChild(QDialogButtonBox)
            qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
        when_dialog_opens(fill)
        window.edit_project()

    choose("Français")
    assert store.info.report_language is Language.FR
    dialog = ProjectDialog(store.info)
    qtbot.addWidget(dialog)
    assert dialog.report_language.currentText() == "Français"
    choose("Same as the application (English)")
    assert store.info.report_language is None
    window.session.undo_stack.undo()  # type: ignore[union-attr]
    assert store.info.report_language is Language.FR


def test_the_project_dialog_in_french_offers_the_application_language(french: None, qtbot: QtBot) -> None:
    dialog = ProjectDialog()
    qtbot.addWidget(dialog)
    assert [dialog.report_language.itemText(i) for i in range(3)] == [
        "Comme l'application (Français)", "English", "Français"]
    assert dialog.confidentiality.text() == "Confidentiel" and dialog.target_ml.currentText() == "ML2 · Géré"
    dialog.client.setText("Régie des eaux")
    dialog.site.setText("Usine nord")
    dialog.accept()
    assert dialog.result_info is not None and dialog.result_info.report_language is None



def test_an_unselected_tab_shows_the_accent_of_a_capital(qtbot: QtBot) -> None:
    """Fusion drew "Évaluation" on an unselected tab as "Evaluation": the accent was cut off at the top."""
    from ot62443_desktop.ui.main_window import AccentTabBar

    def unselected_tab(name: str) -> QImage:
        tabs = QTabWidget()
        tabs.setTabBar(AccentTabBar(tabs))
        qtbot.addWidget(tabs)
        for text in ("Zones", name, "Tableau de bord"):
            tabs.addTab(QWidget(), text)
        tabs.show()
        qtbot.waitExposed(tabs)
        return tabs.tabBar().grab(tabs.tabBar().tabRect(1)).toImage()

    assert unselected_tab("Évaluation") != unselected_tab("Evaluation")  # the same picture: no accent drawn
