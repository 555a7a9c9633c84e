"""The command line takes a passphrase from the environment or a terminal prompt, never elsewhere."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator

import pytest

from ot62443_desktop.passphrase import NEW_VARIABLE, VARIABLE, PassphraseUnavailableError, read_passphrase


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _typed(*answers: str) -> tuple[list[str], Callable[[str], str]]:
    prompts: list[str] = []
    replies: Iterator[str] = iter(answers)

    def ask(prompt: str) -> str:
        prompts.append(prompt)
        return next(replies)

    return prompts, ask


def test_the_environment_variable_is_used_without_asking() -> None:
    prompts, ask = _typed()
    passphrase = read_passphrase("Passphrase", environ={VARIABLE: "s3cret words"}, stdin=_Terminal(), ask=ask)
    assert passphrase == "s3cret words"
    assert prompts == []


def test_the_new_passphrase_has_its_own_variable() -> None:
    environ = {VARIABLE: "old one", NEW_VARIABLE: "new one"}
    assert read_passphrase("New passphrase", variable=NEW_VARIABLE, environ=environ, stdin=_Terminal()) == "new one"


def test_a_terminal_is_asked_and_a_confirmation_must_match() -> None:
    prompts, ask = _typed("correct horse", "correct horse")
    assert read_passphrase("New passphrase", confirm=True, environ={}, stdin=_Terminal(), ask=ask) == "correct horse"
    assert len(prompts) == 2 and prompts[0] == "New passphrase: "
    _, ask = _typed("correct horse", "correct hose")
    with pytest.raises(PassphraseUnavailableError, match="differ"):
        read_passphrase("New passphrase", confirm=True, environ={}, stdin=_Terminal(), ask=ask)


def test_an_empty_answer_is_refused() -> None:
    _, ask = _typed("")
    with pytest.raises(PassphraseUnavailableError, match="no passphrase"):
        read_passphrase("Passphrase", environ={}, stdin=_Terminal(), ask=ask)


def test_without_variable_or_terminal_the_message_says_how_to_give_one() -> None:
    _, ask = _typed("never asked")
    with pytest.raises(PassphraseUnavailableError, match=VARIABLE):
        read_passphrase("Passphrase", environ={VARIABLE: ""}, stdin=io.StringIO(), ask=ask)
