//! Traversal weights and main paths, checked against hand-worked values, Batagelj's
//! source/sink constructions, brute-force path enumeration, and an independent
//! implementation of the main-path searches written here.

use bibgraph::network::{load_files, Direction, LoadOptions, Method, Network, NetworkBuilder, Traversal, Weight};
use std::collections::{BTreeSet, HashMap};

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/network/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// `../shared/data/bibexports/pajek` next to the checkout (or next to the worktrees).
fn shared_pajek() -> std::path::PathBuf {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let near = root.join("../shared/data/bibexports/pajek");
    if near.exists() {
        near
    } else {
        root.join("../../shared/data/bibexports/pajek")
    }
}

fn flow_options() -> LoadOptions {
    let mut o = LoadOptions::default();
    o.direction = Direction::CitedToCiting;
    o
}

/// `(from, to)` flow arcs by vertex number, and the expected weights.
fn expected() -> Vec<((String, String), [f64; 3])> {
    let text = std::fs::read_to_string(fixture("hummon-doreian.expected.csv")).unwrap();
    text.lines()
        .filter(|l| !l.starts_with('%') && !l.starts_with("from"))
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            let w = [f[2].parse().unwrap(), f[3].parse().unwrap(), f[4].parse().unwrap()];
            ((f[0].to_string(), f[1].to_string()), w)
        })
        .collect()
}

/// The weight of flow arc `from -> to` (vertex ids): the citation of `from` by `to`.
fn weight(t: &Traversal<'_>, net: &Network, from: &str, to: &str) -> f64 {
    t.citation_weight(net.find(to).unwrap(), net.find(from).unwrap()).unwrap().to_f64()
}

/// Every path (of at least one arc) of a DAG, by depth-first enumeration; per arc, the
/// number of paths through it that start at a source and end at a sink (SPC), that end
/// at a sink (SPLC), and all of them (SPNP).
fn brute_force(n: usize, arcs: &[(usize, usize)]) -> HashMap<(usize, usize), [f64; 3]> {
    let mut out = vec![Vec::new(); n];
    let mut indeg = vec![0; n];
    for &(u, v) in arcs {
        out[u].push(v);
        indeg[v] += 1;
    }
    let mut counts: HashMap<(usize, usize), [f64; 3]> = arcs.iter().map(|&a| (a, [0.0; 3])).collect();
    fn walk(
        path: &mut Vec<usize>,
        out: &[Vec<usize>],
        indeg: &[usize],
        counts: &mut HashMap<(usize, usize), [f64; 3]>,
    ) {
        let last = *path.last().unwrap();
        if path.len() > 1 {
            let from_source = indeg[path[0]] == 0;
            let to_sink = out[last].is_empty();
            for pair in path.windows(2) {
                let c = counts.get_mut(&(pair[0], pair[1])).unwrap();
                if from_source && to_sink {
                    c[0] += 1.0;
                }
                if to_sink {
                    c[1] += 1.0;
                }
                c[2] += 1.0;
            }
        }
        for &v in &out[last] {
            path.push(v);
            walk(path, out, indeg, counts);
            path.pop();
        }
    }
    for s in 0..n {
        walk(&mut vec![s], &out, &indeg, &mut counts);
    }
    counts
}

#[test]
fn hummon_doreian_weights_equal_the_hand_worked_values_and_brute_force() {
    let (net, _) = load_files(&[fixture("hummon-doreian.net")], &flow_options()).unwrap();
    let expected = expected();
    let arcs: Vec<(usize, usize)> =
        expected.iter().map(|((a, b), _)| (a.parse::<usize>().unwrap() - 1, b.parse::<usize>().unwrap() - 1)).collect();
    let brute = brute_force(7, &arcs);
    for (i, weight_kind) in [Weight::Spc, Weight::Splc, Weight::Spnp].into_iter().enumerate() {
        let t = Traversal::new(&net, weight_kind);
        assert!(t.diagnostics().is_empty());
        for (((from, to), values), arc) in expected.iter().zip(&arcs) {
            let got = weight(&t, &net, from, to);
            assert_eq!(got, values[i], "{weight_kind:?} {from}->{to}");
            assert_eq!(brute[arc][i], values[i], "brute force {weight_kind:?} {from}->{to}");
        }
    }
    // SPC's total: 4 source-to-sink paths.
    assert_eq!(Traversal::new(&net, Weight::Spc).total().to_f64(), 4.0);
}

#[test]
fn batagelj_constructions_give_splc_and_spnp_as_spc() {
    let (base, _) = load_files(&[fixture("hummon-doreian.net")], &flow_options()).unwrap();
    let (with_s, _) = load_files(&[fixture("hummon-doreian-s.net")], &flow_options()).unwrap();
    let (with_st, _) = load_files(&[fixture("hummon-doreian-st.net")], &flow_options()).unwrap();
    let splc = Traversal::new(&base, Weight::Splc);
    let spnp = Traversal::new(&base, Weight::Spnp);
    let spc_s = Traversal::new(&with_s, Weight::Spc);
    let spc_st = Traversal::new(&with_st, Weight::Spc);
    for ((from, to), _) in expected() {
        assert_eq!(weight(&splc, &base, &from, &to), weight(&spc_s, &with_s, &from, &to));
        assert_eq!(weight(&spnp, &base, &from, &to), weight(&spc_st, &with_st, &from, &to));
    }
}

