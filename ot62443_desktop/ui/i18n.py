"""The GUI's language: the one chosen in Preferences, else the system's; installed once at start.

Our words come from resources/translations/ot62443_<lang>.qm (built from the .ts by
pyside6-lrelease when the package is built; the English one holds only plural forms), Qt's
own (file dialogs, Yes/No, Cancel) from the qtbase_<lang>.qm that ships with Qt. A new choice
takes effect at the next start: every widget is built with its words once, and a window half
in one language is worse than a restart.

Writing strings: a literal in self.tr("...") or QCoreApplication.translate("Context", "..."), so
that pyside6-lupdate sees it; counts as self.tr("%n gap(s)", "", n) in the class of the object
itself (lupdate marks no plural in translate(), and PySide6 looks a plural up only under the
object's own class name, not a base class's); %1, %2 filled by `fill`.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from ot62443_desktop.domain.language import DEFAULT_LANGUAGE, Language, parse_language
from ot62443_desktop.paths import package_folder

LANGUAGE_KEY = "ui/language"
QT_LANGUAGES = {Language.FR: QLocale.Language.French, Language.EN: QLocale.Language.English}
log = logging.getLogger("ot62443")
_PLACEHOLDER = re.compile("%([1-9])")

_state: dict[str, Language] = {"current": DEFAULT_LANGUAGE}  # the language of the translators installed
_translators: list[QTranslator] = []


def system_language(locale: QLocale | None = None) -> Language:
    """French for any French locale (fr_FR, fr_CA, fr_BE, fr_CH...), English for every other."""
    return Language.FR if (locale or QLocale.system()).language() == QLocale.Language.French else Language.EN


def chosen_language(settings: QSettings) -> Language | None:
    """The language chosen in Preferences, if any (a damaged value counts as no choice)."""
    value = settings.value(LANGUAGE_KEY)
    if not isinstance(value, str):
        return None
    try:
        return parse_language(value)
    except ValueError:
        return None


def start_language(settings: QSettings) -> Language:
    """The language to start in: the person's choice, else the system's."""
    return chosen_language(settings) or system_language()


def save_language(settings: QSettings, language: Language) -> None:
    settings.setValue(LANGUAGE_KEY, language.value)
    settings.sync()


def gui_language() -> Language:
    """The language the GUI is showing (the one installed at start)."""
    return _state["current"]


def translations_dir() -> Path:
    return package_folder("ot62443_desktop.resources") / "translations"


def install_translations(app: QCoreApplication, language: Language) -> Language:
    """Install our and Qt's translators for `language`; returns the language the GUI is then in.

    English needs only our plural forms ("1 gap", "2 gaps"). Without our compiled file (a source
    checkout that was never built) the GUI stays English and the log says why; Qt's own file
    missing only leaves Qt's dialogs in English.
    """
    remove_translations(app)
    ours = QTranslator(app)
    if ours.load(f"ot62443_{language.value}", str(translations_dir())):
        _translators.append(ours)
    else:
        ours.deleteLater()
        if language is not Language.EN:
            log.warning("no %s translation in %s (build the package to compile it); the GUI stays in English",
                        language.value, translations_dir())
            return gui_language()
    if language is not Language.EN:
        qt = QTranslator(app)
        if qt.load(f"qtbase_{language.value}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            _translators.append(qt)
        else:
            log.warning("Qt's own %s translation was not found; its dialogs stay in English", language.value)
    for translator in _translators:
        app.installTranslator(translator)
    system = QLocale.system()
    QLocale.setDefault(system if system_language(system) is language else QLocale(QT_LANGUAGES[language]))
    _state["current"] = language
    return language


def remove_translations(app: QCoreApplication) -> None:
    """Back to English (tests switch languages within one process)."""
    while _translators:
        translator = _translators.pop()
        app.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(QLocale.system())
    _state["current"] = DEFAULT_LANGUAGE


def fill(text: str, *values: object) -> str:
    """Qt's %1..%9 in a translated text replaced by `values`, in one pass: a value that holds "%2"
    itself (a zone name, a note) is inserted as it is, never filled in turn."""
    return _PLACEHOLDER.sub(lambda m: str(values[int(m[1]) - 1]) if int(m[1]) <= len(values) else m[0], text)
