"""The languages a user reads the workbook in, and how each writes dates and numbers.

Qt translates the GUI; the exports and the CLI run without Qt, so their words come from
plain message tables (English text -> translation) looked up through a `Translator`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from enum import StrEnum


class Language(StrEnum):
    EN = "en"
    FR = "fr"

    @property
    def native_name(self) -> str:
        """The language's name in itself, as a language menu shows it."""
        return _NATIVE_NAMES[self]


Day = date  # a date, under a name the Translator's own `date` method does not hide

_NATIVE_NAMES = {Language.EN: "English", Language.FR: "Français"}
DEFAULT_LANGUAGE = Language.EN

_MONTHS = {
    Language.EN: ("January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December"),
    Language.FR: ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                  "septembre", "octobre", "novembre", "décembre"),
}


#: A date in a table cell, as strftime writes it (and strptime reads it back) and as a person is told to type it.
_SHORT_DATES = {Language.EN: ("%Y-%m-%d", "YYYY-MM-DD"), Language.FR: ("%d/%m/%Y", "DD/MM/YYYY")}


def parse_language(text: str) -> Language:
    """A language from its code ("en", "fr", also "fr_CA" or "fr-BE"); ValueError names the choices."""
    code = text.strip().lower().replace("-", "_").split("_")[0]
    try:
        return Language(code)
    except ValueError:
        choices = ", ".join(language.value for language in Language)
        raise ValueError(f"unknown language {text!r} (use {choices})") from None


def long_date(value: date, language: Language) -> str:
    """A date as a reader of that language writes it: "20 February 2027", "20 février 2027"."""
    month = _MONTHS[language][value.month - 1]
    if language is Language.FR:
        day = "1er" if value.day == 1 else str(value.day)
        return f"{day} {month} {value.year}"
    return f"{value.day} {month} {value.year}"


def decimal(value: float, language: Language, digits: int = 1) -> str:
    """A number with `digits` decimals in that language's notation: "2.5", "2,5"."""
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if language is Language.FR else text


def percent(value: float, language: Language) -> str:
    """A whole percentage: "40%" in English, "40 %" (non-breaking space) in French."""
    return f"{value:.0f}\u00a0%" if language is Language.FR else f"{value:.0f}%"


class Translator:
    """Looks up the reader's words for an English text in one message table.

    A text missing from the table comes back in English: the tests check the tables are
    complete, so that only ever happens to text that is not the program's own.
    """

    def __init__(self, language: Language, table: Mapping[str, str]) -> None:
        self.language = language
        self._table = table if language is not Language.EN else {}

    def __call__(self, text: str, /, **values: object) -> str:
        """The text in the reader's language, with its {placeholders} filled from `values`."""
        found = self._table.get(text, text)
        return found.format(**values) if values else found

    def n(self, singular: str, plural: str, count: int, /, **values: object) -> str:
        """One of two forms chosen by `count` as the language counts (French: 0 and 1 are singular);
        both texts carry {n}, which receives the count written as the language writes numbers."""
        one = count == 1 or (self.language is Language.FR and count == 0)
        return self(singular if one else plural, n=self.count(count), **values)

    def count(self, value: int) -> str:
        """A whole number with the language's thousands separator: "12,500", "12 500"."""
        text = f"{value:,}"
        return text.replace(",", "\u00a0") if self.language is Language.FR else text

    def date(self, value: Day) -> str:
        return long_date(value, self.language)

    def short_date(self, value: Day) -> str:
        """A date in a table cell: ISO in English, day/month/year in French."""
        return value.strftime(_SHORT_DATES[self.language][0])

    def read_short_date(self, text: str) -> Day | None:
        """A date typed the way short_date writes it (as a person edits a register); None when it is not one."""
        try:
            return datetime.strptime(text.strip(), _SHORT_DATES[self.language][0]).date()
        except ValueError:
            return None

    @property
    def short_date_form(self) -> str:
        """How a person is told to type a date: "YYYY-MM-DD", "DD/MM/YYYY"."""
        return _SHORT_DATES[self.language][1]

    def decimal(self, value: float, digits: int = 1) -> str:
        return decimal(value, self.language, digits)

    def percent(self, value: float) -> str:
        return percent(value, self.language)
