//! `-o/--output FILE`: where a command's output goes, and the format a file's extension
//! asks for when `--format` is not given.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

/// What a command made: text, or a picture's bytes.
pub enum Made {
    /// Text (most commands).
    Text(String),
    /// An SVG picture.
    Svg(String),
    /// Bytes of a binary format (PNG, PDF).
    Binary(Vec<u8>, &'static str),
}

/// The extension of `path`, lowercased (`svg`, `png`, `json`); empty if none.
pub fn extension(path: Option<&Path>) -> String {
    path.and_then(|p| p.extension()).and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase()
}

/// The format that `ext` names among `known` (pairs of extension and format).
pub fn by_extension<T: Copy>(ext: &str, known: &[(&str, T)]) -> Option<T> {
    known.iter().find(|(e, _)| *e == ext).map(|(_, f)| *f)
}

/// Writes what was made to `output`, or to standard output. A picture is not written
/// to a terminal: the message says how to save it.
pub fn write(made: Made, output: Option<&PathBuf>) -> Result<(), String> {
    let (bytes, picture) = match made {
        Made::Text(mut s) => {
            if !s.is_empty() && !s.ends_with('\n') {
                s.push('\n');
            }
            (s.into_bytes(), None)
        }
        Made::Svg(s) => (s.into_bytes(), Some("SVG")),
        Made::Binary(b, kind) => (b, Some(kind)),
    };
    match output {
        Some(path) if path.as_os_str() != "-" => {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty() && !d.exists()) {
                return Err(format!("cannot write {}: the folder {} does not exist", path.display(), dir.display()));
            }
            std::fs::write(path, &bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            // Said on standard error, so that a command writing a file is never silent.
            match picture {
                Some(kind) => eprintln!("wrote {} ({kind}, {} bytes)", path.display(), bytes.len()),
                None => eprintln!("wrote {} ({} bytes)", path.display(), bytes.len()),
            }
            Ok(())
        }
        _ => {
            let stdout = io::stdout();
            if let (Some(kind), true) = (picture, stdout.is_terminal()) {
                let ext = kind.to_ascii_lowercase();
                return Err(format!(
                    "the output is a picture ({kind}), not text for a terminal: write it to a file with -o picture.{ext} (or .svg, .png, .pdf), or redirect it (> picture.{ext})"
                ));
            }
            let mut lock = stdout.lock();
            match lock.write_all(&bytes).and_then(|_| lock.flush()) {
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(format!("cannot write output: {e}")),
                _ => Ok(()),
            }
        }
    }
}