#[test]
#[ignore = "needs ../shared/data/bibexports/pajek"]
fn the_batagelj_toy_files_give_the_same_weights() {
    let dir = shared_pajek();
    let dir = dir.display();
    let (ours, _) = load_files(&[fixture("hummon-doreian.net")], &flow_options()).unwrap();
    let ours = Traversal::new(&ours, Weight::Spc);
    let (test, _) = load_files(&[format!("{dir}/bavla-nets__Test.net")], &flow_options()).unwrap();
    let (splc, _) = load_files(&[format!("{dir}/bavla-nets__TestSPLC.net")], &flow_options()).unwrap();
    let (spnp, _) = load_files(&[format!("{dir}/bavla-nets__TestSPNP.net")], &flow_options()).unwrap();
    for ((from, to), values) in expected() {
        assert_eq!(weight(&Traversal::new(&test, Weight::Spc), &test, &from, &to), values[0]);
        assert_eq!(weight(&Traversal::new(&test, Weight::Splc), &test, &from, &to), values[1]);
        assert_eq!(weight(&Traversal::new(&test, Weight::Spnp), &test, &from, &to), values[2]);
        assert_eq!(weight(&Traversal::new(&splc, Weight::Spc), &splc, &from, &to), values[1]);
        assert_eq!(weight(&Traversal::new(&spnp, Weight::Spc), &spnp, &from, &to), values[2]);
        assert_eq!(weight(&ours, ours.network(), &from, &to), values[0]);
    }
}

/// An independent main-path implementation over plain adjacency lists and f64 counts.
struct Reference {
    n: usize,
    succ: Vec<Vec<usize>>,
    pred: Vec<Vec<usize>>,
    minus: Vec<f64>,
    plus: Vec<f64>,
}

impl Reference {
    fn new(n: usize, arcs: &[(usize, usize)], weight: Weight) -> Reference {
        let mut succ = vec![Vec::new(); n];
        let mut pred = vec![Vec::new(); n];
        for &(u, v) in arcs {
            succ[u].push(v);
            pred[v].push(u);
        }
        fn minus(u: usize, pred: &[Vec<usize>], w: Weight, memo: &mut Vec<Option<f64>>) -> f64 {
            if let Some(x) = memo[u] {
                return x;
            }
            let s: f64 = pred[u].clone().into_iter().map(|p| minus(p, pred, w, memo)).sum();
            let x = if w != Weight::Spc || pred[u].is_empty() { s + 1.0 } else { s };
            memo[u] = Some(x);
            x
        }
        fn plus(u: usize, succ: &[Vec<usize>], w: Weight, memo: &mut Vec<Option<f64>>) -> f64 {
            if let Some(x) = memo[u] {
                return x;
            }
            let s: f64 = succ[u].clone().into_iter().map(|q| plus(q, succ, w, memo)).sum();
            let x = if w == Weight::Spnp || succ[u].is_empty() { s + 1.0 } else { s };
            memo[u] = Some(x);
            x
        }
        let mut m = vec![None; n];
        let mut p = vec![None; n];
        let minus: Vec<f64> = (0..n).map(|u| minus(u, &pred, weight, &mut m)).collect();
        let plus: Vec<f64> = (0..n).map(|u| plus(u, &succ, weight, &mut p)).collect();
        Reference { n, succ, pred, minus, plus }
    }

    fn w(&self, u: usize, v: usize) -> f64 {
        self.minus[u] * self.plus[v]
    }

    /// The heaviest of `arcs`, ties to the lower pair.
    fn heaviest(&self, arcs: impl Iterator<Item = (usize, usize)>) -> Option<(usize, usize)> {
        let mut all: Vec<(usize, usize)> = arcs.collect();
        all.sort();
        let mut best: Option<(usize, usize)> = None;
        for a in all {
            if best.is_none_or(|b| self.w(a.0, a.1) > self.w(b.0, b.1)) {
                best = Some(a);
            }
        }
        best
    }

    fn forward(&self, mut v: usize, arcs: &mut BTreeSet<(usize, usize)>) {
        while let Some((_, w)) = self.heaviest(self.succ[v].iter().map(|&w| (v, w))) {
            arcs.insert((v, w));
            v = w;
        }
    }

    fn backward(&self, mut u: usize, arcs: &mut BTreeSet<(usize, usize)>) {
        while let Some((p, _)) = self.heaviest(self.pred[u].iter().map(|&p| (p, u))) {
            arcs.insert((p, u));
            u = p;
        }
    }

    fn local_forward(&self) -> BTreeSet<(usize, usize)> {
        let mut arcs = BTreeSet::new();
        let start =
            (0..self.n).filter(|&u| self.pred[u].is_empty()).flat_map(|u| self.succ[u].iter().map(move |&v| (u, v)));
        if let Some((u, v)) = self.heaviest(start) {
            arcs.insert((u, v));
            self.forward(v, &mut arcs);
        }
        arcs
    }

