//! Text encodings of inputs: the one place where bytes read from a file or standard input
//! become text.
//!
//! [`decode`] takes a file's bytes and gives UTF-8: UTF-8 as it is (a byte-order mark
//! dropped), UTF-16 in either byte order, with a byte-order mark or without one (told by
//! the zero bytes of its ASCII characters), decoded. UTF-16 that cannot be decoded (an odd
//! number of bytes, a lone surrogate) is one located error. Bytes that are not UTF-8 are
//! left to the reader of each format, which reports where they are (BibTeX, CSL-JSON) or
//! fails naming the place (YAML). [`Reader`] does the same for a stream, read a piece at a
//! time.
//!
//! ```
//! let utf16: Vec<u8> = [0xFF, 0xFE].into_iter()
//!     .chain("@book{k, year = 2001}".encode_utf16().flat_map(u16::to_le_bytes))
//!     .collect();
//! let text = bibgraph::encoding::decode(utf16, "my.bib")?;
//! assert_eq!(text, b"@book{k, year = 2001}");
//! let err = bibgraph::encoding::decode(vec![0xFF, 0xFE, b'a'], "my.bib").unwrap_err();
//! assert_eq!(err.to_string(), "my.bib:1:1: utf-16 (little-endian) text with an odd number of bytes");
//! # Ok::<(), bibgraph::Error>(())
//! ```

use crate::error::{Error, ErrorKind, Location, Result};
use std::io::{self, BufRead, Read};

/// How a text was encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 (or bytes that are not text at all), with no byte-order mark.
    Utf8,
    /// UTF-8 after a byte-order mark.
    Utf8Bom,
    /// UTF-16, little-endian; `bom` if a byte-order mark said so.
    Utf16Le {
        /// Whether a byte-order mark came first.
        bom: bool,
    },
    /// UTF-16, big-endian; `bom` if a byte-order mark said so.
    Utf16Be {
        /// Whether a byte-order mark came first.
        bom: bool,
    },
}

impl Encoding {
    /// How many bytes of byte-order mark come first.
    pub fn bom_len(self) -> usize {
        match self {
            Encoding::Utf8 | Encoding::Utf16Le { bom: false } | Encoding::Utf16Be { bom: false } => 0,
            Encoding::Utf8Bom => 3,
            Encoding::Utf16Le { bom: true } | Encoding::Utf16Be { bom: true } => 2,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 | Encoding::Utf8Bom => "utf-8",
            Encoding::Utf16Le { .. } => "utf-16 (little-endian)",
            Encoding::Utf16Be { .. } => "utf-16 (big-endian)",
        }
    }
}

/// How many bytes [`sniff`] looks at, at most.
pub const SNIFF_BYTES: usize = 1024;

