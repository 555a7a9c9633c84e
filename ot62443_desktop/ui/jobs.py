"""Export and import jobs as plain functions of a project path, so they can run in another process.

The GUI runs them in a child process: a long export then never holds the GUI's interpreter
lock. Every change is already durable in the project file and its journal, so the child
sees exactly what the consultant sees by opening the project read-only. They live in ui/
because they are the GUI's background work (they sit above api and exports in the layers),
and they import no Qt, so the child starts without it. An encrypted project opens in the
child with the session's key, which travels pickled with the job's arguments over the pipe the
child is started through: never in a file or the environment, and nothing is decrypted to disk.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ot62443_desktop.exports.progress import Hooks

if TYPE_CHECKING:  # the GUI imports this module; openpyxl and reportlab load in the child only
    from ot62443_desktop.exports.bundle import BundleReport
    from ot62443_desktop.exports.register_import import ImportReport
    from ot62443_desktop.storage.keys import Secret
    from ot62443_desktop.storage.merge import MergeReport


def export_file(project_path: str, kind: str, target: str, hooks: Hooks, gui_language: str = "en",
                password: str | None = None, key: Secret | None = None) -> str:
    """Write the Excel register (kind 'xlsx') or the PDF plan (kind 'pdf'); returns the target.

    The document is in the project's report language, else in the GUI's (`gui_language`).
    The target is checked before the project is read: never the project itself, its journal,
    its lock or a backup. With a `password` the document is encrypted in memory (exports/protect.py)
    and only the encrypted file is written (the GUI hands the password to this child process through a pipe);
    an encrypted project opens with its `key`, handed over the same way.
    """
    from ot62443_desktop.api import open_project
    from ot62443_desktop.domain.language import Language
    from ot62443_desktop.exports.output import check_target

    check_target(Path(target), Path(project_path))

    with open_project(project_path, read_only=True, passphrase=key) as project:
        snapshot, catalogues = project.store.snapshot(), project.catalogues
    language = snapshot.info.report_language or Language(gui_language)
    if kind == "xlsx":
        from ot62443_desktop.exports.xlsx_register import write_register

        write_register(snapshot, catalogues, Path(target), hooks=hooks, project_path=Path(project_path),
                       language=language, password=password)
    else:
        from ot62443_desktop.exports.pdf import write_plan

        write_plan(snapshot, catalogues, Path(target), hooks=hooks, project_path=Path(project_path),
                   language=language, password=password)
    return target


def check_register(project_path: str, xlsx: str, hooks: Hooks, gui_language: str = "en",
                   key: Secret | None = None) -> ImportReport:
    """Dry run of a register import: what would change and what is refused, told in the GUI's language."""
    from ot62443_desktop.api import open_project
    from ot62443_desktop.domain.language import Language

    with open_project(project_path, read_only=True, passphrase=key) as project:
        return project.import_register(Path(xlsx), dry_run=True, hooks=hooks, language=Language(gui_language))


def check_merge(project_path: str, other: str, hooks: Hooks, key: Secret | None = None,
                other_key: Secret | None = None) -> MergeReport:
    """Dry run of a merge: what another copy would bring, and what would conflict (an encrypted copy
    opens with `other_key` when its passphrase was changed, else with the project's key)."""
    from ot62443_desktop.api import open_project

    with open_project(project_path, read_only=True, passphrase=key) as project:
        return project.merge(other, dry_run=True, passphrase=other_key)


def bundle_project(project_path: str, target: str, hooks: Hooks, gui_language: str = "en",
                   passphrase: str | None = None, key: Secret | None = None) -> BundleReport:
    """The evidence bundle (exports/bundle.py) in the project's report language, else the GUI's; AES-256
    with a `passphrase`; an encrypted project opens with its `key`. Returns what went in and what was
    left out, and why."""
    from ot62443_desktop.api import open_project
    from ot62443_desktop.domain.language import Language
    from ot62443_desktop.exports.bundle import write_bundle

    with open_project(project_path, read_only=True, passphrase=key) as project:
        snapshot, catalogues, generation = project.store.snapshot(), project.catalogues, project.store.generation
    return write_bundle(snapshot, catalogues, Path(target), project_path=Path(project_path), generation=generation,
                        language=snapshot.info.report_language or Language(gui_language), passphrase=passphrase,
                        hooks=hooks)
