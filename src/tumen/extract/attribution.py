"""Attribution: who makes each claim of a report.

Every sentence gets one `Attribution`. The rules, in order:
1. a quotation is attributed to its speech tag ("“...,” said the source.", "he said: “...”"),
   and so is every sentence inside it, so a quote that runs over several sentences keeps its
   speaker;
2. "according to X", "X said/told/added/reported/found ...", "said X", "X, a spokesperson for
   ..., said"; "A source cited by RFA said" is the source, not the outlet;
3. "he/she said", "he added" resolve to the nearest person or source mentioned before;
4. the outlet's own voice: "Daily NK has learned", "X understands", "It has been found that"
   are `report_author` with the words that say so; an unmarked sentence is `report_author`
   with no mention or span.
The outlet writing the report is recognised from the text itself ("... told Daily NK",
"Daily NK has learned") or from the publisher when known, so its own earlier reports are
`report_author`, not `other_media`.
"""

from __future__ import annotations

import bisect
import re

from tumen.model import Actor, Attribution, AttributionKind, Sentence

_SPEECH_VERBS = (
    r"said|says|say|told|tells|added|adds|continued|noted|notes|explained|stated|states|claimed|"
    r"claims|reported|reports|found|finds|confirmed|revealed|estimated|estimates|believes|warned|"
    r"highlighted|mentioned|announced|suggested|disclosed|indicated|argued|wrote|cited|quoted|"
    r"predicted|assessed|concluded|observed|recalled|insisted|emphasized|stressed|asserted"
)
_VERB = re.compile(rf"\b(?:{_SPEECH_VERBS})\b")
# What may stand between a speaker and its verb: an adverb, an auxiliary, an appositive
# (", a professor of economics at Kyungnam University,"), a relative
# clause (", who requested anonymity,"), or "in <place> on <day>".
_GAP = re.compile(
    r"^(?:\s*\([^)]{1,40}\))?(?:\s*,[^,.;\u201c\u201d\"]{1,120},)?\s*"
    r"(?:(?:also|previously|recently|later|then|further|has|have|had|was|were|is|reportedly|"
    r"earlier|on \w+day|in a statement|in an interview)\s+)*$"
)
_AFTER_VERB = re.compile(r"^\s+(?:(?:to|on|in|at)\s+\w+\s+)?$")
_ACCORDING = re.compile(
    r"\b[Aa]ccording to\s+(?:the\s+)?(?:(?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:report|statement|study|survey)s?\s+"
    r"(?:by|from|of)\s+)?$"
)
# "Prof. Park Ji-hoon(Kookmin Univ.) : “...”" (broadcast scripts)
_COLON_TAG = re.compile(r"\s*(?:\([^)]{1,40}\))?\s*:\s*[\"\u201c]")
# Outlets named generically: "the outlet suggested", "the report said", "media reported".
_OUTLET_SPEECH = re.compile(
    rf"\b(?P<who>[Tt]he (?:outlet|report|newspaper|daily|broadcaster|agency)|(?:[Ll]ocal |[Ss]tate |[Rr]ussian )?media)"
    rf"\s+(?:also\s+)?(?:{_SPEECH_VERBS}|claiming)\b"
)
_CITED_BY = re.compile(r"\b(?:cited|quoted) by\s+$")
_PRONOUN_SPEECH = re.compile(
    rf"\b(?:(?P<pre>[Hh]e|[Ss]he)\s+(?:also\s+)?(?:{_SPEECH_VERBS})|(?:{_SPEECH_VERBS})\s+(?P<post>he|she))\b"
)
_GROUP_SPEECH = re.compile(
    r"\b(?P<who>(?:[Mm]any |[Ss]ome |[Oo]ther )?(?:experts|analysts|observers|researchers|"
    r"diplomats|residents|defectors|they))\s+(?:have\s+|also\s+)?(?:say|said|believe|argue|doubt|"
    r"think|suggest|warn|note)\b",
    re.IGNORECASE,
)
_SELF_VOICE = re.compile(
    r"\s+(?:has learned|has confirmed|learned|understands|does understand|was unable|"
    r"has been unable|is told)"
)
_IMPERSONAL = re.compile(
    r"\b(?:[Ii]t has been (?:found|learned|confirmed)|[Ii]t was (?:found|learned)|[Ii]t is understood)"
)
_OFFICE = re.compile(
    r"\b(?:President|Prime Minister|Minister|minister|Ambassador|ambassador|Governor|governor|"
    r"Senator|lawmaker|Lawmaker|Chairman|Secretary|General|spokesperson|spokesman|spokeswoman|"
    r"leader|envoy|Envoy|official|Director|director|mayor|Mayor|commissioner|Commissioner)\b"
)
_EXPERT_AFFILIATION = re.compile(r"\b(?:Institute|University|Center|Centre|Foundation)\b|\bUniv\.")