/// The encoding of a text that starts with `head` (its first [`SNIFF_BYTES`] bytes are
/// enough). Without a byte-order mark, a text is UTF-16 when at least half of its
/// first characters (eight at least) have a zero high byte and hardly any (an eighth as many) a zero low
/// byte: ASCII letters, digits and punctuation in UTF-16. A UTF-8 text with a few NULs is
/// still UTF-8.
pub fn sniff(head: &[u8]) -> Encoding {
    match head {
        [0xEF, 0xBB, 0xBF, ..] => return Encoding::Utf8Bom,
        [0xFF, 0xFE, ..] => return Encoding::Utf16Le { bom: true },
        [0xFE, 0xFF, ..] => return Encoding::Utf16Be { bom: true },
        _ => {}
    }
    let head = &head[..head.len().min(SNIFF_BYTES) & !1];
    let pairs = head.len() / 2;
    if pairs < 8 {
        return Encoding::Utf8;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in head.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    if odd * 2 >= pairs && even * 8 <= odd {
        Encoding::Utf16Le { bom: false }
    } else if even * 2 >= pairs && odd * 8 <= even {
        Encoding::Utf16Be { bom: false }
    } else {
        Encoding::Utf8
    }
}

/// A file's bytes as UTF-8: see the [module](self). Bytes that are neither UTF-16 nor
/// valid UTF-8 come back as they are.
///
/// # Errors
/// [`ErrorKind::Syntax`], located in `file`, for UTF-16 with an odd number of bytes or a
/// lone surrogate.
///
/// # Complexity
/// O(n); UTF-8 input is not copied.
pub fn decode(mut bytes: Vec<u8>, file: &str) -> Result<Vec<u8>> {
    let encoding = sniff(&bytes[..bytes.len().min(SNIFF_BYTES)]);
    match encoding {
        Encoding::Utf8 => Ok(bytes),
        Encoding::Utf8Bom => {
            bytes.drain(..3);
            Ok(bytes)
        }
        Encoding::Utf16Le { .. } | Encoding::Utf16Be { .. } => {
            let mut out = Utf16::new(encoding);
            out.push(&bytes[encoding.bom_len()..]);
            out.finish().map_err(|p| p.error(encoding, file))?;
            Ok(out.text)
        }
    }
}

/// As [`decode`], then as text: bytes that are not UTF-8 read as U+FFFD.
///
/// # Errors
/// As [`decode`].
pub fn decode_lossy(bytes: Vec<u8>, file: &str) -> Result<String> {
    let bytes = decode(bytes, file)?;
    Ok(String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}

/// Where UTF-16 went wrong: the text decoded before it, and what.
struct Problem {
    line: u32,
    column: u32,
    what: &'static str,
}

impl Problem {
    fn error(&self, encoding: Encoding, file: &str) -> Error {
        Error::new(ErrorKind::Syntax, format!("{} text with {}", encoding.name(), self.what)).at(Some(Location::new(
            file,
            self.line,
            self.column,
        )))
    }
}

/// An incremental UTF-16 decoder into UTF-8, keeping count of lines and columns.
struct Utf16 {
    big_endian: bool,
    text: Vec<u8>,
    /// A byte left over from an odd-sized piece.
    odd: Option<u8>,
    /// A high surrogate waiting for its low half.
    high: Option<u16>,
    line: u32,
    column: u32,
    problem: Option<Problem>,
}

impl Utf16 {
    fn new(encoding: Encoding) -> Self {
        Utf16 {
            big_endian: matches!(encoding, Encoding::Utf16Be { .. }),
            text: Vec::new(),
            odd: None,
            high: None,
            line: 1,
            column: 1,
            problem: None,
        }
    }

    fn unit(&mut self, u: u16) {
        if self.problem.is_some() {
            return;
        }
        let c = match (self.high.take(), u) {
            (Some(h), 0xDC00..=0xDFFF) => {
                char::from_u32(0x10000 + ((u32::from(h) - 0xD800) << 10) + (u32::from(u) - 0xDC00))
            }
            (Some(_), _) => None,
            (None, 0xD800..=0xDBFF) => {
                self.high = Some(u);
                return;
            }
            (None, 0xDC00..=0xDFFF) => None,
            (None, u) => char::from_u32(u32::from(u)),
        };
        let Some(c) = c else {
            self.problem = Some(Problem { line: self.line, column: self.column, what: "a lone surrogate" });
            return;
        };
        let mut buf = [0u8; 4];
        self.text.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        if c == '\n' {
            self.line += 1;
            self.column = 1;
        } else {
            self.column += 1;
        }
    }

    fn push(&mut self, bytes: &[u8]) {
        self.text.reserve(bytes.len() / 2 + bytes.len() / 8);
        let mut bytes = bytes;
        if let (Some(first), Some((&second, rest))) = (self.odd, bytes.split_first()) {
            self.odd = None;
            self.unit(self.pair(first, second));
            bytes = rest;
        }
        let mut pairs = bytes.chunks_exact(2);
        for p in pairs.by_ref() {
            self.unit(self.pair(p[0], p[1]));
        }
        if let [last] = pairs.remainder() {
            self.odd = Some(*last);
        }
    }

    fn pair(&self, a: u8, b: u8) -> u16 {
        if self.big_endian {
            u16::from_be_bytes([a, b])
        } else {
            u16::from_le_bytes([a, b])
        }
    }

    /// Ends the text: a byte or a high surrogate left over is a problem.
    fn finish(&mut self) -> std::result::Result<(), Problem> {
        if let Some(p) = self.problem.take() {
            return Err(p);
        }
        let (line, column) = (self.line, self.column);
        if self.odd.is_some() {
            return Err(Problem { line, column, what: "an odd number of bytes" });
        }
        if self.high.is_some() {
            return Err(Problem { line, column, what: "a lone surrogate" });
        }
        Ok(())
    }
}

/// A reader that gives UTF-8 for a stream in any encoding [`decode`] reads, a piece at a
/// time: memory holds one piece, whatever the length of the stream.
pub struct Reader<R> {
    inner: R,
    file: String,
    /// Decided after the first bytes.
    encoding: Option<Encoding>,
    /// Bytes read while deciding, for a UTF-8 stream.
    head: Vec<u8>,
    utf16: Option<Utf16>,
    /// Decoded bytes not yet handed out, from `pos`.
    out: Vec<u8>,
    pos: usize,
    done: bool,
}

impl<R: BufRead> Reader<R> {
    /// A reader over `inner`; `file` names the stream in errors.
    pub fn new(inner: R, file: impl Into<String>) -> Self {
        Reader {
            inner,
            file: file.into(),
            encoding: None,
            head: Vec::new(),
            utf16: None,
            out: Vec::new(),
            pos: 0,
            done: false,
        }
    }

    /// The stream's encoding, once a first piece was read.
    pub fn encoding(&self) -> Option<Encoding> {
        self.encoding
    }

    fn invalid(&self, p: &Problem) -> io::Error {
        let encoding = self.encoding.unwrap_or(Encoding::Utf8);
        io::Error::new(io::ErrorKind::InvalidData, p.error(encoding, &self.file).to_string())
    }

    /// Reads the first bytes and decides the encoding.
    fn start(&mut self) -> io::Result<()> {
        while self.head.len() < SNIFF_BYTES {
            let buf = self.inner.fill_buf()?;
            if buf.is_empty() {
                break;
            }
            let n = buf.len().min(SNIFF_BYTES - self.head.len());
            self.head.extend_from_slice(&buf[..n]);
            self.inner.consume(n);
        }
        let encoding = sniff(&self.head);
        self.encoding = Some(encoding);
        let head = std::mem::take(&mut self.head);
        let body = &head[encoding.bom_len()..];
        match encoding {
            Encoding::Utf8 | Encoding::Utf8Bom => self.out = body.to_vec(),
            _ => {
                let mut d = Utf16::new(encoding);
                d.push(body);
                if let Some(p) = d.problem.take() {
                    return Err(self.invalid(&p));
                }
                self.out = std::mem::take(&mut d.text);
                self.utf16 = Some(d);
            }
        }
        self.pos = 0;
        Ok(())
    }

    /// Refills `out` from the stream when it is used up.
    fn refill(&mut self) -> io::Result<()> {
        if self.encoding.is_none() {
            self.start()?;
            if self.pos < self.out.len() {
                return Ok(());
            }
        }
        while self.pos >= self.out.len() && !self.done {
            self.out.clear();
            self.pos = 0;
            let buf = self.inner.fill_buf()?;
            let n = buf.len();
            if n == 0 {
                self.done = true;
                if let Some(d) = self.utf16.as_mut() {
                    if let Err(p) = d.finish() {
                        return Err(self.invalid(&p));
                    }
                }
                break;
            }
            match self.utf16.as_mut() {
                Some(d) => {
                    d.push(buf);
                    if let Some(p) = d.problem.take() {
                        self.inner.consume(n);
                        return Err(self.invalid(&p));
                    }
                    std::mem::swap(&mut self.out, &mut d.text);
                }
                None => self.out.extend_from_slice(buf),
            }
            self.inner.consume(n);
        }
        Ok(())
    }
}

impl<R: BufRead> Read for Reader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(buf.len());
        buf[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Reader<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.pos >= self.out.len() {
            self.refill()?;
        }
        Ok(&self.out[self.pos..])
    }

    fn consume(&mut self, amount: usize) {
        self.pos = (self.pos + amount).min(self.out.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, big: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        let units = bom.then_some(0xFEFF).into_iter().chain(text.encode_utf16());
        for u in units {
            out.extend_from_slice(&if big { u.to_be_bytes() } else { u.to_le_bytes() });
        }
        out
    }

    #[test]
    fn utf16_in_either_byte_order_with_or_without_a_bom_is_decoded() {
        let text = "Erdős P (1950) Über Graphen 𝔊.\nZ\n";
        for big in [false, true] {
            for bom in [false, true] {
                assert_eq!(decode(utf16(text, big, bom), "f").unwrap(), text.as_bytes(), "big {big} bom {bom}");
            }
        }
    }

    #[test]
    fn a_utf8_bom_is_dropped_and_utf8_kept() {
        assert_eq!(decode(b"\xEF\xBB\xBFab".to_vec(), "f").unwrap(), b"ab");
        assert_eq!(decode(b"a\0bcdefgh\0ij".to_vec(), "f").unwrap(), b"a\0bcdefgh\0ij");
        assert_eq!(decode(b"a\0b\0".to_vec(), "f").unwrap(), b"a\0b\0");
        assert_eq!(decode(b"\xFFnot utf-8".to_vec(), "f").unwrap(), b"\xFFnot utf-8");
        assert_eq!(decode(Vec::new(), "f").unwrap(), b"");
    }

    #[test]
    fn broken_utf16_is_one_located_error() {
        let mut lone = utf16("ab\ncd", false, true);
        lone.extend_from_slice(&0xDC00u16.to_le_bytes());
        assert_eq!(
            decode(lone, "f.txt").unwrap_err().to_string(),
            "f.txt:2:3: utf-16 (little-endian) text with a lone surrogate"
        );
        let odd = utf16("ab", true, true).into_iter().chain([0]).collect();
        assert_eq!(
            decode(odd, "f.txt").unwrap_err().to_string(),
            "f.txt:1:3: utf-16 (big-endian) text with an odd number of bytes"
        );
    }

    #[test]
    fn the_reader_decodes_a_stream_in_small_pieces() {
        let text = "line one\nline two é 𝔊\n".repeat(300);
        for (bytes, expected) in [
            (utf16(&text, false, false), text.clone()),
            (utf16(&text, true, true), text.clone()),
            ([b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(), text.clone()),
        ] {
            let mut out = String::new();
            // A buffer of 3 bytes cuts code units and characters apart.
            let inner = io::BufReader::with_capacity(3, bytes.as_slice());
            Reader::new(inner, "f").read_to_string(&mut out).unwrap();
            assert_eq!(out, expected);
        }
        let mut bad = utf16("ab", false, true);
        bad.push(0);
        let err = Reader::new(bad.as_slice(), "<stdin>").read_to_end(&mut Vec::new()).unwrap_err();
        assert_eq!(err.to_string(), "<stdin>:1:3: utf-16 (little-endian) text with an odd number of bytes");
    }
}
