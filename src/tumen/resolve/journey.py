"""Roles of places over the whole journey a report describes (extraction.md, "Roles").

The second step of role assignment: `tumen.resolve.roles` reads each mention's own context
into a Cue; `assign_journey_roles` then decides per place, over the whole report. The DPRK is
where workers come from; border stations are passed through; a place passed on the way to a
named further destination is transit, whatever the verb; a region or country holding the
destination is a destination too. Mentions in captions, datelines, bylines, speakers' seats and
unrelated events stay `other`.

Events, when given, only fill gaps: the text is read first, so roles do not depend on them.
"""

from __future__ import annotations

import re

from tumen.model import Event, Place, Role, Sentence
from tumen.resolve.gazetteer import gazetteer
from tumen.resolve.role_cues import (
    AND_ACROSS,
    APPOSED,
    DISTRICT_OF,
    FURTHER_AFTER,
    LATER_LEG_BEFORE,
    LIST_GAP,
    RIGHT_WHERE_WORK,
    WHOLE_ROUTE_BEFORE,
)
from tumen.resolve.role_types import LAYOUT, SEAT, Cue, Entity
from tumen.resolve.roles import analyse_mentions

_EVENT_HINTS: dict[str, Role] = {
    "transit": "transit",
    "arrival": "destination",
    "deployment": "destination",
}


def assign_journey_roles(
    text: str, sentences: list[Sentence], places: list[Place], events: list[Event]
) -> None:
    """Set every place's role from its own cue and the report's whole journey."""
    if not places:
        return
    gaz = gazetteer()
    cues = analyse_mentions(text, sentences, places)
    entities: dict[str, Entity] = {}
    for idx, place in enumerate(places):
        key = _key(place)
        ent = entities.get(key)
        if ent is None:
            ent = entities[key] = Entity(key, gaz.get(place.gazetteer) if place.gazetteer else None)
        ent.mentions.append(idx)

    # Events only fill gaps, and only for a place inside the words an event rests on: an
    # event's place list may hold every place of its sentence.
    by_id = {p.id: i for i, p in enumerate(places) if p.id}
    for event in events:
        hint = _EVENT_HINTS.get(event.type)
        for pid in event.places:
            i = by_id.get(pid)
            if hint is None or i is None or cues[i].role or cues[i].excluded:
                continue
            place = places[i]
            inside = any(
                ev.span[0] <= place.span[0] and place.span[1] <= ev.span[1] for ev in event.evidence
            )
            if inside and place.country != "KP" and place.kind != "country":
                cues[i].role = hint

    for i, cue in enumerate(cues):
        # Settlements and sites only: a region reached by a later leg ("continue by coach to
        # sites in the X region") is an area of work, not one stop.
        if (
            cue.role in ("destination", "workplace")
            and not cue.excluded
            and places[i].kind not in ("region", "country")
        ):
            cue.last_leg = _ends_later_leg(text, sentences, places[i], cue)

    headlines = [m.span() for m in _HEADLINE.finditer(text)]
    for ent in entities.values():
        e = ent.entry
        if e is not None and e.kind == "country" and e.country == "KP":
            # The DPRK is where the workers come from in every dispatch: named anywhere but in
            # a caption, dateline, byline or another story ("used by North Korean IT workers"),
            # it is the origin.
            for i in ent.mentions:
                if cues[i].excluded and cues[i].excluded not in LAYOUT:
                    cues[i].excluded = None
        _headline_seat(headlines, places, ent, cues)
        _headline_region_work(headlines, places, ent, cues)
        ent.role = _entity_role(ent, places, cues)

    _journey_transit(text, sentences, places, entities, cues)
    _passed_countries(text, places, entities, cues)
    _apposed_regions(text, places, entities, cues)
    _propagate(entities, cues)
    _coordinated_countries(text, places, entities, cues)
    _passed_by_country(entities, cues)
    _outer_roles(entities)

    for ent in entities.values():
        for i in ent.mentions:
            places[i].role = "other" if cues[i].excluded or ent.role is None else ent.role


# A headline: an unpunctuated line standing alone, as titles are set above the body.
_HEADLINE = re.compile(r"(?m)^[^\n.!?:;\"\u201d]{10,150}$")


