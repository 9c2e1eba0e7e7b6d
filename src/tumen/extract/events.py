"""Events: the stages of a dispatch a report speaks of, with their round, status, certainty,
attribution and arguments.

Transparent rules: a trigger lexicon (below) is scanned sentence by sentence; a trigger counts
when the sentence speaks of DPRK workers (for the rules that need it), is not a resolution's
wording quoted as background ("Resolution 2397 outlaws any dispatch of ..."), and is not denied
outright ("no workers were sent"). Each event keeps its rule (`cue`) and the words it rests on
(`evidence`). One event per type, round and sentence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from tumen.extract.arguments import (
    CLAUSE_BREAK,
    nearest_id,
    own_time_id,
    place_ids,
    sector_of,
    verb_triggers,
)
from tumen.extract.attribution import attribute_sentences
from tumen.extract.event_cues import (
    BODY_ORDERS,
    BUSINESS_CONTRACT,
    CALLED_FOR,
    COMPLETED,
    CONTRAST,
    DEFECTION_WORDS,
    DEFECTOR_ROUTE,
    DEFECTOR_ROUTE_TYPES,
    DEONTIC,
    DETERRED,
    DPRK,
    FINE_BEFORE,
    FIRST_PERSON,
    FIRST_PERSON_SENT_TO,
    FOREIGN_AFTER,
    FOREIGN_BEFORE,
    GERUND_OR_PROGRESSIVE,
    GERUND_SUBJECT,
    HOME_AFTER,
    LEGAL,
    MODE_PLACE,
    NOT_WORKERS_AFTER,
    ONGOING,
    ORDER_REASON,
    PASSIVE_DEONTIC,
    PLANNED,
    PRONOUN,
    TO_AFTER,
    TO_SOUTH,
    WORD_START,
    WORKER_LOWER,
)
from tumen.extract.event_legs import LEGS, drop_crossings_on_the_way, next_leg
from tumen.extract.event_places import (
    KP_BEFORE,
    before_leaving,
    from_host,
    from_place_before,
    leaves_host,
    onward_place,
    sent_and_there,
)
from tumen.extract.event_rounds import rounds_of
from tumen.extract.hedging import assess, lower_same_length
from tumen.extract.lexicon_events import Rule, dispatch, starts_word
from tumen.extract.relevance import dprk_narrator
from tumen.model import (
    Actor,
    Attribution,
    Duration,
    Event,
    EventType,
    Evidence,
    Place,
    Quantity,
    Sector,
    Sentence,
    Status,
    TimeExpression,
)


@dataclass(slots=True)
class EventContext:
    """What event extraction reads: the text, its sentences and the mentions found in it
    (each already carrying its local id)."""

    text: str
    sentences: list[Sentence]
    places: list[Place]
    times: list[TimeExpression]
    quantities: list[Quantity]
    durations: list[Duration]
    actors: list[Actor]


_MOVEMENT = ("departure", "arrival", "transit", "standby", "deployment", "return")


@dataclass(slots=True)
class _Hit:
    rule: Rule
    span: tuple[int, int]
    type: EventType


def find_events(context: EventContext) -> list[Event]:
    """All events of a (relevant) report, in text order."""
    text = context.text
    sentences = context.sentences
    attributions = attribute_sentences(text, sentences, context.actors)
    starts = [s.start for s in sentences]
    lower = lower_same_length(text)
    # One scan of the whole text per pattern, bucketed by sentence (cheaper than per sentence).
    workers_by_sentence = _bucket(
        (m for m in WORKER_LOWER.finditer(lower) if starts_word(text, m.start())),
        starts,
        sentences,
    )
    narrator = dprk_narrator(text)
    if narrator:
        for k, found in enumerate(_bucket(FIRST_PERSON.finditer(text), starts, sentences)):
            if found:
                workers_by_sentence[k] = sorted(
                    workers_by_sentence[k] + found, key=lambda m: m.start()
                )
    pronouns_by_sentence = _bucket(PRONOUN.finditer(text), starts, sentences)
    triggers_by_sentence: list[list[tuple[Rule, re.Match[str]]]] = [[] for _ in sentences]
    table = dispatch()
    sentence_ends = [s.end for s in sentences]

    def keep(rule: Rule, m: re.Match[str] | None) -> None:
        if m is None:
            return
        k = bisect.bisect_right(starts, m.start()) - 1
        if k >= 0 and m.end() <= sentence_ends[k]:
            triggers_by_sentence[k].append((rule, m))

    # Each word start tries only the rules that can begin with its first two letters.
    for w in WORD_START.finditer(lower):
        pos = w.start()
        for rule in table.by_two.get(lower[pos : pos + 2], ()) + table.by_one.get(lower[pos], ()):
            keep(rule, rule.pattern.match(lower, pos))
    for rule in table.everywhere:
        for m in rule.pattern.finditer(text if rule.cased else lower):
            if rule.cased or starts_word(text, m.start()):
                keep(rule, m)
    for bucket in triggers_by_sentence:
        bucket.sort(key=lambda hit: hit[1].start())
    worker_sentences = [
        any(_is_dprk_worker(text, m, s) for m in workers_by_sentence[k])
        for k, s in enumerate(sentences)
    ]
    events: list[Event] = []
    for i, sentence in enumerate(sentences):
        pronoun_ok = any(worker_sentences[max(0, i - 3) : i + 1])
        hits = _hits(
            text,
            sentence,
            triggers_by_sentence[i],
            workers_by_sentence[i],
            pronouns_by_sentence[i] if pronoun_ok else [],
            any(worker_sentences[max(0, i - 2) : i + 1]),
            context.places,
            narrator,
        )
        rounds = rounds_of(text, sentence)
        events.extend(_events_of_sentence(context, sentence, hits, rounds, attributions[i]))
    return _drop_bare_batches(events)


def _drop_bare_batches(events: list[Event]) -> list[Event]:
    """A batch named with no movement in its sentence is a departure only when nothing else in
    the report says what that batch did: a headline's "Third batch of builders in Mariupol"
    names the batch the body says was brought in."""
    bare = [e.cue is not None and e.cue.startswith(_BARE_BATCH) for e in events]
    if not any(bare):
        return events
    placed = {e.round for e, b in zip(events, bare, strict=True) if not b and e.round is not None}
    return [e for e, b in zip(events, bare, strict=True) if not (b and e.round in placed)]


# The label of a batch named with no movement in its sentence (a departure by default).
_BARE_BATCH = "departure/ordinal batch"


def _bucket(
    matches: Iterator[re.Match[str]], starts: list[int], sentences: list[Sentence]
) -> list[list[re.Match[str]]]:
    """Matches grouped by the sentence that holds them."""
    buckets: list[list[re.Match[str]]] = [[] for _ in sentences]
    for m in matches:
        k = bisect.bisect_right(starts, m.start()) - 1
        if k >= 0 and m.end() <= sentences[k].end:
            buckets[k].append(m)
    return buckets


def _is_dprk_worker(text: str, m: re.Match[str], sentence: Sentence) -> bool:
    """A worker noun that is not someone else's workers (Central Asian migrants, Russian workforce)."""
    before = text[max(sentence.start, m.start() - 40) : m.start()]
    if FOREIGN_BEFORE.search(before) and not DPRK.search(before[-20:]):
        return False
    return not FOREIGN_AFTER.match(text, m.end())


