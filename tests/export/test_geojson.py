"""GeoJSON export of places and routes: valid geometry a map library opens."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from shapely.geometry import LineString, Point, shape

from tumen.cli import main
from tumen.export.geojson import routes_geojson
from tumen.extract.pipeline import extract
from tumen.ingest.reader import ReportOverrides, read_report

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"
SEED = CORPUS / "000_6a9ecab408291826.txt"


@pytest.mark.skipif(not SEED.exists(), reason="development corpus not present")
def test_geojson_seed_route_loads_in_shapely() -> None:
    record = extract(read_report(SEED, ReportOverrides(published="2022-11-28")))
    collection = json.loads(json.dumps(routes_geojson(record)))  # survives JSON
    assert collection["type"] == "FeatureCollection"
    lines = [f for f in collection["features"] if f["geometry"]["type"] == "LineString"]
    points = [f for f in collection["features"] if f["geometry"]["type"] == "Point"]
    assert {"name", "role", "precision", "report", "span"} <= set(points[0]["properties"])
    for feature in points:
        geom = shape(feature["geometry"])
        assert isinstance(geom, Point) and geom.is_valid
        assert -180 <= geom.x <= 180 and -90 <= geom.y <= 90

    trunk = [f for f in lines if f["properties"]["branch"] == 0]
    geoms = [shape(f["geometry"]) for f in trunk]
    assert all(isinstance(g, LineString) and g.is_valid for g in geoms)
    # Pyongyang -> Tumangang -> Khasan -> Ussuriysk -> Khabarovsk, joined end to start.
    for a, b in zip(geoms, geoms[1:], strict=False):
        assert a.coords[-1] == b.coords[0]
    start = Point(geoms[0].coords[0])
    assert start.distance(Point(125.7381, 39.0194)) < 0.01  # Pyongyang, [lon, lat]
    end = Point(geoms[-1].coords[-1])
    assert end.distance(Point(135.083, 48.483)) < 0.01  # Khabarovsk

    branches = [f for f in lines if f["properties"]["branch"] > 0]
    ussuriysk = Point(131.967, 43.8)
    assert len(branches) == 3
    for feature in branches:
        assert Point(shape(feature["geometry"]).coords[0]).distance(ussuriysk) < 0.01
        keys = {f["properties"]["from"] for f in branches}
        assert len(keys) == 1
    # Magadan lies north-east, Moscow far west of the split.
    ends = sorted(shape(f["geometry"]).coords[-1][0] for f in branches)
    assert ends[0] < 40 and ends[-1] > 150

    text = record.report.text
    for feature in lines:
        s, e = feature["properties"]["evidence_span"]
        assert 0 <= s < e <= len(text)


def test_geojson_unresolved_place_has_no_point(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("Workers were sent to Zzyzxgrad and to Moscow.", encoding="utf-8")
    record = extract(read_report(path))
    names = [f["properties"]["name"] for f in routes_geojson(record)["features"]]
    assert "Moscow" in names and "Zzyzxgrad" not in names


@pytest.mark.skipif(not SEED.exists(), reason="development corpus not present")
def test_cli_routes_prints_geojson() -> None:
    args = ["routes", str(SEED), "--format", "geojson", "--published", "2022-11-28"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert any(f["geometry"]["type"] == "LineString" for f in data["features"])


def test_cli_routes_without_a_store_is_a_store_error(tmp_path: Path) -> None:
    """Neither a file nor a stored id: the store says it has no such report, in one line."""
    url = f"sqlite:///{tmp_path / 'absent.db'}"
    result = CliRunner().invoke(main, ["--db", url, "routes", "no-such-report"])
    assert result.exit_code == 3
    assert "no store" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_cli_place_json() -> None:
    result = CliRunner().invoke(main, ["place", "Khasan", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["candidates"][0]["country"] == "RU"
    assert data["candidates"][0]["gazetteer"] == "tumen:khasan"
