"""Build ``en_cameo.yaml``: English PLOVER triggers from the CAMEO verb dictionary (an opt-in lexicon layer).

The layer is not shipped with warta: it is derived from ``../shared/data/actor-dictionaries`` (which is
not to be copied into the project; the conversion table is share-alike), and by hand 2 of its 38 events
in an English news sample were right (docs/events.md). Build it locally and pass its path:
``RuleCoder(lexicon_layers=("/path/to/en_cameo.yaml",))``.

Source: PETRARCH2's ``CAMEO.2.0.txt`` (MIT; verb synonym blocks with a CAMEO code and verb + object
patterns) mapped to PLOVER with ``CAMEO2PLOVER-2021.txt`` (CC BY-SA 4.0), both under
``../shared/data/actor-dictionaries``. The output is a *fallback* layer: the English lexicon loads it after
its own entries and keeps a hand-written entry wherever both name the same form (see ``lexicon.py``).

Rules (general, nothing read from the evaluation data):
* a verb line with a code, or a block whose header has one, gives ``verb`` entries (regular forms generated,
  the irregular forms in ``{…}`` listed as ``active``);
* a pattern ``- * OBJECT … [code]`` gives the phrases ``FORM * OBJECT …`` for every form of every verb of
  the block (stored once per block: ``patterns: [{verbs: [forms], objects: {TYPE[/mode]: [objects]}}]``) (``&SET`` names are expanded, at most MAX_SET members; parentheses and braces are flattened);
  patterns with words before the verb are skipped;
* CAMEO 01 (statements) is not a PLOVER event and is skipped; CAMEO 02 (appeal) is PLOVER REQUEST
  (PLOVER merges CAMEO appeals and demands); the rest follows the conversion table; a pattern code
  ``A:B`` uses A.

Usage:
    python scripts/build_cameo_lexicon.py ../shared/data [OUTPUT]   # default ~/.cache/warta/en_cameo.yaml
"""
from __future__ import annotations

import gzip
import os
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from warta.coding.lexicon import en_inflect  # noqa: E402

OUT = Path(os.environ.get("WARTA_CACHE_DIR") or Path.home() / ".cache" / "warta") / "en_cameo.yaml"
VERB_FILE = ("actor-dictionaries", "petrarch2-phoenix", "CAMEO.2.0.txt.gz")
TABLE_FILE = ("actor-dictionaries", "plover-spec", "CAMEO2PLOVER-2021.txt")
#: CAMEO roots that PLOVER does not code, and those the conversion table leaves out
SKIP_ROOTS = ("01",)
EXTRA_ROOTS = {"02": ("REQUEST", None)}
MAX_SET = 25
MAX_OBJECT_WORDS = 3
VERB_WEIGHT = 0.4
PATTERN_WEIGHT = 0.5
WORD_RE = re.compile(r"^[a-z][a-z' -]*$")
CODE_RE = re.compile(r"\[([0-9]{2,4})(?::[0-9]+)?\]")