def _background_regions(text: str, sentence: Sentence) -> list[tuple[int, int]]:
    """Parts of a sentence that state what a resolution requires or bans, or judge an act
    illegal in general ("Employing North Korean workers contravenes ...")."""
    ss, se = sentence.start, sentence.end
    body = text[ss:se]
    regions: list[tuple[int, int]] = []
    if LEGAL.search(body):
        deontic = DEONTIC.search(body)
        if deontic:
            # "the law requires permits, but the men entered on student visas": the rule ends
            # where a contrasting clause tells what happened
            turn = CONTRAST.search(body, deontic.end())
            regions.append((ss + deontic.start(), ss + turn.start() if turn else se))
        passive = PASSIVE_DEONTIC.search(body)
        if passive:
            regions.append((ss, se))
        orders = BODY_ORDERS.search(body)
        if orders:
            reason = ORDER_REASON.search(body, orders.end())
            regions.append((ss + orders.start(), ss + reason.start() if reason else se))
    gerund = GERUND_SUBJECT.match(body)
    if gerund:
        regions.append((ss, ss + gerund.end()))
    return regions


# Conditions and abuse are often told without naming the workers again ("the pay is ...").
_CONTEXT_TYPES = frozenset({"terms", "abuse"})


def _hits(
    text: str,
    sentence: Sentence,
    triggers: list[tuple[Rule, re.Match[str]]],
    workers: list[re.Match[str]],
    pronoun_matches: list[re.Match[str]],
    context_ok: bool,
    places: Sequence[Place] = (),
    narrator: bool = False,
) -> list[_Hit]:
    if not triggers:
        return []
    ss, se = sentence.start, sentence.end
    background = _background_regions(text, sentence)
    defector_route = DEFECTOR_ROUTE.search(text, ss, se) is not None
    pronouns = [m.start() for m in pronoun_matches]
    hits: list[_Hit] = []
    for rule, m in triggers:
        s, e = m.span()
        if any(bs <= s < be for bs, be in background):
            continue
        event_type = rule.type
        if rule.needs_worker and not _worker_near(text, sentence, s, e, workers, pronouns):
            if not (context_ok and event_type in _CONTEXT_TYPES and not workers) and not (
                event_type in LEGS and next_leg(text, s, hits)
            ):
                continue
        if NOT_WORKERS_AFTER.match(text[e : e + 40]):
            continue
        if event_type in ("arrival", "transit") and TO_SOUTH.match(text, e):
            continue  # the route of defectors to South Korea, not of a dispatch
        if (
            rule.label == "route"
            and m.group(0).startswith("by ")
            and not m.group(0).startswith("by way")
            and not MODE_PLACE.match(text, e, se)
            and not from_place_before(text, s, places)
        ):
            continue  # "leave by train in June": a means, not a place passed through
        if rule.label == "send/dispatch" and (
            HOME_AFTER.match(text, e, se) or _MONEY_AFTER.match(text, e, se)
        ):
            continue  # "sent home": the return rule has it; "sends their earnings": money
        if event_type == "return" and _UNDER_SANCTIONS.search(text, e, se):
            # "sent home all 904 workers ..., in line with Resolution 2397": a repatriation
            # done under the sanctions is an act of enforcement as well
            hits.append(_Hit(rule, (s, e), "enforcement"))
        if event_type == "return" and (told := _AUTHORITY_TOLD.search(text, ss, s)):
            # "the government has told the doctors to wind up their work and go home": an
            # authority's order to leave is a deportation order
            hits.append(_Hit(rule, told.span(1), "enforcement"))
        if rule.label == "leave":
            if _LEAVE_A_SITE.search(text, max(ss, s - 60), s):
                continue  # "a fenced camp that they could leave only with a minder": the site
            ordered = _ORDERED_TO.search(text, max(ss, s - 120), s)
            if ordered and _READY_TO.search(text, ordered.end(1), s):
                ordered = None  # "told to be ready to leave": waiting to go, not sent home
            if leaves_host(text, e, places) or ordered or _POSTED_BEFORE.search(text, ss, s):
                # "left Kuwait", "ordered the 14 staff to leave", "the women, who had worked in
                # Laos, left on a flight": leaving a host country
                event_type = "return"
                if (
                    ordered
                    and ordered.group(1).lower() == "ordered"
                    and not DPRK.search(text, ss, ordered.start())
                ):
                    # an authority's order to leave is a deportation order
                    hits.append(_Hit(rule, (ordered.start(1), ordered.end(1)), "enforcement"))
                if onward_place(text, e, se, places):
                    # "left on a flight to Beijing": a stop on the way home
                    hits.append(_Hit(rule, (s, e), "transit"))
        if rule.label == "housed before leaving" and not before_leaving(text, ss, se, places):
            continue  # "will be housed in dormitories provided by the city": life at the site
        if event_type == "extension" and _NEGATED.search(m.group(0)):
            continue  # "permits were not renewed": a refusal, not an extension
        if event_type == "defection" and _SPEAKER_AFTER.match(text, e, se):
            continue  # "defectors have described ...": witnesses, not an escape
        if event_type == "defection" and _KIN_BEFORE.search(text, ss, s):
            continue  # "no relatives who have defected": a vetting rule, not an escape
        if (
            event_type == "demand"
            and not rule.needs_worker
            and FOREIGN_BEFORE.search(m.group(0).rsplit(" ", 1)[0] + " ")
        ):
            continue  # "struggled to find domestic deckhands": another labour market
        if defector_route and event_type in DEFECTOR_ROUTE_TYPES:
            continue
        before = text[max(ss, s - 60) : s]
        if event_type == "defection" and DETERRED.search(before):
            continue
        if event_type == "enforcement" and CALLED_FOR.search(before):
            continue
        if event_type == "revenue" and FINE_BEFORE.search(before):
            continue  # "fined the developer 1.2 million roubles": a penalty, not earnings
        if event_type == "revenue" and _CONTRACT_VALUE_BEFORE.search(before):
            continue  # "a subcontractor was paid 38 million roubles": a firm's contract

        if (
            event_type == "demand"
            and before.lower().endswith("for ")
            and m.group(0)[:3].lower() == "hir"
        ):
            continue  # "sanctioned for hiring North Korean workers": the reason, not a request
        if (
            rule.label == "conditions of dispatch"
            and m.group(0).lower().startswith("contract")
            and BUSINESS_CONTRACT.search(before)
        ):
            continue
        if (
            event_type == "evasion"
            and m.group(0).startswith("third")
            and DEFECTION_WORDS.search(text, ss, se)
        ):
            continue  # a defector's way out, not a dispatch route
        if (
            narrator
            and rule.label == "send/dispatch"
            and FIRST_PERSON_SENT_TO.search(text, max(ss, s - 30), s)
            and TO_AFTER.match(text, e, se)
        ):
            hits.append(_Hit(rule, (s, e), "arrival"))  # "I was sent to Tynda": and got there
        elif rule.label == "send/dispatch" and sent_and_there(text, ss, s, e, se, places):
            hits.append(_Hit(rule, (s, e), "arrival"))  # "has sent 120 workers to Omsk"
        if rule.label == "send/dispatch" and _is_reduced_relative(text, ss, s):
            event_type = "deployment"  # "workers dispatched to Russia": a state, not a departure
        if (
            rule.label == "arrive/enter"
            and m.group(0).startswith("cross")
            and (
                KP_BEFORE.search(text, ss, s)
                or (
                    _INTO_NEIGHBOUR.match(text, e, se)
                    and _DPRK_SUBJECT_BEFORE.search(text, max(ss, s - 40), s)
                )
            )
        ):
            # "recruited in Sinuiju and crossed into China": the crossing leaves the DPRK
            hits.append(_Hit(rule, (s, e), "departure"))
        if (
            rule.label == "conditions of dispatch"
            and m.group(0).startswith("for ")
            and _PAST_STAY.search(text, max(ss, s - 60), s)
        ):
            continue  # "had worked there for three years": time served, not a term
        if (
            rule.label == "conditions of dispatch"
            and _EVASION_VISA.search(text, ss, se)
            and not _ENTERED_ON.search(text, max(ss, s - 80), s)
        ):
            # student or tourist visas are evasion, not terms; but the visa they entered on
            # ("entered Russia on study visas") is also a condition of the dispatch
            if re.match(r"visa|work visa", m.group(0), re.IGNORECASE):
                continue
        if (
            rule.label == "conditions of dispatch"
            and m.group(0)[:3].lower() in ("sal", "wag")
            and _ROUTED_TO.match(text, e, se)
        ):
            continue  # "their salaries were routed back to Pyongyang": revenue, not pay terms
        if (
            event_type == "departure"
            and any(h.type == "return" for h in hits)
            and from_host(text, e, places)
        ):
            event_type = "return"  # "repatriated, departing from Doha": the way home
        if event_type == "return" and _THING_BACK_BEFORE.search(text, max(ss, s - 40), s):
            continue
        if (
            event_type == "arrival"
            and m.group(0).startswith("reach")
            and _PERSON_AFTER.match(text, e, se)
        ):
            continue
        if event_type == "arrival" and _SIGNS_OF.search(text, max(ss, s - 60), s):
            continue  # "inspect contracts for signs of nationals entering": a suspicion
        if (
            rule.label == "return home"
            and m.group(0).lower().startswith("return")
            and not _worker_close(text, s, e, workers, 60)
        ):
            continue
        hits.append(_Hit(rule, (s, e), event_type))
    return drop_crossings_on_the_way(text, _drop_shadowed_terms(text, hits))


