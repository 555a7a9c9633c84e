"""The small scripting API (SPEC 8): open a project, add zones, answer, summarise.

It is also the service layer the CLI and the GUI use, so every caller validates input
the same way: scope, requirement, status and maturity are checked against the catalogues
before anything is written.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from ot62443_desktop import user_catalogues
from ot62443_desktop.catalogues import builtin_catalogues
from ot62443_desktop.domain import rules, scoring
from ot62443_desktop.domain.catalogue import CatalogueSet, Requirement, Scale
from ot62443_desktop.domain.language import Language
from ot62443_desktop.domain.model import (
    FR_COUNT,
    SITE_SCOPE,
    Answer,
    Asset,
    Criticality,
    ProjectInfo,
    ScopeKind,
    Status,
    Zone,
)
from ot62443_desktop.storage import ProjectStore, SaveError, StoreError
from ot62443_desktop.storage.codec import answer_from_doc
from ot62443_desktop.storage.errors import describe_os_error
from ot62443_desktop.storage.identity import user
from ot62443_desktop.storage.keys import Secret
from ot62443_desktop.storage.versions import INFO_KEY, answer_key, describe, item_key, zone_key

if TYPE_CHECKING:  # what only merging, comparing, splitting, conflicts, summaries or a register import need
    # loads with its first use: a project opened in the GUI does none of these (#16: the start)
    from ot62443_desktop.domain.progress import Progress
    from ot62443_desktop.exports.progress import Hooks
    from ot62443_desktop.exports.register_import import ImportReport, RowChange
    from ot62443_desktop.storage.conflicts import Side
    from ot62443_desktop.storage.merge import MergeReport

__all__ = ["InputError", "Project", "carry_forward", "compare_projects", "open_project", "parse_sl_t",
           "split_project"]

APPLY_STEP = 200  # register rows between progress reports (and cancel checks) while applying


class InputError(ValueError):
    """Input the project refuses; the message says what and where. Nothing was changed."""


def _choice(enum: Any, value: str, what: str) -> Any:
    try:
        return enum(value)
    except ValueError:
        allowed = ", ".join(m.value for m in enum)
        raise InputError(f"unknown {what} {value!r} (use one of: {allowed})") from None


def parse_sl_t(value: int | str | Sequence[int]) -> tuple[int, ...]:
    """An SL-T vector from one level for all FRs ("2") or one per FR ("3,3,2,2,3,1,2")."""
    try:
        if isinstance(value, str):
            levels = [int(part) for part in value.replace(" ", "").split(",")]
        elif isinstance(value, int):
            levels = [value]
        else:
            levels = [int(v) for v in value]
    except ValueError:
        raise InputError(f"SL-T {value!r} is not a number 0-4 or 7 comma-separated numbers") from None
    if len(levels) == 1:
        levels *= FR_COUNT
    if len(levels) != FR_COUNT or not all(0 <= v <= 4 for v in levels):
        raise InputError(f"SL-T {value!r} must be one level 0-4 or 7 levels 0-4 (one per FR)")
    return tuple(levels)


class Project:
    """An open project bound to the catalogues; use as a context manager or close().

    `catalogues` are the built-in catalogues as the caller reads them (by default in `language`); the
    user's own imported catalogues the project names (ProjectInfo.catalogues) are added to them, read in
    `language`. Those this computer does not have are `missing_catalogues`: the project is scored
    without them, and the answers recorded against them stay in the file untouched.
    """

    def __init__(self, store: ProjectStore, catalogues: CatalogueSet | None = None, *,
                 language: Language = Language.EN) -> None:
        self.store = store
        self.language = language
        self._standard = catalogues or builtin_catalogues(language)
        self.catalogues: CatalogueSet = self._standard
        self.missing_catalogues: tuple[str, ...] = ()
        self.reload_catalogues()

    def reload_catalogues(self, language: Language | None = None) -> bool:
        """Find the catalogues the project names again (its details changed, one was imported, or the
        reader's language changed); True when the catalogues in use changed."""
        if language is not None:
            self.language = language
        chosen = user_catalogues.for_project(self.store.info.catalogues, self._standard, self.language)
        changed = chosen.catalogues.catalogues != self.catalogues.catalogues
        self.catalogues, self.missing_catalogues = chosen.catalogues, chosen.missing
        return changed

    def use_catalogue(self, catalogue_id: str, *, use: bool = True) -> None:
        """Assess the project against one of the user's imported catalogues too, or (use=False) no longer:
        the answers recorded against it stay in the file, and come back if it is used again."""
        info = self.store.info
        if use and catalogue_id in info.catalogues:
            raise InputError(f"the project already uses catalogue {catalogue_id!r}")
        if not use and catalogue_id not in info.catalogues:
            raise InputError(f"the project does not use catalogue {catalogue_id!r}")
        if use and catalogue_id not in {k.catalogue.id for k in user_catalogues.kept() if k.catalogue}:
            raise InputError(f"no imported catalogue {catalogue_id!r} (import it first: ot62443 catalog import FILE)")
        if use and user_catalogues.for_project((catalogue_id,), self.catalogues).missing:
            raise InputError(f"catalogue {catalogue_id!r} cannot be used beside the project's others: "
                             "their requirement ids clash")
        names = (*info.catalogues, catalogue_id) if use else tuple(c for c in info.catalogues if c != catalogue_id)
        self.store.set_info(dataclasses.replace(info, catalogues=names))
        self.reload_catalogues()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    def add_zone(
        self, zone_id: str, name: str, sl_t: int | str | Sequence[int], *,
        criticality: str = "medium", kind: str = "zone", description: str = "",
        assets: Sequence[Asset | str] = (), assess_program: bool = False, level: int | None = None,
        connects: Sequence[str] = (), design_note: str = "",
    ) -> Zone:
        """Add a zone, or a conduit naming the zones it `connects`; `level` indexes the project's
        layers (Purdue 0-5 unless the project names its own); assets are Assets or names."""
        zones = {z.id for z in self.store.zones()}
        if zone_id in zones:
            raise InputError(f"zone {zone_id!r} already exists")
        if unknown := [z for z in connects if z not in zones]:
            raise InputError(f"conduit {zone_id!r}: no zone {unknown[0]!r} to connect (add the zones first)")
        layers = self.store.info.layer_names
        if level is not None and not (isinstance(level, int) and 0 <= level < len(layers)):
            raise InputError(f"zone {zone_id!r}: level must be 0-{len(layers) - 1} ({', '.join(layers)})")
        try:
            zone = Zone(
                zone_id, name, parse_sl_t(sl_t), kind=_choice(ScopeKind, kind, "kind"),
                criticality=_choice(Criticality, criticality, "criticality"), description=description,
                assets=tuple(a if isinstance(a, Asset) else Asset(a) for a in assets), assess_program=assess_program,
                level=level, connects=tuple(connects), design_note=design_note,
            )
        except ValueError as exc:
            raise InputError(str(exc)) from None
        self.store.add_zone(zone)
        return zone

    def requirement_for(self, scope_id: str, requirement_id: str) -> Requirement:
        """The requirement, if it may be answered in that scope; InputError otherwise."""
        if scope_id not in self.store.scope_ids():
            known = ", ".join(self.store.scope_ids())
            raise InputError(f"unknown scope {scope_id!r} (known: {known})")
        try:
            requirement = self.catalogues.requirement(requirement_id)
        except KeyError:
            raise InputError(f"unknown requirement {requirement_id!r}") from None
        catalogue = self.catalogues.catalogue(requirement.catalogue)
        if catalogue.scale is Scale.SECURITY_LEVEL and scope_id == SITE_SCOPE:
            raise InputError(f"{requirement_id} is assessed per zone or conduit, not for the site")
        zone_program = scope_id == SITE_SCOPE or self.store.zone(scope_id).assess_program
        if catalogue.scale is Scale.MATURITY and not zone_program:
            raise InputError(f"zone {scope_id!r} does not assess the security program ({requirement_id})")
        return requirement

    def set_answer(
        self, scope_id: str, requirement_id: str, status: str | Status, *,
        notes: str | None = None, ml: int | None = None, **fields: Any,
    ) -> Answer | None:
        """Record a status (and maturity for 2-1); durable on return. Returns the previous answer.

        `notes` None keeps the existing notes; other Answer fields (finding, countermeasure,
        evidence) may be passed by keyword and are otherwise kept.
        """
        requirement = self.requirement_for(scope_id, requirement_id)
        new_status: Status = _choice(Status, status, "status")
        is_program = self.catalogues.catalogue(requirement.catalogue).scale is Scale.MATURITY
        if ml is not None and (isinstance(ml, bool) or not isinstance(ml, int) or not 0 <= ml <= 4):
            raise InputError(f"achieved maturity must be 0-4, not {ml!r}")
        if ml is not None and not is_program:
            raise InputError(f"{requirement_id} is rated on security levels; a maturity (ml) does not apply")
        if is_program and (conflict := rules.maturity_conflict(new_status, ml)):
            raise InputError(f"{requirement_id}: {conflict}")
        unknown = set(fields) - {"finding", "countermeasure", "evidence"}
        if unknown:
            raise InputError(f"unknown answer field(s): {', '.join(sorted(unknown))}")
        previous = self.store.answer(scope_id, requirement_id)
        base = previous or Answer(scope_id, requirement_id, new_status)
        answer = dataclasses.replace(
            base, status=new_status, ml=ml, notes=base.notes if notes is None else notes,
            answered_by=user(), answered_at=datetime.now().replace(microsecond=0), **fields,
        )
        return self.store.set_answer(answer)

    def answer(self, scope_id: str, requirement_id: str) -> dict[str, Any] | None:
        """The answer as a plain dict (status, ml, notes, ...); None when never answered. After a merge
        that met another copy's different answer, "conflict" is that answer's dict (else None)."""
        from ot62443_desktop.storage.conflicts import conflict_of

        self.requirement_for(scope_id, requirement_id)
        answer = self.store.answer(scope_id, requirement_id)
        if answer is None:
            return None
        found = conflict_of(self.store, answer_key(scope_id, requirement_id))
        theirs = found.theirs.value if found is not None else None
        return dict(_answer_dict(answer), conflict=_answer_dict(theirs) if theirs is not None else None)

    def summary(self) -> dict[str, Any]:
        """The `summary --json` document: scores per zone, the site program, gaps, and merge conflicts."""
        from ot62443_desktop.domain.report import score_project

        return {**score_project(self.store.snapshot(), self.catalogues).summary(),
                "conflicts": len(self.store.conflicts())}

    def conflicts(self) -> list[dict[str, Any]]:
        """The merge conflicts (SPEC 12.2): the record (answer, item, zone, details), the first field that
        differs, and both sides, "mine" (what the project shows) and "theirs": who, when, which copy, value."""
        from ot62443_desktop.storage.conflicts import conflicts

        return [{"scope": c.scope or None, "req": c.requirement or None, "record": c.record, "field": c.field,
                 "mine": _side_dict(c.mine), "theirs": _side_dict(c.theirs)} for c in conflicts(self.store)]

    def resolve(self, scope_id: str | None, requirement_id: str | None, take: str) -> list[str]:
        """Settle conflicts by taking "mine" (the value shown) or "theirs": those of one requirement in one
        scope (its answer and remediation item), of a zone (no requirement), or of the project details
        (neither). One durable change; returns the records resolved, as a person names them."""
        from ot62443_desktop.storage.conflicts import conflict_of

        if take not in ("mine", "theirs"):
            raise InputError(f"take 'mine' or 'theirs', not {take!r}")
        if scope_id is None:
            keys = [INFO_KEY] if requirement_id is None else []
        elif requirement_id is None:
            keys = [zone_key(scope_id)]
        else:
            keys = [answer_key(scope_id, requirement_id), item_key(scope_id, requirement_id)]
        found = [key for key in keys if conflict_of(self.store, key) is not None]
        if not found:
            where = " ".join(part for part in (scope_id, requirement_id) if part) or "the project details"
            others = ", ".join(describe(key) for key in self.store.conflicts()) or "none"
            raise InputError(f"no conflict at {where} (conflicts: {others}); nothing was changed")
        with self.store.batch():
            for key in found:
                self.store.resolve(key, take)
        return [describe(key) for key in found]

    def history(self, scope_id: str, requirement_id: str) -> list[dict[str, Any]]:
        """Every version of one answer this copy knows, oldest first: its version vector, the copy that
        made it, who and when, and the answer (None: removed); the last is the current one."""
        self.requirement_for(scope_id, requirement_id)
        key = answer_key(scope_id, requirement_id)
        entries = self.store.history(key)
        return [{"vv": e["vv"], "copy": e["copy"], "by": e["by"], "at": e["at"],
                 "current": n == len(entries) - 1 and e["doc"] is not None,
                 "answer": None if e["doc"] is None else _answer_dict(answer_from_doc(scope_id, e["doc"]))}
                for n, e in enumerate(entries)]

    def merge(self, other: str | Path, *, dry_run: bool = False, passphrase: Secret | None = None) -> MergeReport:
        """Bring the changes made in another copy of this project (`other`, which is only read) into
        this one, as one durable batch (SPEC 12.2); with `dry_run`, only say what would change. An
        encrypted `other` opens with `passphrase`, else with this project's key."""
        from ot62443_desktop.storage.merge import merge_into

        return merge_into(self.store, other, dry_run=dry_run, passphrase=passphrase)

    def gaps(self) -> list[scoring.Gap]:
        return scoring.find_gaps(self.store.snapshot(), self.catalogues)

    def import_register(self, xlsx: str | Path, *, dry_run: bool = False, hooks: Hooks | None = None,
                        language: Language = Language.EN) -> ImportReport:
        """Read an edited Excel register, plan its rows against the project and, unless `dry_run`, apply them;
        the report (and the refusal of a workbook that is not this project's register) is written in `language`.

        Raises ExportError, with the project unchanged, when the file is not a gap register of
        this project or cannot be read, or the changes cannot be saved (read-only, disk full).
        """
        from ot62443_desktop.exports.progress import ExportError
        from ot62443_desktop.exports.register_import import plan_import
        from ot62443_desktop.exports.register_reader import read_register
        from ot62443_desktop.exports.xlsx_guard import NOTHING

        if not dry_run and self.store.read_only:
            raise ExportError(f"{self.store.path}: {self.store.read_only_reason}; {NOTHING}")
        sheet = read_register(Path(xlsx), hooks, language)
        report = plan_import(sheet, self.store.snapshot(), self.catalogues, dry_run=dry_run, language=language)
        if not dry_run and report.changed:
            try:
                self.apply_register_plan(report.changed, hooks=hooks)
            except StoreError as exc:
                raise ExportError(f"{exc}; {NOTHING}") from None
            report.applied = True
        return report

    def apply_register_plan(self, changes: Sequence[RowChange], *, undo: bool = False,
                            hooks: Hooks | None = None) -> None:
        """Write the planned row changes of a register import (with `undo`, take them back) as one
        batch (SPEC 12.1): one journal record and one sync, and all of them or none, whatever stops
        it (a crash, a full disk, a lost lock, a cancel from `hooks`). Raises StoreError having
        written nothing."""
        from ot62443_desktop.exports.progress import Hooks

        hooks = hooks or Hooks()
        total = len(changes)
        try:
            with self.store.batch():
                for done, change in enumerate(changes, 1):
                    if change.item_after is not None:
                        item = change.item_before if undo else change.item_after
                        if item is None:
                            self.store.clear_remediation(change.scope_id, change.requirement_id)
                        else:
                            self.store.set_remediation(item)
                    if change.answer_after is not None:
                        self.store.set_answer(change.answer_before if undo else change.answer_after)
                    if done % APPLY_STEP == 0 or done == total:
                        hooks.step(done, total)
        except OSError as exc:
            raise SaveError(f"{self.store.path}: the import could not be saved ({describe_os_error(exc)})") from None


def _answer_dict(answer: Answer) -> dict[str, Any]:
    return {
        "scope": answer.scope_id, "requirement": answer.requirement_id,
        "status": answer.status.value, "ml": answer.ml, "notes": answer.notes,
        "finding": answer.finding, "countermeasure": answer.countermeasure,
        "evidence": [dataclasses.asdict(e) for e in answer.evidence],
        "answered_by": answer.answered_by,
        "answered_at": answer.answered_at.isoformat() if answer.answered_at else None,
    }


def _side_dict(side: Side) -> dict[str, Any]:
    return {"by": side.by, "at": side.at, "copy": side.copy, "value": side.doc}


def open_project(
    path: str | Path, create: bool = False, *, client: str | None = None, site: str | None = None,
    read_only: bool = False, passphrase: Secret | None = None,
) -> Project:
    """Open (or with create=True, create when missing) a project file. An encrypted project opens with
    its `passphrase`; a project created with one is encrypted."""
    path = Path(path)
    if create and not path.exists():
        info = ProjectInfo(client=client or "Client", site=site or path.stem)
        return Project(ProjectStore.create(path, info, passphrase=passphrase))
    return Project(ProjectStore.open(path, read_only=read_only, passphrase=passphrase))


def carry_forward(old: str | Path, new: str | Path, *, catalogues: CatalogueSet | None = None,
                  passphrase: Secret | None = None, new_passphrase: Secret | None = None) -> Project:
    """Start next year's assessment of the same plant in `new`, from `old` (which is only read, with
    `passphrase` if it is encrypted).

    The new project has the old one's details (without its dates), zones with their SL-T and
    remediation plan; every answer starts not assessed, with last time's shown beside it. It is
    encrypted with `new_passphrase` if given, else like `old`: the old project travels inside it
    as its baseline, so it never lands in a plain file unasked.
    """
    with open_project(old, read_only=True, passphrase=passphrase) as previous:
        data, key = previous.store.snapshot(), previous.store.key
    info = dataclasses.replace(data.info, start_date=None, end_date=None)
    sealed_with = new_passphrase if new_passphrase is not None else key
    return Project(ProjectStore.create(new, info, carried_from=data, passphrase=sealed_with), catalogues)


def split_project(project: str | Path, zones: Sequence[str], to: str | Path, *, site: bool = False,
                  catalogues: CatalogueSet | None = None, passphrase: Secret | None = None) -> Project:
    """A work package for a colleague: a new copy of `project` (only read) in the file `to`, holding
    `zones` with everything in them, and with `site` the site's 2-1 program; it merges back (SPEC 12.2).
    An encrypted project opens with `passphrase`, and its package is encrypted with the same one."""
    from ot62443_desktop.storage.split import split

    return Project(split(project, zones, to, site=site, passphrase=passphrase), catalogues)


def compare_projects(old: str | Path, new: str | Path, *, catalogues: CatalogueSet | None = None,
                     passphrase: Secret | None = None) -> Progress:
    """The progress from the assessment in `old` to the one in `new`, carried forward from it
    (directly or through assessments between them); both files are only read, with `passphrase`
    where they are encrypted."""
    from ot62443_desktop.domain.progress import compare

    with open_project(old, read_only=True, passphrase=passphrase) as then, \
            open_project(new, read_only=True, passphrase=passphrase) as now:
        return compare(then.store.snapshot(), now.store.snapshot(), catalogues or now.catalogues)

