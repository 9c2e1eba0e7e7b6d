"""What the place tests share: a text's places with roles, and one mention among them."""

from __future__ import annotations

from tumen.extract.sentences import split_sentences
from tumen.model import Place
from tumen.resolve.places import assign_roles, find_places


def resolve(text: str) -> list[Place]:
    """The places of `text` with their roles, as the pipeline gives them (no events)."""
    sentences = split_sentences(text)
    places = find_places(text, sentences)
    assign_roles(text, sentences, places, [])
    return places


def mentions(places: list[Place], surface: str) -> list[Place]:
    """Every place written as `surface`; at least one, or the test fails saying what was found."""
    found = [p for p in places if p.mention == surface]
    assert found, f"{surface!r} not found among {[p.mention for p in places]}"
    return found


def mention(places: list[Place], surface: str, nth: int = 0) -> Place:
    """The `nth` place written as `surface`."""
    found = mentions(places, surface)
    assert len(found) > nth, f"{surface!r} found {len(found)} times, not {nth + 1}"
    return found[nth]


def assert_place_reads(text: str, surface: str, name: str, country: str | None, role: str) -> None:
    """The place written as `surface` in `text` resolves to `name` in `country` with `role`,
    and its span is on the text."""
    place = mention(resolve(text), surface)
    assert (place.name, place.country, place.role) == (name, country, role)
    assert text[place.span[0] : place.span[1]] == place.mention


def assert_role_reads(text: str, surface: str, role: str) -> None:
    """The place written as `surface` in `text` has `role`, and its span is on the text."""
    place = mention(resolve(text), surface)
    assert place.role == role
    assert text[place.span[0] : place.span[1]] == place.mention