def _drop_shadowed_terms(text: str, hits: list[_Hit]) -> list[_Hit]:
    """A visa in a sentence about disguising workers is evasion, unpaid wages are abuse and
    "their contracts were extended" is an extension: none is also a condition of the dispatch.
    Being carried to a city and then flown home ("driven to Abuja and flew home") is a stop on
    the way back, not an arrival."""
    evasion = any(h.type == "evasion" for h in hits)
    covering = [h.span for h in hits if h.type in ("abuse", "extension")]
    extended = [h.span[0] for h in hits if h.type == "extension"]
    home = [h.span[0] for h in hits if h.type == "return"]
    # "flown to Dubai and expected to continue to Pyongyang": the way home, too
    home += [
        m.start()
        for h in hits
        if h.rule.label == "carried to"
        for m in _HOMEWARD.finditer(text, h.span[1], h.span[1] + 80)
    ]
    if not evasion and not covering and not home:
        return hits
    kept = []
    for h in hits:
        if h.type == "terms":
            word = text[h.span[0] : h.span[1]].lower()
            if (
                evasion
                and word.startswith(("visa", "work visa"))
                and not _ENTERED_ON.search(text, max(0, h.span[0] - 80), h.span[0])
            ):
                continue
            if any(s <= h.span[0] < e for s, e in covering):
                continue
            if (
                word in ("contract", "contracts")
                and any(s > h.span[0] for s in extended)
                and _SENTENCE_SUBJECT.search(text, max(0, h.span[0] - 12), h.span[0])
            ):
                continue  # "Contracts for 250 workers ... have been extended": its subject
        if (
            h.type == "arrival"
            and h.rule.label == "carried to"
            and any(0 < r - h.span[1] <= 60 for r in home)
        ):
            h = _Hit(h.rule, h.span, "transit")
        kept.append(h)
    return kept


