"""The drawing's geometry and the design checks, on worked examples."""

from __future__ import annotations

import random
from dataclasses import replace
from itertools import combinations

from ot62443_desktop.domain.design import Check, Finding, design_checks
from ot62443_desktop.domain.diagram import Diagram, Link, layout
from ot62443_desktop.domain.diagram_grid import (
    CONDUIT_W,
    LABEL_W,
    MARGIN,
    PER_ROW,
    PITCH,
    ROW_H,
    ZONE_H,
    Box,
    snapped,
)
from ot62443_desktop.domain.diagram_routes import route
from ot62443_desktop.domain.model import Asset, ProjectData, ProjectInfo, ScopeKind, Zone

CONDUIT = ScopeKind.CONDUIT
CONDUIT_STEP = CONDUIT_W  # how far from the ideal place a conduit may be pushed by the boxes placed before it


def plant() -> ProjectData:
    return ProjectData(ProjectInfo("c", "s"), (
        Zone("ENT", "Enterprise", Zone.uniform(1), level=4),
        Zone("DMZ", "DMZ", Zone.uniform(2), level=3, assets=(Asset("historian mirror"),)),
        Zone("SCADA", "SCADA", Zone.uniform(2), level=2, assets=(Asset("SCADA-A"),)),
        Zone("PLC", "Controllers", (3, 3, 3, 2, 3, 2, 3), level=1),
        Zone("LAB", "Lab", Zone.uniform(1)),
        Zone("C-IT", "IT/OT firewall", Zone.uniform(2), kind=CONDUIT, connects=("ENT", "DMZ")),
        Zone("C-OT", "OT firewall", Zone.uniform(2), kind=CONDUIT, connects=("DMZ", "SCADA")),
        Zone("C-FIELD", "Control LAN", Zone.uniform(2), kind=CONDUIT, connects=("SCADA", "PLC")),
        Zone("C-DIODE", "Data diode", Zone.uniform(1), kind=CONDUIT, connects=("PLC", "ENT"),
             design_note="unidirectional gateway"),
        Zone("C-OLD", "Old modem", Zone.uniform(1), kind=CONDUIT, connects=("PLC", "GONE")),
    ))


def crossed(diagram: Diagram, link: Link) -> list[str]:
    """The boxes other than its own two that a link's line runs through."""
    segments = list(zip(link.points, link.points[1:], strict=False))
    return [b.zone_id for b in (*diagram.boxes, *diagram.markers) if b.zone_id not in (link.zone_id, link.conduit_id)
            and any(_cuts(a, c, b) for a, c in segments)]


def square(link: Link) -> bool:
    """Whether every piece of a link's line runs across or down the page."""
    return all(a[0] == c[0] or a[1] == c[1] for a, c in zip(link.points, link.points[1:], strict=False))


def apart(diagram: Diagram, link: Link) -> bool:
    """Whether no piece of a link's line runs 20 points or more along a line of another conduit to another zone."""
    def runs(link: Link) -> list[tuple[bool, float, float, float]]:
        return [(a[1] == c[1], a[1] if a[1] == c[1] else a[0], min(a[0], c[0]) if a[1] == c[1] else min(a[1], c[1]),
                 max(a[0], c[0]) if a[1] == c[1] else max(a[1], c[1]))
                for a, c in zip(link.points, link.points[1:], strict=False) if a[0] == c[0] or a[1] == c[1]]
    others = [run for other in diagram.links if other.conduit_id != link.conduit_id and other.zone_id != link.zone_id
              for run in runs(other)]
    return not [1 for across, at, low, high in runs(link) for o_across, o_at, o_low, o_high in others
                if across == o_across and abs(at - o_at) < 0.01 and min(high, o_high) - max(low, o_low) >= 20]


def on_edge(point: tuple[float, float], box: Box) -> bool:
    x, y = point
    inside = box.x <= x <= box.x + box.w and box.y <= y <= box.y + box.h
    return inside and x in (box.x, box.x + box.w) or inside and y in (box.y, box.y + box.h)


def overlaps(a: Box, b: Box) -> bool:
    return a.x < b.x + b.w and b.x < a.x + a.w and a.y < b.y + b.h and b.y < a.y + a.h


