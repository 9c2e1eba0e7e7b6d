"""The types shared by the two steps of role assignment: what one mention's context says
(`Cue`, written by `tumen.resolve.roles`) and one place over the whole report (`Entity`, read
by `tumen.resolve.journey`). Kept apart so the journey step can import the reading step
without a cycle."""

from __future__ import annotations

from dataclasses import dataclass, field

from tumen.model import Role
from tumen.resolve.gazetteer import Entry

# Why a mention is `other` whatever its place's role (Cue.excluded); the journey step tells
# layout (captions, datelines, bylines, other stories) apart from a speaker's seat.
CAPTION = "caption, dateline or byline"
SEAT = "seat of a speaker or agency"
UNRELATED_SENTENCE = "sentence about another matter"
LAYOUT = (CAPTION, UNRELATED_SENTENCE)


@dataclass(slots=True)
class Cue:
    """What one mention's own context says about its role."""

    role: Role | None = None  # the role the context points at, if any
    excluded: str | None = None  # why the mention is `other` whatever the place's role
    route_means: bool = False  # the sentence is about how they travel
    gathered: bool = False  # "gathered in X": the workers meet here to set off
    last_leg: bool = False  # "... to X and then on to Y": Y ends a later leg of the route
    spread: bool = False  # "distributed to X, Y and Z": the group is shared out among ends
    journey: bool = False  # "taken by bus to X", "arrived in X": a verb of the journey ends here
    entered: bool = False  # "entered X on study visas": X was entered, no more is said
    work_clause: bool = False  # "X, where they are repairing ...": the work is said to be there
    site_spot: bool = False  # "a housing estate on the outskirts of X": a site placed in the town
    sentence: int = -1

    @property
    def provisional(self) -> Role:
        return "other" if self.excluded or self.role is None else self.role


@dataclass(slots=True)
class Entity:
    """One place of the report (by gazetteer id, else by name) with all its mentions."""

    key: str
    entry: Entry | None
    mentions: list[int] = field(default_factory=list)
    role: Role | None = None