# The opening words of a sentence: "Contracts for ...", "Their contracts ...".
_SENTENCE_SUBJECT = re.compile(r"(?:^|[.!?\n]\s*)(?:(?:The|Their|All|Most|Some)\s+)?$")
_AUTHORITY_TOLD = re.compile(
    r"(?:\b(?:government|authorities|ministry|police|officials|governor|mayor)|\b(?!(?:North|The|A|An)\b)"
    r"[A-Z][a-z]+)\s+(?:(?:has|have|had)\s+)?(?:now\s+|formally\s+)?"
    r"\b(told|ordered|instructed|directed)\s+[^.;]{0,100}?\bto\s+(?:[\w'\u2019-]+\s+){0,5}?$"
)
# "had worked there for three years", "worked in the forest for three years": time served,
# told afterwards, not the term a dispatch sets.
_PAST_STAY = re.compile(
    r"\b(?:had|has|have)\s+(?:been\s+)?\w+ed\b|\bhad\s+been\b|\b(?:worked|toiled|laboured|labored)\b",
    re.IGNORECASE,
)
_HOMEWARD = re.compile(
    r"\bcontinu(?:e|es|ed|ing)\s+(?:on\s+)?(?:to|towards?)\s+(?:Pyongyang|North\s+Korea|the\s+DPRK)\b"
)
# A repatriation tied to the sanctions in its own clause: "in line with Resolution 2397", "ahead
# of the deadline set by Resolution 2397", "to comply with UN sanctions".
_UNDER_SANCTIONS = re.compile(
    r"[^.;]{0,120}?\b(?:(?:in\s+line|in\s+compliance|in\s+accordance|to\s+comply|complying)\s+with|"
    r"pursuant\s+to|under|deadline\s+(?:set\s+by|under|imposed\s+by|in))\s+(?:the\s+)?"
    r"(?:(?:UN|U\.N\.|United\s+Nations|international)\s+)?(?:Security\s+Council\s+)?"
    r"(?:sanctions|[Rr]esolutions?\s+\d{3,4})\b",
    re.IGNORECASE,
)
# North Korean workers crossing into a neighbour of the DPRK leave it: "a fourth batch of 150 North
# Korean women crossed into China at Tumen".
_INTO_NEIGHBOUR = re.compile(r"\s+(?:China|Russia|Jilin|Liaoning|Primorsky|Primorye)\b")
_DPRK_SUBJECT_BEFORE = re.compile(r"\b(?:North\s+Korean|DPRK)\s+(?:[\w-]+\s+){0,2}$")
# A place the workers may leave only under watch: "a fenced camp that they could leave".
_LEAVE_A_SITE = re.compile(
    r"\b(?:that|which|where)\s+(?:they|the\s+(?:workers|men|women))\s+(?:could|can|may|might|"
    r"were\s+(?:not\s+)?allowed\s+to|are\s+(?:not\s+)?allowed\s+to|could\s+not|cannot|can\s+not|never)\s+$",
    re.IGNORECASE,
)
_READY_TO = re.compile(r"\b(?:ready|prepared|prepare|get\s+ready|be\s+set)\b", re.IGNORECASE)
# An order to leave: "ordered the 14 staff to leave", "were told by the police to".
_ORDERED_TO = re.compile(
    r"\b(ordered|told|forced|required|compelled|asked|instructed)\b[^.;]{0,100}?\bto\s+$",
    re.IGNORECASE,
)
# "who had worked in Laos for three years, left ...": a posting behind them.
_POSTED_BEFORE = re.compile(
    r"\bhad\s+(?:(?:been\s+)?(?:work(?:ed|ing)|employed|posted|stationed|served|built|building)|been\s+in\s+(?:the\s+)?"
    r"(?:country|[A-Z]))\b"
)
_MONEY_AFTER = re.compile(
    r"\s+(?:(?:all|most|part|much|some|half)\s+(?:of\s+)?)?(?:their|the|his|her|its)\s+"
    r"(?:earnings|wages|pay|salar(?:y|ies)|money|income|savings|profits?)\b",
    re.IGNORECASE,
)
# "entered Russia on study visas": the visa a worker came in on, ending where the visa word starts
_ENTERED_ON = re.compile(
    r"\b(?:enter(?:s|ed|ing)?|arriv(?:e|es|ed|ing)|came|come|travel+(?:s|ed|ing)?)\b[^.;]{0,60}?"
    # "entered Russia in 2024, most of them on student visas"
    r"(?:,\s+(?:most|all|many|some|half)\s+(?:of\s+them\s+)?)?"
    # two kinds joined: "on education and tourist visas"
    r"\b(?:on|with|under)\s+(?:an?\s+|their\s+|the\s+)?(?:[\w-]+\s+(?:(?:and|or)\s+)?){0,2}$",
    re.IGNORECASE,
)
# "salaries were routed back to Pyongyang": money flowing to the state
_ROUTED_TO = re.compile(
    r"\s+(?:(?:were|was|are|is|being|been|have|has|had)\s+)*(?:\w+ly\s+)?"
    r"(?:routed|rerouted|sent|transferred|funnel+ed|remitted|channel+ed|diverted|siphoned|wired)"
    r"\s+(?:back\s+)?(?:to|into)\b",
    re.IGNORECASE,
)
# What comes or is sent back is not always people: "waiting for their passports to come back",
# "90 percent of which is sent back to Pyongyang" (money, the revenue rule's).
_THING_BACK_BEFORE = re.compile(
    r"(?:\b(?:passports?|papers|documents|visas?|permits?|money|cash|earnings|wages|pay|salar(?:y|ies)|"
    r"income|funds|dollars|yuan|r[ou]+bles)"
    # a share of a sum: "90 percent of which", "most of it"
    r"|\b(?:percent|per\s+cent|%|half|most|part|share)\s+of\s+(?:it|which|that))\s+"
    r"(?:(?:to|is|are|was|were|be|been|being|has|have|had|gets?|got)\s+){0,2}(?:\w+ly\s+)?$",
    re.IGNORECASE,
)
# What reaches a person is money or news, not workers reaching a place: "before anything reaches
# the worker".
_PERSON_AFTER = re.compile(
    r"\s+(?:the\s+|their\s+|a\s+|any\s+)?(?:workers?|men|women|them|him|her|families|family|hands)"
    r"(?![\w'\u2019])",
    re.IGNORECASE,
)
_SIGNS_OF = re.compile(
    r"\b(?:signs?|evidence|indications?|suspicions?)\s+of\s+(?:[\w-]+\s+){0,4}$", re.IGNORECASE
)
_NEGATED = re.compile(r"\b(?:not|never|no longer)\b|n['\u2019]t\b", re.IGNORECASE)
_SPEAKER_AFTER = re.compile(
    r"\s+(?:(?:have|had|has)\s+)?(?:said|say|says|told|described|describe|recalled|recall|"
    r"testified|interviewed|quoted)\b",
    re.IGNORECASE,
)
# Kin named right before "defected": the vetting of candidates' families, not a worker's flight.
_KIN_BEFORE = re.compile(
    r"\b(?:relatives|family(?:\s+members)?|kin|parents|siblings|brothers|sisters|children|"
    r"cousins|spouses?)\s+(?:(?:who|that)\s+)?(?:(?:have|has|had)\s+)?(?:ever\s+)?$",
    re.IGNORECASE,
)
_EVASION_VISA = re.compile(
    r"\b(?:student|study|tourist|trainee|training|business|education\w*|guise|pretense)\b", re.I
)
_AUX_BEFORE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|get|got|has|have|had|will|would|to|and|or|not)\s+(?:\w+ly\s+)?$",
    re.IGNORECASE,
)
_NOUN_BEFORE = re.compile(
    r"\b(?:workers|laborers|labourers|personnel|people|men|North Koreans)\s*,?\s+$", re.IGNORECASE
)


