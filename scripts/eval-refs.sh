#!/usr/bin/env bash
# Scores bibgraph's reference parsers on the AnyStyle-derived development set in
# ../shared/data/refparse-dev with ../shared/tools/score-refs.py.
#
#   scripts/eval-refs.sh                 # the author-date set (558 references)
#   scripts/eval-refs.sh anystyle-core   # the whole set (1,514)
#   scripts/eval-refs.sh anystyle-core --no-cv   # without the cross-validation
#
# It prints, one after the other:
#   1. the rules alone (`--parser rules-only`), tuned on this set;
#   2. the default (`--parser rules`: the rules, and the learned model for entries they
#      cannot read);
#   3. the embedded learned model (`--parser learned`); it was trained on this set, so this
#      figure is not a held-out one;
#   4. the learned model cross-validated: 5 folds over all 1,514 references, each scored by
#      a model trained on the other four plus the generated references
#      (`cargo run --release --example train-refparse -- --cv 5`), scored on the chosen set.
#      This is the held-out figure. It retrains five times (see docs/refparse.md for the time).
#
# The data stays outside the repository (set BIBGRAPH_SHARED if ../shared is elsewhere);
# predictions go to a temporary directory.
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${BIBGRAPH_SHARED:-../shared}"
set_name="${1:-anystyle-core-authordate}"
cv=yes
[ "${2:-}" = "--no-cv" ] && cv=no
data="$shared/data/refparse-dev/${set_name}.jsonl"
scorer="$shared/tools/score-refs.py"
[ -f "$data" ] || { echo "error: $data not found (it lives in ../shared, beside the repository, or under \$BIBGRAPH_SHARED)" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cargo build --release --quiet --bin bibgraph
python3 -c 'import json,sys
for line in open(sys.argv[1]):
    print(json.loads(line)["raw"].replace("\n"," "))' "$data" > "$tmp/raw.txt"

# CSL-JSON predictions (an array in the gold order, or items carrying the gold `id`) to the
# scorer's format.
convert() {
python3 - "$data" "$1" <<'PY'
import json, sys
gold = [json.loads(l) for l in open(sys.argv[1])]
pred = json.load(open(sys.argv[2]))
by_id = {p.get("id"): p for p in pred if isinstance(p, dict)}
if all(g["id"] in by_id for g in gold):
    pred = [by_id[g["id"]] for g in gold]
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
}

for parser in rules-only rules learned; do
  case $parser in
    rules-only) title="rules only (tuned on this set)" ;;
    rules) title="default: rules, the learned model where they find no head" ;;
    learned) title="embedded learned model (trained on this set: not held out)" ;;
  esac
  ./target/release/bibgraph refs parse "$tmp/raw.txt" --one-per-line --format csl-json --quiet --parser "$parser" > "$tmp/pred.json"
  convert "$tmp/pred.json" > "$tmp/pred.jsonl"
  echo "# $title"
  python3 "$scorer" "$data" "$tmp/pred.jsonl"
  echo
done

if [ "$cv" = yes ]; then
  cargo build --release --quiet --example train-refparse
  BIBGRAPH_SHARED="$shared" ./target/release/examples/train-refparse --cv 5 --cv-only --pred "$tmp/cv.json" \
    --dev "$shared/data/refparse-dev/anystyle-core.jsonl" ${TRAIN_OPTIONS:-}
  convert "$tmp/cv.json" > "$tmp/cv.jsonl"
  echo "# learned model, 5-fold cross-validated (trained on four folds of all 1,514 plus generated references)"
  python3 "$scorer" "$data" "$tmp/cv.jsonl"
fi