_KIND_OF_ACTOR: dict[str, AttributionKind] = {
    "source": "insider_source",
    "media": "other_media",
    "agency": "government",
    "state": "government",
    "international_body": "international_body",
    "ngo": "ngo",
    "company": "unknown",
    "person": "official",
}
_QUOTE_PAIRS = re.compile(r"\u201c[^\u201c\u201d]*(?:\u201d|$)|\"[^\"\n]*(?:\"|$)")


def self_names(text: str, actors: list[Actor], publisher: str | None = None) -> frozenset[str]:
    """Names of the outlet writing the report: the publisher, and any outlet a source "told"
    or that "has learned" / "understands" something."""
    names: set[str] = set()
    for actor in actors:
        if actor.kind != "media":
            continue
        s, e = actor.span
        if publisher and (
            actor.name.lower() in publisher.lower() or actor.mention.lower() in publisher.lower()
        ):
            names.add(actor.name)
        elif re.search(r"\btold\s+(?:the\s+)?$", text[max(0, s - 10) : s]):
            names.add(actor.name)
        elif _SELF_VOICE.match(text, e) or text.startswith(("'s source", "\u2019s source"), e):
            names.add(actor.name)
    return frozenset(names)


def attribute_sentences(
    text: str, sentences: list[Sentence], actors: list[Actor], publisher: str | None = None
) -> list[Attribution]:
    """One attribution per sentence (same order as `sentences`)."""
    own = self_names(text, actors, publisher)
    starts = [a.span[0] for a in actors]
    result: list[Attribution] = [_explicit(text, s, actors, starts, own) for s in sentences]
    _carry_quotes(text, sentences, result)
    return result


def _explicit(
    text: str, sentence: Sentence, actors: list[Actor], starts: list[int], own: frozenset[str]
) -> Attribution:
    """The attribution a sentence states itself, or the report author's voice."""
    ss, se = sentence.start, sentence.end
    lo = bisect.bisect_left(starts, ss)
    hi = bisect.bisect_left(starts, se)
    inside = actors[lo:hi]
    found: list[tuple[int, Attribution]] = []
    for i, actor in enumerate(inside):
        s, e = actor.span
        before = text[max(ss, s - 60) : s]
        if _ACCORDING.search(before) or _COLON_TAG.match(text, e):
            found.append((s, _of_actor(text, actor, own)))
            continue
        if _CITED_BY.search(before):
            continue  # "a source cited by RFA said": the outlet only relays
        if actor.kind == "media" and actor.name in own and _SELF_VOICE.match(text, e):
            found.append(
                (s, Attribution("report_author", actor.mention, actor.span, actor.id or None))
            )
            continue
        verb = _VERB.search(text, e, min(se, e + 160))
        if verb and _GAP.match(text[e : verb.start()]):
            speaker = actor
            # "A source cited by RFA said": step back to the source.
            if i > 0 and _CITED_BY.search(text[max(ss, s - 20) : s]):
                speaker = inside[i - 1]
            found.append((s, _of_actor(text, speaker, own)))
            continue
        # "said the source", "said Lee Min-ho, a research fellow".
        prev = re.search(rf"\b(?:{_SPEECH_VERBS})$", text[max(ss, s - 16) : s].rstrip())
        if (
            prev
            and prev.group(0) not in ("told", "tells", "cited", "quoted")
            and _AFTER_VERB.match(text[max(ss, s - 16) + prev.end() : s] or " ")
        ):
            found.append((s, _of_actor(text, actor, own)))
    for m in _PRONOUN_SPEECH.finditer(text, ss, se):
        antecedent = _antecedent(actors, starts, m.start())
        if antecedent is not None:
            found.append((m.start(), _of_actor(text, antecedent, own)))
        else:
            who = m.group("pre") or m.group("post")
            span = m.span("pre") if m.group("pre") else m.span("post")
            found.append((m.start(), Attribution("unknown", who, span, None)))
    for m in _OUTLET_SPEECH.finditer(text, ss, se):
        found.append((m.start(), Attribution("other_media", m.group("who"), m.span("who"), None)))
    for m in _GROUP_SPEECH.finditer(text, ss, se):
        found.append((m.start(), Attribution("unknown", m.group("who"), m.span("who"), None)))
    impersonal = _IMPERSONAL.search(text, ss, se)
    if impersonal:
        found.append((impersonal.start(), Attribution("report_author", None, None, None)))
    if not found:
        return Attribution("report_author")
    found.sort(key=lambda f: f[0])
    return found[0][1]