    fn local_backward(&self) -> BTreeSet<(usize, usize)> {
        let mut arcs = BTreeSet::new();
        let start =
            (0..self.n).filter(|&v| self.succ[v].is_empty()).flat_map(|v| self.pred[v].iter().map(move |&u| (u, v)));
        if let Some((u, v)) = self.heaviest(start) {
            arcs.insert((u, v));
            self.backward(u, &mut arcs);
        }
        arcs
    }

    /// The heaviest source-to-sink path's total weight, by exhaustive memoised search.
    fn global_total(&self) -> f64 {
        fn best(u: usize, r: &Reference, memo: &mut Vec<Option<f64>>) -> f64 {
            if let Some(x) = memo[u] {
                return x;
            }
            let x = r.succ[u].iter().map(|&v| r.w(u, v) + best(v, r, memo)).fold(0.0, f64::max);
            memo[u] = Some(x);
            x
        }
        let mut memo = vec![None; self.n];
        (0..self.n).filter(|&u| self.pred[u].is_empty()).map(|u| best(u, self, &mut memo)).fold(0.0, f64::max)
    }

    fn key_route(&self, k: usize, all: &[(usize, usize)]) -> BTreeSet<(usize, usize)> {
        let mut sorted = all.to_vec();
        sorted.sort_by(|a, b| self.w(b.0, b.1).total_cmp(&self.w(a.0, a.1)).then(a.cmp(b)));
        let mut arcs = BTreeSet::new();
        for &(u, v) in sorted.iter().take(k) {
            arcs.insert((u, v));
            self.backward(u, &mut arcs);
            self.forward(v, &mut arcs);
        }
        arcs
    }
}

/// A network's flow arcs by work index, for networks whose works are interned in order.
fn flow_arcs(net: &Network) -> Vec<(usize, usize)> {
    (0..net.len() as u32).flat_map(|v| net.references(v).iter().map(move |&u| (u as usize, v as usize))).collect()
}

fn links(path: &bibgraph::network::MainPath) -> BTreeSet<(usize, usize)> {
    path.links.iter().map(|l| (l.from as usize, l.to as usize)).collect()
}

fn check_main_paths(net: &Network) {
    let arcs = flow_arcs(net);
    for weight in [Weight::Spc, Weight::Splc, Weight::Spnp] {
        let r = Reference::new(net.len(), &arcs, weight);
        let t = Traversal::new(net, weight);
        assert!(t.diagnostics().is_empty(), "the test networks are acyclic");
        assert_eq!(links(&t.main_path(Method::LocalForward)), r.local_forward(), "{weight:?} forward");
        assert_eq!(links(&t.main_path(Method::LocalBackward)), r.local_backward(), "{weight:?} backward");
        let global = t.main_path(Method::Global);
        let total: f64 = global.links.iter().map(|l| l.weight.to_f64()).sum();
        assert!((total - r.global_total()).abs() <= 1e-9 * total.max(1.0), "{weight:?} global {total}");
        // A global path is one chain from a source to a sink.
        let first = global.links.first().unwrap();
        let last = global.links.last().unwrap();
        assert!(r.pred[first.from as usize].is_empty() && r.succ[last.to as usize].is_empty());
        assert!(global.links.windows(2).all(|p| p[0].to == p[1].from));
        for k in [1, 3, 10] {
            assert_eq!(links(&t.main_path(Method::KeyRoute(k))), r.key_route(k, &arcs), "{weight:?} key-route {k}");
        }
    }
}

/// A random DAG (arcs from lower to higher index), with a small LCG.
fn random_dag(n: usize, seed: u64) -> Network {
    let mut state = seed;
    let mut next = || {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (state >> 33) as usize
    };
    let mut b = NetworkBuilder::new();
    let ids: Vec<u32> = (0..n).map(|i| b.work(&format!("w{i}"))).collect();
    for v in 1..n {
        for _ in 0..(next() % 4) {
            let u = next() % v;
            b.cite(ids[v], ids[u]); // v cites u: flow u -> v
        }
    }
    b.build().0
}

#[test]
fn main_paths_agree_with_the_independent_implementation_on_random_networks() {
    for seed in 1..=5 {
        check_main_paths(&random_dag(150, seed));
    }
}

#[test]
#[ignore = "needs ../shared/data/bibexports/pajek/bavla-nets__SmallW.paj"]
fn main_paths_on_smallw_agree_with_the_independent_implementation() {
    let path = shared_pajek().join("bavla-nets__SmallW.paj");
    let (net, report) = load_files(&[path], &LoadOptions::default()).unwrap();
    assert_eq!((net.len(), report.files[0].records), (396, 396));
    // HistCite's arcs run cited -> citing; the years say so.
    assert!(report.files[0].skipped.iter().any(|d| d.code == "arc-direction" && d.message.contains("cited -> citing")));
    assert_eq!(net.year(net.find("1").unwrap()), Some(1967));
    assert!(net.gcs(net.find("1").unwrap()).is_some());
    check_main_paths(&net);
}