# What a host-side firm is paid for a job, or a contract's value: not the state's earnings.
_CONTRACT_VALUE_BEFORE = re.compile(
    r"(?:(?:\b(?:sub)?contractors?|\bcompan(?:y|ies)|\bfirms?|\bdevelopers?|\bsuppliers?)\s+"
    r"(?:(?:was|were|has\s+been|had\s+been|is|are|will\s+be)\s+paid|received|receives|billed|charged)"
    r"|\b(?:contracts?|deals?|tenders?|orders?)\s+(?:worth|valued\s+at))\s+"
    r"(?:(?:about|around|some|roughly|nearly|more\s+than|over|up\s+to)\s+)?$",
    re.IGNORECASE,
)


def _is_reduced_relative(text: str, sentence_start: int, start: int) -> bool:
    """ "workers dispatched to Russia", "The workers, sent abroad ...": a participle describing
    workers already away, not a finite verb of sending."""
    if not text[start:].lower().startswith(("sent", "dispatched")):
        return False
    before = text[max(sentence_start, start - 40) : start]
    return bool(_NOUN_BEFORE.search(before)) and not _AUX_BEFORE.search(before)


def _worker_close(text: str, s: int, e: int, workers: list[re.Match[str]], window: int) -> bool:
    return any(abs(w.start() - s) <= window or abs(w.end() - e) <= window for w in workers)


