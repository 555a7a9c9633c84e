"""Project model: what the consultant records, as small frozen values."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from ot62443_desktop.domain.language import Language

SITE_SCOPE = "site"
FR_COUNT = 7
MAX_LAYERS = 12
PURDUE_LEVELS: tuple[str, ...] = (
    "Level 0: process", "Level 1: basic control", "Level 2: supervisory control",
    "Level 3: site operations", "Level 4: site business", "Level 5: enterprise",
)
_ZONE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,39}$")


def is_zone_id(text: str) -> bool:
    """Whether `text` may name a zone or conduit (the site scope's name may not)."""
    return text != SITE_SCOPE and _ZONE_ID.match(text) is not None


class Status(StrEnum):
    NOT_ASSESSED = "not_assessed"
    IMPLEMENTED = "implemented"
    PARTIAL = "partial"
    NOT_IMPLEMENTED = "not_implemented"
    NOT_APPLICABLE = "not_applicable"
    COMPENSATED = "compensated"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]


_STATUS_LABELS = {
    Status.NOT_ASSESSED: "Not assessed",
    Status.IMPLEMENTED: "Implemented",
    Status.PARTIAL: "Partially implemented",
    Status.NOT_IMPLEMENTED: "Not implemented",
    Status.NOT_APPLICABLE: "Not applicable",
    Status.COMPENSATED: "Compensating countermeasure",
}


