#!/usr/bin/env bash
# Renders bibgraph's pictures and exports with real programs, for review and as a check:
#
#   - each historiograph SVG (Bourne to Portes, the whole graph, one concept) is checked
#     well-formed with xmllint, measured in headless Chromium (every text box from the
#     browser's own fonts: labels must not overlap, and each work's text must stay in its
#     box), and screenshotted to PNG;
#   - the DOT export is rendered with Graphviz's `dot` to SVG and PNG;
#   - the GraphML export is checked well-formed with xmllint;
#   - at slide size: each picture as PNG (resvg, 1,920 px) and PDF (svg2pdf), with the
#     readability check of tests/legibility.rs: for the lineage, one concept, the whole
#     graph and a HistCite historiograph of 30 works, the smallest text at 1,920 px wide is
#     at least 12 px, no name is cut short and every work is drawn (the figures are
#     printed); with ../shared, the HistCite picture of the Scopus RIS export is drawn too.
#
# It fails on any error. It installs chromium, graphviz, fonts-dejavu-core and
# libxml2-utils with apt-get if they are missing (as root, or through sudo). It is not part
# of .ci/run, which stays fast and offline.
#
# Usage: bash scripts/render-check.sh [OUT_DIR]     (default: target/render-check)
# Then look at OUT_DIR/*.png.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-target/render-check}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

