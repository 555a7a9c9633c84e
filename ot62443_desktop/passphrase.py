"""Where the command line gets a passphrase (SPEC 12): the environment variable
`OT62443_PASSPHRASE` for scripts and tests, else a prompt on the terminal. Never an argument:
it would show in the process list and the shell's history.
"""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Callable, Mapping
from typing import TextIO

VARIABLE = "OT62443_PASSPHRASE"
NEW_VARIABLE = "OT62443_NEW_PASSPHRASE"  # the new one, when a script changes a passphrase


class PassphraseUnavailableError(Exception):
    """No passphrase could be had: no variable set and no terminal to ask on, or the two typed differ."""


def read_passphrase(prompt: str, *, confirm: bool = False, variable: str = VARIABLE,
                    environ: Mapping[str, str] | None = None, stdin: TextIO | None = None,
                    ask: Callable[[str], str] = getpass.getpass) -> str:
    """The passphrase from `variable`, else asked at the terminal (twice with `confirm`)."""
    environ = os.environ if environ is None else environ
    if value := environ.get(variable):
        return value
    stdin = sys.stdin if stdin is None else stdin
    if stdin is None or not stdin.isatty():
        raise PassphraseUnavailableError(
            f"a passphrase is needed: set {variable} in the environment or run the command on a terminal "
            "(a passphrase is never taken as an argument)")
    value = ask(f"{prompt}: ")
    if not value:
        raise PassphraseUnavailableError("no passphrase typed; nothing was changed")
    if confirm and ask("Type it again to confirm: ") != value:
        raise PassphraseUnavailableError("the two passphrases typed differ; nothing was changed")
    return value
