#!/usr/bin/env bash
# Fuzzes every parser: `scripts/fuzz.sh MINUTES [TARGET...]` runs each target (all by
# default) for MINUTES minutes (a decimal such as 0.5 is fine), one after the other, on the
# stable toolchain without sanitizers (`cargo fuzz run TARGET -O -s none`), starting from
# the seeds in fuzz/seeds/TARGET and what earlier runs kept in fuzz/corpus/TARGET (ignored
# by git). Each target checks invariants besides "no panic" (fuzz/src/lib.rs).
#
# Then it times every input kept, each repeated to at least 100 KB, and prints per target:
# runs, coverage (libFuzzer's `cov` and `ft`), the corpus size and the slowest input in ms
# per 100 KB. It fails if a target crashed (the input is in fuzz/artifacts/TARGET/) or if an
# input took over 100 ms per 100 KB.
#
# Installs cargo-fuzz if it is missing. Not part of .ci/run. Logs go to fuzz/logs/ (ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
minutes="${1:?usage: scripts/fuzz.sh MINUTES [TARGET...]}"
shift
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(bibtex csl_json yaml_corpus refs cites decode)
fi
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
seconds=$(awk -v m="$minutes" 'BEGIN { s = int(m * 60); print (s < 1 ? 1 : s) }')
mkdir -p fuzz/logs
status=0
summary=()
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t"
  log="fuzz/logs/$t.log"
  echo "== $t: ${seconds} s"
  if ! (cd fuzz && cargo fuzz run "$t" -O -s none "corpus/$t" "seeds/$t" -- \
      -max_total_time="$seconds" -max_len=16384 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1) >"$log" 2>&1; then
    echo "crash in $t: see $log and fuzz/artifacts/$t/" >&2
    tail -30 "$log" >&2
    status=1
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -1)
  corpus=$(ls "fuzz/corpus/$t" | wc -l)
  # Slowest input per 100 KB: every kept input repeated to at least 100 KB, timed by the
  # fuzz binary itself (it prints `Executed FILE in N ms` for each file given).
  big="fuzz/logs/$t-100k"
  rm -rf "$big"
  mkdir -p "$big"
  python3 - "$big" fuzz/corpus/"$t" fuzz/seeds/"$t" <<'EOF'
import os, sys
out = sys.argv[1]
for d in sys.argv[2:]:
    for name in os.listdir(d):
        data = open(os.path.join(d, name), "rb").read()
        if data:
            open(os.path.join(out, name), "wb").write(data * -(-102400 // len(data)))
EOF
  bin="fuzz/target/x86_64-unknown-linux-gnu/release/$t"
  slowest="n/a"
  if [ -x "$bin" ] && [ -n "$(ls "$big")" ]; then
    timing="fuzz/logs/$t-timing.log"
    find "$big" -type f -print0 | xargs -0 -n 200 "$bin" -timeout=60 -rss_limit_mb=4096 >"$timing" 2>&1 || {
      echo "an input repeated to 100 KB failed in $t: see $timing" >&2
      status=1
    }
    slowest=$(awk '/^Executed / { f = $2; ms = $4; cmd = "stat -c %s " f; cmd | getline size; close(cmd);
                 r = ms * 102400 / size; if (r > max) { max = r; at = f } }
               END { printf "%.0f ms per 100 KB (%s)", max, at }' "$timing")
    worst=$(echo "$slowest" | grep -o '^[0-9]*')
    if [ "${worst:-0}" -gt 100 ]; then
      echo "slow input in $t: $slowest" >&2
      status=1
    fi
  fi
  summary+=("$t: ${runs:-?} runs, ${cov:-cov ?}, corpus $corpus inputs, slowest $slowest")
done
echo "== summary ($minutes min per target)"
printf '%s\n' "${summary[@]}"
exit $status
