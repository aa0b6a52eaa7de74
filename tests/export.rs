//! The graph exports: GraphML checked against the GraphML schema's structure, DOT and
//! node-link JSON checked for every node and edge, and text with quotes, ampersands,
//! angle brackets, backslashes and accents carried through every format intact.

use bibgraph::export::{export, Format};
use bibgraph::picture::{Historiograph, Options, Selection};
use bibgraph::{Corpus, CorpusFile};
use roxmltree::Document;
use std::collections::{BTreeMap, HashMap, HashSet};

const GRAPHML_NS: &str = "http://graphml.graphdrawing.org/xmlns";

fn corpus() -> Corpus {
    Corpus::builtin().unwrap()
}

/// A tiny corpus whose text is hostile to hand-written XML and DOT.
const ODD_TITLE: &str = r#"Les "Diasporas" & <tic&société> \N 'd'un' back\"#;
const ODD_QUOTE: &str = r#"a "quoted" & <odd> remark \ with a backslash"#;

fn odd_corpus() -> Corpus {
    let works = format!(
        r#"works:
  - key: a2000
    type: book
    authors: [{{family: "Pérez-Armendáriz", given: C}}]
    year: 2000
    title: '{}'
    discipline: "science & technology <studies>"
    provenance:
      locator: "p. 1"
      note: "a note"
  - key: b2001
    type: article-journal
    authors: [{{family: "O'Brien", given: D}}]
    year: 2001
    title: "Reply"
    discipline: "science & technology <studies>"
    provenance:
      locator: "p. 2"
      note: "a note"
edges:
  - from: a2000
    to: b2001
    relation: critique
    provenance:
      locator: "p. 3"
      quote: '{}'
"#,
        ODD_TITLE.replace('\'', "''"),
        ODD_QUOTE.replace('\'', "''")
    );
    Corpus::from_files([
        CorpusFile::new("corpus.yaml", "id: odd\nsource: a2000\n"),
        CorpusFile::new("works.yaml", works),
    ])
    .unwrap()
}

/// (from, to, relation) of every edge in the corpus graph, counted.
fn expected_edges(corpus: &Corpus) -> BTreeMap<(String, String, String), usize> {
    let mut out = BTreeMap::new();
    let mut add =
        |from: String, to: String, relation: &str| *out.entry((from, to, relation.to_string())).or_insert(0) += 1;
    for p in corpus.people() {
        for (work, relation) in &p.works {
            add(format!("person:{}", p.id), format!("work:{work}"), relation.as_str());
        }
    }
    for e in corpus.edges() {
        let to = match &e.to {
            bibgraph::model::EdgeTarget::Work(k) => format!("work:{k}"),
            bibgraph::model::EdgeTarget::Concept(c) => format!("concept:{c}"),
        };
        add(format!("work:{}", e.from), to, e.relation.as_str());
    }
    for c in corpus.concepts() {
        for s in &c.senses {
            add(format!("work:{}", s.work), format!("concept:{}", c.id), s.kind.relation().as_str());
        }
        for r in &c.relations {
            add(format!("concept:{}", c.id), format!("concept:{}", r.concept), r.relation.as_str());
        }
    }
    out
}

fn expected_nodes(corpus: &Corpus) -> Vec<String> {
    corpus
        .works()
        .iter()
        .map(|w| format!("work:{}", w.key))
        .chain(corpus.concepts().iter().map(|c| format!("concept:{}", c.id)))
        .chain(corpus.people().iter().map(|p| format!("person:{}", p.id)))
        .collect()
}

fn is_nmtoken(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'))
}

/// A GraphML document read back: (node id -> attr name -> value), edges with theirs.
type Attrs = BTreeMap<String, String>;
struct GraphMl {
    nodes: Vec<(String, Attrs)>,
    edges: Vec<(String, String, Attrs)>,
}

