"""The `ot62443` command (SPEC 8). Errors: exit 1 and one line on stderr; usage errors exit 2.

The project layers are imported inside the handlers, and `ot62443` / `ot62443 gui` take a
short path past the full parser: the GUI shows its window before it needs any of them.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, cast

from ot62443_desktop import __version__
from ot62443_desktop.domain.language import Language

if TYPE_CHECKING:
    from ot62443_desktop.api import Project
    from ot62443_desktop.domain.catalogue import CatalogueSet
    from ot62443_desktop.exports.bundle_manifest import LeftOut

PROG = "ot62443"
_MISSING_LISTED = 5  # catalogues a project names that are not here, each told on a line of its own
_LACKING_LISTED = 10  # requirements a replaced catalogue had that its replacement lacks, named


class CommandError(Exception):
    """A failure to report as one line on stderr with exit status 1."""


def _gui(args: argparse.Namespace) -> int:
    from ot62443_desktop.ui.app import run_gui  # Qt loads only for the GUI

    return run_gui(getattr(args, "project", None), demo=getattr(args, "demo", False))


def _new(args: argparse.Namespace) -> int:
    from ot62443_desktop.domain.model import ProjectInfo
    from ot62443_desktop.storage import ProjectStore

    if args.previous:
        if args.client or args.site or args.catalogue:
            raise CommandError("--from takes client, site and catalogues from the previous assessment; leave out "
                               "--client/--site/--catalogue")
        from ot62443_desktop.api import carry_forward

        passphrase = _passphrase_of(args.previous)
        project = carry_forward(args.previous, args.project, passphrase=passphrase,
                                new_passphrase=_new_passphrase() if args.encrypt else None)
        store = project.store
        zones, items = len(store.zones()), len(store.snapshot().remediation)
        project.close()
        _warn([*_missing_catalogues(args.project, project.missing_catalogues), *store.warnings])
        sealed = (" (encrypted with the same passphrase)" if store.encrypted and not args.encrypt
                  else " (encrypted)" if store.encrypted else "")
        print(f"created {args.project}{sealed} from {args.previous}: {zones} zones and conduits, {items} remediation "
              "items carried forward; every answer starts not assessed, with last time's beside it")
        return 0
    if not (args.client and args.site):
        raise CommandError("a new project needs --client and --site (or --from PREVIOUS)")
    info = ProjectInfo(client=args.client, site=args.site, catalogues=_usable_catalogues(args.catalogue))
    passphrase = _new_passphrase() if args.encrypt else None
    store = ProjectStore.create(args.project, info, passphrase=passphrase)
    store.close()
    _warn(store.warnings)
    print(f"created {args.project}" + (f" (encrypted; {FORGOTTEN})" if store.encrypted else ""))
    return 0


FORGOTTEN = "a forgotten passphrase cannot be recovered: without it, the project cannot be opened"


def _protect(args: argparse.Namespace) -> int:
    from ot62443_desktop.passphrase import NEW_VARIABLE

    with _opened(args.project) as project:
        _writable(project)
        store = project.store
        if store.encrypted:
            store.change_passphrase(_new_passphrase(NEW_VARIABLE))
            print(f"changed the passphrase of {args.project} and of its backups; the old one no longer opens them")
        else:
            store.protect(_new_passphrase())
            print(f"encrypted {args.project} and its backups; {FORGOTTEN}")
    return 0


def _unprotect(args: argparse.Namespace) -> int:
    with _opened(args.project) as project:
        _writable(project)
        if not project.store.encrypted:
            raise CommandError(f"{args.project}: the project is not encrypted; nothing was changed")
        project.store.unprotect()
    print(f"{args.project} and its backups are no longer encrypted: whoever can read the files can read the project")
    return 0


def _passphrase_of(path: str | Path, *, known: str | None = None) -> str | None:
    """The one place the command line gets a project's passphrase: asked (or taken from OT62443_PASSPHRASE)
    only when the file is encrypted; `known` is one already given in this command (a copy of the project
    usually has the same). None for a plain project."""
    from ot62443_desktop.storage import is_encrypted

    if not is_encrypted(path):
        return None
    if known is not None:
        return known
    return _passphrase(f"Passphrase of {path}")


def _read(path: str) -> Project:
    """A project opened read-only for an export: what the store notes on opening (changes of a journal
    shown) is for editors, not for the person who asked for a document."""
    from ot62443_desktop.api import open_project

    return open_project(path, read_only=True, passphrase=_passphrase_of(path))


def _new_passphrase(variable: str | None = None) -> str:
    """A new passphrase, typed twice on a terminal (or from OT62443_PASSPHRASE, or `variable`)."""
    return _passphrase("New passphrase", confirm=True, variable=variable)


def _compare(args: argparse.Namespace) -> int:
    from ot62443_desktop import user_catalogues
    from ot62443_desktop.api import compare_projects
    from ot62443_desktop.catalogues import builtin_catalogues

    progress = compare_projects(args.old, args.new,
                                passphrase=_passphrase_of(args.old) or _passphrase_of(args.new))
    names = progress.now.data.info.catalogues  # both are scored against the new one's catalogues found here
    _warn(_missing_catalogues(args.new, user_catalogues.for_project(names, builtin_catalogues()).missing))
    if args.json:
        print(json.dumps(progress.summary(), indent=2, ensure_ascii=False))
        return 0
    closed, new, persisting = progress.totals()
    since = progress.then_date.isoformat() if progress.then_date else "the previous assessment"
    print(f"since {since}: {closed} gaps closed, {new} new, {persisting} persisting")
    for zone in progress.summary()["zones"]:
        levels = " -> ".join(" ".join(map(str, v)) if v is not None else "(none)"
                             for v in (zone["sl_a_old"], zone["sl_a_new"]))
        print(f"  {zone['id']:<14} SL-A {levels}   closed {zone['closed']}, new {zone['new']}, "
              f"persisting {zone['persisting']}")
    site = progress.site
    print(f"  {'site program':<14} closed {len(site.closed)}, new {len(site.new)}, persisting {len(site.persisting)}")
    for label, zones in (("added", progress.added), ("removed", progress.removed)):
        if zones:
            print(f"zones {label}: {', '.join(zones)}")
    return 0


def _demo(args: argparse.Namespace) -> int:
    from ot62443_desktop.api import open_project
    from ot62443_desktop.demo import write_demo

    if args.zones < 1:
        raise CommandError("--zones must be at least 1")
    write_demo(Path(args.project), zones=args.zones, seed=args.seed)
    with open_project(args.project, read_only=True) as project:
        total = len(project.store.answers())
    print(f"wrote demo project {args.project} ({args.zones} zones, {total} answers)")
    return 0


def _zone_add(args: argparse.Namespace) -> int:
    with _opened(args.project) as project:
        _writable(project)
        project.add_zone(args.id, args.name, args.sl_t, criticality=args.criticality, kind=args.kind,
                         description=args.description, assets=_names(args.assets, ";"), level=args.level,
                         connects=_names(args.connects, ","), design_note=args.design_note)
    print(f"added {args.kind} {args.id}")
    return 0


def _names(text: str, separator: str) -> list[str]:
    return [name.strip() for name in text.split(separator) if name.strip()]


def _answer(args: argparse.Namespace) -> int:
    with _opened(args.project) as project:
        _writable(project)
        project.set_answer(args.scope, args.req, args.status, notes=args.notes, ml=args.ml)
    return 0


def _summary(args: argparse.Namespace) -> int:
    with _opened(args.project, read_only=True) as project:
        data = project.summary()
    if args.json:
        print(json.dumps(data, indent=2))
        return 0
    if data["conflicts"]:
        print(f"merge conflicts to resolve: {data['conflicts']} (see `{PROG} conflicts {args.project}`)")
    print(f"{'zone':<16} {'SL-T':<15} {'SL-A':<15} {'appl.':>5} {'met':>5} {'gaps':>5} {'unansw.':>7}")
    for z in data["zones"]:
        print(f"{z['id']:<16} {_vector(z['sl_t']):<15} {_vector(z['sl_a']):<15} "
              f"{z['applicable']:>5} {z['met']:>5} {z['gaps']:>5} {z['not_assessed']:>7}")
    site = data["site"]
    print(f"site program (62443-2-1, target ML{site['target_ml']}): {site['requirements']} "
          f"requirements, {site['gaps']} gaps, {site['not_assessed']} not assessed")
    print(f"gaps in total: {data['gaps_total']}")
    return 0


def _vector(levels: Sequence[int]) -> str:
    return " ".join(str(v) for v in levels)


def _export(args: argparse.Namespace) -> int:
    if not (args.xlsx or args.pdf):
        raise CommandError("name at least one output: --xlsx FILE and/or --pdf FILE")
    from ot62443_desktop.exports.output import check_target

    project_path = Path(args.project)
    for target in (args.xlsx, args.pdf):  # both refused before either is written
        if target:
            check_target(Path(target), project_path)
    with _read(args.project) as project:
        password = _export_password(args) if args.encrypt else None
        snapshot, catalogues = project.store.snapshot(), project.catalogues
        if project.store.key is not None and password is None:
            _warn(["the project is encrypted but these exports will not be: anyone who gets them can read "
                   "every finding (add --encrypt to protect them with a password)"])
        _warn_reused_passphrase(project, password, "the exported files are")
    # --lang, else the project's report language, else English (the CLI has no GUI language)
    language = Language(args.lang) if args.lang else snapshot.info.report_language or Language.EN
    sealed = ", encrypted with a password" if password is not None else ""
    if args.xlsx:
        from ot62443_desktop.exports.xlsx_register import write_register

        write_register(snapshot, catalogues, Path(args.xlsx), project_path=project_path, language=language,
                       password=password)
        print(f"wrote {args.xlsx} (Excel gap register, {language.native_name}{sealed})")
    if args.pdf:
        from ot62443_desktop.exports.pdf import write_plan

        write_plan(snapshot, catalogues, Path(args.pdf), page_size=args.page_size, project_path=project_path,
                   language=language, password=password)
        print(f"wrote {args.pdf} (PDF remediation plan, {args.page_size}, {language.native_name}{sealed})")
    return 0


def _warn_reused_passphrase(project: Project, password: str | None, what: str) -> None:
    """A password handed to a recipient should not be the key to the project: with OT62443_PASSPHRASE set,
    both come from it (a shell's profile may keep it for every client's project)."""
    from ot62443_desktop.passphrase import VARIABLE

    if password is not None and project.store.key is not None and password == os.environ.get(VARIABLE):
        _warn([f"{what} encrypted with the project's own passphrase (both come from {VARIABLE}): whoever you "
               "give it to can open this project, and any other kept under it; for a password of their own, "
               f"run the command on a terminal without {VARIABLE}, which asks for each"])


def _export_password(args: argparse.Namespace) -> str:
    """The password of `export --encrypt`, checked against every document asked for before any is written."""
    from ot62443_desktop.exports.protect import check_password

    password = _passphrase("Password for the exported files", confirm=True)
    for kind, target, what in (("xlsx", args.xlsx, "the register"), ("pdf", args.pdf, "the plan")):
        if target:
            check_password(password, kind, what)
    return password


def _diagram(args: argparse.Namespace) -> int:
    from ot62443_desktop.exports.output import check_target

    project_path, target = Path(args.project), Path(args.svg or args.png)
    check_target(target, project_path)
    with _read(args.project) as project:
        snapshot, catalogues = project.store.snapshot(), project.catalogues
    if not snapshot.zones:
        raise CommandError(f"{project_path}: no zones or conduits to draw; {target.name} was not written")
    language = Language(args.lang) if args.lang else snapshot.info.report_language or Language.EN
    from ot62443_desktop.exports.diagram_draw import project_picture

    drawing = project_picture(snapshot, catalogues, language)
    if args.svg:
        from ot62443_desktop.exports.diagram_svg import write_svg

        write_svg(drawing, target, project_path=project_path)
    else:
        from ot62443_desktop.exports.diagram_png import write_png

        write_png(drawing, target, project_path=project_path)
    print(f"wrote {target} (zones-and-conduits diagram of {len(snapshot.zones)} zones and conduits, "
          f"{'SVG' if args.svg else 'PNG'}, {language.native_name})")
    return 0



def _evidence_add(args: argparse.Namespace) -> int:
    """Attach a file as the GUI does: its absolute path and SHA-256 recorded on the answer (SPEC 12)."""
    from ot62443_desktop.domain.file_names import shown_name
    from ot62443_desktop.domain.model import Status
    from ot62443_desktop.exports.evidence_files import hash_file, new_evidence
    from ot62443_desktop.exports.progress import Hooks
    from ot62443_desktop.storage.fsutil import NotRegularError

    with _opened(args.project) as project:
        _writable(project)
        project.requirement_for(args.scope, args.req)  # an unknown scope or requirement before the file is read
        try:
            digest = hash_file(args.file, Hooks())
        except NotRegularError:
            raise CommandError(f"{args.file}: not a regular file (a folder, a pipe or a device); only a file can be "
                               "evidence; nothing was changed") from None
        except (OSError, ValueError) as exc:
            raise CommandError(f"{args.file}: cannot be read as evidence ({getattr(exc, 'strerror', None) or exc}); "
                               "nothing was changed") from None
        evidence = new_evidence(args.file, digest, args.description)
        current = project.store.answer(args.scope, args.req)
        attached = current.evidence if current else ()
        if any(e.path == evidence.path and e.sha256 == digest for e in attached):
            raise CommandError(f"{args.file} is already attached to {args.scope} {args.req}; nothing was changed")
        project.set_answer(args.scope, args.req, current.status if current else Status.NOT_ASSESSED,
                           ml=current.ml if current else None, evidence=(*attached, evidence))
    print(f"attached {shown_name(evidence.path)} to {args.scope} {args.req} (SHA-256 {digest})")
    return 0


def _bundle(args: argparse.Namespace) -> int:
    from ot62443_desktop.domain.file_names import shown_name
    from ot62443_desktop.exports.bundle import write_bundle

    passphrase = _passphrase("Passphrase for the bundle", confirm=True) if args.encrypt else None
    project_path = Path(args.project)
    with _opened(args.project, read_only=True) as project:
        snapshot, catalogues, generation = project.store.snapshot(), project.catalogues, project.store.generation
        _warn_reused_passphrase(project, passphrase, "the bundle is")
    language = Language(args.lang) if args.lang else snapshot.info.report_language or Language.EN
    report = write_bundle(snapshot, catalogues, Path(args.to), project_path=project_path, generation=generation,
                          language=language, passphrase=passphrase)
    answers = {(r.scope, r.requirement) for f in report.evidence for r in f.references}
    print(f"wrote {args.to}: the register, the plan and {len(report.evidence)} evidence file(s) for {len(answers)} "
          f"answer(s), {language.native_name}; " + ("AES-256 encrypted (the names of the files inside stay readable: "
                                                    "the zip format encrypts contents only)" if report.encrypted
                                                    else "not encrypted"))
    print(f"manifest SHA-256: {report.manifest_sha256} (give it to the recipient apart from the bundle; "
          f"`{PROG} verify-bundle` prints it too)")
    for item in report.left_out:
        print(f"left out: {_left_out_text(item, shown_name)}")
    if report.left_out:
        print(f"{len(report.left_out)} evidence file(s) left out: listed above and in the bundle's manifest.json")
    return 0


def _verify_bundle(args: argparse.Namespace) -> int:
    """Check a bundle someone sent: every name and reason it prints is escaped (the sender's text)."""
    from ot62443_desktop.domain.file_names import shown_json, shown_name
    from ot62443_desktop.exports.bundle_verify import verify_bundle

    report = verify_bundle(Path(args.bundle), lambda: _passphrase("Passphrase of the bundle"))
    problems = {"altered": report.altered, "added": report.added, "missing": report.missing, "unsafe": report.unsafe}
    if args.json:
        print(shown_json(json.dumps(report.as_json(), indent=2, ensure_ascii=False)))
    else:
        print(f"{shown_name(args.bundle)}: evidence bundle of project {shown_name(report.project_id)}, generation "
              f"{report.generation}, made {shown_name(report.created)}; "
              + ("encrypted" if report.encrypted else "not encrypted"))
        print(f"manifest SHA-256: {report.manifest_sha256}")
        for label, findings in problems.items():
            for finding in findings:  # a finding of the whole zip names no entry
                print(shown_name(f"{label}: {finding.path + ': ' if finding.path else ''}{finding.reason}"))
        for item in report.left_out:
            print(f"left out when bundled: {_left_out_text(item, shown_name)}")
        print(f"{report.checked} file(s) match the manifest")
    if not report.ok:
        counts = ", ".join(f"{len(findings)} {label}" for label, findings in problems.items() if findings)
        raise CommandError(f"{args.bundle} does not hold what its manifest lists: {counts}"
                           + ("" if args.json else " (see above)"))
    return 0


def _left_out_text(item: LeftOut, shown: Callable[[str], str]) -> str:
    """One evidence file left out of a bundle, the answers that reference it and why."""
    from ot62443_desktop.exports.bundle_manifest import Problem

    why = {Problem.GONE: "no such file", Problem.NOT_A_FILE: "not a regular file (a folder, a pipe or a device)",
           Problem.NETWORK: "on a network share, never opened on a project's say-so (copy it to this computer and "
                            "attach it again)",
           Problem.UNREADABLE: f"cannot be read ({item.detail})",
           Problem.CHANGED: f"changed since it was attached: SHA-256 now {item.found_sha256}, recorded "
                            f"{item.recorded_sha256}"}[item.problem]
    answers = ", ".join(f"{r.scope} {r.requirement}" for r in item.references)
    return shown(f"{item.source} ({answers}): {why}")


def _passphrase(prompt: str, *, confirm: bool = False, variable: str | None = None) -> str:
    """Every passphrase and password of the command line: from OT62443_PASSPHRASE (or `variable`) or the
    terminal, never an argument; none to be had is one line on stderr (_user_errors)."""
    from ot62443_desktop.passphrase import VARIABLE, read_passphrase

    return read_passphrase(prompt, confirm=confirm, variable=variable or VARIABLE)

def _import_register(args: argparse.Namespace) -> int:
    with _opened(args.project, read_only=args.dry_run) as project:
        if not args.dry_run:
            _writable(project)
        report = project.import_register(Path(args.xlsx), dry_run=args.dry_run)
    print(report)
    if not report.ok:
        raise CommandError(f"{len(report.refused)} row(s) refused (see above); the others were "
                           + ("not applied: dry run" if args.dry_run else "applied"))
    return 0


def _merge(args: argparse.Namespace) -> int:
    from ot62443_desktop.storage.versions import describe

    passphrase = _passphrase_of(args.project)
    with _opened(args.project, read_only=args.dry_run, passphrase=passphrase) as project:
        if not args.dry_run:
            _writable(project)
        report = project.merge(args.other, dry_run=args.dry_run,
                               passphrase=_passphrase_of(args.other, known=passphrase))
    if args.json:
        print(json.dumps(report.as_json(), indent=2, ensure_ascii=False))
        return 0
    verb = "would take" if args.dry_run else "took"
    print(f"{verb} {report.taken} change(s) from {args.other}; {report.unchanged} unchanged; "
          f"{len(report.conflicts)} conflict(s)")
    for conflict in report.conflicts:
        print(f"  conflict: {describe(conflict.key)} ({conflict.field})")
    if report.conflicts and not args.dry_run:
        print(f"the project keeps its own values; see `{PROG} conflicts {args.project}`")
    return 0


def _split(args: argparse.Namespace) -> int:
    from ot62443_desktop.api import split_project

    package = split_project(args.project, _names(args.zones, ","), args.to, site=args.site,
                            passphrase=_passphrase_of(args.project))
    store = package.store
    zones, answers, items = len(store.zones()), len(store.answers()), len(store.snapshot().remediation)
    package.close()
    _warn(store.warnings)
    site = " and the site program" if args.site else ""
    sealed = " (encrypted with the same passphrase)" if store.encrypted else ""
    print(f"wrote {args.to}{sealed}: {zones} zone(s){site}, {answers} answers, {items} remediation items; when it "
          f"comes back, `{PROG} merge {args.project} {args.to}`")
    return 0


def _conflicts(args: argparse.Namespace) -> int:
    with _opened(args.project, read_only=True) as project:
        found = project.conflicts()
    if args.json:
        print(json.dumps(found, indent=2, ensure_ascii=False))
        return 0
    for conflict in found:
        where = " ".join(part for part in (conflict["scope"], conflict["req"]) if part) or "project"
        print(f"{where} {conflict['record']}: {conflict['field']} differs")
        for side in ("mine", "theirs"):
            print(f"  {side:<7}{_value_line(conflict['record'], conflict[side]['value'])}  {_signed(conflict[side])}")
    print(f"{len(found)} conflict(s)" + (f"; settle each with `{PROG} resolve {args.project} --scope ID --req ID "
                                         "--take mine|theirs`" if found else ""))
    return 0


def _resolve(args: argparse.Namespace) -> int:
    if args.details and (args.scope or args.req):
        raise CommandError("--details names the project details: leave out --scope and --req")
    if not (args.details or args.scope):
        raise CommandError("name what to resolve: --scope ID (with --req ID for an answer), or --details")
    with _opened(args.project) as project:
        _writable(project)
        done = project.resolve(args.scope, args.req, args.take)
    print(f"resolved {', '.join(done)}: took {args.take}")
    return 0


def _history(args: argparse.Namespace) -> int:
    with _opened(args.project, read_only=True) as project:
        versions = project.history(args.scope, args.req)
    if args.json:
        print(json.dumps(versions, indent=2, ensure_ascii=False, default=str))
        return 0
    for version in versions:
        mark = "*" if version["current"] else " "
        print(f"{mark} {_value_line('answer', version['answer'])}  {_signed(version)}")
    print(f"{args.scope} {args.req}: {len(versions)} version(s)" + ("; * is the current one" if versions else ""))
    return 0


def _value_line(record: str, value: dict[str, object] | None) -> str:
    """A record's value in one short line: an answer's status and notes, an item's state and owner, ..."""
    from ot62443_desktop.domain.text import one_line

    if value is None:
        return "(removed)"
    fields = {"answer": ("status", "ml", "notes"), "item": ("state", "owner", "due_date", "action"),
              "zone": ("name", "sl_t"), "details": ("client", "site")}[record]
    return one_line(", ".join(str(value[name]) for name in fields if value.get(name) not in (None, "")), 70)


def _signed(version: dict[str, str]) -> str:
    """Who made a version, when and on which copy."""
    return f"({version['by'] or 'unknown user'}, {version['at'] or 'time unknown'}, copy {version['copy'][:8]})"


def _recover(args: argparse.Namespace) -> int:
    from ot62443_desktop.storage import ProjectStore
    from ot62443_desktop.storage.recovery import needs_passphrase

    passphrase = _passphrase(f"Passphrase of {args.project}") if needs_passphrase(args.project) else None
    print(ProjectStore.recover(args.project, passphrase=passphrase))
    return 0


def _catalog_list(args: argparse.Namespace) -> int:
    from ot62443_desktop.catalogues import builtin_catalogues

    rows = list(_catalogue_rows(builtin_catalogues(Language(args.lang))))
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    for row in rows:
        level = f"SL{row['sl']}" if row["sl"] else row["group"]
        print(f"{row['catalogue']:<14} {row['id']:<14} {level:<8} {row['title']}")
    return 0


def _catalogue_rows(catalogues: CatalogueSet) -> list[dict[str, object]]:
    from ot62443_desktop.domain.catalogue import Scale

    rows: list[dict[str, object]] = []
    for catalogue in catalogues:
        for r in catalogue:
            sl_scale = catalogue.scale is Scale.SECURITY_LEVEL
            rows.append({
                "catalogue": catalogue.id, "id": r.id, "parent": r.parent, "title": r.title,
                "fr": r.section if sl_scale else None, "sl": r.level,
                "spe": None if sl_scale else r.section, "group": r.group,
            })
    return rows


def _usable_catalogues(names: Sequence[str]) -> tuple[str, ...]:
    """The imported catalogues a new project is to use, each checked to be here and to fit beside the others."""
    from ot62443_desktop import user_catalogues
    from ot62443_desktop.catalogues import builtin_catalogues

    names = tuple(dict.fromkeys(names))
    imported = {k.catalogue.id for k in user_catalogues.kept() if k.catalogue is not None}
    if unknown := [name for name in names if name not in imported]:
        raise CommandError(f"no imported catalogue {unknown[0]!r} (import it first: {PROG} catalog import FILE)")
    if clash := user_catalogues.for_project(names, builtin_catalogues()).missing:
        raise CommandError(f"catalogue {clash[0]!r} cannot be used beside the others: their requirement ids clash")
    return names


def _catalog_import(args: argparse.Namespace) -> int:
    """File > Import catalogue from the command line: checked, then kept in the data folder."""
    from ot62443_desktop import user_catalogues

    catalogue, data = user_catalogues.check(Path(args.file))
    if not args.replace and any(k.catalogue and k.catalogue.id == catalogue.id for k in user_catalogues.kept()):
        raise CommandError(f"a catalogue with the id {catalogue.id!r} was imported before; add --replace to replace "
                           "it with this file")
    lacking = user_catalogues.lacking(catalogue)
    kept = user_catalogues.keep(catalogue, data)
    print(f"imported catalogue {catalogue.id!r} ({catalogue.title}): {len(catalogue)} requirements, kept as {kept}")
    if lacking:
        listed = ", ".join(lacking[:_LACKING_LISTED]) + (
            f", and {len(lacking) - _LACKING_LISTED} more" if len(lacking) > _LACKING_LISTED else "")
        _warn([f"the catalogue {catalogue.id!r} it replaces has {len(lacking)} requirement"
               f"{'s' if len(lacking) > 1 else ''} this one lacks ({listed}): answers recorded against "
               f"{'them' if len(lacking) > 1 else 'it'} in projects stay in their files but count in no figure or "
               "export"])
    for language, missing in user_catalogues.missing_text(catalogue).items():
        print(f"  no {language.native_name} text for {len(missing)} field(s), shown in English instead")
    print(f"  assess a project against it: {PROG} catalog use PROJECT {catalogue.id}")
    return 0


def _catalog_imported(args: argparse.Namespace) -> int:
    from ot62443_desktop import user_catalogues

    rows = [{"id": k.catalogue.id if k.catalogue else None, "title": k.catalogue.title if k.catalogue else None,
             "scale": k.catalogue.scale.value if k.catalogue else None,
             "requirements": len(k.catalogue) if k.catalogue else None, "file": str(k.path),
             "problem": k.problem or None} for k in user_catalogues.kept()]
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    elif not rows:
        print(f"no catalogue imported (they would be kept in {user_catalogues.folder()})")
    for row in rows if not args.json else ():
        print(f"{row['id']:<20} {row['requirements']:>4} requirements  {row['title']}" if row["id"] else
              f"{row['file']}: no longer valid: {row['problem']}")
    return 0


def _catalog_use(args: argparse.Namespace) -> int:
    with _opened(args.project) as project:
        _writable(project)
        project.use_catalogue(args.id, use=args.use)
    print(f"{args.project}: assessed against catalogue {args.id!r} too" if args.use else
          f"{args.project}: no longer assessed against catalogue {args.id!r}; the answers recorded against it stay "
          "in the file")
    return 0


def _catalog_validate(args: argparse.Namespace) -> int:
    from ot62443_desktop.domain.catalogue_loader import TRANSLATED, load_catalogue_file, missing_translations

    catalogue = load_catalogue_file(Path(args.file))
    print(f"{args.file}: valid catalogue {catalogue.id!r} ({len(catalogue)} requirements)")
    for language in TRANSLATED:  # allowed in a user's catalogue: the English shows instead
        if missing := missing_translations(catalogue, language):
            print(f"{args.file}: no {language.native_name} text for {len(missing)} field(s), shown in English "
                  f"instead: {', '.join(missing[:5])}{', ...' if len(missing) > 5 else ''}")
    return 0


def _licensed_import(args: argparse.Namespace) -> int:
    """The user's own licensed text of the standard (SPEC 12.6); no message quotes a text."""
    from ot62443_desktop import licensed_text

    try:
        report = licensed_text.import_file(Path(args.file))
    except licensed_text.LicensedTextError as exc:
        for skipped in exc.skipped:
            print(f"  skipped {licensed_text.problem_text(skipped)}")
        raise
    replaced = f", replacing the {report.replaced} imported before" if report.replaced else ""
    print(f"imported the licensed text of {report.imported} requirement(s){replaced}; kept in {report.kept_in}, "
          "never in a project, an export or a bundle")
    if report.ignored_columns:
        print(f"  ignored column(s): {', '.join(report.ignored_columns)}")
    for skipped in report.skipped:
        print(f"  skipped {licensed_text.problem_text(skipped)}")
    if report.skipped:
        raise CommandError(f"{len(report.skipped)} row(s) skipped (see above); the others were imported")
    return 0


def _licensed_status(args: argparse.Namespace) -> int:
    from ot62443_desktop import licensed_text  # its errors are user errors: one line, no text quoted

    store = licensed_text.load()
    where = licensed_text.store_path()
    if args.json:
        print(json.dumps({"path": str(where), "source": store.source, "imported_at": store.imported_at,
                          "ids": sorted(store.texts)}, indent=2, ensure_ascii=False))
    elif store:
        print(f"licensed text of {len(store)} requirement(s), imported from {store.source} on {store.imported_at}; "
              f"kept in {where}")
    else:
        print(f"no licensed text imported (it would be kept in {where})")
    return 0


def _licensed_remove(args: argparse.Namespace) -> int:
    from ot62443_desktop import licensed_text

    removed = licensed_text.remove()
    print(f"removed the licensed text of {removed} requirement(s)" if removed else "no licensed text to remove")
    return 0


@contextlib.contextmanager
def _opened(path: str, *, read_only: bool = False, passphrase: str | None = None) -> Iterator[Project]:
    """Open a project for one command (an encrypted one with its passphrase, asked here unless given);
    what the store had to say on opening and closing goes to stderr.

    A change that returned is durable even when closing could not rewrite the file (it stays
    in the journal), so that is a warning, never an error that would claim it was not saved.
    """
    from ot62443_desktop.api import open_project

    project = open_project(path, read_only=read_only, passphrase=passphrase or _passphrase_of(path))
    _warn(_missing_catalogues(path, project.missing_catalogues))
    try:
        yield project
    finally:
        project.close()
        _warn(project.store.warnings)


def _missing_catalogues(path: str, missing: Sequence[str]) -> list[str]:
    """A line for each catalogue the project names that is not imported here; past a few, one line for them all
    (a hand-edited project naming 10,000 printed 3 MB of warnings before every command's output)."""
    left_out = ("requirements are left out, and the answers recorded against them are kept in the file untouched "
                f"(import it with: {PROG} catalog import FILE)")
    if len(missing) <= _MISSING_LISTED:
        return [f"{path}: catalogue {name!r} is named by the project but not imported on this computer: its "
                f"{left_out}" for name in missing]
    listed = ", ".join(missing[:_MISSING_LISTED])
    return [f"{path}: {len(missing)} catalogues named by the project are not imported on this computer ({listed}, "
            f"and {len(missing) - _MISSING_LISTED} more): their {left_out}"]


def _warn(warnings: Sequence[str]) -> None:
    """Warnings are told if stderr can take them; one that cannot be written (a closed pipe, a full
    disk behind `2> log`) must never turn a command whose change was saved into a failure."""
    for warning in warnings:
        with contextlib.suppress(OSError):
            print(f"{PROG}: warning: {warning}", file=sys.stderr)


def _writable(project: Project) -> None:
    if project.store.read_only:
        raise CommandError(f"{project.store.path}: {project.store.read_only_reason}; nothing was changed")


def _gui_arguments(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p.add_argument("project", nargs="?")
    p.add_argument("--demo", action="store_true", help="open a fresh copy of the demo project")
    return p


def build_parser() -> argparse.ArgumentParser:
    from ot62443_desktop.domain.model import Status

    parser = argparse.ArgumentParser(prog=PROG, description="OT 62443 Workbook: IEC 62443 zone assessments.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, handler: Callable[[argparse.Namespace], int], help_: str,
                parent: argparse._SubParsersAction[argparse.ArgumentParser] = sub) -> argparse.ArgumentParser:
        p = parent.add_parser(name, help=help_, description=help_)
        p.set_defaults(handler=handler)
        return p

    _gui_arguments(command("gui", _gui, "open the desktop application"))

    p = command("new", _new, "create an empty project, or next year's assessment with --from")
    p.add_argument("project")
    p.add_argument("--client")
    p.add_argument("--site")
    p.add_argument("--from", dest="previous", metavar="PREVIOUS",
                   help="carry forward this earlier assessment of the same plant (it is only read)")
    p.add_argument("--catalogue", action="append", default=[], metavar="ID",
                   help="also assess against this imported catalogue of your own (repeat for several)")
    p.add_argument("--encrypt", action="store_true",
                   help="encrypt it with a new passphrase (asked twice, or OT62443_PASSPHRASE); a project "
                        "carried forward from an encrypted one is encrypted with its passphrase anyway")

    p = command("protect", _protect, "encrypt a project with a passphrase, or change the passphrase of an "
                                     "encrypted one (the new one from a prompt or OT62443_NEW_PASSPHRASE)")
    p.add_argument("project")

    p = command("unprotect", _unprotect, "store an encrypted project (and its backups) unencrypted again")
    p.add_argument("project")

    p = command("compare", _compare, "progress between an assessment and one carried forward from it")
    p.add_argument("old")
    p.add_argument("new")
    p.add_argument("--json", action="store_true")

    p = command("demo", _demo, "write the demo project (a fictional water-treatment plant)")
    p.add_argument("project")
    p.add_argument("--zones", type=int, default=12, help="number of zones and conduits (default 12)")
    p.add_argument("--seed", type=int, default=1, help="random seed: the same seed gives the same project")

    zone = sub.add_parser("zone", help="manage zones and conduits").add_subparsers(
        dest="zone_command", metavar="ACTION", required=True)
    p = command("add", _zone_add, "add a zone or conduit", zone)
    p.add_argument("project")
    p.add_argument("--id", required=True)
    p.add_argument("--name", required=True)
    p.add_argument("--sl-t", required=True, help="target SL: one level 0-4, or 7 comma-separated (one per FR)")
    p.add_argument("--criticality", choices=["high", "medium", "low"], default="medium")
    p.add_argument("--kind", choices=["zone", "conduit"], default="zone")
    p.add_argument("--description", default="")
    p.add_argument("--assets", default="", help="asset names separated by ';'")
    p.add_argument("--level", type=int, help="layer: Purdue level 0-5, or the index of the project's own layer")
    p.add_argument("--connects", default="", help="a conduit: the ids of the zones it connects, comma-separated")
    p.add_argument("--design-note", default="", help="why the design is acceptable where a check flags it")

    p = command("answer", _answer, "record the answer to one requirement in one scope")
    p.add_argument("project")
    p.add_argument("--scope", required=True, help="zone/conduit id, or 'site' for the site scope")
    p.add_argument("--req", required=True, help="requirement id, e.g. 'SR 1.1 RE 1' or 'ORG 1.1'")
    p.add_argument("--status", required=True, choices=[s.value for s in Status])
    p.add_argument("--notes")
    p.add_argument("--ml", type=int, help="achieved maturity 0-4 (IEC 62443-2-1 requirements)")

    p = command("summary", _summary, "SL-T vs SL-A per zone, gaps and 2-1 program figures")
    p.add_argument("project")
    p.add_argument("--json", action="store_true")

    p = command("export", _export, "write the Excel gap register and/or the PDF remediation plan")
    p.add_argument("project")
    p.add_argument("--xlsx", help="write the Excel gap register here")
    p.add_argument("--pdf", help="write the PDF remediation plan here")
    p.add_argument("--page-size", choices=["A4", "Letter"], default="A4", help="PDF paper size (default A4)")
    p.add_argument("--lang", choices=LANGUAGES, help="language of both documents (default: the project's report "
                                                     "language, else English)")
    p.add_argument("--encrypt", action="store_true", help="encrypt them with a password (PDF: AES-256; Excel: "
                   "Office's encryption); it comes from OT62443_PASSPHRASE or a prompt, never an argument")

    p = command("diagram", _diagram, "draw the zones-and-conduits diagram as SVG or PNG (no display needed)")
    p.add_argument("project")
    output = p.add_mutually_exclusive_group(required=True)
    output.add_argument("--svg", metavar="FILE", help="write it as SVG (vector) here")
    output.add_argument("--png", metavar="FILE", help="write it as PNG (2 pixels per point) here")
    p.add_argument("--lang", choices=LANGUAGES, help="language of its labels (default: the project's report "
                                                     "language, else English)")

    evidence = sub.add_parser("evidence", help="evidence files attached to answers").add_subparsers(
        dest="evidence_command", metavar="ACTION", required=True)
    p = command("add", _evidence_add, "attach a file as evidence to one answer (its path and SHA-256 are recorded)",
                evidence)
    p.add_argument("project")
    p.add_argument("--scope", required=True, help="zone/conduit id, or 'site' for the site scope")
    p.add_argument("--req", required=True, help="requirement id, e.g. 'SR 1.1'")
    p.add_argument("--description", default="", help="what the file shows (default: its name)")
    p.add_argument("file")

    p = command("bundle", _bundle, "the evidence hand-off: a zip of the register, the plan, every evidence file and "
                                   "a manifest of SHA-256 sums")
    p.add_argument("project")
    p.add_argument("--to", required=True, metavar="FILE.zip")
    p.add_argument("--encrypt", action="store_true", help="AES-256; the passphrase comes from OT62443_PASSPHRASE "
                                                          "or a prompt, never an argument")
    p.add_argument("--lang", choices=LANGUAGES, help="language of the register and the plan (default: the "
                                                     "project's report language, else English)")

    p = command("verify-bundle", _verify_bundle, "check an evidence bundle against its manifest: what was altered, "
                                                 "added or is missing")
    p.add_argument("bundle", metavar="FILE.zip")
    p.add_argument("--json", action="store_true")

    p = command("import-register", _import_register, "apply an edited Excel register to the project")
    p.add_argument("project")
    p.add_argument("xlsx")
    p.add_argument("--dry-run", action="store_true")

    p = command("merge", _merge, "bring the changes made in another copy of the project into this one")
    p.add_argument("project")
    p.add_argument("other", help="the other copy (a work package or a copy on a USB stick); it is only read")
    p.add_argument("--dry-run", action="store_true", help="say what would change, change nothing")
    p.add_argument("--json", action="store_true")

    p = command("split", _split, "a work package for a colleague: a copy holding some zones, to merge back")
    p.add_argument("project")
    p.add_argument("--zones", required=True, help="the zones and conduits it holds, comma-separated")
    p.add_argument("--to", required=True, metavar="FILE", help="the new project file of the work package")
    p.add_argument("--site", action="store_true", help="hold the site's 2-1 security program too")

    p = command("conflicts", _conflicts, "the merge conflicts still to resolve, both sides of each")
    p.add_argument("project")
    p.add_argument("--json", action="store_true")

    p = command("resolve", _resolve, "settle a merge conflict: keep the project's value or take the other copy's")
    p.add_argument("project")
    p.add_argument("--scope", help="zone/conduit id, or 'site'; alone, the zone itself")
    p.add_argument("--req", help="requirement id: its answer and remediation item")
    p.add_argument("--details", action="store_true", help="the project details")
    p.add_argument("--take", required=True, choices=["mine", "theirs"],
                   help="mine: the value the project shows; theirs: the other copy's")

    p = command("history", _history, "every version of one answer: who, when, on which copy")
    p.add_argument("project")
    p.add_argument("--scope", required=True)
    p.add_argument("--req", required=True)
    p.add_argument("--json", action="store_true")

    p = command("recover", _recover, "restore a damaged project from its newest good backup")
    p.add_argument("project")

    catalog = sub.add_parser("catalog", help="requirement catalogues").add_subparsers(
        dest="catalog_command", metavar="ACTION", required=True)
    p = command("list", _catalog_list, "list the requirements of the built-in catalogues", catalog)
    p.add_argument("--json", action="store_true")
    p.add_argument("--lang", choices=LANGUAGES, default=Language.EN.value, help="language of the titles")
    p = command("validate", _catalog_validate, "check a catalogue file", catalog)
    p.add_argument("file")
    p = command("import", _catalog_import, "check a catalogue of your own and keep it, as File > Import catalogue "
                "does", catalog)
    p.add_argument("file")
    p.add_argument("--replace", action="store_true", help="replace a catalogue of the same id imported before")
    p = command("imported", _catalog_imported, "list the catalogues of your own imported on this computer", catalog)
    p.add_argument("--json", action="store_true")
    p = command("use", _catalog_use, "assess a project against an imported catalogue too", catalog)
    p.add_argument("project")
    p.add_argument("id")
    p.set_defaults(use=True)
    p = command("drop", _catalog_use, "no longer assess a project against an imported catalogue (the answers "
                "recorded against it stay in the file)", catalog)
    p.add_argument("project")
    p.add_argument("id")
    p.set_defaults(use=False)

    licensed = sub.add_parser("licensed-text", help="your own licensed text of the standard, shown in the "
                              "walkthrough").add_subparsers(dest="licensed_command", metavar="ACTION", required=True)
    p = command("import", _licensed_import, "import it from a CSV file (header id,text; UTF-8; ',' or ';'), "
                "replacing what was imported before", licensed)
    p.add_argument("file")
    p = command("status", _licensed_status, "how many requirements have text, and from which file", licensed)
    p.add_argument("--json", action="store_true", help="the ids with text, never the text itself")
    command("remove", _licensed_remove, "delete the licensed text imported", licensed)
    return parser


LANGUAGES = [language.value for language in Language]


def _user_errors() -> tuple[type[Exception], ...]:
    """Errors that are the user's input or file, reported in one line (never a traceback)."""
    from ot62443_desktop.api import InputError
    from ot62443_desktop.domain.catalogue_loader import CatalogueError
    from ot62443_desktop.domain.model import ModelError
    from ot62443_desktop.domain.progress import LineageError
    from ot62443_desktop.exports.progress import ExportError
    from ot62443_desktop.licensed_text import LicensedTextError
    from ot62443_desktop.passphrase import PassphraseUnavailableError
    from ot62443_desktop.storage import StoreError

    return (CommandError, InputError, StoreError, CatalogueError, ModelError, ExportError, LineageError,
            LicensedTextError, OSError, PassphraseUnavailableError)


def main(argv: Sequence[str] | None = None) -> int:
    if getattr(sys, "frozen", False):  # the bundled app: let GUI export jobs start as child processes
        import multiprocessing

        multiprocessing.freeze_support()
    argv = list(sys.argv[1:] if argv is None else argv)
    for arg in argv:  # undecodable bytes arrive as lone surrogates, which no file or output can hold
        if not arg.isascii() and not _is_utf8(arg):
            shown = arg.encode("utf-8", "replace").decode()
            print(f"{PROG}: error: argument {shown!r} is not valid UTF-8 (file names and text must be); "
                  "nothing was changed", file=sys.stderr)
            return 1
    if not argv or (argv[0] == "gui" and "-h" not in argv and "--help" not in argv):
        return _gui(_gui_arguments(argparse.ArgumentParser(prog=f"{PROG} gui")).parse_args(argv[1:]))
    if isinstance(sys.stdout, io.TextIOWrapper):  # a name the console cannot show is escaped, not fatal
        sys.stdout.reconfigure(errors="backslashreplace")
    if sys.stdout is not None and not isinstance(sys.stdout, _Output):
        sys.stdout = _Output(sys.stdout)
    try:
        code = _run(argv)
    except SystemExit:  # argparse's --help, --version and usage errors: their output must reach the pipe too
        if _end_output(0):
            raise SystemExit(1) from None
        raise
    except BrokenPipeError:  # the reader left (`| head -1`): that is fine, and nothing more may go there
        _quiet_stdout()
        return 0
    return _end_output(code)


def _run(argv: list[str]) -> int:
    """Parse and run one command; a user error becomes one line on stderr and exit status 1."""
    args = build_parser().parse_args(argv)
    handler = getattr(args, "handler", _gui)
    try:
        return int(handler(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        raise
    except Exception as exc:
        if not isinstance(exc, _user_errors()):
            raise
        from ot62443_desktop.storage.errors import describe_os_error

        message = describe_os_error(exc) if isinstance(exc, OSError) else str(exc)
        with contextlib.suppress(BrokenPipeError):  # stderr closed too: the exit status still tells
            print(f"{PROG}: error: {' '.join(message.splitlines())}", file=sys.stderr)
        return 1


def _is_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class _Output(io.TextIOBase):
    """Stdout for one command. A failed write is kept for the end instead of raised into the
    command, so a change that was made is never reported as not made because its output failed."""

    def __init__(self, stream: TextIO) -> None:
        self.stream, self.error = stream, cast(OSError | None, None)

    def write(self, text: str) -> int:
        if self.error is None:
            try:
                self.stream.write(text)
            except OSError as exc:
                self.error = exc
        return len(text)

    def flush(self) -> None:
        if self.error is None:
            try:
                self.stream.flush()
            except OSError as exc:
                self.error = exc
        if self.error is not None:
            error, self.error = self.error, None  # told once; what follows goes to the null device
            raise error

    def fileno(self) -> int:
        return self.stream.fileno()


def _end_output(code: int) -> int:
    """Flush stdout here, where a failure can still be reported, rather than at interpreter exit."""
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except BrokenPipeError:
        _quiet_stdout()
    except OSError as exc:  # `> out.txt` on a full disk
        _quiet_stdout()
        if code == 0:  # after a reported failure, one line is enough
            from ot62443_desktop.storage.errors import describe_os_error

            print(f"{PROG}: error: the command was carried out, but its output could not be written "
                  f"({describe_os_error(exc)})", file=sys.stderr)
            return 1
    return code


def _quiet_stdout() -> None:
    """Point stdout at the null device so the flush at interpreter exit cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (AttributeError, OSError, ValueError):  # no real stdout (tests, windowed app): nothing to flush
        pass
