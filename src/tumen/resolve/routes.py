"""Routes: the ordered legs of the journey a report describes, derived from its record.

The journey runs origin -> transit -> ... -> destination. Each place is taken at its most
specific: a country or region drops out when a place inside it plays a part (Pyongyang, not
North Korea; Moscow, not Russia). Transit stops follow the order the text names them in, a stop
named with "via" coming before the stop it leads to. The route branches where the text splits it
("at Ussuriysk the group splits, some going on to Chita and others to Irkutsk"): from the stop
where it divides, or else from the last stop, one leg to each destination, numbered 1, 2, ...
The trunk is branch 0.
"""

from __future__ import annotations

from dataclasses import dataclass

from tumen.model import Place, Record, Span
from tumen.resolve.gazetteer import Entry, gazetteer

_ROUTE_ROLES = ("origin", "transit", "destination", "workplace")
_BRANCH_CUE = ("divide", "split", "spread", "disperse", "scatter", "separate", "part ")


@dataclass(frozen=True, slots=True)
class Leg:
    """One leg of a route: between two place mentions (their keys), with the words it rests on."""

    from_key: str
    to_key: str
    order: int  # 1, 2, ... along the route; branches of one split share an order
    branch: int  # 0 on the trunk, 1..n for the branches of a split
    evidence: Span


@dataclass(slots=True)
class _Stop:
    key: str  # the entity: gazetteer id or name
    role: str
    mentions: list[Place]
    entry: Entry | None


def route_legs(record: Record) -> list[Leg]:
    """The legs of the journey in one record, trunk first, then branches."""
    text = record.report.text
    stops = _stops(record.places)
    if not stops:
        return []
    origins = [s for s in stops if s.role == "origin"]
    transits = [s for s in stops if s.role == "transit"]
    ends = [s for s in stops if s.role in ("destination", "workplace")]

    named = list(transits)  # (a list being sorted reads as empty)
    transits.sort(key=lambda s: _transit_order(text, s, named))
    trunk: list[_Stop] = []
    if origins:
        trunk.append(min(origins, key=lambda s: (s.mentions[0].precision, s.mentions[0].span)))
    trunk.extend(transits)

    legs: list[Leg] = []
    for a, b in zip(trunk, trunk[1:], strict=False):
        legs.append(
            Leg(*_pair(a, b), order=len(legs) + 1, branch=0, evidence=_evidence(record, a, b))
        )
    if not ends or not trunk:
        return legs  # nothing to reach, or nothing to leave from
    # Stops after the fork stay on the trunk; the destinations named with the split leave
    # from the fork itself.
    fork = next((s for s in transits if _is_fork(text, s)), trunk[-1])
    branch_ends = _ends_for(text, record, fork, ends)
    order = len(legs) + 1
    for n, end in enumerate(branch_ends, 1):
        legs.append(
            Leg(
                *_pair(fork, end),
                order=order,
                branch=n if len(branch_ends) > 1 else 0,
                evidence=_evidence(record, fork, end),
            )
        )
    return legs


def _stops(places: list[Place]) -> list[_Stop]:
    gaz = gazetteer()
    by_key: dict[str, _Stop] = {}
    for place in places:
        if place.role not in _ROUTE_ROLES:
            continue
        key = place.gazetteer or "name:" + place.name.casefold()
        stop = by_key.get(key)
        if stop is None:
            entry = gaz.get(place.gazetteer) if place.gazetteer else None
            by_key[key] = _Stop(key, place.role, [place], entry)
        else:
            stop.mentions.append(place)
    stops = list(by_key.values())
    # Most specific: drop a country or region that holds another stop of the journey.
    kept = []
    for stop in stops:
        outer = stop.entry
        if outer is not None and outer.kind in ("country", "region"):
            if any(
                o.entry is not None and gaz.contains(outer, o.entry) for o in stops if o is not stop
            ):
                continue
        kept.append(stop)
    return kept


def _transit_order(text: str, stop: _Stop, transits: list[_Stop]) -> tuple[bool, float]:
    """Journeys leave the DPRK: its stops come first; then the order of the text, except that
    "to Moscow via Beijing" passes Beijing just before Moscow."""
    start = stop.mentions[0].span[0]
    position: float = start
    if text[max(0, start - 8) : start].rstrip().endswith("via"):
        led_to = [
            m.span[0]
            for other in transits
            if other is not stop
            for m in other.mentions
            if 0 < start - m.span[0] < 80
        ]
        if led_to:
            position = min(led_to) - 0.5
    return (stop.mentions[0].country != "KP", position)


def _is_fork(text: str, stop: _Stop) -> bool:
    for m in stop.mentions:
        before = text[max(0, m.span[0] - 30) : m.span[0]].lower()
        if any(cue in before for cue in _BRANCH_CUE):
            return True
    return False


def _ends_for(text: str, record: Record, fork: _Stop, ends: list[_Stop]) -> list[_Stop]:
    """The destinations reached from the fork: those named with the split, if it names any."""
    if _is_fork(text, fork):
        fork_starts = [m.span[0] for m in fork.mentions]
        near = [
            e for e in ends if any(0 < m.span[0] - f < 200 for m in e.mentions for f in fork_starts)
        ]
        if near:
            return sorted(near, key=lambda e: e.mentions[0].span)
    return sorted(ends, key=lambda e: e.mentions[0].span)


def _pair(a: _Stop, b: _Stop) -> tuple[str, str]:
    pa, pb = _closest(a, b)
    return pa.key, pb.key


def _closest(a: _Stop, b: _Stop) -> tuple[Place, Place]:
    return min(
        ((pa, pb) for pa in a.mentions for pb in b.mentions),
        key=lambda pair: abs(pair[0].span[0] - pair[1].span[0]),
    )


def _evidence(record: Record, a: _Stop, b: _Stop) -> Span:
    """The words the leg rests on: the two mentions and what lies between them, when they are
    close; otherwise the mention of the stop the leg reaches."""
    pa, pb = _closest(a, b)
    start, end = min(pa.span[0], pb.span[0]), max(pa.span[1], pb.span[1])
    if end - start <= 300:
        return (start, end)
    return pb.span