def _antecedent(actors: list[Actor], starts: list[int], position: int) -> Actor | None:
    """The nearest source or person mentioned before `position` (for "he said")."""
    i = bisect.bisect_left(starts, position) - 1
    while i >= 0:
        if actors[i].kind in ("source", "person"):
            return actors[i]
        i -= 1
    return None


def _of_actor(text: str, actor: Actor, own: frozenset[str]) -> Attribution:
    kind = _KIND_OF_ACTOR.get(actor.kind, "unknown")
    if actor.kind == "media" and actor.name in own:
        kind = "report_author"
    elif actor.kind == "person":
        s, e = actor.span
        around = text[max(0, s - 40) : s] + " " + text[e : e + 90]
        if _OFFICE.search(around):
            kind = "official"
        elif _EXPERT_AFFILIATION.search(text[e : e + 120]):
            kind = "ngo"  # an expert of a think tank or university: civil society
        else:
            kind = "unknown"
    return Attribution(kind, actor.mention, actor.span, actor.id or None)


def _carry_quotes(text: str, sentences: list[Sentence], result: list[Attribution]) -> None:
    """Give every sentence inside a quotation the attribution of the quotation's speech tag."""
    if not sentences:
        return
    sent_starts = [s.start for s in sentences]
    for q in _QUOTE_PAIRS.finditer(text):
        qs, qe = q.span()
        first = max(0, bisect.bisect_right(sent_starts, qs) - 1)
        last = max(0, bisect.bisect_right(sent_starts, max(qs, qe - 1)) - 1)
        # The tag is in the sentence holding the closing quote (“..., ” said the source.) or,
        # failing that, in the one holding the opening quote (He said: “...”), or right after.
        candidates = [last, first]
        if qs <= sentences[first].start + 1 and qe >= sentences[last].end - 1:
            candidates.append(last + 1)  # a whole-sentence quote tagged in the next sentence
        tagged = None
        for k in candidates:
            if k < len(result) and (result[k].kind != "report_author" or result[k].mention):
                tagged = result[k]
                break
        if tagged is None:
            continue
        for k in range(first, last + 1):
            if result[k].kind == "report_author" and result[k].mention is None:
                result[k] = tagged
    # An untagged quote right after a quoted sentence of the same paragraph continues it.
    for k in range(1, len(sentences)):
        current, previous = result[k], result[k - 1]
        opens_quote = text[sentences[k].start] in '\u201c"'
        same_paragraph = "\n" not in text[sentences[k - 1].end : sentences[k].start]
        if (
            opens_quote
            and same_paragraph
            and current.kind == "report_author"
            and current.mention is None
        ):
            result[k] = previous
