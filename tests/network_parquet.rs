//! The network's Parquet tables read back with the parquet crate (feature `parquet`).
#![cfg(feature = "parquet")]

use bibgraph::network::NetworkBuilder;
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::RowAccessor;

#[test]
fn node_and_edge_tables_read_back() {
    let mut b = NetworkBuilder::new();
    let [old, mid, new, cited_only] = ["W1", "W2", "10.1/x,y", "ghost"].map(|id| b.work(id));
    for (w, year) in [(old, 1965), (mid, 1980), (new, 2001)] {
        b.set_year(w, year);
        b.set_in_set(w, true);
    }
    b.set_label(old, "Price 1965");
    b.set_title(mid, "Ünïcode title");
    b.set_gcs(old, 1200);
    b.cite(mid, old);
    b.cite(new, old);
    b.cite(new, mid);
    b.cite(new, cited_only);
    let (net, _) = b.build();
    let dir = std::env::temp_dir().join(format!("bibgraph-parquet-{}", std::process::id()));
    bibgraph::network::parquet::write_dir(&net, &dir).unwrap();

    let nodes = SerializedFileReader::new(std::fs::File::open(dir.join("nodes.parquet")).unwrap()).unwrap();
    assert_eq!(nodes.metadata().file_metadata().num_rows(), 4);
    let rows: Vec<_> = nodes.get_row_iter(None).unwrap().map(|r| r.unwrap()).collect();
    assert_eq!(rows[0].get_string(0).unwrap(), "W1");
    assert_eq!(rows[0].get_string(2).unwrap(), "Price 1965");
    assert_eq!(rows[0].get_int(3).unwrap(), 1965);
    assert_eq!(rows[0].get_int(7).unwrap(), 1200);
    assert_eq!(rows[0].get_int(8).unwrap(), 2, "LCS: cited by two records");
    assert_eq!(rows[1].get_string(4).unwrap(), "Ünïcode title");
    assert!(rows[1].get_string(2).is_err(), "no label: null");
    assert_eq!(rows[3].get_string(0).unwrap(), "ghost");
    assert!(!rows[3].get_bool(6).unwrap());

    let edges = SerializedFileReader::new(std::fs::File::open(dir.join("edges.parquet")).unwrap()).unwrap();
    let got: Vec<(String, String)> = edges
        .get_row_iter(None)
        .unwrap()
        .map(|r| {
            let r = r.unwrap();
            (r.get_string(0).unwrap().clone(), r.get_string(1).unwrap().clone())
        })
        .collect();
    let want: Vec<(String, String)> = [("W2", "W1"), ("10.1/x,y", "W1"), ("10.1/x,y", "W2"), ("10.1/x,y", "ghost")]
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(got, want);
    std::fs::remove_dir_all(&dir).ok();
}