def read_table(path: Path) -> dict[str, tuple[str, str | None]]:
    """CAMEO code → (PLOVER type, mode)."""
    table: dict[str, tuple[str, str | None]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if not line or ":" not in line:
            continue
        code, rest = line.split(":", 1)
        parts = [p.strip() for p in rest.split(",")]
        if parts and parts[0].isupper():
            table.setdefault(code.strip(), (parts[0], (parts[1] or None) if len(parts) > 1 else None))
    return table


def plover(code: str, table: dict[str, tuple[str, str | None]]) -> tuple[str, str | None] | None:
    if code.startswith(SKIP_ROOTS):
        return None
    for k in range(len(code), 1, -1):
        if code[:k] in table:
            return table[code[:k]]
    return EXTRA_ROOTS.get(code[:2])


def words_of(token: str) -> list[str]:
    return [w for w in token.lower().replace("_", " ").split() if w]


def parse(path: Path):
    """Yield ('verb', forms, code) and ('pattern', verbs' forms, object words, code) from the dictionary."""
    sets: dict[str, list[str]] = {}
    blocks: list[dict] = []
    cur_set = None
    with gzip.open(path, "rt", encoding="utf-8", errors="replace") as fh:
        lines = fh.read().splitlines()
    for raw in lines:
        line = raw.split("#")[0].rstrip()
        if not line.strip():
            cur_set = None
            continue
        if line.startswith("&"):
            cur_set = line.split()[0]
            sets[cur_set] = []
            continue
        if cur_set and line.startswith("+"):
            sets[cur_set].append(" ".join(words_of(line[1:])))
            continue
        if line.startswith("---"):
            m = CODE_RE.search(line)
            blocks.append({"code": m.group(1) if m else None, "verbs": [], "patterns": []})
            continue
        if not blocks:
            continue
        block = blocks[-1]
        if line.startswith("-"):
            m = CODE_RE.search(line)
            if m:
                body = line[1:line.index("[")].strip()
                block["patterns"].append((body, m.group(1)))
            continue
        m = CODE_RE.search(line)
        head = line.split("[")[0]
        irregular = re.findall(r"\{([^}]*)\}", head)
        base = re.sub(r"\{[^}]*\}", "", head).strip().lstrip("+")
        if not base or not re.match(r"^[A-Z][A-Z_'-]*$", base):
            continue
        forms = [" ".join(words_of(f.lstrip("+"))) for f in (irregular[0].split() if irregular else [])]
        forms = [f for f in forms if WORD_RE.match(f)]
        block["verbs"].append((" ".join(words_of(base)), forms, m.group(1) if m else None))
    return sets, blocks


def verb_forms(base: str, irregular: list[str]) -> list[str]:
    if " " in base:  # a particle verb: inflect the first word
        head, rest = base.split(" ", 1)
        return [f"{f} {rest}" for f in en_inflect(head)] + irregular
    return list(en_inflect(base)) + irregular


def expand(body: str, sets: dict[str, list[str]]) -> list[list[str]] | None:
    """Object word sequences after the verb of a pattern body (None when it has words before ``*``)."""
    body = body.replace("(", " ").replace(")", " ").replace("{", " ").replace("}", " ")
    toks = body.split()
    if not toks or toks[0] != "*":
        return None
    seqs: list[list[str]] = [[]]
    for tok in toks[1:]:
        tok = tok.strip("$+%@^")
        if not tok or tok == "*":
            continue
        if tok.startswith("&"):
            members = sets.get(tok, [])[:MAX_SET]
            if not members:
                return None
            seqs = [s + m.split() for s in seqs for m in members]
        else:
            seqs = [s + words_of(tok) for s in seqs]
    seqs = [s for s in seqs if 0 < len(s) <= MAX_OBJECT_WORDS]
    return seqs or None


def build(data: Path) -> dict:
    table = read_table(data.joinpath(*TABLE_FILE))
    sets, blocks = parse(data.joinpath(*VERB_FILE))
    verbs: dict[tuple[str, str | None], dict[str, list[str]]] = defaultdict(lambda: {"verb": [], "active": []})
    patterns = []
    for block in blocks:
        for base, irr, code in block["verbs"]:
            code = code or block["code"]
            pv = plover(code, table) if code else None
            if pv is None:
                continue
            if " " in base:
                verbs[pv]["active"].extend(verb_forms(base, irr))
            else:
                verbs[pv]["verb"].append(base)
                verbs[pv]["active"].extend(irr)
        objects: dict[str, list[str]] = defaultdict(list)
        for body, code in block["patterns"]:
            pv = plover(code, table)
            seqs = expand(body, sets)
            if pv is None or not seqs:
                continue
            label = pv[0] + (f"/{pv[1]}" if pv[1] else "")
            for seq in seqs:
                obj = " ".join(seq)
                if obj not in objects[label]:
                    objects[label].append(obj)
        forms = sorted({f for base, irr, _ in block["verbs"] for f in verb_forms(base, irr) if " " not in f})
        if objects and forms:
            patterns.append({"verbs": forms, "objects": dict(objects)})
    triggers = []
    for (typ, mode), v in sorted(verbs.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        entry = {"verb": sorted(set(v["verb"])), "active": sorted(set(v["active"]) - set(v["verb"])), "type": typ,
                 "weight": VERB_WEIGHT}
        if mode:
            entry["mode"] = mode
        triggers.append({k: val for k, val in entry.items() if val != []})
    return {"version": "1", "pattern_weight": PATTERN_WEIGHT, "triggers": triggers, "patterns": patterns}


def write_layer(data: Path, path: Path) -> dict:
    """Build the layer from ``data`` (the shared data folder) into ``path``; returns the layer."""
    import yaml

    out = build(data)
    header = ("# GENERATED by scripts/build_cameo_lexicon.py from PETRARCH2 CAMEO.2.0.txt (MIT) and\n"
              "# CAMEO2PLOVER-2021.txt (CC BY-SA 4.0). Do not edit: rebuild. A fallback layer under en.yaml.\n")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(header + yaml.safe_dump(out, sort_keys=False, allow_unicode=True, width=120), encoding="utf-8")
    return out


def main() -> None:
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data"
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else OUT
    out = write_layer(data, target)
    n_forms = sum(len(t.get("verb", [])) + len(t.get("active", [])) for t in out["triggers"])
    n_obj = sum(len(o) for p in out["patterns"] for o in p["objects"].values())
    print(f"{target}: {n_forms} verbs and phrases, {len(out['patterns'])} verb blocks with {n_obj} objects")


if __name__ == "__main__":
    main()
