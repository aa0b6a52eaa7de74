#!/usr/bin/env bash
# Loads every .bib file that Debian's texlive-bibtex-extra and texlive-base packages ship,
# with bibgraph and with the biblatex crate's own parser, and prints a Markdown table:
# file, entries found by bibgraph's splitter, works loaded, entries skipped, warnings, and
# what the crate's Bibliography::parse makes of the file.
#
# Installs the two packages with apt-get if they are missing (run as root). Not part of CI.
# The .bib files stay where Debian puts them; nothing is copied into the repository.
#
# It fails unless every file loads, at least 99 % of each file's entries become works, and
# every skipped entry has a located diagnostic.
#
# Usage: scripts/bib-survey.sh
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(texlive-bibtex-extra texlive-base)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}" >&2
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

cargo build --release --quiet --bin bibgraph --example bib_parse_crate
bin=target/release/bibgraph
crate=target/release/examples/bib_parse_crate

mapfile -t files < <(dpkg -L "${packages[@]}" | grep '\.bib$' | sort)
if [ ${#files[@]} -eq 0 ]; then
  echo "error: no .bib files in ${packages[*]}" >&2
  exit 1
fi

echo "| file | entries | works | skipped | warnings | biblatex crate |"
echo "|---|---:|---:|---:|---:|---|"
failed=0
total_entries=0
total_works=0
total_skipped=0
for f in "${files[@]}"; do
  short=${f#/usr/share/texlive/texmf-dist/bibtex/bib/}
  short=${short#/usr/share/doc/texlive-doc/}
  if ! out=$("$bin" --corpus "$f" check --notes 2>&1); then
    echo "| $short | load failed: $(echo "$out" | head -1) | | | | |"
    failed=1
    continue
  fi
  # "FILE: N entries, N works, N skipped, N warnings"
  read -r entries works skipped warnings < <(echo "$out" | grep -F "$f: " | head -1 |
    sed -E 's/.*: ([0-9]+) entries, ([0-9]+) works, ([0-9]+) skipped, ([0-9]+) warnings/\1 \2 \3 \4/')
  # Each skipped entry's diagnostic says so and carries file:line:column.
  located=$(echo "$out" | grep -E "(the entry is skipped|this entry is skipped).* at $f:[0-9]+:[0-9]+" -c || true)
  crate_out=$("$crate" "$f" 2>&1 | tail -1) && crate_result="reads ${crate_out##*: }" || {
    status=$?
    if [ $status -gt 128 ]; then crate_result="crashes (signal $((status - 128)))"; else crate_result="rejects: ${crate_out#"$f": error: }"; fi
  }
  echo "| $short | $entries | $works | $skipped | $warnings | $crate_result |"
  total_entries=$((total_entries + entries))
  total_works=$((total_works + works))
  total_skipped=$((total_skipped + skipped))
  if [ "$entries" -gt 0 ] && [ $((works * 100)) -lt $((entries * 99)) ]; then
    echo "error: $f: only $works of $entries entries became works" >&2
    failed=1
  fi
  if [ "$located" -lt "$skipped" ]; then
    echo "error: $f: $skipped entries skipped but $located located diagnostics say so" >&2
    failed=1
  fi
done
echo
echo "${#files[@]} files: $total_entries entries, $total_works works, $total_skipped skipped"
exit $failed
