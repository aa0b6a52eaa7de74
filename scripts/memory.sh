#!/usr/bin/env bash
# Peak memory and time of `bibgraph --corpus FILE check` on generated files of each kind:
# `scripts/memory.sh [MB...]` (default 10 100) writes a .bib, a CSL-JSON .json, a YAML corpus
# .yaml and a reference list .txt of about MB megabytes each into target/memory/, runs the
# release binary on each under /usr/bin/time -v, and prints size, wall time, peak resident
# memory and its ratio to the file's size. The inputs are generated (made-up names and titles),
# never taken from outside data. Not part of CI; figures in docs/reliability.md.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10 100)
cargo build --release --quiet
out=target/memory
mkdir -p "$out"
for mb in "${sizes[@]}"; do
  python3 - "$out" "$mb" <<'EOF'
import sys, json
out, mb = sys.argv[1], int(sys.argv[2])
target = mb * 1_000_000
families = ["Abara", "Bello", "Castro", "Dunmore", "Eklund", "Fairweather", "Goldberg", "Huang", "Ibsen", "Jansen"]
words = ["migration", "networks", "of", "the", "transnational", "state", "diaspora", "politics", "home", "and", "remittances", "memory"]

def title(i):
    return " ".join(words[(i * k + k) % len(words)] for k in range(1, 8)).capitalize()

def name(i):
    return families[i % 10] + ("" if i < 10 else str(i // 10 % 1000)), "ABCDEFGH"[i % 8]

def write(path, make):
    with open(path, "w") as f:
        n, i = 0, 0
        while n < target:
            s = make(i)
            f.write(s)
            n += len(s.encode())
            i += 1
    return i

write(f"{out}/{mb}mb.bib", lambda i: "@article{k%d,\n  author = {%s, %s. and %s, %s.},\n  title = {%s},\n  journal = {Journal of %s},\n  year = %d,\n  volume = %d,\n  pages = {%d--%d},\n  abstract = {%s}\n}\n%% comment %d\n" % (
    i, *name(i), *name(i + 3), title(i), title(i + 1).split()[0], 1900 + i % 120, i % 60, i % 300, i % 300 + 20, title(i + 2) * 3, i))

def csl(i):
    f, g = name(i)
    item = {"id": f"k{i}", "type": "article-journal", "title": title(i), "author": [{"family": f, "given": g}],
            "container-title": "Journal of " + title(i + 1).split()[0], "issued": {"date-parts": [[1900 + i % 120]]},
            "volume": str(i % 60), "page": f"{i % 300}-{i % 300 + 20}", "abstract": title(i + 2) * 3}
    return ("[\n" if i == 0 else ",\n") + json.dumps(item)
n = write(f"{out}/{mb}mb.json", csl)
with open(f"{out}/{mb}mb.json", "a") as fh:
    fh.write("\n]\n")

def yaml_work(i):
    f, g = name(i)
    head = "works:\n" if i == 0 else ""
    return head + f"  - key: w{i}\n    type: article-journal\n    authors:\n      - family: {f}\n        given: {g}\n    year: {1900 + i % 120}\n    title: {title(i)}\n    container-title: Journal of {title(i + 1).split()[0]}\n    provenance:\n      source: w0\n      locator: p. {i % 300}\n      note: generated work {i}\n"
write(f"{out}/{mb}mb.yaml", yaml_work)

def ref(i):
    f, g = name(i)
    f2, g2 = name(i + 7)
    return f"- {f} {g} and {f2} {g2} ({1900 + i % 120}) {title(i)}. Journal of {title(i + 1).split()[0]} {i % 60}({i % 4 + 1}): {i % 300}–{i % 300 + 20}.\n"
write(f"{out}/{mb}mb.txt", ref)
EOF
done
printf '%-14s %10s %10s %12s %8s %s\n' file MB seconds "peak MB" ratio result
for mb in "${sizes[@]}"; do
  for ext in bib json yaml txt; do
    f="$out/${mb}mb.$ext"
    log="$out/${mb}mb.$ext.time"
    if /usr/bin/time -v target/release/bibgraph --corpus "$f" check >"$out/${mb}mb.$ext.out" 2>"$log"; then
      result=ok
    else
      result="failed: $(grep -m1 '^error' "$log" || true)"
    fi
    size=$(stat -c %s "$f")
    rss=$(grep 'Maximum resident' "$log" | grep -o '[0-9]*$')
    wall=$(grep 'Elapsed (wall' "$log" | grep -o '[0-9:.]*$')
    awk -v f="$(basename "$f")" -v s="$size" -v r="$rss" -v w="$wall" -v res="$result" 'BEGIN {
      n = split(w, p, ":"); sec = (n == 3) ? p[1] * 3600 + p[2] * 60 + p[3] : p[1] * 60 + p[2];
      printf "%-14s %10.1f %10.2f %12.1f %8.1f %s\n", f, s / 1e6, sec, r * 1024 / 1e6, r * 1024 / s, res }'
  done
done
