#!/usr/bin/env bash
# Replays a newcomer's first hour (issue 15) and prints, for each command, its exit code and
# the first line of its output (standard output; else standard error, marked `stderr:`; for a
# command that writes a file with -o, the file's size and first bytes). No line may be empty:
# the script fails if any command gives no output at all.
#
#   bash scripts/newcomer.sh            # uses target/debug/bibgraph (built if missing)
#   BIBGRAPH=target/release/bibgraph bash scripts/newcomer.sh
#
# The tools a newcomer has (pandoc, biber, Graphviz, Python's networkx) are used when
# installed; `--install` installs them first (apt-get, as root). The output as of the last run
# is in docs/newcomer.txt.
set -u
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--install" ]; then
    apt-get install -y --no-install-recommends pandoc biber graphviz python3-networkx \
        texlive-bibtex-extra texlive-latex-recommended >/dev/null
fi
BIN=${BIBGRAPH:-target/debug/bibgraph}
[ -x "$BIN" ] || cargo build --quiet || exit 1
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
empty=0

# run LABEL COMMAND...: exit code and first line.
run() {
    local label=$1
    shift
    (cd "$W" && "$@" >"$W/.out" 2>"$W/.err")
    local code=$?
    local first
    first=$(grep -m1 -v '^[[:space:]]*$' "$W/.out" | cut -c1-150)
    if [ -z "$first" ]; then
        first=$(grep -m1 -v '^[[:space:]]*$' "$W/.err" | cut -c1-150)
        [ -n "$first" ] && first="stderr: $first"
    fi
    if [ -z "$first" ]; then
        first="(NO OUTPUT)"
        empty=$((empty + 1))
    fi
    printf '%-4s %-44s %s\n' "$code" "$label" "$first"
}

# file LABEL PATH: what a command wrote with -o.
file() {
    if [ -s "$W/$2" ]; then
        printf '%-4s %-44s %s\n' "-" "$1" "$2: $(wc -c <"$W/$2") bytes, starts $(head -c 8 "$W/$2" | tr -c '[:print:]' '.')"
    else
        printf '%-4s %-44s %s\n' "-" "$1" "(NO FILE $2)"
        empty=$((empty + 1))
    fi
}

B=$BIN
# Files a newcomer has lying around.
printf 'TY  - JOUR\nAU  - Lamport, Leslie\nTI  - Time, clocks, and the ordering of events\nPY  - 1978\nER  - \n' >"$W/my.ris"
printf '@book{knuth:ct:a, author = {Knuth, Donald E.}, title = {The {\\TeX}book}, year = 1984}\n' >"$W/X.BIB"
printf 'Bourne R (1916) Trans-national America. The Atlantic Monthly 118(1): 86-97.\n' >"$W/REFS.TXT"
mkdir -p "$W/mine/sub" && cp "$W/X.BIB" "$W/mine/sub/" && cp "$W/my.ris" "$W/mine/"
printf 'remember to ask Anna about chapter 3\n' >"$W/mine/notes.txt"
printf 'editor: vim\ntheme: dark\n' >"$W/mine/config.yaml"
cp -r corpus/waldinger-2011 "$W/with-mine"
printf 'Bourne R (1916) Trans-national America. The Atlantic Monthly 118(1): 86-97.\nKnuth DE (1984) The TeXbook. Reading, MA: Addison-Wesley.\n' >"$W/with-mine/mine.txt"

echo "# 1. Files of any type and case; folders with subfolders; stray files"
run "--corpus my.ris check" $B --corpus my.ris check
run "--corpus X.BIB check" $B --corpus X.BIB check
run "--corpus REFS.TXT check" $B --corpus REFS.TXT check
run "--corpus mine/ check (subfolder, stray files)" $B --corpus mine check
run "--corpus mine/notes.txt work bourne" $B --corpus mine/notes.txt work bourne
cp README.md "$W/README.md"
run "--corpus README.md check" $B --corpus README.md check

echo "# 2. pandoc's CSL-JSON"
TEXBOOK=$(kpsewhich texbook1.bib 2>/dev/null)
if command -v pandoc >/dev/null && [ -n "$TEXBOOK" ]; then
    pandoc --from=bibtex --to=csljson "$TEXBOOK" -o "$W/texbook1.json" 2>/dev/null
    run "--corpus texbook1.json check (pandoc)" $B --corpus texbook1.json check
    run "  entries pandoc wrote" python3 -c "import json; print(len(json.load(open('texbook1.json'))), 'items')"