def test_layers_run_top_down_and_nothing_overlaps() -> None:
    diagram = layout(plant())
    y = {box.zone_id: box.y for box in diagram.boxes}
    assert y["ENT"] < y["DMZ"] < y["SCADA"] < y["PLC"] < y["LAB"]  # level 4 on top, unplaced last
    assert [band.name for band in diagram.bands][:2] == ["Level 4: site business", "Level 3: site operations"]
    assert not [(a.zone_id, b.zone_id) for a, b in combinations(diagram.boxes, 2) if overlaps(a, b)]
    assert all(b.x >= 0 and b.x + b.w <= diagram.width and b.y + b.h <= diagram.height for b in diagram.boxes)


def test_one_link_per_conduit_endpoint_the_one_to_a_zone_that_is_gone_to_its_marker() -> None:
    diagram = layout(plant())
    ends = [(link.conduit_id, link.zone_id, link.missing) for link in diagram.links]
    assert len(ends) == 10 and ("C-OLD", "GONE", True) in ends and sum(missing for *_, missing in ends) == 1
    assert [(m.zone_id, m.centre) for m in diagram.markers] == [
        ("GONE", next(link.end for link in diagram.links if link.missing))]
    conduit, scada = diagram.box("C-OT"), diagram.box("SCADA")
    assert conduit is not None and scada is not None and conduit.conduit
    dmz = diagram.box("DMZ")
    assert dmz is not None and dmz.y < conduit.y < scada.y  # between the two zones it connects


def test_a_dragged_position_wins_on_the_grid_and_the_links_follow() -> None:
    """A box goes where it was dragged, snapped to the nearest cell of the grid (the lines run in the gaps and
    strips between the cells)."""
    data = plant()
    moved = ProjectData(data.info, tuple(z if z.id != "SCADA" else Zone(
        z.id, z.name, z.sl_t, level=z.level, position=(900.0, 40.0)) for z in data.zones))
    diagram = layout(moved)
    scada = diagram.box("SCADA")
    assert scada is not None and (scada.x, scada.y) == snapped(900.0, 40.0, False) == (872.0, 42.0)
    link = next(link for link in diagram.links if (link.conduit_id, link.zone_id) == ("C-OT", "SCADA"))
    assert link.end == (947.0, 65.0) and diagram.width >= 872 + 150