class Criticality(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class ScopeKind(StrEnum):
    ZONE = "zone"
    CONDUIT = "conduit"


class Priority(StrEnum):
    P1 = "P1"
    P2 = "P2"
    P3 = "P3"
    P4 = "P4"


class Effort(StrEnum):
    S = "S"
    M = "M"
    L = "L"
    XL = "XL"


class ItemState(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    RISK_ACCEPTED = "risk_accepted"


class Rule(StrEnum):
    """Each rule the model holds values to, so that a GUI can say a refusal in its reader's language."""

    CLIENT_EMPTY = "client_empty"
    SITE_EMPTY = "site_empty"
    TARGET_ML = "target_ml"  # values: the maturity given
    DATES = "dates"  # the end before the start
    LAYERS = "layers"  # values: the most layers a project has
    LAYER_TWICE = "layer_twice"
    ASSET_NAME = "asset_name"
    ASSET_FIELDS = "asset_fields"  # values: the line
    ZONE_ID_RESERVED = "zone_id_reserved"  # values: the reserved id
    ZONE_ID = "zone_id"  # values: the id
    ZONE_NAME = "zone_name"  # values: the zone's id
    SL_T = "sl_t"  # values: the zone's id, the levels given
    LEVEL = "level"  # values: the zone's id, the highest level, the level given
    CONNECTS_ZONE = "connects_zone"  # values: the zone's id
    CONNECTS_ITSELF = "connects_itself"  # values: the conduit's id
    CONNECTS_TWICE = "connects_twice"  # values: the conduit's id
    CONNECTS_ID = "connects_id"  # values: the conduit's id, what is not a zone id
    MATURITY = "maturity"  # values: the maturity given
    JUSTIFICATION = "justification"


class ModelError(ValueError):
    """A value the model refuses. The message says which field and why, in English (the CLI's and the log's);
    `rule` names the rule and `values` what the message quotes, for a GUI to say it in its own words.
    A refusal worded elsewhere (already in the reader's words) has no rule."""

    def __init__(self, message: str, rule: Rule | None = None, *values: object) -> None:
        super().__init__(message)  # only the message in args: the rest pickles (from a job) with the instance
        self.rule = rule
        self.values = values


@dataclass(frozen=True)
class ProjectInfo:
    client: str
    site: str
    assessors: tuple[str, ...] = ()
    start_date: date | None = None
    end_date: date | None = None
    scope_note: str = ""
    confidentiality: str = "Confidential"
    target_ml: int = 2
    report_language: Language | None = None  # None: the language the GUI is in
    layers: tuple[str, ...] = ()  # the project's own named layers, lowest first; empty: Purdue levels 0-5
    catalogues: tuple[str, ...] = ()  # ids of the user's own imported catalogues assessed besides the built-in ones

    def __post_init__(self) -> None:
        if not self.client.strip():
            raise ModelError("client must not be empty", Rule.CLIENT_EMPTY)
        if not self.site.strip():
            raise ModelError("site must not be empty", Rule.SITE_EMPTY)
        if not 1 <= self.target_ml <= 4:
            raise ModelError(f"target maturity must be 1-4, not {self.target_ml}", Rule.TARGET_ML, self.target_ml)
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ModelError("assessment end date is before its start date", Rule.DATES)
        if len(self.layers) > MAX_LAYERS or any(not name.strip() for name in self.layers):
            raise ModelError(f"layers must be at most {MAX_LAYERS} names, none of them empty", Rule.LAYERS, MAX_LAYERS)
        if len(set(self.layers)) != len(self.layers):
            raise ModelError("two layers have the same name", Rule.LAYER_TWICE)

    @property
    def layer_names(self) -> tuple[str, ...]:
        """The layers zones are placed in: the project's own, or the Purdue levels 0-5."""
        return self.layers or PURDUE_LEVELS

    @property
    def assessment_date(self) -> date | None:
        """The date remediation due dates count from: the end of the assessment."""
        return self.end_date or self.start_date


@dataclass(frozen=True)
class Asset:
    """One device or system in a zone, as the asset owner's inventory names it."""

    name: str
    type: str = ""  # PLC, HMI, engineering workstation, switch, ...
    vendor_model: str = ""
    firmware: str = ""
    notes: str = ""

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ModelError("an asset needs a name", Rule.ASSET_NAME)

    def line(self) -> str:
        """The asset as one line, "name; type; vendor/model; firmware; notes", empty fields at the end left out."""
        fields = [self.name, self.type, self.vendor_model, self.firmware, self.notes]
        while len(fields) > 1 and not fields[-1]:
            fields.pop()
        return "; ".join(" ".join(field.split()) for field in fields)

    @classmethod
    def from_line(cls, text: str) -> Asset:
        """An asset from `line()`'s form; more than five fields is an error, not a silent loss."""
        fields = [field.strip() for field in text.split(";")]
        if len(fields) > 5:
            line = text.strip()[:60]
            raise ModelError(f"an asset line has at most 5 fields (name; type; vendor/model; firmware; notes): "
                             f"{line!r}", Rule.ASSET_FIELDS, line)
        return cls(*fields)


@dataclass(frozen=True)
class Zone:
    """A zone or conduit: the scope in which 3-3 is assessed against its SL-T vector."""

    id: str
    name: str
    sl_t: tuple[int, ...]
    kind: ScopeKind = ScopeKind.ZONE
    criticality: Criticality = Criticality.MEDIUM
    description: str = ""
    assets: tuple[Asset, ...] = ()
    assess_program: bool = False  # also assess 2-1 for this zone
    level: int | None = None  # index into the project's layers (Purdue 0-5 by default); None: not placed
    connects: tuple[str, ...] = ()  # a conduit: the ids of the zones it connects
    design_note: str = ""  # why the design is acceptable where a check would flag it (e.g. an SL-T step)
    position: tuple[float, float] | None = None  # where the user put it on the diagram; None: laid out

    def __post_init__(self) -> None:
        if self.id == SITE_SCOPE:
            raise ModelError(f"zone id {SITE_SCOPE!r} is reserved for the site scope", Rule.ZONE_ID_RESERVED,
                             SITE_SCOPE)
        if not _ZONE_ID.match(self.id):
            raise ModelError(
                f"zone id {self.id!r} must be 1-40 letters, digits, '.', '_' or '-', starting "
                "with a letter or digit", Rule.ZONE_ID, self.id
            )
        if not self.name.strip():
            raise ModelError(f"zone {self.id}: name must not be empty", Rule.ZONE_NAME, self.id)
        if len(self.sl_t) != FR_COUNT or any(
            isinstance(v, bool) or not isinstance(v, int) or not 0 <= v <= 4 for v in self.sl_t
        ):
            raise ModelError(f"zone {self.id}: SL-T must be 7 levels of 0-4, got {list(self.sl_t)}", Rule.SL_T,
                             self.id, list(self.sl_t))
        if self.level is not None and (isinstance(self.level, bool) or not 0 <= self.level < MAX_LAYERS):
            raise ModelError(f"zone {self.id}: level must be 0-{MAX_LAYERS - 1}, not {self.level!r}", Rule.LEVEL,
                             self.id, MAX_LAYERS - 1, self.level)
        self._check_connects()

    def _check_connects(self) -> None:
        if self.connects and self.kind is not ScopeKind.CONDUIT:
            raise ModelError(f"zone {self.id}: only a conduit connects zones", Rule.CONNECTS_ZONE, self.id)
        if self.id in self.connects:
            raise ModelError(f"conduit {self.id}: it cannot connect itself", Rule.CONNECTS_ITSELF, self.id)
        if len(set(self.connects)) != len(self.connects):
            raise ModelError(f"conduit {self.id}: a zone is named twice in what it connects", Rule.CONNECTS_TWICE,
                             self.id)
        if bad := [z for z in self.connects if not _ZONE_ID.match(z) or z == SITE_SCOPE]:
            raise ModelError(f"conduit {self.id}: {bad[0]!r} is not a zone id", Rule.CONNECTS_ID, self.id, bad[0])

    @staticmethod
    def uniform(level: int) -> tuple[int, ...]:
        """An SL-T vector with the same level for every FR."""
        return (level,) * FR_COUNT


@dataclass(frozen=True)
class Evidence:
    path: str
    sha256: str
    description: str = ""
    added: date | None = None


@dataclass(frozen=True)
class Answer:
    """What the assessor recorded for one requirement in one scope."""

    scope_id: str
    requirement_id: str
    status: Status
    ml: int | None = None  # achieved maturity 0-4 (2-1 only)
    notes: str = ""
    finding: str = ""
    countermeasure: str = ""
    evidence: tuple[Evidence, ...] = ()
    answered_by: str = ""
    answered_at: datetime | None = None

    def __post_init__(self) -> None:
        if self.ml is not None and (
            isinstance(self.ml, bool) or not isinstance(self.ml, int) or not 0 <= self.ml <= 4
        ):
            raise ModelError(f"achieved maturity must be 0-4, not {self.ml!r}", Rule.MATURITY, self.ml)


@dataclass(frozen=True)
class RemediationItem:
    """The plan for closing one gap; absent fields fall back to computed defaults."""

    scope_id: str
    requirement_id: str
    action: str | None = None  # None: the catalogue's remediation text
    priority: Priority | None = None  # None: the computed priority
    owner: str = ""
    due_date: date | None = None  # None: the default for the priority
    effort: Effort | None = None
    state: ItemState = ItemState.OPEN
    justification: str = ""

    def __post_init__(self) -> None:
        if self.state is ItemState.RISK_ACCEPTED and not self.justification.strip():
            raise ModelError("an accepted risk needs a justification", Rule.JUSTIFICATION)


@dataclass(frozen=True)
class ProjectData:
    """A read-only snapshot of a project, the input of scoring and exports."""

    info: ProjectInfo
    zones: tuple[Zone, ...] = ()
    answers: dict[tuple[str, str], Answer] = field(default_factory=dict)
    remediation: dict[tuple[str, str], RemediationItem] = field(default_factory=dict)
    project_id: str = ""  # the store's random id; exports carry it so imports match the right project
    lineage: tuple[str, ...] = ()  # project ids of the assessments this one was carried forward from, latest first
    previous: ProjectData | None = None  # the latest of them, as it was when carried forward (its own `previous`
    # dropped): what the walkthrough shows as "last time" and the progress is measured from

    def zone(self, zone_id: str) -> Zone:
        for zone in self.zones:
            if zone.id == zone_id:
                return zone
        raise KeyError(f"unknown scope {zone_id!r}")

    def answer(self, scope_id: str, requirement_id: str) -> Answer | None:
        return self.answers.get((scope_id, requirement_id))
