#!/usr/bin/env bash
# Scores bibgraph's reference parser on the AnyStyle-derived development set in
# ../shared/data/refparse-dev with ../shared/tools/score-refs.py.
#
#   scripts/eval-refs.sh                 # the author-date set (558 references)
#   scripts/eval-refs.sh anystyle-core   # the whole set (1,514)
#
# The data stays outside the repository; predictions go to a temporary directory.
set -euo pipefail
cd "$(dirname "$0")/.."
set_name="${1:-anystyle-core-authordate}"
data="../shared/data/refparse-dev/${set_name}.jsonl"
scorer="../shared/tools/score-refs.py"
[ -f "$data" ] || { echo "error: $data not found (it lives in ../shared, beside the repository)" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cargo build --release --quiet
python3 -c 'import json,sys
for line in open(sys.argv[1]):
    print(json.loads(line)["raw"].replace("\n"," "))' "$data" > "$tmp/raw.txt"
./target/release/bibgraph refs parse "$tmp/raw.txt" --one-per-line --format csl-json --quiet > "$tmp/pred.json"
python3 - "$data" "$tmp/pred.json" > "$tmp/pred.jsonl" <<'PY'
import json, sys
gold = [json.loads(l) for l in open(sys.argv[1])]
pred = json.load(open(sys.argv[2]))
assert len(gold) == len(pred), (len(gold), len(pred))
for g, p in zip(gold, pred):
    fields = {k: v for k, v in p.items() if k not in ("id", "type", "custom")}
    # The gold data keeps particles in the family name (`van der Pol`); CSL splits them off.
    for role in ("author", "editor"):
        for n in fields.get(role, []):
            if "non-dropping-particle" in n:
                n["family"] = n.pop("non-dropping-particle") + " " + n["family"]
    if "issued" in p and "date-parts" in p["issued"]:
        fields["year"] = str(p["issued"]["date-parts"][0][0])
    fields.pop("issued", None)
    print(json.dumps({"id": g["id"], "fields": fields}, ensure_ascii=False))
PY
python3 "$scorer" "$data" "$tmp/pred.jsonl"
