"""The most acc@161km any resolver over newsledger's gazetteer could reach on the geo gold sets.

For each gold toponym the scorer counts (GeoWebNews: literal types only) with a gold point, it asks whether
the gazetteer holds any entry named like the mention (or like the gold's own normalised name, a generous
extra chance) within 161 km of that point. A resolver that recognised every toponym and always picked the
right candidate would score exactly that share; anything missing from the gazetteer cannot be placed.
Aggregates only, per half (the held-out halves are not for tuning). Writes bench/out/geo_ceiling.json.
"""

from __future__ import annotations

import json
from pathlib import Path

from newsledger.eval.geo import LITERAL_TYPES, read_gold, split_of
from newsledger.geo.gazetteer import default_gazetteer
from newsledger.geo.resolve import distance_km

ROOT = Path(__file__).resolve().parent.parent
GEO = ROOT.parent / "shared" / "data" / "geo"
KM = 161


def ceiling(path: Path, gazetteer) -> dict[str, dict[str, float]]:  # type: ignore[no-untyped-def]
    counts: dict[str, list[int]] = {}
    for record in read_gold(path):
        half = counts.setdefault(split_of(record["id"]), [0, 0])
        for toponym in record["toponyms"]:
            if ("type" in toponym and toponym["type"] not in LITERAL_TYPES) or toponym.get("lat") is None:
                continue
            names = {toponym["text"], toponym.get("normalised_name") or toponym["text"]}
            reachable = any(distance_km(entry.lat, entry.lon, toponym["lat"], toponym["lon"]) <= KM
                            for name in names for entry, _ in gazetteer.lookup(name))
            half[0] += 1
            half[1] += reachable
    return {half: {"gold_with_point": n, "reachable": k, "ceiling_acc161": round(k / n, 3)}
            for half, (n, k) in sorted(counts.items())}


def main() -> None:
    if not GEO.exists():
        print(f"skipped: {GEO} is absent")
        return
    gazetteer = default_gazetteer()
    result = {name: ceiling(GEO / f"{name}.jsonl", gazetteer) for name in ("geowebnews", "tr_news")}
    for name, halves in result.items():
        for half, row in halves.items():
            print(f"{name:<11} {half:<8} {row['gold_with_point']:>5} toponyms, {row['reachable']:>5} reachable: "
                  f"ceiling acc@161km {row['ceiling_acc161']:.3f}")
    out = ROOT / "bench" / "out"
    out.mkdir(exist_ok=True)
    (out / "geo_ceiling.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