def _key(place: Place) -> str:
    """The entity a mention belongs to: its gazetteer id, else its name."""
    return place.gazetteer or "name:" + place.name.casefold()


def _resolved(entities: dict[str, Entity], place: Place) -> Entity | None:
    """The entity of a mention the gazetteer resolves (None for an unresolved name)."""
    return entities.get(place.gazetteer) if place.gazetteer else None


def _headline_seat(
    headlines: list[tuple[int, int]], places: list[Place], ent: Entity, cues: list[Cue]
) -> None:
    """ "Jobs drive resumes in X" over "..., a source in X said": a DPRK insider outlet's
    headline sums up the story at the province its source speaks from; where the body names a
    DPRK place only as the speaker's seat, the headline's mention is that seat too. Abroad, a
    headline place is where the workers are, whoever speaks from there ("officials in X")."""
    if places[ent.mentions[0]].country != "KP" or places[ent.mentions[0]].kind == "country":
        return
    if not any(cues[i].excluded == SEAT for i in ent.mentions):
        return
    live = [i for i in ent.mentions if not cues[i].excluded]
    if not live:
        return
    if all(any(a <= places[i].span[0] < b for a, b in headlines) for i in live):
        for i in live:
            cues[i].excluded = SEAT


def _headline_region_work(
    headlines: list[tuple[int, int]], places: list[Place], ent: Entity, cues: list[Cue]
) -> None:
    """ "Loggers in X region sent home" over "camps near Y in Russia's X region": a headline
    sums up where the workers are by their region; where the body names that region only as
    the one holding a site, the site is the workplace and the region (`_propagate`) the
    destination that holds it."""
    if places[ent.mentions[0]].kind != "region" or places[ent.mentions[0]].country == "KP":
        return
    live = [i for i in ent.mentions if not cues[i].excluded]
    in_head = [i for i in live if any(a <= places[i].span[0] < b for a, b in headlines)]
    body = [i for i in live if i not in in_head]
    if (
        body
        and all(cues[i].role is None for i in body)
        and any(cues[i].role == "workplace" for i in in_head)
    ):
        for i in in_head:
            cues[i].role = None


def _entity_role(ent: Entity, places: list[Place], cues: list[Cue]) -> Role | None:
    live = [i for i in ent.mentions if not cues[i].excluded]
    if not live:
        return None
    roles = {cues[i].role for i in live if cues[i].role}
    place = places[ent.mentions[0]]
    kind = place.kind
    if kind in ("station", "border_crossing"):
        # The border stations and the bridge are passed through, not lived in; but a DPRK
        # station where the workers gather to set off is where their journey starts.
        if roles == {"workplace"}:
            return "workplace"
        if place.country == "KP" and roles == {"origin"} and any(cues[i].gathered for i in live):
            return "origin"
        return "transit"
    if place.country == "KP":
        if kind == "country":
            return "origin"  # the workers come from the DPRK in every dispatch
        if "transit" in roles:
            return "transit"
        return "origin" if "origin" in roles else None
    if kind == "country":
        if roles == {"workplace"}:
            return "workplace"  # only "in waters off X": the sea off that country is worked
        if "destination" in roles or "workplace" in roles:
            return "destination"
        return "transit" if "transit" in roles else None
    if "transit" in roles:
        return "transit"
    if "workplace" in roles:
        # A site placed at a spot of the town ("an estate on the outskirts of X") keeps it a
        # site of work whatever journey leads there.
        if any(cues[i].site_spot for i in live):
            return "workplace"
        # Work named there, but the end of a later leg of the route ("fly to X and then travel
        # on to sites in Y"): the journey's last stop is the destination.
        if any(cues[i].last_leg for i in live):
            return "destination"
        # A place a verb of the journey reaches ("taken by bus to X", "arrived in X") is the
        # journey's end even where work is named there too; only a clause or purpose putting
        # the work there ("X, where they are repairing ...", "moved to X to work at a yard")
        # keeps it a site of work.
        if any(cues[i].journey and cues[i].role == "destination" for i in live) and not any(
            cues[i].work_clause for i in live
        ):
            return "destination"
        return "workplace"
    if "destination" in roles:
        return "destination"
    return None


