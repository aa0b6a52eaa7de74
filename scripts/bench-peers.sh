#!/usr/bin/env bash
# SPC + local forward main path: bibgraph against networkx and igraph on the same generated
# citation network (Price's model with a recency kernel), in one run, with the ratios.
#
#   scripts/bench-peers.sh [WORKS] [REFS]      default 100000 works, 10 references each
#
# Each tool is timed on the analysis alone (loading excluded): wall-clock and on-CPU
# seconds (the CPU figures hold better on a shared machine). networkx and igraph have no
# SPC of their own; the peers run the same two-pass algorithm in Python over their graph
# APIs (networkx's topological sort and adjacency, igraph's topological sorting and
# adjacency lists), which is how a user of either would compute it.
# Needs python3 with networkx and igraph (`pip install networkx igraph`).
set -euo pipefail
cd "$(dirname "$0")/.."
WORKS=${1:-100000}
REFS=${2:-10}
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
EDGES="$DIR/edges.csv"

python3 -c 'import networkx, igraph' 2>/dev/null || { echo "error: needs python3 with networkx and igraph (pip install networkx igraph)" >&2; exit 1; }
cargo build --release --quiet --example network_gen --example network_scale
target/release/examples/network_gen "$WORKS" "$REFS" "$EDGES" >&2
target/release/examples/network_scale "$EDGES" > "$DIR/bibgraph.json"

python3 - "$EDGES" "$DIR/bibgraph.json" <<'PY'
import csv, json, sys, time

edges_file, ours_file = sys.argv[1], sys.argv[2]
ours = json.load(open(ours_file))
with open(edges_file) as f:
    r = csv.reader(f)
    next(r)
    pairs = [(cited, citing) for citing, cited in r]  # flow: cited -> citing

def timed(fn):
    w, c = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - w, time.process_time() - c

# networkx
import networkx as nx
G = nx.DiGraph()
G.add_edges_from(pairs)
def nx_spc():
    order = list(nx.topological_sort(G))
    minus, plus = {}, {}
    for u in order:
        p = list(G.predecessors(u))
        minus[u] = sum(minus[x] for x in p) if p else 1
    for u in reversed(order):
        s = list(G.successors(u))
        plus[u] = sum(plus[x] for x in s) if s else 1
    w = lambda u, v: minus[u] * plus[v]
    sources = [u for u in order if G.in_degree(u) == 0]
    u, v = max(((u, v) for u in sources for v in G.successors(u)), key=lambda a: w(*a))
    path = [u, v]
    while G.out_degree(v):
        v = max(G.successors(v), key=lambda x: w(path[-1], x))
        path.append(v)
    return path
nx_path, nx_wall, nx_cpu = timed(nx_spc)
del G

# igraph
import igraph as ig
g = ig.Graph.TupleList(pairs, directed=True)
def ig_spc():
    order = g.topological_sorting(mode="out")
    pred = g.get_adjlist(mode="in")
    succ = g.get_adjlist(mode="out")
    n = g.vcount()
    minus, plus = [0] * n, [0] * n
    for u in order:
        p = pred[u]
        minus[u] = sum(minus[x] for x in p) if p else 1
    for u in reversed(order):
        s = succ[u]
        plus[u] = sum(plus[x] for x in s) if s else 1
    w = lambda u, v: minus[u] * plus[v]
    sources = [u for u in range(n) if not pred[u]]
    u, v = max(((u, v) for u in sources for v in succ[u]), key=lambda a: w(*a))
    path = [u, v]
    while succ[v]:
        v = max(succ[v], key=lambda x: w(path[-1], x))
        path.append(v)
    return path
ig_path, ig_wall, ig_cpu = timed(ig_spc)

bw, bc = ours["spc_mainpath_s"], ours["spc_mainpath_cpu_s"]
print(f"network: {ours['works']} works, {ours['citations']} citations")
print(f"SPC + local forward main path (analysis only, loading excluded)")
print(f"{'tool':<10} {'wall s':>9} {'cpu s':>9} {'path':>6}  ratio to bibgraph (wall, cpu)")
print(f"{'bibgraph':<10} {bw:>9.4f} {bc:>9.4f} {ours['main_path_works']:>6}")
print(f"{'igraph':<10} {ig_wall:>9.4f} {ig_cpu:>9.4f} {len(ig_path):>6}  {ig_wall / bw:7.1f}x {ig_cpu / max(bc, 1e-9):7.1f}x")
print(f"{'networkx':<10} {nx_wall:>9.4f} {nx_cpu:>9.4f} {len(nx_path):>6}  {nx_wall / bw:7.1f}x {nx_cpu / max(bc, 1e-9):7.1f}x")
PY
