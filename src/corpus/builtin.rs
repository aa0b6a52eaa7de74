//! The built-in corpus: R. Waldinger, 'Immigrant transnationalism' (sociopedia.isa),
//! compiled into the library so that the CLI and examples need no files on disk.

/// The files of `corpus/waldinger-2011/`, by name.
pub(crate) const FILES: &[(&str, &str)] = &[
    ("cites.yaml", include_str!("../../corpus/waldinger-2011/cites.yaml")),
    ("concepts.yaml", include_str!("../../corpus/waldinger-2011/concepts.yaml")),
    ("corpus.yaml", include_str!("../../corpus/waldinger-2011/corpus.yaml")),
    ("lineage.yaml", include_str!("../../corpus/waldinger-2011/lineage.yaml")),
    ("references.txt", include_str!("../../corpus/waldinger-2011/references.txt")),
    ("works.yaml", include_str!("../../corpus/waldinger-2011/works.yaml")),
];

/// The directory name used in locations: `builtin:waldinger-2011/edges.yaml`.
pub(crate) const PREFIX: &str = "builtin:waldinger-2011/";