def _worker_near(
    text: str,
    sentence: Sentence,
    s: int,
    e: int,
    workers: list[re.Match[str]],
    pronouns: list[int],
) -> bool:
    """Is the trigger about DPRK workers? The nearest worker noun decides; a pronoun counts
    when a worker was named in this or one of the three sentences before."""
    best: re.Match[str] | None = None
    best_distance = 10**9
    for w in workers:
        if w.start() < e and w.end() > s:
            return _is_dprk_worker(text, w, sentence)  # "bring North Korean workers to"
        distance = s - w.end() if w.end() <= s else w.start() - e
        if distance < best_distance:
            best, best_distance = w, distance
    if best is not None and best_distance <= 150:
        return _is_dprk_worker(text, best, sentence)
    return any(abs(p - s) <= 80 for p in pronouns)


def _events_of_sentence(
    context: EventContext,
    sentence: Sentence,
    hits: list[_Hit],
    rounds: list[tuple[int, tuple[int, int], bool | None]],
    attribution: Attribution,
) -> list[Event]:
    text = context.text
    by_key: dict[tuple[str, int | None], Event] = {}
    order: list[tuple[str, int | None]] = []
    round_spans = [span for _, span, _ in rounds]
    # The verbs of the sentence with their stages: a time belongs to its own verb's event.
    verbs = verb_triggers(text, [(h.span, h.type) for h in hits])
    sector_cache: list[Sector | None] = []

    def sector() -> Sector | None:
        if not sector_cache:
            sector_cache.append(sector_of(text, sentence))
        return sector_cache[0]

    def add(
        event_type: EventType,
        trigger: tuple[int, int],
        label: str,
        round_: int | None,
        extra: tuple[int, int] | None,
    ) -> None:
        key = (event_type, round_)
        if key in by_key:
            event = by_key[key]
            _add_evidence(text, event, trigger)
            if extra:
                _add_evidence(text, event, extra)
            return
        hedge = assess(text, trigger[0], trigger[1], sentence.start, sentence.end)
        if hedge.polarity == "denied":
            return
        event = Event(
            type=event_type,
            evidence=[Evidence(trigger, text[trigger[0] : trigger[1]])],
            status=_status(text, sentence, trigger, hedge.polarity),
            round=round_,
            certainty=hedge.certainty,
            certainty_cue=hedge.cue,
            attribution=attribution,
            places=place_ids(context.places, sentence),
            time=own_time_id(text, context.times, trigger, event_type, sentence, verbs),
            workers=nearest_id(
                [q for q in context.quantities if q.unit == "workers"], trigger, sentence
            ),
            duration=nearest_id(context.durations, trigger, sentence),
            sector=sector(),
            cue=f"{label}: {text[trigger[0] : trigger[1]]}",
        )
        if extra:
            _add_evidence(text, event, extra)
        by_key[key] = event
        order.append(key)

    for hit in hits:
        add(hit.type, hit.span, f"{hit.type}/{hit.rule.label}", None, None)

    # Rounds: a selection round is a recruitment event of that round; a batch or group goes to
    # the movement events of the sentence (a departure if there is none).
    movement = [h for h in hits if h.type in _MOVEMENT]
    for number, span, selection in rounds:
        if selection or (selection is None and not movement):
            add("recruitment", span, "recruitment/ordinal round", number, None)
            continue
        if movement:
            nearest = min(movement, key=lambda h: abs(h.span[0] - span[0]))
            add(nearest.type, nearest.span, f"{nearest.type}/{nearest.rule.label}", number, span)
        else:
            add("departure", span, _BARE_BATCH, number, None)

    # An event of a type that also has a numbered round in this sentence keeps only the
    # numbered ones ("the third and fourth round selections" is two events, not three).
    numbered = {t for t, r in order if r is not None}
    result = []
    for key in order:
        event_type, round_ = key
        if round_ is None and event_type in numbered and _overlaps_any(by_key[key], round_spans):
            continue
        result.append(by_key[key])
    return result


