"""The cohort page's unreviewed list, updated from the change in the reviewed set, equals the
list worked out key by key; the pre-encoded JSON equals the data."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tumen.web.views import _encode_parts, _ModelPage, _part, _patched, encode_json

KEYS = [f"r{n}:e:{n * 7}-{n * 7 + 5}" for n in range(12)] + ["r1:h:1", "r2:h:2"]


def _page(cited: list[str]) -> _ModelPage:
    page = object.__new__(_ModelPage)  # no model needed: only its cited keys are used
    page.data = {"as_of": None, "available": True}
    page.cited = sorted(cited)
    page.cited_set = frozenset(cited)
    page.rows = []
    page._reviewed = None
    page._unreviewed = []
    page._head = None
    page._unrev_json = None
    page._unrev_bytes = b""
    return page


@given(
    cited=st.sets(st.sampled_from(KEYS)),
    writes=st.lists(st.sets(st.sampled_from(KEYS + ["other:e:1-2"])), min_size=1, max_size=8),
)
def test_unreviewed_follows_the_reviewed_set(cited: set[str], writes: list[set[str]]) -> None:
    page = _page(list(cited))
    for reviewed in writes:
        got = page.unreviewed(frozenset(reviewed))
        assert got == [k for k in sorted(cited) if k not in reviewed and ":h:" not in k]
        body = json.loads(page.encoded(got))
        assert body == {**page.data, "unreviewed": got}


def test_encode_json_is_compact_utf8() -> None:
    assert encode_json({"a": [1, "é"], "b": None}) == '{"a":[1,"é"],"b":null}'.encode()


@given(
    keys=st.sets(st.sampled_from(KEYS)),
    added=st.sets(st.sampled_from(KEYS)),
    removed=st.sets(st.sampled_from(KEYS)),
)
def test_patched_keys_equal_sorting_again(
    keys: set[str], added: set[str], removed: set[str]
) -> None:
    got = _patched(sorted(keys), sorted(added), sorted(removed))
    assert got == sorted((keys - removed) | added)


_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=4)
    | st.lists(st.text(max_size=3), max_size=4),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner),
    max_leaves=12,
)


class _Obj:
    """Something a model part is made from; only its identity matters."""


@given(
    parts=st.lists(st.dictionaries(st.text(max_size=3), _JSON, max_size=3), max_size=3),
    rest=st.dictionaries(st.text(max_size=3), _JSON, max_size=3),
)
def test_bytes_put_together_from_parts_equal_one_encoding(
    parts: list[dict[str, object]], rest: dict[str, object]
) -> None:
    shown = [_part(_Obj(), lambda _o, p=p: p) for p in parts]  # registered: encoded once
    data = {
        **rest,
        "programmes": [{"cohorts": shown, "name": "P"}],
        "slots": {"c": dict(enumerate(shown)), "d": {"s": shown[0] if shown else None}},
        "conflicts": shown,
    }
    assert _encode_parts(data) == encode_json(data)
    assert _encode_parts(data) == encode_json(data)  # again, from the kept bytes


@pytest.mark.parametrize(
    "items",
    [
        ["a:e:1", "b:e:2"],
        ["back\\slash", "x"],
        ["nul\x00", "x"],
        ["unit\x1f", "x"],
        ['quo"te', "x"],
        ["del\x7f", "x"],
        ["caf\u00e9", "x"],
        ["line\u2028sep", "x"],
        ["caf\u00e9\\", "x"],
        ["", ""],
    ],
)
def test_string_lists_encode_as_the_c_encoder_does(items: list[str]) -> None:
    assert _encode_parts({"keys": items}) == encode_json({"keys": items})