def _ends_own_route(text: str, sentences: list[Sentence], place: Place, cue: Cue) -> bool:
    """Is the mention the end of a whole route its sentence gives, from a start to it?"""
    if cue.sentence < 0:
        return False
    sentence = sentences[cue.sentence]
    return bool(
        WHOLE_ROUTE_BEFORE.search(text, sentence.start, place.span[0])
        and not FURTHER_AFTER.search(text, place.span[1], sentence.end)
    )


def _ends_later_leg(text: str, sentences: list[Sentence], place: Place, cue: Cue) -> bool:
    """Is the mention reached by a later leg its sentence gives ("fly to X and then take a ferry
    to Y", "continuing to Y", "change at X for the ride to Y"), with nothing further after it?"""
    if cue.sentence < 0:
        return False
    sentence = sentences[cue.sentence]
    if not LATER_LEG_BEFORE.search(text, sentence.start, place.span[0]):
        return False
    further = FURTHER_AFTER.search(text, place.span[1], sentence.end)
    # ", where they will build a depot" says what they do at the end, not that they go on;
    # "on to Y via Z" names a stop before Y, not a leg after it.
    return (
        further is None
        or further.group() == "via"
        or (
            further.group() == "where"
            and RIGHT_WHERE_WORK.match(text[place.span[1] : sentence.end]) is not None
        )
    )


def _journey_transit(
    text: str,
    sentences: list[Sentence],
    places: list[Place],
    entities: dict[str, Entity],
    cues: list[Cue],
) -> None:
    """A stop named only in a sentence about the route ("fly them to Vladivostok", "to Moscow via
    Beijing") is transit when the report's journey ends in a further place elsewhere."""
    g = gazetteer()
    finals = [
        e
        for e in entities.values()
        if e.role in ("destination", "workplace")
        and e.entry is not None
        and e.entry.kind != "country"
        and _cued(e, cues)
    ]
    # Countries named as destinations: a report on several host countries ("flights on to
    # Kinshasa" next to sites in Luanda) has one journey's end in each.
    host_countries = {
        e.entry.country
        for e in entities.values()
        if e.role == "destination" and e.entry is not None and e.entry.kind == "country"
    }
    for ent in entities.values():
        if (
            ent.role != "destination"
            or ent.entry is None
            or ent.entry.kind in ("country", "region")
        ):
            continue
        cued = [i for i in ent.mentions if cues[i].role == "destination" and not cues[i].excluded]
        if not cued or not all(cues[i].route_means for i in cued):
            continue
        if any(cues[i].spread for i in cued):
            continue  # "distributed to X, Y and Z": the group's ends, whatever part moves on
        if any(
            (cues[i].role == "workplace" or cues[i].work_clause) and not cues[i].excluded
            for i in ent.mentions
        ):
            # Work is named there too ("shipped to X to work at fish plants"): an end of the
            # journey, not a stop on the way.
            continue
        for final in finals:
            f = final.entry
            assert f is not None
            if final is ent or g.contains(ent.entry, f) or final.role == "transit":
                continue  # (a stop found to be on the way, earlier in this loop, is no end)
            if (
                f.country != ent.entry.country
                and {f.country, ent.entry.country} <= host_countries
                and all(_ends_own_route(text, sentences, places[i], cues[i]) for i in cued)
            ):
                continue  # two host countries, each with its own journey's end
            if final.role == "workplace" or any(
                cues[i].role == "workplace" and not cues[i].excluded for i in final.mentions
            ):
                if max(places[i].span[0] for i in final.mentions) < places[cued[0]].span[0] and all(
                    cues[i].last_leg for i in cued
                ):
                    # A site of work named before a route whose last leg ends here ("a dormitory
                    # in X"; later "fly to Y and then on to Z"): the route's end is not on the
                    # way to that site.
                    continue
                # Flown to X, then taken to work in a further place (or in X's region): X is a
                # stop on the way. A region is a further place only when work there is named,
                # and never for a town inside it: "sites in X Krai ... sent on to Y" ends in Y.
                if f.kind != "region" or (
                    any(cues[i].role == "workplace" for i in final.mentions)
                    and not (f.admin1 and g.contains(f, ent.entry))
                ):
                    ent.role = "transit"
                    break
                continue
            if g.contains(f, ent.entry):
                continue
            if f.country != ent.entry.country or f.kind == "region":
                ent.role = "transit"
                break