/// Parses GraphML and checks the structure the GraphML schema requires: the root is
/// `graphml` in its namespace; `key`s come before the `graph`, have unique ids, a `for`
/// of node or edge, and a known `attr.type`; the graph says `edgedefault`; node ids are
/// unique name tokens; every `data` refers to a key declared for its element, with a
/// value of the key's type; every edge joins two nodes of the graph.
fn read_graphml(text: &str) -> GraphMl {
    let doc = Document::parse(text).expect("GraphML is well-formed XML");
    let root = doc.root_element();
    assert_eq!((root.tag_name().namespace(), root.tag_name().name()), (Some(GRAPHML_NS), "graphml"));
    let children: Vec<_> = root.children().filter(|n| n.is_element()).collect();
    let graph_at = children.iter().position(|n| n.has_tag_name((GRAPHML_NS, "graph"))).expect("a graph");
    assert_eq!(children.iter().filter(|n| n.has_tag_name((GRAPHML_NS, "graph"))).count(), 1);
    let mut keys: HashMap<String, (String, String, String)> = HashMap::new();
    for (i, k) in children.iter().enumerate() {
        if !k.has_tag_name((GRAPHML_NS, "key")) {
            continue;
        }
        assert!(i < graph_at, "keys are declared before the graph");
        let id = k.attribute("id").expect("key id").to_string();
        let domain = k.attribute("for").expect("key for").to_string();
        let name = k.attribute("attr.name").expect("attr.name").to_string();
        let ty = k.attribute("attr.type").expect("attr.type").to_string();
        assert!(is_nmtoken(&id), "key id {id}");
        assert!(["node", "edge"].contains(&domain.as_str()), "{domain}");
        assert!(["string", "int", "boolean", "long", "float", "double"].contains(&ty.as_str()), "{ty}");
        assert!(keys.insert(id.clone(), (domain, name, ty)).is_none(), "duplicate key {id}");
    }
    let graph = children[graph_at];
    assert!(["directed", "undirected"].contains(&graph.attribute("edgedefault").unwrap()));
    let read_data = |el: roxmltree::Node<'_, '_>, domain: &str| -> Attrs {
        let mut out = Attrs::new();
        for d in el.children().filter(|n| n.is_element()) {
            assert!(d.has_tag_name((GRAPHML_NS, "data")), "only data inside {domain}s, found {:?}", d.tag_name());
            let key = d.attribute("key").expect("data key");
            let (for_, name, ty) = keys.get(key).unwrap_or_else(|| panic!("data refers to undeclared key {key}"));
            assert_eq!(for_, domain, "key {key} is declared for {for_}, used on a {domain}");
            let value = d.text().unwrap_or("").to_string();
            match ty.as_str() {
                "int" => assert!(value.parse::<i32>().is_ok(), "{key}: `{value}` is not an int"),
                "boolean" => assert!(value == "true" || value == "false", "{key}: `{value}`"),
                _ => {}
            }
            assert!(out.insert(name.clone(), value).is_none(), "{name} given twice");
        }
        out
    };
    let mut nodes = Vec::new();
    let mut edges = Vec::new();
    let mut ids = HashSet::new();
    let mut edge_ids = HashSet::new();
    for el in graph.children().filter(|n| n.is_element()) {
        if el.has_tag_name((GRAPHML_NS, "node")) {
            let id = el.attribute("id").expect("node id").to_string();
            assert!(is_nmtoken(&id), "node id `{id}` is not a name token");
            assert!(ids.insert(id.clone()), "duplicate node {id}");
            nodes.push((id, read_data(el, "node")));
        } else if el.has_tag_name((GRAPHML_NS, "edge")) {
            assert!(edge_ids.insert(el.attribute("id").expect("edge id").to_string()), "duplicate edge id");
            edges.push((
                el.attribute("source").unwrap().to_string(),
                el.attribute("target").unwrap().to_string(),
                read_data(el, "edge"),
            ));
        } else {
            panic!("unexpected {:?} in graph", el.tag_name());
        }
    }
    for (s, t, _) in &edges {
        assert!(ids.contains(s) && ids.contains(t), "edge {s} -> {t} joins a missing node");
    }
    GraphMl { nodes, edges }
}

#[test]
fn graphml_has_every_node_and_edge_of_the_graph_with_declared_typed_keys() {
    let corpus = corpus();
    let g = read_graphml(&export(&corpus, Format::GraphMl).unwrap());

    let ids: Vec<&str> = g.nodes.iter().map(|n| n.0.as_str()).collect();
    assert_eq!(ids, expected_nodes(&corpus));
    assert_eq!(ids.len(), corpus.works().len() + corpus.concepts().len() + corpus.people().len());
    assert_eq!((ids.len(), g.edges.len()), (corpus.graph().node_count(), corpus.graph().edge_count()));

    let mut edges = BTreeMap::new();
    for (s, t, a) in &g.edges {
        *edges.entry((s.clone(), t.clone(), a["relation"].clone())).or_insert(0) += 1;
    }
    assert_eq!(edges, expected_edges(&corpus));
}