need=()
command -v chromium >/dev/null || need+=(chromium)
command -v dot >/dev/null || need+=(graphviz)
command -v xmllint >/dev/null || need+=(libxml2-utils)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
if ((${#need[@]})); then
  echo "== installing ${need[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

echo "== building bibgraph"
cargo build --release --quiet
bin=target/release/bibgraph

fail() {
  echo "render-check: $*" >&2
  exit 1
}

chrome() {
  local profile
  profile="$(mktemp -d)"
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" "$@"
  local rc=$?
  rm -rf "$profile"
  return $rc
}

# The page that measures an SVG in the browser: every label's box as the browser draws it.
measure_page() {
  local svg="$1" page="$2"
  {
    echo '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0">'
    cat "$svg"
    cat <<'JS'
<script>
const svg = document.querySelector('svg');
const boxes = [], problems = [];
const inside = (b, r) => b.x >= r.x - 0.5 && b.y >= r.y - 0.5 && b.x + b.width <= r.x + r.width + 0.5 && b.y + b.height <= r.y + r.height + 0.5;
for (const g of svg.querySelectorAll('g.work')) {
  const r = g.querySelector('rect').getBBox();
  for (const t of g.querySelectorAll('text')) {
    if (!inside(t.getBBox(), r)) problems.push('text "' + t.textContent + '" leaves the box of ' + g.dataset.key);
  }
  boxes.push({name: 'work ' + g.dataset.key, b: r});
}
for (const t of svg.querySelectorAll('text:not(.work-label)')) boxes.push({name: '"' + t.textContent + '"', b: t.getBBox()});
const W = svg.width.baseVal.value, H = svg.height.baseVal.value;
for (const {name, b} of boxes) {
  if (b.x < 0 || b.y < 0 || b.x + b.width > W || b.y + b.height > H) problems.push(name + ' lies outside the picture');
}
boxes.sort((p, q) => p.b.x - q.b.x);
for (let i = 0; i < boxes.length; i++) {
  const a = boxes[i].b;
  for (let j = i + 1; j < boxes.length && boxes[j].b.x < a.x + a.width - 0.5; j++) {
    const b = boxes[j].b;
    if (a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5) problems.push(boxes[i].name + ' overlaps ' + boxes[j].name);
  }
}
const p = document.createElement('pre');
p.id = 'result';
p.textContent = 'MEASURED ' + boxes.length + ' labels, ' + problems.length + ' problems\n' + problems.join('\n');
document.body.appendChild(p);
</script></body></html>
JS
  } >"$page"
}

check_svg() {
  local name="$1" svg="$out/$1.svg" png="$out/$1.png" log
  log="$(mktemp)"
  xmllint --noout "$svg" || fail "$svg is not well-formed XML"
  local w h
  w="$(sed -n '1s/^<svg [^>]* width="\([0-9.]*\)".*/\1/p' "$svg")"
  h="$(sed -n '1s/^<svg [^>]* height="\([0-9.]*\)".*/\1/p' "$svg")"
  [ -n "$w" ] && [ -n "$h" ] || fail "$svg: no width and height on <svg>"

  measure_page "$svg" "$out/$name.measure.html"
  chrome --dump-dom "file://$out/$name.measure.html" >"$log" 2>/dev/null || fail "chromium could not load $svg"
  local result
  result="$(sed -n '/<pre id="result">/,/<\/pre>/p' "$log" | sed 's/<[^>]*>//g')"
  [ -n "$result" ] || fail "chromium did not measure $svg"
  echo "   $result" | head -20
  echo "$result" | head -1 | grep -q ', 0 problems$' || fail "$svg: labels overlap or leave their boxes in the browser"

  rm -f "$png"
  chrome --screenshot="$png" --window-size="$w,$h" "file://$svg" >"$log" 2>&1 || { cat "$log"; fail "chromium could not render $svg"; }
  [ -s "$png" ] || fail "chromium wrote no $png"
  local size
  size="$(od -An -tu1 -j16 -N8 "$png" | awk '{printf "%dx%d", $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8}')"
  [ "$size" = "${w}x${h}" ] || fail "$png is $size, expected ${w}x${h}"
  echo "   $svg: $(wc -c <"$svg") bytes, ${w}x${h} -> $png"
  rm -f "$log" "$out/$name.measure.html"
}

echo "== historiographs in chromium"
"$bin" lineage "Bourne 1916" "Portes et al. 1999" --format svg >"$out/bourne-to-portes.svg"
"$bin" graph --format svg >"$out/graph.svg"
"$bin" graph --concept transnationalism --format svg >"$out/graph-transnationalism.svg"
for name in bourne-to-portes graph graph-transnationalism; do
  check_svg "$name"
done

echo "== DOT export in graphviz"
"$bin" export --format dot >"$out/graph.dot"
dot_log="$(mktemp)"
dot -Tsvg "$out/graph.dot" -o "$out/graph-dot.svg" 2>"$dot_log" || { cat "$dot_log"; fail "dot failed on $out/graph.dot"; }
if grep -qi 'error' "$dot_log"; then
  cat "$dot_log"
  fail "dot reported errors on $out/graph.dot"
fi
[ -s "$dot_log" ] && { echo "   dot said:"; sed 's/^/     /' "$dot_log"; }
dot -Tpng "$out/graph.dot" -o "$out/graph-dot.png" 2>/dev/null || fail "dot -Tpng failed"
xmllint --noout "$out/graph-dot.svg" || fail "dot wrote malformed SVG"
echo "   $out/graph.dot: $(grep -c ' -> ' "$out/graph.dot") edge lines -> $out/graph-dot.svg, $out/graph-dot.png"
rm -f "$dot_log"

echo "== GraphML export"
"$bin" export --format graphml >"$out/graph.graphml"
xmllint --noout "$out/graph.graphml" || fail "$out/graph.graphml is not well-formed XML"
echo "   $out/graph.graphml: $(grep -c '<node ' "$out/graph.graphml") nodes, $(grep -c '<edge ' "$out/graph.graphml") edges"

echo "== Slide size: PNG and PDF through resvg and svg2pdf; smallest text at 1,920 px >= 12 px, no cut name"
"$bin" lineage "Bourne 1916" "Portes et al. 1999" -o "$out/bourne-to-portes-slide.png" 2>/dev/null || fail "PNG failed"
"$bin" graph --concept transnationalism -o "$out/transnationalism-slide.png" 2>/dev/null || fail "PNG failed"
"$bin" graph -o "$out/graph-slide.png" 2>/dev/null || fail "PNG failed"
"$bin" graph -o "$out/graph.pdf" 2>/dev/null || fail "PDF failed"
ris=../shared/data/bibexports/scopus-ris/wostools__scopus.ris
if [ -e "$ris" ]; then
  "$bin" histcite "$ris" -o "$out/histcite-scopus-slide.png" 2>/dev/null || fail "histcite PNG failed"
  "$bin" histcite "$ris" -o "$out/histcite-scopus.svg" 2>/dev/null || fail "histcite SVG failed"
  check_svg histcite-scopus
fi
for png in "$out"/*-slide.png; do
  [ "$(head -c 4 "$png" | od -An -c | tr -d ' ')" = "211PNG" ] || fail "$png is not a PNG"
done
# The figures come from the layout itself (every text line's size, the picture's width) for
# every kind of picture: the lineage, one concept, the whole graph and a HistCite
# historiograph of 30 works; the test fails on any text under 12 px at 1,920 px wide, on a
# cut name and on a work not drawn.
cargo test --release --quiet --test legibility -- --nocapture 2>&1 | grep -E 'px wide|panicked|FAILED' | sed 's/^\.*//; s/^/   /'
cargo test --release --quiet --test legibility >/dev/null 2>&1 || fail "a picture is not legible at 1,920 px, cuts a name or leaves a work out"

echo "render-check: ok; look at $out/*.png"