def _cued(ent: Entity, cues: list[Cue]) -> list[int]:
    """The mentions of `ent` whose own context gives a role."""
    return [i for i in ent.mentions if cues[i].role and not cues[i].excluded]


def _entered_or_apposed(
    text: str, places: list[Place], i: int, entities: dict[str, Entity], cues: list[Cue]
) -> bool:
    """Does the mention say no more than that the country was entered ("entered X on study
    visas") or where a stop lies ("to Rostov-on-Don, in southern X")?"""
    if cues[i].entered:
        return True
    if i == 0:
        return False
    prev = places[i - 1]
    ent = entities.get(_key(prev))
    return (
        ent is not None
        and ent.role == "transit"
        and _IN_COUNTRY.fullmatch(text, prev.span[1], places[i].span[0]) is not None
    )


# ", in southern X": the country a stop lies in (the whole gap between the stop and the country).
_IN_COUNTRY = re.compile(r"\s*,?\s+in\s+(?:the\s+)?(?:[a-z\-]+\s+)?")


def _passed_countries(
    text: str,
    places: list[Place],
    entities: dict[str, Entity],
    cues: list[Cue],
) -> None:
    """A country the workers are said to pass through ("by bus through China"), holding no end
    of the journey while another country does, is transit, though they also "crossed into" it:
    entering a country on the way is no arrival. So is a country that holds stops on the way and
    is named only as entered ("entered X on study visas") or as where a stop lies ("to
    Rostov-on-Don, in southern X"): nothing says the workers were sent there."""
    g = gazetteer()
    ends = [
        e.entry
        for e in entities.values()
        if e.role in ("destination", "workplace")
        and e.entry is not None
        and e.entry.kind != "country"
        and e.entry.country is not None
    ]
    # "flew to Moscow and were driven through Rostov-on-Don" to a further country: a country
    # holding only stops on the way is passed through too, though they "entered" it.
    stops = [e.entry for e in entities.values() if e.role == "transit" and e.entry is not None]
    for ent in entities.values():
        c = ent.entry
        if ent.role != "destination" or c is None or c.kind != "country" or c.country == "KP":
            continue
        if not any(cues[i].role == "transit" and not cues[i].excluded for i in ent.mentions) and (
            not any(g.contains(c, e) for e in stops)
            or not all(
                _entered_or_apposed(text, places, i, entities, cues) for i in _cued(ent, cues)
            )
        ):
            continue
        if any(g.contains(c, e) for e in ends):
            continue
        if any(e.country not in (c.country, "KP") for e in ends):
            ent.role = "transit"


def _apposed_regions(
    text: str, places: list[Place], entities: dict[str, Entity], cues: list[Cue]
) -> None:
    """A region with no role of its own, named right after an end of the journey as the region
    it lies in, is a destination: the gazetteer may not know that the town lies in it."""
    for i in range(1, len(places)):
        place = places[i]
        ent = _resolved(entities, place)
        if ent is None or place.kind != "region" or cues[i].excluded:
            continue
        prev = _resolved(entities, places[i - 1])
        if prev is None or prev.role not in ("destination", "workplace") or cues[i - 1].excluded:
            continue
        if place.country != places[i - 1].country or places[i - 1].kind == "region":
            continue
        gap = text[places[i - 1].span[1] : place.span[0]]
        if ent.role is None and APPOSED.match(gap):
            # "works out of X in Y Province": Y takes the part of the site of work it places;
            # "X, the capital of Y" or "X, Y region" name the province the workers were sent to.
            in_gap = _IN_GAP.match(gap) is not None
            ent.role = "workplace" if prev.role == "workplace" and in_gap else "destination"
        elif ent.role == "workplace" and prev.role == "workplace" and DISTRICT_OF.match(gap):
            ent.role = "destination"  # the region holding the named site of work
        elif (
            ent.role == "workplace"
            and prev.role == "workplace"
            and AND_ACROSS.match(gap)
            and ent.entry is not None
            and prev.entry is not None
            and gazetteer().contains(ent.entry, prev.entry)
        ):
            ent.role = "destination"  # "work in X and across Y": the region holding the site