#[test]
fn graphml_carries_years_disciplines_relations_and_evidence() {
    let corpus = corpus();
    let g = read_graphml(&export(&corpus, Format::GraphMl).unwrap());
    let node = |id: &str| &g.nodes.iter().find(|n| n.0 == id).unwrap_or_else(|| panic!("{id}")).1;
    let bourne = node("work:bourne1916");
    assert_eq!(bourne["kind"], "work");
    assert_eq!(bourne["label"], "Bourne 1916");
    assert_eq!(bourne["year"], "1916");
    // The article names no discipline for Bourne, so none is exported.
    assert_eq!(bourne.get("discipline"), None);
    assert_eq!(node("work:jessup1956")["discipline"], "law");
    assert_eq!(bourne["title"], "Trans-national America");
    assert_eq!(bourne["authors"], "Bourne R");
    // The undated article has a cited year but no year to sort by.
    let article = node("work:waldinger-sociopedia");
    assert_eq!((article.get("year"), article["cited-year"].as_str()), (None, "n.d."));
    assert_eq!(node("concept:trans-state")["label"], "trans-state");
    assert_eq!(node("concept:trans-state")["kind"], "concept");
    assert_eq!(node("person:portes-a")["family"], "Portes");
    assert_eq!(node("person:portes-a")["kind"], "person");

    let edge =
        |s: &str, t: &str| &g.edges.iter().find(|e| e.0 == s && e.1 == t).unwrap_or_else(|| panic!("{s} -> {t}")).2;
    let aron = edge("work:aron1966", "work:nye-keohane1971");
    assert_eq!(aron["relation"], "influence");
    assert_eq!(aron["category"], "lineage");
    assert_eq!(aron["attested"], "true");
    assert_eq!(aron["concept"], "transnationalism");
    assert_eq!(aron["evidence"], "\u{201c}other international relations scholars picked up his idea\u{201d}");
    assert_eq!(aron["locator"], "The career of a concept");
    assert_eq!(aron["source"], "waldinger-sociopedia");
    assert_eq!(edge("work:bourne1916", "work:jessup1956")["attested"], "false");
    let sense = edge("work:kearney1995", "concept:trans-state");
    assert_eq!((sense["relation"].as_str(), sense["sense-locator"].as_str()), ("names", "p. 548"));
    assert_eq!(sense["discipline"], "anthropology");
    let authored = edge("person:bourne-r", "work:bourne1916");
    assert_eq!((authored["relation"].as_str(), authored["category"].as_str()), ("authored", "authorship"));
    assert_eq!(authored.get("attested"), None);
}