else
    printf '[{"id":"undated","type":"book","title":"Undated","issued":{"date-parts":[]}}]\n' >"$W/texbook1.json"
    run "--corpus undated.json check (no pandoc)" $B --corpus texbook1.json check
fi

echo "# 3. RIS in and out"
run "export --format ris" $B export --format ris
run "export -o works.ris" $B export -o works.ris
file "  works.ris" works.ris
run "--corpus works.ris check" $B --corpus works.ris check

echo "# 4. Names people type; search; styles"
run "work bourne" $B work bourne
run "work \"Portes, Guarnizo and Landolt 1999\"" $B work "Portes, Guarnizo and Landolt 1999"
run "work levitt (ambiguous)" $B work levitt
run "--corpus X.BIB work knuth:ct:a" $B --corpus X.BIB work knuth:ct:a
run "search transnational villagers" $B search transnational villagers
run "search 1916" $B search 1916
run "styles" $B styles
run "reading-list ... --style harvard" $B reading-list "long-distance nationalism" --style harvard

echo "# 5. networkx"
run "export -o graph.json" $B export -o graph.json
if python3 -c "import networkx" 2>/dev/null; then
    run "  networkx.node_link_graph(data)" python3 -W error -c "import json, networkx as nx; g = nx.node_link_graph(json.load(open('graph.json'))); print(nx.__version__, g.number_of_nodes(), 'nodes', g.number_of_edges(), 'edges')"
else
    echo "-    networkx not installed"
fi

echo "# 6. Output files and pictures"
run "graph --concept transnationalism | head" sh -c "$B graph --concept transnationalism | head -1"
run "graph --concept transnationalism -o t.png" $B graph --concept transnationalism -o t.png
file "  t.png" t.png
run "graph -o whole.pdf" $B graph -o whole.pdf
file "  whole.pdf" whole.pdf
run "lineage Bourne..Portes -o l.svg" $B lineage "Bourne 1916" "Portes et al. 1999" -o l.svg
file "  l.svg" l.svg
run "export -o graph.dot" $B export -o graph.dot
if command -v dot >/dev/null; then
    run "  dot -Tsvg graph.dot" sh -c "dot -Tsvg graph.dot | grep -m1 '<svg'"
fi
run "export --format dot --concept transnationalism" $B export --format dot --concept transnationalism

echo "# 7. Citation letters, initials and misprints in other tools"
run "export -o w.json (CSL-JSON, misprints said)" $B export -o w.json --format csl-json
if command -v pandoc >/dev/null; then
    printf -- '---\nbibliography: w.json\n---\nA [@levitt2001a]. B [@levitt2001b]. C [@nye-keohane1971].\n' >"$W/t.md"
    run "  pandoc --citeproc" pandoc --citeproc -t plain t.md
    run "  pandoc: Nye's initials" sh -c "pandoc --citeproc -t plain t.md | grep -m1 'Nye, J'"
fi
run "export -o w.bib" $B export -o w.bib

echo "# 8. My own list beside the built-in corpus"
run "--corpus with-mine check" $B --corpus with-mine check
run "--corpus with-mine work knuth" $B --corpus with-mine work knuth

echo "# 9. Smaller things"
run "export --format=JSON" $B export --format=JSON
run "check (counts)" $B check
run "lineage Portes..Bourne (reversed)" $B lineage "Portes et al. 1999" "Bourne 1916"
run "graph --from 2000 --to 1990" $B graph --from 2000 --to 1990
run "--corpus x refs parse" $B --corpus x refs parse -
run "cites (truncated citation quoted)" sh -c "printf 'As (Vertovec, said.\n' | $B cites - | grep -m1 ' truncated '"
run "reading-list --help (formats)" sh -c "$B reading-list --help | grep -A5 'csl-json'"
run "graph --concept transnationalism: works" sh -c "$B graph --concept transnationalism | grep -o '[0-9]* works' | head -1"
run "reading-list transnationalism: works" sh -c "$B reading-list transnationalism | grep -m1 -o '^[0-9]* works'"
if [ -x target/debug/examples/concept_history ]; then
    run "example concept_history no-such" "$PWD/target/debug/examples/concept_history" no-such
fi

if [ "$empty" -gt 0 ]; then
    echo "$empty commands gave no output" >&2
    exit 1
fi
