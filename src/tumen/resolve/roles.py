"""Roles of places, first step: what each mention's own context says (extraction.md, "Roles").

`analyse_mentions` reads each mention's context: the preposition that governs it and the words
before it ("sent to", "via", "divide up at", "works in", "leaving from"), what follows it ("and
from there", "before travelling to", "'s spy agency", "said"), and whether it stands in a
caption, dateline or byline, at the seat of a speaker or agency, or in a sentence about
something else (troops, missiles, tours). The second step, deciding per place over the whole
report, is `tumen.resolve.journey.assign_journey_roles`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from functools import lru_cache
from typing import cast

from tumen.model import Place, PlaceKind, Role, Sentence
from tumen.resolve.gazetteer import Entry, gazetteer
from tumen.resolve.layout import marked_lines
from tumen.resolve.role_cues import (
    ACROSS_FROM,
    ANAPHOR_BEFORE,
    ANSWER,
    ARRIVAL_LAST,
    ARRIVED_BEFORE,
    ATTRIBUTION_SEAT,
    AVOIDED,
    BORDER_AT,
    BRANCH_AT,
    BY_MEANS,
    CAPITAL_OF_LEFT,
    CAPITALS,
    CITY_AGAIN,
    CITY_WHERE_WORK,
    CLAUSE_BREAK,
    CLAUSE_WORK,
    COUNTRY_HOLDS_WORKERS,
    COUNTRY_TRANSIT,
    CROSSED_FROM,
    DIRECTIONS,
    DISPERSE,
    DRAWN_FROM,
    EMPLOYERS,
    ENTERED,
    FIRM_SEAT,
    FIRST_LEG,
    FOR_LEAVING,
    FROM_THERE,
    FURTHER_LEG,
    GATHERED,
    GROUPS,
    HAD_BEEN,
    HEADS,
    ISLAND,
    KIN_ABROAD,
    KP_BUILT,
    KP_ENLIST,
    KP_GATHER,
    KP_OFFICES,
    KP_TAKEN_ON,
    LEAVING,
    LEFT_PLACE,
    MODAL,
    MONEY_BEFORE,
    MONEY_MOVED,
    MOVE,
    NP_WORDS,
    ON_NOUNS,
    ORIGIN_IN,
    PEOPLE,
    PLACE,
    PLANNED,
    PREPOSITIONS,
    QUESTION,
    RANGE_FROM,
    REACHED,
    REBUILD_LAST,
    RECRUIT_FOR,
    RELATION,
    RELATIVE_BEFORE,
    RIGHT_ACCOUNTS,
    RIGHT_AGENCY,
    RIGHT_AND_ON,
    RIGHT_AUTHORITY,
    RIGHT_CROSSING,
    RIGHT_DESTINATION,
    RIGHT_DOING_WORK,
    RIGHT_FORK,
    RIGHT_FROM_ON,
    RIGHT_HOST_COUNTRIES,
    RIGHT_HOST_ORDERS,
    RIGHT_HOST_SAID,
    RIGHT_HOST_STATES,
    RIGHT_IN_TRADE,
    RIGHT_LEG_ON,
    RIGHT_LOCATED,
    RIGHT_MOVED_ON,
    RIGHT_NATIONALS,
    RIGHT_OCCUPIES,
    RIGHT_ON_FROM_THERE,
    RIGHT_ON_TO_SITE,
    RIGHT_ONWARD,
    RIGHT_OTHER,
    RIGHT_OWN_REGION_WORKERS,
    RIGHT_PLACE_NOUN,
    RIGHT_PORT_OF_ENTRY,
    RIGHT_PURPOSE_WORK,
    RIGHT_RANGE_TO,
    RIGHT_SITE_NOUN,
    RIGHT_STAGING,
    RIGHT_THEM_WORK,
    RIGHT_TRANSIT,
    RIGHT_VESSELS,
    RIGHT_WHERE_WORK,
    ROUTE_MEANS,
    SENT_HOME,
    SPEAKERS,
    SPEECH,
    STAY_AT,
    SUBJECT_RECEIVES,
    SUBJECT_SENDS,
    TRANSITED,
    UNRELATED,
    VENUES,
    VERBISH,
    VESSELS_FROM,
    VIA_SITE,
    WAR,
    WORD,
    WORK_AT,
    WORK_ELSEWHERE,
    WORK_FROM,
    WORK_NEAR,
    WORK_ON,
    WORKERS,
)
from tumen.resolve.role_types import CAPTION, LAYOUT, SEAT, UNRELATED_SENTENCE, Cue

# "... to PLACE": a further place the workers go to (other mentions are PLACE in a window).
_TO_PLACE = re.compile(r"\b(?:to|into|onto|for)\s+(?:the\s+)?(?:[\w\-]+\s+){0,2}?" + PLACE)
_WINDOW_LEFT = 160
_WINDOW_RIGHT = 120
_VERB_REACH = 80  # how far before "to X" the verb of movement may stand


def _answers_workers(text: str, pos: int) -> bool:
    """Does the line holding `pos` answer ("A: ...") a question about workers ("Q: ...")?"""
    line_start = text.rfind("\n", 0, pos) + 1
    if not ANSWER.match(text, line_start):
        return False
    questions = QUESTION.findall(text, 0, line_start)
    return bool(questions) and bool(WORKERS.search(questions[-1]))


def analyse_mentions(text: str, sentences: list[Sentence], places: list[Place]) -> list[Cue]:
    """One Cue per place (places in span order), from the text around each mention."""
    key = (text, tuple((s.start, s.end) for s in sentences), tuple(_place_key(p) for p in places))
    return [replace(cue) for cue in _analyse(*key)]


def _place_key(place: Place) -> tuple[int, int, str | None, str, str | None, str]:
    return (place.span[0], place.span[1], place.gazetteer, place.kind, place.country, place.mention)


@lru_cache(maxsize=4)
def _analyse(
    text: str,
    sentence_spans: tuple[tuple[int, int], ...],
    place_keys: tuple[tuple[int, int, str | None, str, str | None, str], ...],
) -> tuple[Cue, ...]:
    # Cached: find_places (provisional roles) and assign_roles read the same cues.
    sentences = [Sentence(a, b) for a, b in sentence_spans]
    places = [
        Place(m, (a, b), "", c, None, None, cast(PlaceKind, k), 1, gazetteer=g)
        for a, b, g, k, c, m in place_keys
    ]
    gaz = gazetteer()
    starts = [s.start for s in sentences]
    marked = marked_lines(text)
    cues: list[Cue] = []
    sentence_flags: dict[int, tuple[bool, bool, bool]] = {}
    for idx, place in enumerate(places):
        start, end = place.span
        k = bisect_right(starts, start) - 1
        s_start, s_end = (sentences[k].start, sentences[k].end) if k >= 0 else (0, len(text))
        if k not in sentence_flags:
            sent = text[s_start:s_end]
            # An answer in a Q&A is about the workers its question asks about.
            workers = bool(WORKERS.search(sent)) or _answers_workers(text, s_start)
            sentence_flags[k] = (
                workers,
                bool(UNRELATED.search(sent)) and not workers,
                bool(ROUTE_MEANS.search(sent)),
            )
        workers, unrelated, route_means = sentence_flags[k]
        cue = Cue(sentence=k, route_means=route_means)
        cues.append(cue)
        if any(a <= start < b for a, b in marked):
            cue.excluded = CAPTION
            continue
        if unrelated:
            cue.excluded = UNRELATED_SENTENCE
            continue
        entry = gaz.get(place.gazetteer) if place.gazetteer else None
        left = _window(text, places, idx, max(s_start, start - _WINDOW_LEFT), start, before=True)
        right = _window(text, places, idx, end, min(s_end, end + _WINDOW_RIGHT), before=False)
        _read_cue(cue, place, entry, left, right, text[s_start:start], workers)

    _sentence_coreference(text, sentences, places, cues)
    return tuple(cues)


# --- reading one mention ---------------------------------------------------------------------


def _read_cue(
    cue: Cue,
    place: Place,
    entry: Entry | None,
    left: str,
    right: str,
    sentence_before: str,
    workers: bool,
) -> None:
    kp = place.country == "KP"
    country = place.kind == "country"
    prep, before = _governing(left)
    if prep is None and before and before[-1].lower() == "on" and ISLAND.search(place.mention):
        prep, before = "on", before[:-1]  # "a housing estate on Russky Island": on the island
    last = before[-1].lower() if before else ""
    before_text = " ".join(before[-6:]).lower()

    # Where the mention is `other` whatever the place's role.
    if prep in ("against", "with", "by", "amid"):
        cue.excluded = f"'{prep} X'"
        return
    if prep is None and RELATIVE_BEFORE.search(left) and RIGHT_OCCUPIES.match(right):
        cue.excluded = "the occupier in 'parts of Ukraine that X holds'"
        return
    if prep and last in SPEAKERS:
        if (
            prep == "of"
            and last in HEADS
            and not kp
            and place.kind in ("region", "city")
            and RIGHT_OWN_REGION_WORKERS.match(right)
        ):
            cue.role = "destination"  # "the governor of X said his region could take builders"
            return
        if kp and not country and last in KP_OFFICES and KP_ENLIST.search(sentence_before + right):
            cue.role = "origin"  # "labour offices in X began taking names": recruitment there
            return
        if prep == "of" and last in ("resident", "residents") and not kp and not country:
            # "residents of X describe ...": locals of a region, not an agency's seat; it takes
            # a role only by holding a named end of the journey (_propagate).
            return
        cue.excluded = SEAT
        return
    # "Russian", "African": the demonym of a country or region outside the DPRK.
    demonym = (
        (country or place.kind == "region")
        and not kp
        and gazetteer().demonym(place.mention) is not None
    )
    if demonym and _RIGHT_PRESS.match(right):
        cue.excluded = "the press of a country ('a Russian business daily')"
        return
    if prep in ("in", "to") and KIN_ABROAD.search(before_text):
        cue.excluded = "where kin live, a rule of the vetting"
        return
    if AVOIDED.search(sentence_before):
        cue.excluded = "a route or place the workers avoid"
        return
    if (prep in ("in", "at", "through", "via") and MONEY_BEFORE.search(before_text)) or (
        MONEY_MOVED.search(sentence_before[-60:]) or RIGHT_ACCOUNTS.match(right)
    ):
        cue.excluded = "where money is held or a company registered"
        return
    if prep == "in" and FIRM_SEAT.search(before_text):
        cue.excluded = "seat of a firm named as an owner"
        return
    if demonym and place.kind == "region" and RIGHT_HOST_STATES.match(right):
        cue.role = "destination"  # "among 10 African countries hosting North Korean medics"
        return
    if demonym and prep is None and not RIGHT_PLACE_NOUN.match(right):
        # A demonym is a mention of its place as a place ("the Russian city of X") or as the
        # host's employers ("Chinese companies hire ..."), not as other people or things:
        # "Russian finishers", "Americans", "U.S. assets", "a Siberian camp". A flag state
        # employing a crew ("working on Chinese vessels") is where they were sent, unless the
        # vessels are placed elsewhere ("... vessels in waters off Y").
        if RIGHT_VESSELS.match(right):
            if WORK_ON.search(before_text) and not RIGHT_LOCATED.match(right):
                cue.role = "destination"
            else:
                cue.excluded = "a flag state's vessels, placed elsewhere or not worked on"
            return
        if place.mention.endswith("s") or RIGHT_NATIONALS.match(right) or place.kind == "region":
            cue.excluded = "a demonym describing people or things, not the place"
            return
    if prep in ("in", "at") and ATTRIBUTION_SEAT.search(left):
        cue.excluded = SEAT
        return
    if (
        prep is None
        and place.kind == "city"
        and entry is not None
        and entry.name.lower() in CAPITALS
        and place.mention.lower() == entry.name.lower()
        and not LEFT_PLACE.search(sentence_before)
        and not REACHED.search(sentence_before)
        and not TRANSITED.search(sentence_before)
        and not _people_after(right)
    ):
        cue.excluded = "a capital standing for its government"
        return
    if prep and (last in WAR or last in RELATION):
        cue.excluded = f"'{last} {prep} X'"
        return
    if prep in ("in", "at") and last in VENUES:
        cue.excluded = "venue of a meeting"
        return
    if place.kind == "region" and ANAPHOR_BEFORE.search(left):
        cue.excluded = "a region word pointing back to named countries"
        return
    if prep in ("in", "at") and not before and RIGHT_AUTHORITY.match(right):
        cue.excluded = "scene of an authority's act"
        return
    if country and not kp and (RIGHT_HOST_SAID.match(right) or RIGHT_HOST_ORDERS.match(right)):
        cue.role = "destination"  # "Russia said it had sent home 18,500 North Koreans"
        return
    if not right.startswith(("'s " + PLACE, "\u2019s " + PLACE)):
        for n, pattern in enumerate(RIGHT_OTHER):
            # "X said" makes X the speaker only when X is the subject, not "who works in X".
            if (n != SPEECH or prep is None) and pattern.match(right):
                cue.excluded = "seat of a speaker or agency, or the speaker"
                return

    # Transit: "via X", "A, B and C, and from there", "stayed in X before travelling".
    if (
        country
        and not kp
        and (
            RIGHT_HOST_COUNTRIES.match(right)
            or (RANGE_FROM.search(left) and (prep == "to" or RIGHT_RANGE_TO.match(right)))
        )
    ):
        cue.role = "destination"  # "countries from X to Y", "as countries where they work"
        return
    if (
        kp
        and not country
        and prep in ("in", "at")
        and GATHERED.search(before_text)
        and not RIGHT_CROSSING.match(right)
    ):
        # "gathered in X before boarding the train": in the DPRK, where the workers meet to
        # set off is where their journey starts, even at a border station.
        cue.role = "origin"
        cue.gathered = True
        return
    if prep in ("via", "through") and RIGHT_AGENCY.match(right):
        return  # "through a X staffing agency": the agency's seat, not a stop
    if (
        prep in ("via", "through")
        or RIGHT_TRANSIT.match(right)
        or RIGHT_ON_FROM_THERE.match(right)
        or RIGHT_STAGING.match(right)
        or (
            not kp
            and not country
            and prep in ("to", "in", "at", "into")
            and RIGHT_AND_ON.match(right)
        )
    ):
        cue.role = "transit"
        return
    if RIGHT_FORK.match(right) or (prep in ("in", "at") and BRANCH_AT.search(before_text)):
        cue.role = "transit"  # "divide up at X": the route splits here
        return
    if RIGHT_DESTINATION.match(right):
        cue.role = "origin" if kp else "destination"
        return
    # A possessor naming where the next place lies ("Russia's Khasan Station") is no cue.
    if right.startswith(("'s ", "\u2019s ")) and PLACE in right[:40].split(".")[0]:
        return
    if not kp and not country and (RIGHT_WHERE_WORK.match(right) or RIGHT_THEM_WORK.match(right)):
        cue.role = "workplace"  # "... on to Khabarovsk, where they are renovating a depot"
        cue.work_clause = True
        return
    if prep in ("between", "among", "amongst") and not kp and DISPERSE.search(before_text):
        cue.role = "destination"  # "the brigade was split between X and Y": each is an end
        cue.spread = True
        return
    if prep == "between":
        # "flights between Pyongyang and Vladivostok" carry workers only when the sentence says
        # so; a route reopened is news about the route.
        if cue.route_means and workers:
            cue.role = "origin" if kp else "destination"
        return

    if prep == "near" and len(before) >= 2 and before[-1] == "," and before[-2].startswith(PLACE):
        cue.excluded = "a point locating another place ('X, north of Y')"
        return
    if prep == "off":
        if not kp:
            cue.role = "workplace"  # "fishing in waters off X": the sea where they work
        return
    if prep == "from":
        if ACROSS_FROM.search(before_text):
            cue.excluded = "where another place lies ('across the river from X')"
        elif not kp and (VESSELS_FROM.search(before_text) or WORK_FROM.search(before_text)):
            # "boats operating from X", "IT teams operate from X": the base of their work.
            cue.role = "destination" if country else "workplace"
        elif kp and CROSSED_FROM.search(before_text) and RIGHT_LEG_ON.match(right):
            # "crossed the border from X ..., arrived in Y and were sent on": a DPRK border town
            # on a route that goes on to named places is passed through. (Crossed from, with no
            # further leg named, X is where they left from: the origin.)
            cue.role = "transit"
        elif kp:
            cue.role = "origin"
        elif CROSSED_FROM.search(before_text) and not WORKERS.search(sentence_before[-40:]):
            cue.role = "transit"  # "crossed the bridge from X back into the North": a crossing
        elif LEAVING.search(before_text) and SENT_HOME.search(sentence_before):
            cue.role = "destination"  # "repatriated, departing from X via Y": where they were
        elif RIGHT_FROM_ON.match(right):
            cue.role = "transit"  # "from X they will be split up and sent to ..."
        elif BY_MEANS.search(before_text):
            cue.role = "transit"  # "crews arrive by train from Ussuriysk": a stop on the way
        elif FROM_THERE.search(before_text) or (
            before_text.endswith(("workers", "laborers", "labourers")) and "return" in before_text
        ):
            cue.role = "destination"  # "defected from Russia": they had been sent there
        elif RIGHT_ONWARD.match(right) or DRAWN_FROM.search(sentence_before):
            cue.role = "transit"  # "travelled from Vladivostok by train through Khabarovsk"
        return
    if prep in ("to", "into", "toward", "towards", "onto", "for", "over"):
        if prep == "for" and not FOR_LEAVING.search(before_text):
            if not kp and RECRUIT_FOR.search(" ".join(before[-10:]).lower()):
                cue.role = "destination"  # "recruiting more builders for X": where they go
            return
        # The verb must be near: "connecting X to Y" far after "working on" is no dispatch.
        verb_zone = sentence_before[-_VERB_REACH:]
        if MOVE.search(verb_zone):
            if not kp:
                cue.role = "transit" if FIRST_LEG.search(before_text) else "destination"
                cue.spread = cue.role == "destination" and bool(DISPERSE.search(verb_zone))
                if cue.role == "destination":
                    _journey_end(cue, sentence_before, right)
            elif not country and KP_TAKEN_ON.search(left):
                cue.role = "transit"  # "recruited in X and Y and taken by bus to Z (port)"
            else:
                cue.role = "origin"  # "sent to Pyongyang for training", "returned to Chongjin"
        return
    if (
        prep == "in"
        and place.kind == "region"
        and before
        and (before[-1].startswith(PLACE) or before[-2:] == [PLACE, ","])
    ):
        # "reached X in the Y region", "a plant in X, in Russia's Y": Y places X; its role
        # follows X's (_apposed_regions)
        return
    if place.kind == "region" and CAPITAL_OF_LEFT.search(left):
        return
    if prep in (
        "in",
        "at",
        "inside",
        "within",
        "across",
        "throughout",
        "near",
        "outside",
        "around",
        "on",
    ):
        if kp:
            if (
                ORIGIN_IN.search(before_text)
                or last in ("workers", "laborers")
                or (
                    not country
                    and KP_GATHER.search(sentence_before + right)
                    and not KP_BUILT.search(before_text)
                )
            ):
                cue.role = "origin"
            return
        if prep == "across" and MOVE.search(before_text) and _ONWARD_TO.match(right):
            cue.role = "transit"  # "taken across X by bus to Y": crossed on the way to Y
        elif ARRIVED_BEFORE.search(before_text) and FURTHER_LEG.search(right):
            cue.role = "transit"  # "after landing at X, they were bused to Y"
        elif HAD_BEEN.search(sentence_before) and RIGHT_MOVED_ON.match(right):
            cue.role = "transit"  # "who had spent two years in X was moved to Y"
        elif prep == "at" and not country and BORDER_AT.search(" ".join(before[-8:]).lower()):
            cue.role = "transit"  # "then across the border at X"
        elif VIA_SITE.search(before_text):
            cue.role = "transit"  # "via the railway crossing at X"
        elif ARRIVAL_LAST.search(before_text):
            if RIGHT_PORT_OF_ENTRY.match(right):
                # Arriving at an airport tells how they travelled: a stop when the report's
                # work lies in a further place (_journey_transit).
                cue.route_means = True
            if not country and place.kind != "region" and _purpose_here(right):
                cue.role = "workplace"  # "arrived in X to rebuild port warehouses"
                cue.work_clause = True
            else:
                cue.role = "destination"
                _journey_end(cue, sentence_before, right)
        elif WORK_AT.search(before_text) or WORK_NEAR.search(before_text):
            if (
                country
                # "might work in X": a guess at the end of the journey; but "would work on
                # housing estates in X" (a plan reported) places the sites
                or _guessed(_clause_tail(sentence_before), last)
                or (place.kind == "region" and last in EMPLOYERS)
            ):
                cue.role = "destination"
            else:
                cue.role = "workplace"
                # "a housing estate on the outskirts of X": the site is placed at a spot of
                # the town; the work is there, however the report tells the journey.
                cue.site_spot = prep == "on" and place.kind != "region"
        elif (
            not country
            and workers
            and len(sentence_before.split()) <= 6
            and CLAUSE_WORK.match(right)
        ):
            cue.role = "workplace"  # "In the taiga north of X, loggers have been felling larch"
        elif not country and workers and RIGHT_DOING_WORK.match(right):
            cue.role = "workplace"  # "teams sit in X and Y, writing apps for clients"
        elif not country and RIGHT_IN_TRADE.match(right):
            cue.role = "workplace"  # "spread across X, chiefly in construction and logging"
        elif STAY_AT.search(before_text) or workers or last in GROUPS:
            cue.role = "destination"
        return
    if prep == "of":
        if kp and not country and place.mention.endswith(("ites", "ers")):
            cue.role = "origin"  # "hundreds of Pyongyangites": people from that place
        elif kp and last in ("residents", "people", "natives", "citizens", "out"):
            cue.role = "origin"
        elif not kp and last == "out" and WORK_FROM.search(before_text):
            cue.role = "destination" if country else "workplace"  # "a team works out of X"
        return
    if prep:
        return

    # No preposition: left from, a demonym, or the subject of a verb.
    if LEFT_PLACE.search(sentence_before):
        cue.role = "origin" if kp else "destination"  # "left Russia": they had been there
        return
    if not kp and TRANSITED.search(sentence_before):
        cue.role = "transit"  # "the group transited Moscow"
        return
    if not kp and REACHED.search(sentence_before):
        cue.role = "destination"  # "the worker reached Seoul"
        cue.entered = bool(ENTERED.search(sentence_before))
        _journey_end(cue, sentence_before, right)
        return
    if (
        not kp
        and place.kind in ("city", "town", "facility")
        and REBUILD_LAST.search(sentence_before)
    ):
        cue.role = "workplace"  # "to help rebuild the war-damaged city of Mariupol"
        return
    if kp and _people_after(right):
        cue.role = "origin"
        return
    if country and not kp and WORK_ON.search(before_text):
        cue.role = "destination"  # "fishermen working on Chinese vessels"
        return
    if kp and place.kind != "country" and place.mention.endswith(("ites", "ers")):
        cue.role = "origin"  # "Pyongyangites" are people from Pyongyang
        return
    if SUBJECT_SENDS.match(right):
        if kp:
            cue.role = "origin"
        return
    if not kp and SUBJECT_RECEIVES.match(right):
        cue.role = "destination"
        return
    if place.kind == "region" and not kp and workers and MOVE.search(sentence_before):
        cue.role = "destination"  # "...workers to help rebuild the occupied territories"


def _journey_end(cue: Cue, sentence_before: str, right: str) -> None:
    """Mark a destination cue as reached by a verb of the journey ("taken by bus to X", "arrived
    in X"), unless the journey is only feared or still to come ("would leave for X", "told to be
    ready to fly to X") or the name only qualifies a site ("to X port"). A purpose of work right
    after it ("moved to X to work at a shipyard") puts the work there: a site of work as well;
    a last leg to an unnamed site inside X ("bused to X and driven straight to the factory")
    makes X the place of work, not a stop."""
    tail = _clause_tail(sentence_before)
    if MODAL.search(tail) or PLANNED.search(tail) or RIGHT_SITE_NOUN.match(right):
        return
    if RIGHT_ON_TO_SITE.match(right):
        cue.role = "workplace"
        cue.work_clause = True
        return
    cue.journey = True
    if _purpose_here(right):
        cue.work_clause = True


def _purpose_here(right: str) -> bool:
    """ "X to rebuild port warehouses": work as the purpose of getting to X, not placed in a
    further named place ("X to work in greenhouses in Y")."""
    m = RIGHT_PURPOSE_WORK.match(right)
    # "X and then take a bus to Y to rebuild roads": the purpose is Y's, a later leg's end.
    return (
        m is not None
        and not WORK_ELSEWHERE.match(right, m.end())
        and not _TO_PLACE.search(right, 0, m.start("to"))
    )


def _clause_tail(before: str) -> str:
    """The part of `before` in the mention's own clause (after a quotation or "adding that")."""
    start = 0
    for m in CLAUSE_BREAK.finditer(before):
        start = m.end()
    return before[start:]


def _guessed(tail: str, last: str) -> bool:
    """Is work at the place only a guess ("might be sent to sites in X")?"""
    modal = MODAL.search(tail)
    return modal is not None and not (modal.group(0).lower() == "would" and last in _SITE_WORDS)


def _people_after(right: str) -> bool:
    """ "X workers", "X construction crews" (but not "X screens builders" or "Pyongyang to send
    builders": a verb between, and the capital is the state that sends them)."""
    m = PEOPLE.match(right)
    return m is not None and not any(
        VERBISH.match(w) or w in _VERB_WORDS for w in m.group().split()[:-1]
    )


_SITE_WORDS = frozenset(
    "estates sites projects plants factories camps mines shipyards yards depots blocks".split()
)
_RIGHT_PRESS = re.compile(
    r"^\s+(?:[a-z\-]+\s+){0,2}?(?:dail(?:y|ies)|newspapers?|outlets?|broadcasters?|"
    r"magazines?|tabloids?|weekl(?:y|ies)|news\s+(?:agency|agencies|sites?|portals?)|media)\b"
)
_ONWARD_TO = re.compile(r"[^.;]{0,40}?\b(?:to|into|towards?)\s+(?:[\w\-]+\s+){0,4}?" + PLACE)


# An infinitive or a modal before the people: "X to send builders", "X will send workers".
_VERB_WORDS = frozenset("to will would may might can could must shall send dispatch".split())


def _governing(left: str) -> tuple[str | None, list[str]]:
    """The preposition that governs a mention, and the words before that preposition."""
    words = WORD.findall(left)
    tail = [w.lower() for w in words[-4:]]
    if tail[-3:] == ["as", "far", "as"]:
        return "in", words[:-3]  # "to building sites as far as X": X is where those sites are
    if tail == ["as", "far", "away", "as"]:
        return "in", words[:-4]
    i = len(words) - 1
    skipped = 0
    while i >= 0 and skipped < 10:
        w = words[i]
        lw = w.lower()
        if (
            lw == "of"
            and i > 0
            and words[i - 1].lower() in DIRECTIONS
            and (i < 2 or words[i - 2].lower() not in ("the", "far"))
        ):
            return "near", words[: i - 1]  # "the taiga north of X": near X
        if lw == "of" and [x.lower() for x in words[max(0, i - 2) : i]] == ["by", "way"]:
            return "via", words[: i - 2]  # "by way of X and Y"
        if lw in PREPOSITIONS and not (lw == "of" and i > 0 and words[i - 1].lower() in NP_WORDS):
            return lw, words[:i]
        if lw == "on" and any(x.lower() in ON_NOUNS for x in words[i + 1 :]):
            return "on", words[:i]  # "on the outskirts of X", "on the southern edge of X"
        if w == ")" or w == "]":
            opening = "(" if w == ")" else "["
            while i >= 0 and words[i] != opening:
                i -= 1
        elif not (
            lw in NP_WORDS
            or lw in (",", "and", "or", "en", "route", "all")
            or w.startswith(PLACE)
            or lw == "of"
        ):
            return None, words[: i + 1]
        i -= 1
        skipped += 1
    return None, words[: i + 1]


def _window(text: str, places: list[Place], idx: int, a: int, b: int, before: bool) -> str:
    """text[a:b] with the other place mentions in it replaced by PLACE."""
    parts: list[str] = []
    pos = a
    rng = range(idx - 1, -1, -1) if before else range(idx + 1, len(places))
    spans = []
    for j in rng:
        s, e = places[j].span
        if (before and e <= a) or (not before and s >= b):
            break
        spans.append((s, e))
    for s, e in sorted(spans):
        s, e = max(s, a), min(e, b)
        if s < pos:
            continue
        parts.append(text[pos:s])
        parts.append(PLACE)
        pos = e
    parts.append(text[pos:b])
    return "".join(parts)


def _sentence_coreference(
    text: str, sentences: list[Sentence], places: list[Place], cues: list[Cue]
) -> None:
    """ "...transiting through the country": the one foreign country the sentence names; "a
    source in X said ... at a site in the city's north": X, the speaker's seat, is a workplace."""
    for i, cue in enumerate(cues):
        if places[i].kind not in ("city", "town") or cue.excluded != SEAT or cue.sentence < 0:
            continue
        sentence_end = sentences[cue.sentence].end
        later = CITY_AGAIN.search(text, places[i].span[1], sentence_end)
        if later and (
            WORK_NEAR.search(text, max(places[i].span[1], later.start() - 40), later.start())
            or CITY_WHERE_WORK.match(text, later.end(), sentence_end)
        ):
            cue.excluded = None
            cue.role = "workplace"
            cue.work_clause = True
    by_sentence: dict[int, list[int]] = {}
    for i, cue in enumerate(cues):
        if places[i].kind == "country" and places[i].country != "KP":
            by_sentence.setdefault(cue.sentence, []).append(i)
    for k, idxs in by_sentence.items():
        if k < 0 or len({places[i].country for i in idxs}) != 1:
            continue
        sent = text[sentences[k].start : sentences[k].end]
        role: Role | None = None
        if COUNTRY_TRANSIT.search(sent):
            role = "transit"
        elif COUNTRY_HOLDS_WORKERS.search(sent):
            role = "destination"
        if role is None:
            continue
        # The mention nearest before "the country" is the one it refers back to.
        for i in reversed(idxs):
            if cues[i].excluded in LAYOUT or cues[i].role not in (None, "destination"):
                continue
            cues[i].excluded = None
            cues[i].role = role
            break
