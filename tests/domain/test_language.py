"""Dates, numbers and language codes as each language writes them."""

from datetime import date

import pytest

from ot62443_desktop.domain.language import Language, Translator, decimal, long_date, parse_language, percent


def test_dates_read_as_each_language_writes_them() -> None:
    assert long_date(date(2027, 2, 20), Language.EN) == "20 February 2027"
    assert long_date(date(2027, 2, 20), Language.FR) == "20 février 2027"
    assert long_date(date(2027, 8, 1), Language.FR) == "1er août 2027"


def test_numbers_use_the_language_decimal_mark() -> None:
    assert decimal(2.5, Language.EN) == "2.5"
    assert decimal(2.5, Language.FR) == "2,5"
    assert decimal(1 / 3, Language.FR, 2) == "0,33"
    assert percent(40, Language.FR) == "40\u00a0%"
    assert percent(40, Language.EN) == "40%"


@pytest.mark.parametrize(("code", "language"), [("fr", Language.FR), ("fr_CA", Language.FR),
                                                 ("FR-be", Language.FR), ("en_US", Language.EN)])
def test_locale_codes_name_their_language(code: str, language: Language) -> None:
    assert parse_language(code) is language


def test_an_unknown_language_names_the_choices() -> None:
    with pytest.raises(ValueError, match="use en, fr"):
        parse_language("de")


def test_a_translator_looks_words_up_and_leaves_english_alone() -> None:
    table = {"Open": "Ouvert"}
    assert Translator(Language.FR, table)("Open") == "Ouvert"
    assert Translator(Language.EN, table)("Open") == "Open"
    assert Translator(Language.FR, table).date(date(2027, 2, 20)) == "20 février 2027"