#[test]
fn every_format_keeps_quotes_ampersands_brackets_and_backslashes_intact() {
    let corpus = odd_corpus();
    assert_eq!(corpus.work("a2000").unwrap().title.as_deref(), Some(ODD_TITLE));

    let g = read_graphml(&export(&corpus, Format::GraphMl).unwrap());
    let a = &g.nodes.iter().find(|n| n.0 == "work:a2000").unwrap().1;
    assert_eq!(a["title"], ODD_TITLE);
    assert_eq!(a["discipline"], "science & technology <studies>");
    assert_eq!(a["label"], "Pérez-Armendáriz 2000");
    assert_eq!(
        g.edges.iter().find(|e| e.2["relation"] == "critique").unwrap().2["evidence"],
        format!("\u{201c}{ODD_QUOTE}\u{201d}")
    );

    let json: serde_json::Value = serde_json::from_str(&export(&corpus, Format::Json).unwrap()).unwrap();
    let a = json["nodes"].as_array().unwrap().iter().find(|n| n["id"] == "work:a2000").unwrap();
    assert_eq!(a["title"], ODD_TITLE);

    let dot = export(&corpus, Format::Dot).unwrap();
    let title = dot.lines().find(|l| l.contains("\"work:a2000\" [")).unwrap();
    assert!(title.contains(r#""title"="Les \"Diasporas\" & <tic&société> \\N 'd'un' back\\""#), "{title}");
    let quote = dot.lines().find(|l| l.contains("\"relation\"=\"critique\"")).unwrap();
    assert!(quote.contains(r#"a \"quoted\" & <odd> remark \\ with a backslash"#), "{quote}");

    let picture = Historiograph::graph(&corpus, &Selection::default()).unwrap();
    let svg = picture.to_svg(&Options::default());
    let doc = Document::parse(&svg).expect("the SVG is well-formed");
    let tip = doc
        .descendants()
        .find(|n| n.attribute("data-key") == Some("a2000"))
        .and_then(|g| g.children().find(|c| c.has_tag_name("title")))
        .and_then(|t| t.text())
        .unwrap();
    assert_eq!(tip, format!("Pérez-Armendáriz 2000: {ODD_TITLE} [science & technology <studies>]"));
    let lane = doc.descendants().find(|n| n.attribute("class") == Some("lane")).unwrap();
    assert_eq!(lane.attribute("data-discipline"), Some("science & technology <studies>"));
}

#[test]
fn dot_has_every_node_and_edge_and_ranks_works_by_year() {
    let corpus = corpus();
    let dot = export(&corpus, Format::Dot).unwrap();
    assert!(dot.starts_with("digraph \"waldinger-2011\" {\n") && dot.ends_with("}\n"));
    // Node statements: a quoted id, then attributes.
    let nodes: Vec<&str> = dot
        .lines()
        .filter(|l| l.starts_with("  \"") && !l.contains(" -> ") && l.contains("\" ["))
        .map(|l| l[3..].split('"').next().unwrap())
        .filter(|id| !id.starts_with("year:"))
        .collect();
    assert_eq!(nodes, expected_nodes(&corpus));
    let mut edges = BTreeMap::new();
    for l in dot.lines().filter(|l| l.contains(" -> ") && !l.contains("style=invis")) {
        let parts: Vec<&str> = l.trim().split('"').collect();
        let relation = l.split("\"relation\"=\"").nth(1).unwrap().split('"').next().unwrap();
        *edges.entry((parts[1].to_string(), parts[3].to_string(), relation.to_string())).or_insert(0) += 1;
    }
    assert_eq!(edges, expected_edges(&corpus));

    // The time axis runs through every year with works, in order, and each rank holds
    // exactly that year's works.
    let axis = dot.lines().find(|l| l.contains("style=invis")).unwrap();
    // Undated works share the last rank, `year:nd`, after every year.
    let ranks: Vec<&str> = axis.split('"').filter_map(|p| p.strip_prefix("year:")).collect();
    assert_eq!(ranks.last(), Some(&"nd"));
    let years: Vec<i32> = ranks[..ranks.len() - 1].iter().map(|y| y.parse().unwrap()).collect();
    let mut expected: Vec<i32> = corpus.works().iter().filter_map(|w| w.sort_year()).collect();
    expected.sort();
    expected.dedup();
    assert_eq!(years, expected);
    for line in dot.lines().filter(|l| l.contains("rank=same")) {
        let ids: Vec<&str> = line.split('"').skip(1).step_by(2).collect();
        let year: Option<i32> = ids[0].strip_prefix("year:").unwrap().parse().ok();
        let mut works: Vec<&str> = ids[1..].iter().map(|id| id.strip_prefix("work:").unwrap()).collect();
        works.sort();
        let mut of_year: Vec<&str> =
            corpus.works().iter().filter(|w| w.sort_year() == year).map(|w| w.key.as_str()).collect();
        of_year.sort();
        assert_eq!(works, of_year, "rank of {year:?}");
    }
}

#[test]
fn json_is_node_link_with_every_node_and_link() {
    let corpus = corpus();
    let v: serde_json::Value = serde_json::from_str(&export(&corpus, Format::Json).unwrap()).unwrap();
    assert_eq!((v["directed"].as_bool(), v["multigraph"].as_bool()), (Some(true), Some(true)));
    assert_eq!(v["graph"]["id"], "waldinger-2011");
    let ids: Vec<&str> = v["nodes"].as_array().unwrap().iter().map(|n| n["id"].as_str().unwrap()).collect();
    assert_eq!(ids, expected_nodes(&corpus));
    let mut links = BTreeMap::new();
    for l in v["links"].as_array().unwrap() {
        let key = (
            l["source"].as_str().unwrap().to_string(),
            l["target"].as_str().unwrap().to_string(),
            l["relation"].as_str().unwrap().to_string(),
        );
        *links.entry(key).or_insert(0) += 1;
    }
    assert_eq!(links, expected_edges(&corpus));
    // The same list under `edges`, which networkx >= 3.6 reads by default.
    assert_eq!(v["edges"], v["links"]);
    let bourne = v["nodes"].as_array().unwrap().iter().find(|n| n["id"] == "work:bourne1916").unwrap();
    assert_eq!(bourne["year"], 1916, "years are numbers");
    let first = v["links"].as_array().unwrap().iter().find(|l| l["relation"] == "succession").unwrap();
    assert_eq!(first["attested"], false, "attested is a boolean");
}

#[test]
fn formats_are_read_by_name_and_unknown_names_list_the_known_ones() {
    for f in Format::ALL {
        assert_eq!(f.name().parse::<Format>().unwrap(), *f);
    }
    let e = "svg".parse::<Format>().unwrap_err();
    assert_eq!(e.to_string(), "no export format `svg`; known: dot, graphml, json, biblatex, csl-json, yaml, ris");
    assert_eq!(e.candidates(), ["dot", "graphml", "json", "biblatex", "csl-json", "yaml", "ris"]);
    // In any case.
    assert_eq!("GraphML".parse::<Format>().unwrap(), Format::GraphMl);
}

#[test]
fn every_exported_attribute_is_documented_with_its_type() {
    let doc = include_str!("../docs/exports.md");
    for a in bibgraph::export::table::node::ALL.iter().chain(bibgraph::export::table::edge::ALL) {
        let row = format!("| `{}` | {} |", a.name, a.ty.graphml_name());
        assert!(doc.contains(&row), "docs/exports.md lacks the row {row}");
    }
}
