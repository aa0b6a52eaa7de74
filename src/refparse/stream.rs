//! Reading a reference list as a stream, with memory that does not grow with its length.

use super::head::parse_head;
use super::{parse_list_keys, ParseOptions, Reference};
use crate::error::{Error, ErrorKind, Result};
use std::collections::{HashMap, VecDeque};
use std::io::BufRead;

/// How many lines a chunk holds before it is cut at the next entry start.
const CHUNK_LINES: usize = 256;

/// How many lines a chunk holds at most: input where no line starts an entry (garbage, or
/// prose) is cut here anywhere, so that memory stays bounded.
const MAX_CHUNK_LINES: usize = 16 * CHUNK_LINES;

/// An iterator over the references of a list read from a [`BufRead`], one at a time.
///
/// The input is cut into chunks of about 256 lines at lines that start an entry, and each
/// chunk is read by [`parse_list`](super::parse_list); so entries, keys, repairs and flags are
/// the same as for the whole list (a list shorter than a chunk gives exactly the same
/// references), except for two checks across entries, which see one chunk at a time:
/// initials that differ by an accent, and journal volumes whose years disagree. Keys stay
/// unique across the whole stream (`-2`, `-3` as in a whole list). Memory holds one chunk
/// and the count of each key given (about 80 bytes a distinct key), whatever the length of the
/// list. Bytes that are not UTF-8 are read as U+FFFD, as `String::from_utf8_lossy` does.
///
/// ```
/// use bibgraph::refparse::{ReferenceStream, ParseOptions};
/// let text = "- Jessup P (1956) *Transnational Law*. New Haven, CT: Yale University Press.\n\
///             - Aron R (1966) *Peace and War*. Garden City, NY: Doubleday.\n";
/// let keys: Vec<String> = ReferenceStream::new(text.as_bytes(), "refs.txt", ParseOptions::default())
///     .map(|r| r.map(|r| r.work.key.to_string()))
///     .collect::<Result<_, _>>()?;
/// assert_eq!(keys, ["jessup1956", "aron1966"]);
/// # Ok::<(), bibgraph::Error>(())
/// ```
pub struct ReferenceStream<R> {
    reader: R,
    file: String,
    options: ParseOptions,
    /// Lines read but not yet parsed: the start of the next chunk.
    pending: String,
    /// Line number (0-based) of the first line of `pending`.
    pending_line: u32,
    /// Byte offset of `pending` in the input.
    pending_offset: usize,
    ready: VecDeque<Reference>,
    /// The keys given so far, with their counts.
    keys: HashMap<String, usize>,
    done: bool,
}

impl<R: BufRead> ReferenceStream<R> {
    /// A stream over `reader`; `file` names the input in locations.
    pub fn new(reader: R, file: impl Into<String>, options: ParseOptions) -> Self {
        ReferenceStream {
            reader,
            file: file.into(),
            options,
            pending: String::new(),
            pending_line: 0,
            pending_offset: 0,
            ready: VecDeque::new(),
            keys: HashMap::new(),
            done: false,
        }
    }

    /// Reads lines until a chunk is complete, parses it, and queues its references.
    fn fill(&mut self) -> Result<()> {
        let mut lines_in_chunk = self.pending.lines().count();
        let mut bytes = Vec::new();
        loop {
            bytes.clear();
            let n = self
                .reader
                .read_until(b'\n', &mut bytes)
                .map_err(|e| Error::new(ErrorKind::Io, format!("cannot read {}: {e}", self.file)).with_source(e))?;
            if n == 0 {
                self.done = true;
                break;
            }
            let line = String::from_utf8_lossy(&bytes);
            let content = line.trim_start().trim_start_matches(['-', '*', '•', ' ']);
            let starts_entry = self.options.one_per_line || parse_head(content).is_some();
            if lines_in_chunk >= MAX_CHUNK_LINES || lines_in_chunk >= CHUNK_LINES && starts_entry {
                let chunk = std::mem::take(&mut self.pending);
                self.parse_chunk(&chunk);
                self.pending.push_str(&line);
                return Ok(());
            }
            self.pending.push_str(&line);
            lines_in_chunk += 1;
        }
        let chunk = std::mem::take(&mut self.pending);
        self.parse_chunk(&chunk);
        Ok(())
    }

    fn parse_chunk(&mut self, chunk: &str) {
        if chunk.is_empty() {
            return;
        }
        let list = parse_list_keys(chunk, &self.file, &self.options, self.pending_line, &mut self.keys);
        for mut r in list.references {
            r.span = r.span.start + self.pending_offset..r.span.end + self.pending_offset;
            self.ready.push_back(r);
        }
        self.pending_line += chunk.lines().count() as u32;
        self.pending_offset += chunk.len();
    }
}

impl<R: BufRead> Iterator for ReferenceStream<R> {
    type Item = Result<Reference>;

    fn next(&mut self) -> Option<Self::Item> {
        while self.ready.is_empty() && !self.done {
            if let Err(e) = self.fill() {
                self.done = true;
                return Some(Err(e));
            }
        }
        self.ready.pop_front().map(Ok)
    }
}
