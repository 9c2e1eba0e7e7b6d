"""The dispatch model over hand-made records: stages, sizes, dates, as-of rewinds, independence,
corroboration and contradiction, grades, analyst operations."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from cohorts_support import (
    ALL,
    FIRST,
    INDEPENDENT,
    REPRINT,
    RETOLD,
    RIVAL,
    RUSSIA_2024,
    SECOND,
    THIRD,
    UNDATED,
    Ev,
    record,
)
from tumen.cohorts import Override, build_model, facts_of, find_reprints, model_of_records
from tumen.cohorts.build import STAGES
from tumen.cohorts.contributions import _stage_of
from tumen.cohorts.facts import Claim
from tumen.cohorts.grades import credibility, load_grades
from tumen.cohorts.sources import cited_publishers, derivative_of, outlet_of, reprint_score
from tumen.errors import InputError

UA = "kp-ua-occ-202210"


def cohorts(model):  # type: ignore[no-untyped-def]
    return {c.id: c for p in model.programmes for c in p.cohorts}


# --- stages -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("type_", "status", "reached", "dated"),
    [
        ("recruitment", "planned", "announced", "selecting"),
        ("recruitment", "ongoing", "selecting", "selecting"),
        ("recruitment", "completed", "selected", "selecting"),
        ("demand", "ongoing", "announced", "announced"),
        ("standby", "ongoing", "selected", "selected"),
        ("departure", "planned", "announced", "departed"),
        ("departure", "completed", "departed", "departed"),
        ("transit", "ongoing", "in_transit", "in_transit"),
        ("arrival", "completed", "deployed", "deployed"),
        ("deployment", "ongoing", "deployed", "deployed"),
        ("extension", "completed", "extended", "extended"),
        ("return", "completed", "returned", "returned"),
        ("return", "planned", "announced", "returned"),
    ],
)
def test_cohorts_stage_of_event(type_: str, status: str, reached: str, dated: str) -> None:
    claim = Claim(
        key="k",
        report="r",
        type=type_,
        status=status,
        round=1,
        certainty="certain",
        attribution_kind="insider_source",
        attribution=None,
    )
    assert _stage_of(claim) == (reached, dated)


def test_cohorts_stages_follow_the_reports() -> None:
    model = model_of_records([FIRST, SECOND, THIRD])
    got = cohorts(model)
    assert set(got) == {f"{UA}/r1", f"{UA}/r2", f"{UA}/extra"}
    assert got[f"{UA}/r1"].stage == "selected"
    # "have yet to leave" after a departure planned for early November: the round stalls.
    assert got[f"{UA}/r1"].status == "delayed"
    assert got[f"{UA}/r2"].stage == "selected"
    assert got[f"{UA}/extra"].stage == "selecting"
    assert got[f"{UA}/extra"].label == "additional selection"
    assert got[f"{UA}/extra"].round is None


def test_cohorts_stage_only_moves_on_unhedged_claims() -> None:
    doubted = record(
        "It is doubtful that the first round has already left for the occupied Donbas.",
        published="2022-10-30",
        places=(("occupied Donbas", "Donbas", "UA", "destination"),),
        events=(
            Ev(
                "departure",
                "the first round has already left",
                status="completed",
                round=1,
                certainty="doubtful",
            ),
        ),
    )
    got = cohorts(model_of_records([FIRST, doubted]))
    assert got[f"{UA}/r1"].stage == "selected"
    assert doubted.events[0].key in got[f"{UA}/r1"].evidence


def test_cohorts_later_stage_wins() -> None:
    left = record(
        "The first round crossed into Russia by train last week, bound for the occupied Donbas.",
        published="2022-11-20",
        publisher="NK News",
        places=(("occupied Donbas", "Donbas", "UA", "destination"),),
        events=(Ev("departure", "crossed into Russia by train", status="completed", round=1),),
    )
    got = cohorts(model_of_records([FIRST, left]))[f"{UA}/r1"]
    assert got.stage == "departed"
    assert got.stage_evidence == [left.events[0].key]
    assert STAGES.index(got.stage) > STAGES.index("selected")


# --- sizes and dates ----------------------------------------------------------------------------


def test_cohorts_size_from_teams_times_team_size() -> None:
    got = cohorts(model_of_records([SECOND]))[f"{UA}/r2"]
    assert (got.size["min"], got.size["max"], got.size["basis"]) == (300, 300, "teams")
    assert got.size["teams"]["count"] == {"min": 6, "max": 6}
    quantity_keys = {q.key for q in SECOND.quantities}
    assert quantity_keys <= set(got.size["evidence"])


def test_cohorts_stated_total_is_preferred_and_agrees_with_teams() -> None:
    got = cohorts(model_of_records([SECOND, RETOLD]))[f"{UA}/r2"]
    assert (got.size["min"], got.size["max"], got.size["basis"]) == (300, 300, "stated")
    # The stated 300 and six teams of 50 agree: one side, no conflict.
    model = model_of_records([SECOND, RETOLD])
    assert model.conflicts == []


def test_cohorts_size_cites_its_quantity_keys() -> None:
    got = cohorts(model_of_records([FIRST]))[f"{UA}/r1"]
    assert (got.size["min"], got.size["max"]) == (800, 1000)
    assert FIRST.quantities[0].key in got.size["evidence"]
    assert FIRST.events[0].key in got.size["evidence"]


def test_cohorts_dates_per_stage_with_their_keys() -> None:
    got = cohorts(model_of_records([FIRST, SECOND]))
    departed = got[f"{UA}/r1"].dates["departed"]
    assert (departed["start"], departed["end"], departed["planned"]) == (
        "2022-11-01",
        "2022-11-10",
        True,
    )
    assert FIRST.times[0].key in departed["evidence"]
    # Selected with no date given: selected by the day the report came out.
    assert got[f"{UA}/r1"].dates["selected"]["end"] == "2022-10-17"
    selecting = got[f"{UA}/r2"].dates["selecting"]
    assert (selecting["start"], selecting["end"]) == ("2022-11-01", "2022-11-01")


def test_cohorts_unrounded_claim_links_by_date() -> None:
    # THIRD's stalled departure names no round; its "early November" matches round 1's.
    got = cohorts(model_of_records([FIRST, THIRD]))
    delayed = next(e for e in THIRD.events if e.status == "delayed")
    assert delayed.key in got[f"{UA}/r1"].evidence


def test_cohorts_unrounded_claim_links_by_number() -> None:
    count = record(
        "Some 900 workers picked in Pyongyang are waiting to leave for the occupied Donbas.",
        published="2022-10-25",
        publisher="NK News",
        places=(("occupied Donbas", "Donbas", "UA", "destination"),),
        quantities=(("Some 900", "workers", 900, 900, True),),
        events=(Ev("standby", "are waiting to leave", status="ongoing", workers="Some 900"),),
    )
    got = cohorts(model_of_records([FIRST, SECOND, count]))
    assert count.events[0].key in got[f"{UA}/r1"].evidence
    assert got[f"{UA}/r1"].sources == 2


# --- programmes ---------------------------------------------------------------------------------


def test_cohorts_programmes_by_destination_and_period() -> None:
    model = model_of_records(list(ALL))
    assert [p.id for p in model.programmes] == [UA, "kp-ru-202402"]
    ua, ru = model.programmes
    assert (ua.origin, ua.destination) == ("KP", "UA-OCC")
    assert ua.name == "DPRK → occupied eastern Ukraine, 2022"
    assert ru.cohorts[0].label == "dispatch"
    assert (ru.cohorts[0].size["min"], ru.cohorts[0].size["max"]) == (300, None)
    # THIRD names no place: it joins the programme nearest its date.
    assert THIRD.report.id in ua.reports


def test_cohorts_json_shape() -> None:
    data = model_of_records(list(ALL), as_of="2022-12-31").to_dict()
    assert set(data) == {"as_of", "programmes", "undated"}
    assert data["as_of"] == "2022-12-31"
    programme = data["programmes"][0]
    assert {"id", "name", "origin", "destination", "cohorts"} <= set(programme)
    cohort = programme["cohorts"][0]
    assert {"id", "label", "round", "stage", "size", "dates", "sources", "evidence"} <= set(cohort)
    assert {"min", "max"} <= set(cohort["size"])
    for stage, interval in cohort["dates"].items():
        assert stage in STAGES and {"start", "end"} <= set(interval)
    json.dumps(data)


# --- as of --------------------------------------------------------------------------------------


@pytest.mark.parametrize("as_of", ["2022-10-16", "2022-10-17", "2022-10-24", "2022-12-05"])
def test_cohorts_as_of_rewinds_exactly(as_of: str) -> None:
    model = model_of_records(list(ALL), as_of=as_of)
    visible = {r.report.id for r in ALL if r.report.published and r.report.published <= as_of}
    hidden = {r.report.id for r in ALL} - visible
    text = json.dumps(model.to_dict())
    for rid in hidden - {UNDATED.report.id}:
        assert rid not in text, rid
    # Not a single claim key of a hidden report, and undated reports only in "undated".
    assert model.to_dict()["undated"] == [UNDATED.report.id]
    for p in model.programmes:
        assert set(p.reports) <= visible
    # The view equals the model built from the visible reports alone.
    alone = model_of_records([r for r in ALL if r.report.id in visible], as_of=as_of)
    assert model.to_dict()["programmes"] == alone.to_dict()["programmes"]


def test_cohorts_as_of_changes_the_picture() -> None:
    early = cohorts(model_of_records(list(ALL), as_of="2022-10-20"))
    late = cohorts(model_of_records(list(ALL), as_of="2022-11-30"))
    assert set(early) == {f"{UA}/r1"}
    assert early[f"{UA}/r1"].status == "active"
    assert late[f"{UA}/r1"].status == "delayed"
    assert late[f"{UA}/r2"].stage == "selected"


def test_cohorts_undated_report_is_in_the_full_view_only() -> None:
    full = cohorts(model_of_records(list(ALL)))
    assert full[f"{UA}/r2"].stage == "deployed"
    dated = cohorts(model_of_records(list(ALL), as_of="2030-01-01"))
    assert dated[f"{UA}/r2"].stage == "selected"


def test_cohorts_bad_as_of_is_refused() -> None:
    with pytest.raises(ValueError):
        model_of_records(list(ALL), as_of="2022-13-01")


# --- independence -------------------------------------------------------------------------------


def test_cohorts_retelling_gives_no_new_independent_source() -> None:
    alone = cohorts(model_of_records([SECOND, THIRD]))[f"{UA}/r2"]
    retold = cohorts(model_of_records([SECOND, THIRD, RETOLD]))[f"{UA}/r2"]
    assert alone.sources == retold.sources == 1
    assert RETOLD.events[0].key in retold.evidence


def test_cohorts_reprint_gives_no_new_independent_corroboration() -> None:
    base = model_of_records([SECOND, INDEPENDENT])
    with_reprint = model_of_records([SECOND, INDEPENDENT, REPRINT])
    assert cohorts(base)[f"{UA}/r2"].sources == cohorts(with_reprint)[f"{UA}/r2"].sources == 2
    size = next(c for c in with_reprint.clusters if c.slot == "size")
    assert size.sides[0].sources == sorted({"Daily NK", "NK News"})
    assert REPRINT.report.id in size.sides[0].reports
    assert with_reprint.report_sources[REPRINT.report.id] == "NK News"


def test_cohorts_reprint_found_by_shared_paragraph_without_citation() -> None:
    # The copy drops the outlet's name: only the shared paragraph tells.
    original = record(
        "Port workers say a freighter unloaded timber cut by North Korean crews at a camp near "
        "Tynda last winter, and the crews were then moved further north.\n\nMore follows.",
        published="2021-03-01",
        publisher="Outlet One",
    )
    copy = record(
        "Reposted.\n\nPort workers say a freighter unloaded timber cut by North Korean crews at a "
        "camp near Tynda last winter, and the crews were then moved further north!",
        published="2021-03-04",
        publisher="Outlet Two",
    )
    facts = [facts_of(original), facts_of(copy)]
    links = find_reprints(facts)
    assert [(li.source, li.target, li.kind) for li in links] == [
        (copy.report.id, original.report.id, "reprint")
    ]
    model = build_model(facts)
    assert model.report_sources[copy.report.id] == "Outlet One"


def test_cohorts_unrelated_texts_are_not_reprints() -> None:
    assert reprint_score(FIRST.report.text, RIVAL.report.text) < 0.5


def test_cohorts_citations_link_reports() -> None:
    model = model_of_records([SECOND, THIRD, RETOLD])
    links = {(li.source, li.target, li.kind) for li in model.links}
    # "Daily NK reported last month": THIRD cites SECOND; RETOLD cites Daily NK's latest.
    assert (THIRD.report.id, SECOND.report.id, "cites") in links
    assert (RETOLD.report.id, THIRD.report.id, "cites") in links


@pytest.mark.parametrize(
    ("publisher", "outlet"),
    [
        ("Taipei Times (Associated Press)", "Associated Press"),
        ("Korea JoongAng Daily (Yonhap)", "Yonhap"),
        ("The Kyiv Independent (A Reporter)", "The Kyiv Independent"),
        (
            "Radio Free Asia (A Reporter), republished by Human Rights Without Frontiers (hrwf.eu)",
            "Radio Free Asia",
        ),
        ("DailyNK", "Daily NK"),
        ("A Small Blog", "A Small Blog"),
        (None, "unknown publisher"),
    ],
)
def test_cohorts_outlet_of_publisher(publisher: str | None, outlet: str) -> None:
    assert outlet_of(publisher, load_grades()) == outlet


@pytest.mark.parametrize(
    ("text", "own", "cites", "derived"),
    [
        (
            "The order came in January, said an insider cited by Daily NK.",
            "i24NEWS",
            ("Daily NK",),
            "Daily NK",
        ),
        (
            "Lawmakers were briefed by the spy agency, the Yonhap news agency reported Tuesday.",
            "The Kyiv Independent",
            ("Yonhap",),
            "Yonhap",
        ),
        (
            "Workers left, according to Radio Free Asia.",
            "NK News",
            ("Radio Free Asia",),
            "Radio Free Asia",
        ),
        (
            "Selections have ended, a source inside the country told Daily NK on Friday.",
            "Daily NK",
            (),
            None,
        ),
        ("The AP photo shows a train at the border.", "KBS", (), None),
    ],
)
def test_cohorts_citations_in_text(
    text: str, own: str, cites: tuple[str, ...], derived: str | None
) -> None:
    grades = load_grades()
    assert cited_publishers(text, own, grades)[0] == cites
    assert derivative_of(text, own, grades) == derived


def test_cohorts_own_earlier_report_is_noticed() -> None:
    grades = load_grades()
    assert cited_publishers(
        "More dispatches were planned, Daily NK reported last month.", "Daily NK", grades
    )[1]
    assert not cited_publishers("A source told Daily NK on Monday.", "Daily NK", grades)[1]


# --- corroboration, contradiction, credibility -----------------------------------------------------


def test_cohorts_independent_sources_corroborate() -> None:
    model = model_of_records([SECOND, RETOLD, INDEPENDENT])
    size = next(c for c in model.clusters if c.slot == "size")
    assert not size.contradiction
    assert size.sides[0].sources == ["Daily NK", "NK News"]
    assert size.sides[0].credibility == 1
    assert size.to_dict()["status"] == "corroborated"


def test_cohorts_conflict_cites_both_sides() -> None:
    model = model_of_records([SECOND, RETOLD, INDEPENDENT, RIVAL])
    [conflict] = model.conflicts
    assert (conflict.cohort, conflict.slot) == (f"{UA}/r2", "size")
    majority, minority = conflict.sides
    assert majority.value == (300, 300) and minority.value == (1500, 1500)
    assert RIVAL.events[0].key in minority.evidence
    assert RIVAL.quantities[0].key in minority.evidence
    assert INDEPENDENT.events[0].key in majority.evidence
    assert (majority.credibility, minority.credibility) == (2, 5)
    assert model.conflicts_dict()["conflicts"][0]["status"] == "contradiction"


def test_cohorts_departure_date_conflict() -> None:
    later = record(
        "The first round will leave for the occupied Donbas in late December, NK News was told.",
        published="2022-10-30",
        publisher="NK News",
        places=(("occupied Donbas", "Donbas", "UA", "destination"),),
        times=(("late December", "2022-12-21", "2022-12-31"),),
        events=(Ev("departure", "will leave", status="planned", round=1, time="late December"),),
    )
    model = model_of_records([FIRST, later])
    [conflict] = model.conflicts
    assert conflict.slot == "departure_date"
    assert {s.value for s in conflict.sides} == {
        ("2022-11-01", "2022-11-10"),
        ("2022-12-21", "2022-12-31"),
    }


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        (
            {
                "sources": 2,
                "best_grade": "C",
                "hedged": False,
                "unknown_certainty": False,
                "rival_sources": 0,
            },
            1,
        ),
        (
            {
                "sources": 2,
                "best_grade": "C",
                "hedged": True,
                "unknown_certainty": False,
                "rival_sources": 0,
            },
            3,
        ),
        (
            {
                "sources": 1,
                "best_grade": "B",
                "hedged": False,
                "unknown_certainty": False,
                "rival_sources": 0,
            },
            2,
        ),
        (
            {
                "sources": 1,
                "best_grade": "C",
                "hedged": False,
                "unknown_certainty": False,
                "rival_sources": 0,
            },
            3,
        ),
        (
            {
                "sources": 1,
                "best_grade": "C",
                "hedged": True,
                "unknown_certainty": False,
                "rival_sources": 0,
            },
            4,
        ),
        (
            {
                "sources": 1,
                "best_grade": "E",
                "hedged": False,
                "unknown_certainty": False,
                "rival_sources": 0,
            },
            4,
        ),
        (
            {
                "sources": 1,
                "best_grade": "F",
                "hedged": False,
                "unknown_certainty": False,
                "rival_sources": 0,
            },
            6,
        ),
        (
            {
                "sources": 1,
                "best_grade": "A",
                "hedged": False,
                "unknown_certainty": True,
                "rival_sources": 0,
            },
            6,
        ),
        (
            {
                "sources": 1,
                "best_grade": "A",
                "hedged": False,
                "unknown_certainty": False,
                "rival_sources": 2,
            },
            5,
        ),
        (
            {
                "sources": 1,
                "best_grade": "A",
                "hedged": False,
                "unknown_certainty": False,
                "rival_sources": 1,
            },
            4,
        ),
        (
            {
                "sources": 3,
                "best_grade": "C",
                "hedged": False,
                "unknown_certainty": False,
                "rival_sources": 1,
            },
            2,
        ),
    ],
)
def test_cohorts_credibility_rules(kwargs: dict[str, object], expected: int) -> None:
    assert credibility(**kwargs) == expected  # type: ignore[arg-type]


# --- grades -------------------------------------------------------------------------------------


def test_cohorts_shipped_grades_are_all_marked_default() -> None:
    raw = json.loads(
        (__import__("importlib").resources.files("tumen.data") / "source_grades.json").read_text()
    )
    assert "not" in raw["note"] and "fact" in raw["note"]
    assert raw["publishers"] and all(p["default"] is True for p in raw["publishers"])
    grades = load_grades()
    assert grades.grade("an outlet nobody listed") == "F"


def test_cohorts_grades_override_file(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "grades.json"
    path.write_text(
        json.dumps({"publishers": [{"name": "Daily NK", "grade": "B", "default": True}]})
    )
    grades = load_grades(path)
    assert grades.grade("Daily NK") == "B"
    assert not grades.is_default("Daily NK")  # an analyst's entry is never a default
    assert grades.grade("Yonhap") == load_grades().grade("Yonhap")
    monkeypatch.setenv("TUMEN_GRADES", str(path))
    assert load_grades().grade("Daily NK") == "B"
    path.write_text(json.dumps({"publishers": [{"name": "X", "grade": "Q"}]}))
    with pytest.raises(InputError):
        load_grades(path)


def test_cohorts_grade_moves_single_source_credibility(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "grades.json"
    path.write_text(json.dumps({"publishers": [{"name": "Daily NK", "grade": "A"}]}))
    graded = model_of_records([FIRST], grades=load_grades(path))
    default = model_of_records([FIRST])
    size = lambda m: next(c for c in m.clusters if c.slot == "size")  # noqa: E731
    assert (size(default).sides[0].credibility, size(graded).sides[0].credibility) == (3, 2)


# --- analyst operations -------------------------------------------------------------------------


def test_cohorts_rename_merge_split() -> None:
    records = list(ALL)
    renamed = model_of_records(records, overrides=(Override("rename", UA, name="Donbas 2022"),))
    assert renamed.programmes[0].name == "Donbas 2022"
    merged = model_of_records(records, overrides=(Override("merge", "kp-ru-202402", into=UA),))
    assert [p.id for p in merged.programmes] == [UA]
    assert RUSSIA_2024.report.id in merged.programmes[0].reports
    split = model_of_records(records, overrides=(Override("split", UA, at="2022-12-01"),))
    ids = [p.id for p in split.programmes]
    assert ids == [UA, f"{UA}~20221201", "kp-ru-202402"]
    assert RIVAL.report.id in split.programmes[1].reports
    assert FIRST.report.id in split.programmes[0].reports
    missing = model_of_records(records, overrides=(Override("rename", "nope", name="x"),))
    assert missing.notes and "skipped" in missing.notes[0]


def test_cohorts_irrelevant_report_forms_nothing() -> None:
    off = replace(FIRST, relevance=replace(FIRST.relevance, relevant=False))
    assert model_of_records([off]).programmes == []


# --- the development corpus, through the store and `tumen cohorts --as-of` -------------------------
# Expected values written by hand from reading the reports (Daily NK's 2022 series: a selection
# of 800 to 1,000 in Pyongyang from July, finished by mid-October, to leave in early November;
# a second round of about 300, six teams of about 50, planned from 1 November and completed by
# late November; another selection after a request for more; a possible third round).

from support import CORPUS, needs_corpus  # noqa: E402


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory):  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from tumen.cli import main

    db = tmp_path_factory.mktemp("corpus") / "corpus.db"
    runner = CliRunner()
    for gold_path in sorted(CORPUS.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        args = ["--db", f"sqlite:///{db}", "add", str(CORPUS / gold["doc"])]
        if gold["published"]:
            args += ["--published", gold["published"]]
        result = runner.invoke(main, args)
        assert result.exit_code == 0, result.output
    return db


def _view(db, as_of: str) -> dict:  # type: ignore[no-untyped-def, type-arg]
    from click.testing import CliRunner

    from tumen.cli import main

    out = CliRunner().invoke(
        main, ["--db", f"sqlite:///{db}", "cohorts", "--as-of", as_of, "--format", "json"]
    )
    assert out.exit_code == 0, out.output
    return json.loads(out.output)


def _donbas(view: dict) -> dict:  # type: ignore[type-arg]
    [programme] = [p for p in view["programmes"] if p["destination"] == "UA-OCC"]
    assert programme["origin"] == "KP"
    return {c["label"]: c for c in programme["cohorts"]}


def _size(cohort: dict) -> tuple:  # type: ignore[type-arg]
    return (cohort["size"]["min"], cohort["size"]["max"])


@needs_corpus
def test_cohorts_corpus_as_of_mid_october(corpus_db) -> None:  # type: ignore[no-untyped-def]
    view = _view(corpus_db, "2022-10-20")
    cohorts = _donbas(view)
    # Known by then: the AP story (September) and the finished selection of 800 to 1,000.
    assert (800, 1000) in [_size(c) for c in cohorts.values()]
    # The "about 300" of the second round was only reported on the 24th.
    assert all(_size(c) != (300, 300) for c in cohorts.values())
    assert "round 2" in cohorts  # a second round was already said to be intended
    assert "round 3" not in cohorts
    assert len([p for p in view["programmes"] if p["destination"] == "UA-OCC"][0]["reports"]) == 2
    # The 2021 report on workers in Russia is a programme of its own, years before.
    assert any(p["destination"] == "RU" and p["period"]["end"] < "2022" for p in view["programmes"])


@needs_corpus
def test_cohorts_corpus_as_of_end_of_october(corpus_db) -> None:  # type: ignore[no-untyped-def]
    cohorts = _donbas(_view(corpus_db, "2022-10-31"))
    assert _size(cohorts["round 1"]) == (800, 1000)
    assert _size(cohorts["round 2"]) == (300, 300)  # stated, and six teams of about 50
    assert cohorts["round 2"]["dates"]["selecting"]["start"] == "2022-11-01"
    assert "round 3" not in cohorts


@needs_corpus
def test_cohorts_corpus_as_of_end_of_november(corpus_db) -> None:  # type: ignore[no-untyped-def]
    view = _view(corpus_db, "2022-11-30")
    cohorts = _donbas(view)
    assert _size(cohorts["round 1"]) == (800, 1000)
    # Planned to leave in early November, still in North Korea at the end of the month.
    assert STAGES.index(cohorts["round 1"]["stage"]) <= STAGES.index("selected")
    assert cohorts["round 2"]["stage"] == "selected"  # the second round was completed
    assert _size(cohorts["round 2"]) == (300, 300)
    assert cohorts["round 3"]["stage"] == "announced"  # may be held, after checking revenue
    assert cohorts["additional selection"]["stage"] == "selecting"
    assert cohorts["additional selection"]["round"] is None
    assert len(view["undated"]) == 1  # the Kursk rewrite carries no date


@needs_corpus
@pytest.mark.parametrize("as_of", ["2022-10-20", "2022-10-31"])
def test_cohorts_corpus_round_two_only_announced_in_october(corpus_db, as_of: str) -> None:  # type: ignore[no-untyped-def]
    assert _donbas(_view(corpus_db, as_of))["round 2"]["stage"] == "announced"