def test_a_crowded_band_wraps_so_a_hundred_zones_stay_legible() -> None:
    zones = tuple(Zone(f"PS-{n:03d}", f"Pumping station {n}", Zone.uniform(1), level=1) for n in range(88))
    diagram = layout(ProjectData(ProjectInfo("c", "s"), zones))
    rows = {box.y for box in diagram.boxes}
    assert len(rows) == -(-88 // PER_ROW) and diagram.width < 2000


def test_the_checks_of_a_conduit_none_of_whose_zones_exist_say_so() -> None:
    """A conduit whose zones were all removed (or one that names none) raised ValueError in the SL-step check:
    the Diagram tab brought the program down, and the PDF plan was not written."""
    for ends in (("GONE",), ("GONE", "LOST"), ()):
        data = ProjectData(ProjectInfo("c", "s"), (Zone("Z", "Z", Zone.uniform(1), level=1),
                                                   Zone("C", "C", Zone.uniform(2), kind=CONDUIT, connects=ends)))
        assert design_checks(data) == [
            *(Finding(Check.UNKNOWN_ZONE, "C", other=z) for z in ends),
            *([Finding(Check.TOO_FEW, "C")] if len(ends) < 2 else []), Finding(Check.ISOLATED, "Z"),
            Finding(Check.NO_ASSETS, "Z")]
        assert [link.zone_id for link in layout(data).links if link.missing] == list(ends)


def test_design_checks_on_a_worked_example() -> None:
    found = design_checks(plant())
    assert Finding(Check.UNKNOWN_ZONE, "C-OLD", other="GONE") in found
    assert Finding(Check.SL_STEP, "C-FIELD", other="SCADA|PLC", fr="FR 1", levels=(2, 3)) not in found  # step 1
    assert Finding(Check.ISOLATED, "LAB") in found and Finding(Check.ISOLATED, "PLC") not in found
    assert Finding(Check.NO_ASSETS, "PLC") in found and Finding(Check.NO_ASSETS, "SCADA") not in found
    assert not [f for f in found if f.scope_id == "C-DIODE"]  # its design note answers the SL step
    stepped = ProjectData(ProjectInfo("c", "s"), (
        Zone("A", "A", (1, 1, 1, 1, 1, 1, 1)), Zone("B", "B", (1, 3, 1, 1, 1, 1, 4)),
        Zone("C", "C", Zone.uniform(1), kind=CONDUIT, connects=("A", "B")),
        Zone("D", "D", Zone.uniform(1), kind=CONDUIT, connects=("A",))))
    assert design_checks(stepped) == [
        Finding(Check.SL_STEP, "C", other="A|B", fr="FR 7", levels=(1, 4)), Finding(Check.TOO_FEW, "D")]


def test_a_backbone_conduit_gives_one_sl_step_finding_however_many_zones_it_joins() -> None:
    zones = tuple(Zone(f"Z{n}", f"Zone {n}", Zone.uniform(1 + n % 4), level=1) for n in range(1000))
    backbone = Zone("BB", "Backbone", Zone.uniform(2), kind=CONDUIT, connects=tuple(z.id for z in zones))
    found = design_checks(ProjectData(ProjectInfo("c", "s"), (*zones, backbone)))
    assert [f for f in found if f.check is Check.SL_STEP] == [
        Finding(Check.SL_STEP, "BB", other="Z0|Z3", fr="FR 1", levels=(1, 4))]


def _cuts(a: tuple[float, float], b: tuple[float, float], box: Box) -> bool:
    """Whether the segment a-b passes through `box` (sampled finely: a test of the layout, not of its clipping)."""
    steps = 400
    return any(box.x < a[0] + (b[0] - a[0]) * t / steps < box.x + box.w and
               box.y < a[1] + (b[1] - a[1]) * t / steps < box.y + box.h for t in range(steps + 1))


def test_a_conduit_sits_between_the_bands_it_joins_near_its_zones_however_wide_the_drawing() -> None:
    """A telemetry hub joining a level-2 front-end with 40 pumping stations at level 1 used to be pushed right of
    every box; it belongs in the gutter between the two bands, near its zones. So does a conduit of two stations."""
    stations = tuple(Zone(f"PS-{n:02d}", f"Pumping station {n}", Zone.uniform(1), level=1) for n in range(40))
    hub = Zone("C-TELEM", "Telemetry", Zone.uniform(2), kind=CONDUIT, connects=("TELEM", *(s.id for s in stations)))
    pair = Zone("C-PAIR", "Radio link", Zone.uniform(1), kind=CONDUIT, connects=("PS-38", "PS-39"))
    diagram = layout(ProjectData(ProjectInfo("c", "s"), (
        Zone("TELEM", "Telemetry front-end", Zone.uniform(2), level=2), *stations, hub, pair)))
    boxes = {box.zone_id: box for box in diagram.boxes}
    zones = [box for box in diagram.boxes if not box.conduit]
    top_of_level_1 = min(box.y for box in zones if box.zone_id.startswith("PS"))
    c = boxes["C-TELEM"]
    assert boxes["TELEM"].y + boxes["TELEM"].h < c.y and c.y + c.h < top_of_level_1
    mean_x = sum(boxes[z].centre[0] for z in hub.connects) / len(hub.connects)
    assert abs(c.centre[0] - mean_x) < CONDUIT_STEP and c.x + c.w <= max(box.x + box.w for box in zones)
    p, ends = boxes["C-PAIR"], [boxes["PS-38"], boxes["PS-39"]]
    assert abs(p.centre[0] - sum(e.centre[0] for e in ends) / 2) < CONDUIT_STEP
    assert all(abs(p.centre[1] - e.centre[1]) < ROW_H for e in ends)
    assert not [(a.zone_id, b.zone_id) for a, b in combinations(diagram.boxes, 2) if overlaps(a, b)]


def test_a_conduit_skipping_a_level_keeps_its_lines_clear_of_the_zone_between() -> None:
    """HIST (level 3) to PLC (level 1): at the place nearest them, the line to PLC ran through SCADA's box and
    read as a conduit to SCADA; the layout takes a place as near from which no line crosses a zone."""
    zones = (Zone("SCADA", "SCADA", Zone.uniform(2), level=2), Zone("MES", "MES", Zone.uniform(2), level=3),
             Zone("HIST", "Historian", Zone.uniform(2), level=3), Zone("PLC", "Controllers", Zone.uniform(2), level=1),
             Zone("C-HIST", "Historian feed", Zone.uniform(2), kind=CONDUIT, connects=("HIST", "PLC")))
    diagram = layout(ProjectData(ProjectInfo("c", "s"), zones))
    conduit = diagram.box("C-HIST")
    assert conduit is not None
    for link in diagram.links:
        assert not link.missing
        assert not crossed(diagram, link)


def test_the_layout_of_a_large_plant_is_the_same_every_time_and_overlaps_nothing() -> None:
    zones = [Zone(f"Z{n:03d}", f"Zone {n}", Zone.uniform(1 + n % 3), level=n % 5) for n in range(100)]
    conduits = [Zone(f"C{n:02d}", f"Conduit {n}", Zone.uniform(2), kind=CONDUIT,
                     connects=tuple(f"Z{(n * 7 + k * 13) % 100:03d}" for k in range(2 + n % 4))) for n in range(20)]
    data = ProjectData(ProjectInfo("c", "s"), (*zones, *conduits))
    diagram = layout(data)
    assert diagram == layout(data)
    assert not [(a.zone_id, b.zone_id) for a, b in combinations(diagram.boxes, 2) if overlaps(a, b)]
    assert all(b.x >= 0 and b.x + b.w <= diagram.width and b.y + b.h <= diagram.height for b in diagram.boxes)


def test_a_hub_reaches_a_hundred_zones_as_a_bus_crossing_none() -> None:
    """A telemetry conduit to 88 pumping stations drew 88 straight lines, of which 84 ran through other
    stations' boxes, so no one could tell which boxes it joined. Its lines now run square along the gaps
    between columns and the gutters between rows, edge to edge, and cross no box."""
    stations = tuple(Zone(f"PS-{n:03d}", f"Pumping station {n}", Zone.uniform(2), level=1) for n in range(88))
    scada = (Zone("SCADA", "SCADA", Zone.uniform(2), level=2), Zone("ENT", "Enterprise", Zone.uniform(1), level=3))
    conduits = (Zone("C-TELEM", "Telemetry", Zone.uniform(2), kind=CONDUIT,
                     connects=("SCADA", *(z.id for z in stations))),
                Zone("C-IT", "IT/OT", Zone.uniform(2), kind=CONDUIT, connects=("ENT", "SCADA")))
    diagram = layout(ProjectData(ProjectInfo("c", "s"), (*scada, *stations, *conduits)))
    boxes = {box.zone_id: box for box in diagram.boxes}
    assert len(diagram.links) == 91
    for link in diagram.links:
        assert not crossed(diagram, link), link.zone_id
        assert square(link), link.zone_id
        assert on_edge(link.points[0], boxes[link.conduit_id]) and on_edge(link.points[-1], boxes[link.zone_id])


def test_the_lines_of_a_large_plant_cross_no_box_and_seldom_run_together() -> None:
    """Conduits sat across the gaps the lines run along: a line reached a zone through another conduit's box
    and read as joining it. They now sit over a column, and nothing is in a gap."""
    zones = [Zone(f"Z{n:03d}", f"Zone {n}", Zone.uniform(1 + n % 3), level=n % 5) for n in range(100)]
    conduits = [Zone(f"C{n:02d}", f"Conduit {n}", Zone.uniform(2), kind=CONDUIT,
                     connects=tuple(f"Z{(n * 7 + k * 13) % 100:03d}" for k in range(2 + n % 4))) for n in range(20)]
    diagram = layout(ProjectData(ProjectInfo("c", "s"), (*zones, *conduits)))
    assert not [(link.conduit_id, link.zone_id, crossed(diagram, link)) for link in diagram.links
                if crossed(diagram, link)]
    assert all(square(link) for link in diagram.links)
    alone = [link for link in diagram.links if apart(diagram, link)]
    assert len(alone) >= 0.75 * len(diagram.links)  # 20 conduits to 2-5 zones scattered over 5 layers: 57 of 70


def test_a_line_through_another_conduits_box_is_routed_round_it() -> None:
    """The breaker's case: C-B joins R (level 1) and TOP (level 5); C-A, joining L and R, sat in the gap
    C-B's line ran up, and the drawing said the cell LAN joined the enterprise."""
    zones = (Zone("TOP", "Enterprise", Zone.uniform(1), level=5), Zone("L", "Left cell", Zone.uniform(2), level=1),
             Zone("R", "Right cell", Zone.uniform(2), level=1),
             Zone("C-A", "Cell LAN", Zone.uniform(2), kind=CONDUIT, connects=("L", "R")),
             Zone("C-B", "Uplink", Zone.uniform(2), kind=CONDUIT, connects=("R", "TOP")))
    diagram = layout(ProjectData(ProjectInfo("c", "s"), zones))
    assert not [link.zone_id for link in diagram.links if crossed(diagram, link)]


def test_two_conduits_to_zones_stacked_above_one_another_do_not_share_a_stretch() -> None:
    """K0 joins A and C, K1 joins A and B (A, B, C in three layers): their lines went up the same gap, and
    no one could tell which conduit reached which zone."""
    zones = (Zone("A", "A", Zone.uniform(2), level=3), Zone("B", "B", Zone.uniform(2), level=2),
             Zone("C", "C", Zone.uniform(2), level=1),
             Zone("K0", "K0", Zone.uniform(2), kind=CONDUIT, connects=("A", "C")),
             Zone("K1", "K1", Zone.uniform(2), kind=CONDUIT, connects=("A", "B")))
    diagram = layout(ProjectData(ProjectInfo("c", "s"), zones))
    assert all(apart(diagram, link) for link in diagram.links)
    assert not [link.zone_id for link in diagram.links if crossed(diagram, link)]


def test_a_zone_nudged_a_little_keeps_the_other_lines_out_of_its_neighbours() -> None:
    """The lanes followed the zone's own edge: nudging a PLC 10 points put the line to the next PLC through
    it. Lanes and gaps now keep to the grid, and a line takes the lane or track the nudged box leaves free
    (a box pushed most of the way across the 13-point strip leaves none)."""
    plcs = [Zone(f"P{i}", f"PLC {i}", Zone.uniform(1), level=1) for i in range(6)]
    zones = (Zone("ENT", "Enterprise", Zone.uniform(1), level=3), Zone("SCADA", "SCADA", Zone.uniform(1), level=2),
             *plcs, Zone("C", "Uplink", Zone.uniform(1), kind=CONDUIT, connects=("ENT", *(z.id for z in plcs))))
    before = layout(ProjectData(ProjectInfo("c", "s"), zones))
    for plc in plcs:
        box = before.box(plc.id)
        assert box is not None
        for dx, dy in ((0, -6), (0, 6), (-10, 0), (10, 0), (-8, -5)):
            nudged = tuple(replace(z, position=(box.x + dx, box.y + dy)) if z.id == plc.id else z for z in zones)
            diagram = layout(ProjectData(ProjectInfo("c", "s"), nudged))
            assert not [(link.zone_id, crossed(diagram, link)) for link in diagram.links if crossed(diagram, link)]


def test_a_zone_dropped_on_a_cell_takes_it_and_the_zone_laid_out_there_moves_on() -> None:
    data = plant()
    plc = layout(data).box("PLC")
    assert plc is not None
    moved = ProjectData(data.info, tuple(replace(z, position=(plc.x + 5, plc.y - 3)) if z.id == "LAB" else z
                                         for z in data.zones))
    diagram = layout(moved)
    lab, plc_now = diagram.box("LAB"), diagram.box("PLC")
    assert lab is not None and plc_now is not None and (lab.x, lab.y) == (plc.x, plc.y)
    assert not [(a.zone_id, b.zone_id) for a, b in combinations(diagram.boxes, 2) if overlaps(a, b)]


def test_a_place_that_is_not_a_number_is_no_place() -> None:
    data = plant()
    for bad in ((float("nan"), 10.0), (10.0, float("inf"))):
        moved = ProjectData(data.info, tuple(replace(z, position=bad) if z.id == "SCADA" else z for z in data.zones))
        assert layout(moved).box("SCADA") == layout(data).box("SCADA")


def test_boxes_edge_to_edge_are_joined_by_a_line_of_no_length() -> None:
    """As the GUI may route them while a box is dragged (the layout keeps boxes on the grid, apart)."""
    conduit, zone = Box("C", "c", True, 300.0, 300.0, 110.0, 26.0), Box("Z", "z", False, 280.0, 326.0, 150.0, 46.0)
    points = route(conduit, zone)
    assert len(points) == 2 and points[0] == points[1]


def test_boxes_level_with_one_another_are_joined_straight_edge_to_edge() -> None:
    """As the GUI may route them while a box is dragged beside another."""
    conduit, ent = Box("C", "c", True, 600.0, 20.0, 110.0, 26.0), Box("E", "e", False, 136.0, 10.0, 150.0, 46.0)
    points = route(conduit, ent)
    assert len(points) == 2 and on_edge(points[0], conduit) and on_edge(points[-1], ent)


def test_a_zone_the_project_lacks_is_a_marker_with_the_unplaced_zones_in_no_ones_way() -> None:
    """The marker "? ID" of a zone a conduit names but the project lacks (one removed since) sat right of its
    conduit, over the next conduit along the gutter. Markers are now laid out as zones with no layer, one per
    missing id however many conduits name it (a conduit named as a zone is missing too), past a cell a zone
    was dragged to, and the lines run to them as to any zone."""
    top = [Zone(f"T{n}", f"Top {n}", Zone.uniform(1), level=2) for n in range(PER_ROW)]
    low = [Zone(f"L{n}", f"Low {n}", Zone.uniform(1), level=1) for n in range(PER_ROW)]
    conduits = [Zone(f"C{n}", f"Link {n}", Zone.uniform(1), kind=CONDUIT, connects=(f"T{n}", f"L{n}"))
                for n in range(PER_ROW)]
    conduits[0] = replace(conduits[0], connects=("T0", "L0", "GONE"))
    conduits[7] = replace(conduits[7], connects=("T7", "L7", "GONE", "LOST"))
    conduits.append(Zone("C-X", "Names a conduit", Zone.uniform(1), kind=CONDUIT, connects=("L9", "C3")))
    cell = (LABEL_W + MARGIN + 3 * PITCH, MARGIN + 2 * ROW_H + (ROW_H - ZONE_H) / 2)  # in the band under both
    dragged = replace(low[5], position=cell)
    diagram = layout(ProjectData(ProjectInfo("c", "s"), (*top, *low[:5], dragged, *low[6:], *conduits)))
    markers = {m.zone_id: m for m in diagram.markers}
    assert sorted(markers) == ["C3", "GONE", "LOST"] and diagram.box("C3") is not None
    band = diagram.bands[-1]
    assert band.name == "" and all(band.y < m.y and m.y + m.h < band.y + band.h for m in markers.values())
    assert band.missing_only and not any(b.missing_only for b in diagram.bands[:-1])
    assert not layout(plant()).bands[-1].missing_only  # LAB has no layer: GONE's marker is beside it
    pinned = diagram.box("L5")
    assert pinned is not None and (pinned.x, pinned.y) == cell
    everything = [*diagram.boxes, *diagram.markers]
    assert not [(a.zone_id, b.zone_id) for a, b in combinations(everything, 2) if overlaps(a, b)]
    assert all(b.x + b.w <= diagram.width and b.y + b.h <= diagram.height for b in everything)
    gone = [link for link in diagram.links if link.zone_id == "GONE"]
    assert [link.conduit_id for link in gone] == ["C0", "C7"] and all(link.missing for link in gone)
    assert all(link.end == markers["GONE"].centre for link in gone)
    assert [link.missing for link in diagram.links if link.conduit_id == "C-X"] == [False, True]
    for link in diagram.links:
        end = markers[link.zone_id] if link.missing else diagram.box(link.zone_id)
        assert end is not None and on_edge(link.points[-1], end), link
        assert not crossed(diagram, link) and square(link), link


def test_the_lines_to_two_markers_do_not_cross() -> None:
    """The demo with SIS and TELEM removed: the control LAN's line ran to SIS's marker on the left and the
    telemetry conduit's to TELEM's on the right, across one another (the markers were ordered by where the
    zones were before the layout's last sweep). They now follow the zones of the conduits naming them."""
    zones = (Zone("ENT-DMZ", "DMZ", Zone.uniform(2), level=3), Zone("SCADA", "SCADA", Zone.uniform(2), level=2),
             Zone("HMI", "HMI", Zone.uniform(2), level=2), Zone("CTRL", "Control", Zone.uniform(2), level=1),
             Zone("ENG", "Engineering", Zone.uniform(2), level=2), Zone("SKID", "Skid", Zone.uniform(2), level=1),
             Zone("C-REMOTE", "Remote", Zone.uniform(2), kind=CONDUIT, connects=("ENT-DMZ", "ENG", "SKID")),
             Zone("C-ITOT", "IT/OT", Zone.uniform(2), kind=CONDUIT, connects=("ENT-DMZ", "SCADA")),
             Zone("C-CTRL", "Control LAN", Zone.uniform(2), kind=CONDUIT,
                  connects=("SCADA", "HMI", "ENG", "CTRL", "SIS")),
             Zone("C-TELEM", "Telemetry", Zone.uniform(2), kind=CONDUIT, connects=("SCADA", "TELEM")))
    diagram = layout(ProjectData(ProjectInfo("c", "s"), zones))
    dashed = [link for link in diagram.links if link.missing]
    assert sorted(link.zone_id for link in dashed) == ["SIS", "TELEM"]
    assert not crossings(*dashed)


def crossings(one: Link, other: Link) -> list[tuple[float, float]]:
    """Where a piece of one line runs across a piece of the other, not at either's ends."""
    found = []
    for a, b in zip(one.points, one.points[1:], strict=False):
        for c, d in zip(other.points, other.points[1:], strict=False):
            across, down = ((a, b), (c, d)) if a[1] == b[1] else ((c, d), (a, b))
            if across[0][1] != across[1][1] or down[0][0] != down[1][0]:
                continue  # both along, or both down: running together is `apart`'s business
            x, y = down[0][0], across[0][1]
            if (min(across[0][0], across[1][0]) < x < max(across[0][0], across[1][0])
                    and min(down[0][1], down[1][1]) < y < max(down[0][1], down[1][1])):
                found.append((x, y))
    return found


def test_each_marker_takes_the_free_cell_nearest_the_zones_of_its_conduits() -> None:
    """Eleven zones in one layer, each with a conduit to a zone the project lacks: the markers' cells were
    filled row by row, so two markers wanted in the first column pushed every later one a column along, and
    7 of 11 conduits stood over another conduit's marker. Each marker now takes the free cell nearest."""
    zones = [Zone(f"Z{i:02d}", f"Zone {i}", Zone.uniform(2), level=1) for i in range(PER_ROW + 1)]
    conduits = [Zone(f"C{i:02d}", f"Link {i}", Zone.uniform(2), kind=CONDUIT, connects=(f"Z{i:02d}", f"GONE-{i:02d}"))
                for i in range(PER_ROW + 1)]
    diagram = layout(ProjectData(ProjectInfo("c", "s"), (*zones, *conduits)))
    for marker in diagram.markers:
        zone = diagram.box(marker.zone_id.replace("GONE-", "Z"))
        assert zone is not None and marker.x == zone.x, marker.zone_id


def test_two_boxes_dragged_onto_one_place_are_drawn_side_by_side() -> None:
    """Two zones (or two conduits) dragged onto the same cell were drawn exactly one over the other."""
    zones = (Zone("Z1", "One", Zone.uniform(1), position=(769.0, 260.0)),
             Zone("Z2", "Two", Zone.uniform(1), position=(751.0, 249.0)),
             Zone("Z3", "Three", Zone.uniform(1)),
             Zone("C1", "Link", Zone.uniform(1), kind=CONDUIT, connects=("Z1", "Z3"), position=(500.0, 110.0)),
             Zone("C2", "Link", Zone.uniform(1), kind=CONDUIT, connects=("Z2", "Z3"), position=(505.0, 105.0)))
    diagram = layout(ProjectData(ProjectInfo("c", "s"), zones))
    one, two, c1, c2 = (diagram.box(z) for z in ("Z1", "Z2", "C1", "C2"))
    assert one is not None and two is not None and c1 is not None and c2 is not None
    assert (one.x, one.y) == snapped(769.0, 260.0, False) and (two.x, two.y) == (one.x + PITCH, one.y)
    assert (c1.x, c1.y) == snapped(500.0, 110.0, True) and (c2.x, c2.y) == (c1.x + PITCH, c1.y)
    assert not [(a.zone_id, b.zone_id) for a, b in combinations(diagram.boxes, 2) if overlaps(a, b)]


def test_the_lines_of_conduits_between_zones_of_one_row_keep_apart() -> None:
    """Zones with no layer (or all in one) stand in one row, and every conduit sits in the gutter under it: the
    lines of six conduits shared the three lanes above the conduits, and a third of them ran together with
    another conduit's (59 of 84 apart over these plants). A line may now run along the strip under the
    conduits and come back up the gap, and all keep apart."""
    plants = [
        (("Z6", "Z0"), ("Z8", "Z7"), ("Z4", "Z7"), ("Z9", "Z3"), ("Z2", "Z4", "Z9"), ("Z9", "Z4")),
        (("Z9", "Z1"), ("Z1", "Z7"), ("Z7", "Z6"), ("Z1", "Z7"), ("Z6", "Z9"), ("Z0", "Z7", "Z4")),
        (("Z1", "Z9"), ("Z2", "Z4"), ("Z9", "Z3"), ("Z0", "Z2", "Z6"), ("Z6", "Z8", "Z5"), ("Z7", "Z8", "Z4")),
        (("Z9", "Z8"), ("Z5", "Z7"), ("Z9", "Z1", "Z0"), ("Z4", "Z8"), ("Z3", "Z7"), ("Z8", "Z7", "Z6")),
        (("Z4", "Z1"), ("Z6", "Z7", "Z2"), ("Z1", "Z0"), ("Z8", "Z4"), ("Z3", "Z8"), ("Z5", "Z4", "Z2")),
        (("Z4", "Z5", "Z0"), ("Z3", "Z0"), ("Z1", "Z5"), ("Z3", "Z6"), ("Z1", "Z3", "Z0"), ("Z3", "Z6", "Z4")),
    ]
    for ends in plants:
        zones = [Zone(f"Z{n}", f"Zone {n}", Zone.uniform(1)) for n in range(10)]
        conduits = [Zone(f"C{n}", f"C {n}", Zone.uniform(1), kind=CONDUIT, connects=e) for n, e in enumerate(ends)]
        diagram = layout(ProjectData(ProjectInfo("c", "s"), (*zones, *conduits)))
        boxes = {box.zone_id: box for box in diagram.boxes}
        for link in diagram.links:
            assert apart(diagram, link) and not crossed(diagram, link) and square(link), (ends, link)
            assert on_edge(link.points[0], boxes[link.conduit_id]) and on_edge(link.points[-1], boxes[link.zone_id])
        assert all(p[1] <= diagram.height for link in diagram.links for p in link.points)


def test_lines_keep_to_the_page_and_do_not_read_as_one_through_their_conduit() -> None:
    """Three breaker cases. Conduits dragged onto the gutter above the first row sent lines behind them, above
    the page, across the title of the documents. A conduit's line behind it left its edge at the same x as its
    other line left the opposite edge: on the page, one line straight through the conduit. A line of a conduit
    in the right-most column ran down the gap right of it, past the drawing's width, and was cut off."""
    top = (*(Zone(f"Z{n}", f"Zone {n}", Zone.uniform(1), level=2) for n in range(3)),
           *(Zone(f"C{j}", f"C {j}", Zone.uniform(1), kind=CONDUIT, connects=("Z0", "Z2"),
                  position=(156.0 + j * PITCH, 0.0)) for j in range(6)))
    through = (Zone("Z0", "Zone 0", Zone.uniform(1), level=2), Zone("Z1", "Zone 1", Zone.uniform(1), level=2),
               *(Zone(f"C{j}", f"C {j}", Zone.uniform(1), kind=CONDUIT, connects=("Z1", "Z0")) for j in range(4)))
    right = (*(Zone(f"A{n}", f"A {n}", Zone.uniform(1), level=2) for n in range(2)),
             *(Zone(f"B{n}", f"B {n}", Zone.uniform(1), level=1) for n in range(2)),
             Zone("C", "C", Zone.uniform(1), kind=CONDUIT, connects=("A1", "B1", "B0")))
    rng = random.Random(9)
    plants = [top, through, right]
    for _ in range(40):  # Purdue-style plants with crowded conduits: the right-most column's lines ran off
        levels = [rng.choice((0, 1, 1, 2, 2, 3)) for _ in range(rng.randint(8, 20))]
        zones_ = [Zone(f"Z{n:02d}", f"Z {n}", Zone.uniform(1), level=level) for n, level in enumerate(levels)]
        plants.append((*zones_, *(Zone(f"C{j:02d}", f"C {j}", Zone.uniform(1), kind=CONDUIT, connects=tuple(
            rng.sample([z.id for z in zones_], rng.randint(2, 5)))) for j in range(rng.randint(5, 30)))))
    for zones in plants:
        diagram = layout(ProjectData(ProjectInfo("c", "s"), zones))
        points = [p for link in diagram.links for p in link.points]
        assert all(0 <= x <= diagram.width and 0 <= y <= diagram.height for x, y in points)
        for conduit in (box for box in diagram.boxes if box.conduit):
            lines = [link for link in diagram.links if link.conduit_id == conduit.zone_id]
            exits = {(link.points[0][0], link.points[0][1] > conduit.centre[1]) for link in lines
                     if not link.way.behind}
            assert not [link.zone_id for link in lines if link.way.behind
                        and (link.points[0][0], link.points[0][1] < conduit.centre[1]) in exits]
