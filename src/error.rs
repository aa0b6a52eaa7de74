//! The crate's one public error type, and the located diagnostics it carries.
//!
//! Errors from dependencies (serde_yaml, serde_json, biblatex, I/O) are kept as
//! [`std::error::Error::source`], never exposed as public variants, so that a
//! dependency can be swapped without changing this API.

use std::fmt;
use std::sync::Arc;

/// A place in an input: file, 1-based line and 1-based column (in characters).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub struct Location {
    /// The file name as the user gave it, or `<stdin>`, or `builtin:...` for the built-in corpus.
    pub file: Arc<str>,
    /// 1-based line.
    pub line: u32,
    /// 1-based column, counted in characters.
    pub column: u32,
}

impl Location {
    /// A location in `file` at `line`:`column` (both 1-based).
    pub fn new(file: impl Into<Arc<str>>, line: u32, column: u32) -> Self {
        Location { file: file.into(), line, column }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

/// How serious a [`Diagnostic`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Something was repaired or noticed; nothing is wrong with the result.
    Note,
    /// The input is suspicious (a misprint, an inconsistency); the result may be wrong.
    Warning,
    /// The input is invalid; loading fails.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// One located finding about the input: a repair, a suspicious value, an invalid one.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// A short stable code, e.g. `misprint`, `unknown-work`, `duplicate-key`.
    pub code: String,
    /// What is wrong, in lowercase words without trailing punctuation.
    pub message: String,
    /// Where, if known.
    pub location: Option<Location>,
    /// What was being read: an entry key, or a reference's first words.
    pub subject: Option<String>,
}

impl Diagnostic {
    /// A new diagnostic with no location or subject.
    pub fn new(severity: Severity, code: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic { severity, code: code.into(), message: message.into(), location: None, subject: None }
    }

    /// Sets the location.
    pub fn at(mut self, location: Option<Location>) -> Self {
        self.location = location;
        self
    }

    /// Sets the subject (entry key or first words).
    pub fn about(mut self, subject: impl Into<String>) -> Self {
        self.subject = Some(subject.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}[{}]: {}", self.severity, self.code, self.message)?;
        if let Some(loc) = &self.location {
            write!(f, " at {loc}")?;
        }
        if let Some(subject) = &self.subject {
            write!(f, " (in `{subject}`)")?;
        }
        Ok(())
    }
}

/// What kind of failure an [`Error`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A file could not be read.
    Io,
    /// A file could not be parsed at all (bad YAML or JSON, a value of the wrong shape).
    Syntax,
    /// The input parsed but is invalid: unknown keys, duplicates, malformed values.
    /// [`Error::diagnostics`] lists every problem.
    Invalid,
    /// A name (work, concept) matched nothing; the message lists the nearest candidates.
    NotFound,
    /// A name matched more than one thing; the message lists them.
    Ambiguous,
    /// A query has no answer (e.g. no lineage path between two works).
    NoPath,
    /// The lineage edges contain a cycle; the message lists it.
    Cycle,
    /// Writing output failed.
    Output,
}

/// The error type of every fallible bibgraph operation.
///
/// It says what kind of failure it is ([`Error::kind`]), where ([`Error::location`]),
/// and, for an invalid corpus, every problem found ([`Error::diagnostics`]).
pub struct Error {
    inner: Box<Inner>,
}

struct Inner {
    kind: ErrorKind,
    message: String,
    location: Option<Location>,
    diagnostics: Vec<Diagnostic>,
    candidates: Vec<String>,
    source: Option<Box<dyn std::error::Error + Send + Sync + 'static>>,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            inner: Box::new(Inner {
                kind,
                message: message.into(),
                location: None,
                diagnostics: Vec::new(),
                candidates: Vec::new(),
                source: None,
            }),
        }
    }

    pub(crate) fn at(mut self, location: Option<Location>) -> Self {
        self.inner.location = location;
        self
    }

    pub(crate) fn with_source(mut self, source: impl std::error::Error + Send + Sync + 'static) -> Self {
        self.inner.source = Some(Box::new(source));
        self
    }

    pub(crate) fn with_candidates(mut self, candidates: Vec<String>) -> Self {
        self.inner.candidates = candidates;
        self
    }

    /// An error made of the error-severity diagnostics found while validating.
    pub(crate) fn invalid(diagnostics: Vec<Diagnostic>) -> Self {
        let first = diagnostics.iter().find(|d| d.severity == Severity::Error).cloned();
        let count = diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
        let message = match &first {
            Some(d) if count == 2 => format!("{} (and 1 more error)", d.message),
            Some(d) if count > 2 => format!("{} (and {} more errors)", d.message, count - 1),
            Some(d) => d.message.clone(),
            None => "invalid input".to_string(),
        };
        let mut e = Error::new(ErrorKind::Invalid, message).at(first.and_then(|d| d.location));
        e.inner.diagnostics = diagnostics;
        e
    }

    /// What kind of failure this is.
    pub fn kind(&self) -> ErrorKind {
        self.inner.kind
    }

    /// Where it happened, if it has one place.
    pub fn location(&self) -> Option<&Location> {
        self.inner.location.as_ref()
    }

    /// Every problem found, for [`ErrorKind::Invalid`]; empty otherwise.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.inner.diagnostics
    }

    /// For [`ErrorKind::NotFound`] and [`ErrorKind::Ambiguous`]: the candidates, nearest first.
    pub fn candidates(&self) -> &[String] {
        &self.inner.candidates
    }

    /// The message without the location.
    pub fn message(&self) -> &str {
        &self.inner.message
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Error")
            .field("kind", &self.inner.kind)
            .field("message", &self.inner.message)
            .field("location", &self.inner.location)
            .field("diagnostics", &self.inner.diagnostics.len())
            .finish()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(loc) = &self.inner.location {
            write!(f, "{loc}: ")?;
        }
        f.write_str(&self.inner.message)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.inner.source.as_deref().map(|e| e as &(dyn std::error::Error + 'static))
    }
}

/// `Result` with bibgraph's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