def _overlaps_any(event: Event, spans: list[tuple[int, int]]) -> bool:
    return any(ev.span[0] < e and s < ev.span[1] for ev in event.evidence for s, e in spans)


def _add_evidence(text: str, event: Event, span: tuple[int, int]) -> None:
    if any(ev.span == span for ev in event.evidence):
        return
    event.evidence.append(Evidence(span, text[span[0] : span[1]]))
    event.evidence.sort(key=lambda ev: ev.span)


def _status(text: str, sentence: Sentence, trigger: tuple[int, int], polarity: str) -> Status:
    if polarity == "delayed":
        return "delayed"
    if polarity == "cancelled":
        return "cancelled"
    left = max(sentence.start, trigger[0] - 60)
    # Only the trigger's own clause: stop at the last clause break before it.
    window = text[left : trigger[1]]
    cut = max(
        window.rfind("; "), window.rfind(", but"), window.rfind("\u201c"), window.rfind(", while")
    )
    if cut >= 0:
        window = window[cut:]
    trigger_word = text[trigger[0] : trigger[1]]
    if PLANNED.search(window):
        return "planned"
    if ONGOING.search(window) or (
        GERUND_OR_PROGRESSIVE.search(trigger_word) and re.search(r"\b(?:is|are)\b", window)
    ):
        return "ongoing"
    if COMPLETED.search(window):
        return "completed"
    # No cue before it: a fronted noun phrase takes the tense of the clause's verb after it
    # ("Through a fourth round of selections, the state intends to ...").
    after = text[trigger[1] : min(sentence.end, trigger[1] + 60)]
    clause_end = CLAUSE_BREAK.search(after)
    if clause_end:
        after = after[: clause_end.start()]
    if PLANNED.search(after.split("\u201d")[0]):
        return "planned"
    return "unknown"
