//! Which files make a corpus: a directory is walked with its subfolders, each file is
//! told by its content or its extension in any case, and a file that is not a corpus
//! file, cannot be read, or is a broken link, a FIFO or a folder named like a file is
//! reported with its path without sinking the corpus.

use bibgraph::{Corpus, CorpusFile};
use std::path::{Path, PathBuf};

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("bibgraph-corpus-files-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn write(dir: &Path, name: &str, text: &str) {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

const BIB: &str = "@book{knuth1984, author = {Knuth, Donald E.}, title = {The TeXbook}, year = 1984}\n";
const LIST: &str = "Bourne R (1916) Trans-national America. Atlantic Monthly 118: 86-97.\n";
const RIS: &str = "TY  - JOUR\nAU  - Lamport, Leslie\nTI  - Time, clocks\nPY  - 1978\nER  - \n";

fn codes(c: &Corpus) -> Vec<(String, String)> {
    c.file_warnings()
        .map(|d| {
            let at = d.location.as_ref().map(|l| l.file.to_string()).unwrap_or_default();
            let file = Path::new(&at).file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
            (d.code.clone(), file)
        })
        .collect()
}

#[test]
fn upper_case_extensions_and_sniffed_content_are_read() {
    let d = dir("case");
    write(&d, "X.BIB", BIB);
    write(&d, "REFS.TXT", LIST);
    write(&d, "export.txt", RIS);
    write(&d, "library", "% saved by hand\n@Book{lamport1986, title = {LaTeX}, year = 1986}\n");
    let c = Corpus::load(&d).unwrap();
    let mut keys: Vec<&str> = c.works().iter().map(|w| w.key.as_str()).collect();
    keys.sort();
    assert_eq!(keys, ["bourne1916", "knuth1984", "lamport1978", "lamport1986"]);
    assert!(c.file_warnings().next().is_none());
    for single in ["X.BIB", "REFS.TXT", "export.txt"] {
        assert_eq!(Corpus::load(d.join(single)).unwrap().works().len(), 1, "{single}");
    }
}

#[test]
fn subfolders_are_read_and_counted() {
    let d = dir("sub");
    write(&d, "a/b/refs.bib", BIB);
    write(&d, "a/list.txt", LIST);
    write(&d, "lib.ris", RIS);
    write(&d, ".git/config", "[core]\n");
    let c = Corpus::load(&d).unwrap();
    assert_eq!(c.works().len(), 3);
    let files: Vec<(&str, usize)> = c.files_read().to_vec();
    // Files in walk order: a folder's own files before its subfolders'.
    assert_eq!(files, [("ris", 1), ("txt", 1), ("bib", 1), ("hidden (skipped)", 1), ("folders", 3)]);
}

#[test]
fn an_unknown_file_is_refused_alone_and_skipped_in_a_folder() {
    let d = dir("unknown");
    write(&d, "notes.md", "# My notes\nRead Bourne first.\n");
    let e = Corpus::load(d.join("notes.md")).unwrap_err();
    let msg = e.to_string();
    assert!(msg.starts_with("cannot tell what ") && msg.contains("notes.md") && msg.contains("RIS (.ris)"), "{msg}");
    assert!(!msg.contains('\n'));
    // A folder of nothing usable is an error that counts what it skipped.
    let e = Corpus::load(&d).unwrap_err().to_string();
    assert!(e.contains("no corpus files") && e.contains("(1 skipped)"), "{e}");
    write(&d, "refs.bib", BIB);
    let c = Corpus::load(&d).unwrap();
    assert_eq!(c.works().len(), 1);
    assert_eq!(codes(&c), [("unknown-file-type".to_string(), "notes.md".to_string())]);
    // In memory, too, a file of unknown kind is refused.
    assert!(Corpus::from_files([CorpusFile::new("notes.md", "hello")]).is_err());
}

#[test]
fn stray_notes_and_settings_are_skipped_with_a_warning_not_loaded() {
    let d = dir("stray");
    write(&d, "refs.bib", BIB);
    write(&d, "notes.txt", "remember to read more about this\nand call Anna\n");
    write(&d, "config.yaml", "editor: vim\ntheme: dark\n");
    let c = Corpus::load(&d).unwrap();
    assert_eq!(c.works().iter().map(|w| w.key.as_str()).collect::<Vec<_>>(), ["knuth1984"]);
    let got = codes(&c);
    assert!(got.contains(&("not-a-reference-list".into(), "notes.txt".into())), "{got:?}");
    assert!(got.contains(&("not-a-corpus-file".into(), "config.yaml".into())), "{got:?}");
    // Nothing usable: the corpus is empty, and says so.
    let only = Corpus::load(d.join("notes.txt")).unwrap();
    assert!(only.works().is_empty());
    assert!(codes(&only).contains(&("empty-corpus".into(), "notes.txt".into())), "{:?}", codes(&only));
}

#[cfg(unix)]
#[test]
fn broken_links_fifos_and_folders_named_like_files_do_not_sink_the_corpus() {
    let d = dir("odd");
    write(&d, "refs.bib", BIB);
    std::os::unix::fs::symlink(d.join("nowhere.ris"), d.join("broken.ris")).unwrap();
    std::fs::create_dir_all(d.join("x.bib")).unwrap();
    write(&d, "x.bib/inner.ris", RIS);
    let fifo = d.join("pipe.bib");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success());
    write(&d, "locked.bib", "@book{locked1999, title = {Locked}, year = 1999}\n");
    let locked = d.join("locked.bib");
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let unreadable = std::fs::read(&locked).is_err(); // root reads anything
    let c = Corpus::load(&d).unwrap();
    let got = codes(&c);
    assert!(got.contains(&("broken-link".into(), "broken.ris".into())), "{got:?}");
    assert!(got.contains(&("folder-named-like-a-file".into(), "x.bib".into())), "{got:?}");
    assert!(c.work("lamport1978").is_some(), "the folder's file is read");
    if made {
        assert!(got.contains(&("not-a-file".into(), "pipe.bib".into())), "{got:?}");
    }
    if unreadable {
        assert!(got.contains(&("unreadable-file".into(), "locked.bib".into())), "{got:?}");
    }
    assert!(c.work("knuth1984").is_some());
}

#[test]
fn a_list_repeating_a_work_merges_like_a_bib_file() {
    let d = dir("merge");
    write(&d, "references.txt", LIST);
    write(&d, "mine.txt", &format!("{LIST}Jessup PC (1956) Transnational Law. New Haven: Yale University Press.\n"));
    let c = Corpus::load(&d).unwrap();
    let mut keys: Vec<&str> = c.works().iter().map(|w| w.key.as_str()).collect();
    keys.sort();
    assert_eq!(keys, ["bourne1916", "jessup1956"]);
    assert!(c.diagnostics().iter().any(|d| d.code == "merged"));
}