_IN_GAP = re.compile(r"^\s+in\s+(?:the\s+)?$")


def _propagate(entities: dict[str, Entity], cues: list[Cue]) -> None:
    """A named region or country holding (or held by) the destination is a destination too:
    "Primorsky Krai" when workers arrive in Vladivostok, "Ukraine" when they go to the Donbas."""
    g = gazetteer()
    ends = [e for e in entities.values() if e.role in ("destination", "workplace") and e.entry]
    for ent in entities.values():
        if ent.role is not None or ent.entry is None or ent.entry.kind not in ("country", "region"):
            continue
        if ent.entry.country == "KP":
            continue
        if all(cues[i].excluded for i in ent.mentions):
            continue
        outer = ent.entry
        if any(
            g.contains(outer, e.entry) or (outer.kind == "region" and g.contains(e.entry, outer))
            for e in ends
            if e.entry is not None
        ):
            ent.role = "destination"


def _passed_by_country(entities: dict[str, Entity], cues: list[Cue]) -> None:
    """A country with no role of its own holding a stop on the way ("via Beijing") is transit;
    run after `_coordinated_countries`, as a country listed with host countries ("in Russia,
    China and Laos") is a host whatever stop it also holds."""
    g = gazetteer()
    passes = [e for e in entities.values() if e.role == "transit" and e.entry]
    for ent in entities.values():
        outer = ent.entry
        if ent.role is not None or outer is None or outer.kind != "country":
            continue
        if outer.country == "KP" or all(cues[i].excluded for i in ent.mentions):
            continue
        if any(g.contains(outer, e.entry) for e in passes if e.entry is not None):
            ent.role = "transit"


def _coordinated_countries(
    text: str, places: list[Place], entities: dict[str, Entity], cues: list[Cue]
) -> None:
    """A country listed next to a destination country ("activity in China, Russia and Laos")
    is a destination too, when nothing else gives it a role."""
    for i, place in enumerate(places):
        ent = _resolved(entities, place)
        if ent is None or ent.role is not None or place.kind != "country" or cues[i].excluded:
            continue
        if place.country == "KP":
            continue
        for j in (i - 1, i + 1):
            if not 0 <= j < len(places) or places[j].kind != "country":
                continue
            a, b = sorted((i, j))
            gap = text[places[a].span[1] : places[b].span[0]]
            other = _resolved(entities, places[j])
            if (
                LIST_GAP.match(gap)
                and other is not None
                and other.role == "destination"
                and not cues[j].excluded
            ):
                ent.role = "destination"
                break


def _outer_roles(entities: dict[str, Entity]) -> None:
    """A country or macro-region holding a site of work is the destination, not the site
    ("logging operations in the Russian Far East ... camps in the Amur region")."""
    g = gazetteer()
    ends = [
        e
        for e in entities.values()
        if e.role in ("destination", "workplace") and e.entry is not None
    ]
    for ent in entities.values():
        outer = ent.entry
        if outer is None or outer.kind not in ("country", "region") or outer.country == "KP":
            continue
        inside = [e for e in ends if e is not ent and e.entry and g.contains(outer, e.entry)]
        # Only a country or a macro-region (no admin1: the Far East, occupied Ukraine): work
        # in a province holding a named site ("builders in the Amur region ... in Tynda") is
        # still work there.
        if ent.role == "workplace" and inside and not outer.admin1:
            ent.role = "destination"
        elif (
            ent.role == "workplace"
            and outer.kind == "region"
            and inside
            and any(
                e.role == "destination" and e.entry and e.entry.kind != "region" for e in inside
            )
        ):
            # "sites in X Krai ... sent on to towns Y and Z": the journey ends in the towns,
            # and the province holding them is a destination, not itself a site of work; so
            # too when it also holds a site named on the side ("a dormitory in W").
            ent.role = "destination"
