//! The sequence labeller: a linear-chain model (label transitions plus hashed token
//! features, trained as a structured averaged perceptron) decoded with Viterbi, and its
//! compact binary form.

use crate::error::{Error, ErrorKind, Result};

/// The labels a token can take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[allow(missing_docs)]
pub enum Label {
    Author,
    Editor,
    /// A translator, director or other contributor.
    Contributor,
    Date,
    Title,
    /// The journal, the book holding a chapter, the proceedings or the site.
    Container,
    /// A series.
    Collection,
    /// The volume, with the issue where it is printed with it (`25(3)`).
    Volume,
    Pages,
    Edition,
    /// A genre such as `PhD thesis` or `Technical report`.
    Genre,
    Publisher,
    Location,
    Doi,
    Url,
    /// Anything else printed: an ISBN, an access date, a translation's original.
    Note,
    /// A citation number or label at the start.
    Number,
}

impl Label {
    /// Every label, in the model's order.
    pub const ALL: [Label; 17] = [
        Label::Author,
        Label::Editor,
        Label::Contributor,
        Label::Date,
        Label::Title,
        Label::Container,
        Label::Collection,
        Label::Volume,
        Label::Pages,
        Label::Edition,
        Label::Genre,
        Label::Publisher,
        Label::Location,
        Label::Doi,
        Label::Url,
        Label::Note,
        Label::Number,
    ];

    /// The number of labels.
    pub const COUNT: usize = Label::ALL.len();

    /// The label's name, as `--explain` prints it.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Author => "author",
            Label::Editor => "editor",
            Label::Contributor => "contributor",
            Label::Date => "date",
            Label::Title => "title",
            Label::Container => "container-title",
            Label::Collection => "collection-title",
            Label::Volume => "volume",
            Label::Pages => "pages",
            Label::Edition => "edition",
            Label::Genre => "genre",
            Label::Publisher => "publisher",
            Label::Location => "location",
            Label::Doi => "doi",
            Label::Url => "url",
            Label::Note => "note",
            Label::Number => "citation-number",
        }
    }

    /// The label's index in [`Label::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The label of a name ([`Label::as_str`], or the names annotated data uses:
    /// `journal`, `translator`, `isbn`...). `None` for an unknown name.
    pub fn from_name(name: &str) -> Option<Label> {
        Some(match name {
            "author" => Label::Author,
            "editor" => Label::Editor,
            "translator" | "director" | "producer" | "contributor" => Label::Contributor,
            "date" | "year" => Label::Date,
            "title" => Label::Title,
            "journal" | "container-title" | "container" => Label::Container,
            "collection-title" => Label::Collection,
            "volume" | "issue" => Label::Volume,
            "pages" => Label::Pages,
            "edition" => Label::Edition,
            "genre" | "medium" => Label::Genre,
            "publisher" => Label::Publisher,
            "location" => Label::Location,
            "doi" => Label::Doi,
            "url" => Label::Url,
            "note" | "isbn" | "source" => Label::Note,
            "citation-number" => Label::Number,
            _ => return None,
        })
    }
}

const MAGIC: &[u8; 4] = b"BGRP";
/// The version of the binary form: 2 records whether the rules' reading is a feature; 1 (without
/// it) is still read; later versions are refused.
pub const FORMAT_VERSION: u32 = 2;

/// The row of the weight table that a hashed feature falls in, for a table of `2^bits` rows.
pub fn row(feature: u64, bits: u32) -> usize {
    // Fibonacci hashing spreads the FNV hash's low bits.
    (feature.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize
}

/// A trained model: quantised feature weights (one row of [`Label::COUNT`] per hashed
/// feature) and transition scores (`start` row first, then one row per label).
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    bits: u32,
    scale: f32,
    weights: Vec<i16>,
    transitions: Vec<f32>,
    /// Whether the features include the rule parser's reading ([`super::guess`]).
    rules: bool,
    /// Free text recorded by the trainer (data, seed, date).
    pub info: String,
}

/// A labelled token: its label, and the model's confidence in it (the marginal probability
/// of the label at the token, reading the scores as a linear-chain CRF's potentials).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tagged {
    /// The label Viterbi chose.
    pub label: Label,
    /// Its marginal probability, 0 to 1.
    pub score: f32,
}

impl Model {
    /// A model from trained weights: `weights` has `2^bits * Label::COUNT` entries (row per
    /// hashed feature), `transitions` `(Label::COUNT + 1) * Label::COUNT` (start row first).
    ///
    /// # Errors
    /// [`ErrorKind::Invalid`] if the sizes do not match.
    pub fn from_weights(bits: u32, weights: &[f32], transitions: &[f32], info: String) -> Result<Model> {
        let l = Label::COUNT;
        if !(8..=24).contains(&bits) || weights.len() != (1 << bits) * l || transitions.len() != (l + 1) * l {
            return Err(Error::new(ErrorKind::Invalid, "model weights of the wrong size"));
        }
        let max = weights.iter().fold(0f32, |m, w| m.max(w.abs())).max(1e-9);
        let scale = max / f32::from(i16::MAX);
        let weights = weights.iter().map(|w| (w / scale).round() as i16).collect();
        Ok(Model { bits, scale, weights, transitions: transitions.to_vec(), rules: false, info })
    }

    /// The same model, with the rule parser's reading among its features or not.
    pub fn with_rules_feature(mut self, rules: bool) -> Model {
        self.rules = rules;
        self
    }

    /// Whether the features include the rule parser's reading of the reference.
    pub fn uses_rules(&self) -> bool {
        self.rules
    }

    /// The binary form: magic, version, sizes, whether the rules' reading is a feature, scale, transitions, then the non-zero weights
    /// as (index, value) pairs, all little-endian.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&(Label::COUNT as u32).to_le_bytes());
        out.extend_from_slice(&self.bits.to_le_bytes());
        out.push(u8::from(self.rules));
        out.extend_from_slice(&self.scale.to_le_bytes());
        out.extend_from_slice(&(self.info.len() as u32).to_le_bytes());
        out.extend_from_slice(self.info.as_bytes());
        for t in &self.transitions {
            out.extend_from_slice(&t.to_le_bytes());
        }
        let nonzero: Vec<(u32, i16)> =
            self.weights.iter().enumerate().filter(|(_, w)| **w != 0).map(|(i, w)| (i as u32, *w)).collect();
        out.extend_from_slice(&(nonzero.len() as u32).to_le_bytes());
        // Gaps between indices as varints, then the values: smaller than fixed-width pairs.
        let mut last = 0u32;
        for (i, _) in &nonzero {
            let mut gap = i - last;
            last = *i;
            loop {
                let byte = (gap & 0x7f) as u8;
                gap >>= 7;
                if gap == 0 {
                    out.push(byte);
                    break;
                }
                out.push(byte | 0x80);
            }
        }
        for (_, w) in &nonzero {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out
    }

    /// Reads the binary form.
    ///
    /// # Errors
    /// [`ErrorKind::Invalid`] for another format, version or label set, or truncated data.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model> {
        let bad = |what: &str| Error::new(ErrorKind::Invalid, format!("reference model: {what}"));
        let mut at = 0usize;
        let mut take = |n: usize| -> Result<&[u8]> {
            let s = bytes.get(at..at + n).ok_or_else(|| bad("truncated"))?;
            at += n;
            Ok(s)
        };
        if take(4)? != MAGIC {
            return Err(bad("not a bibgraph reference model"));
        }
        let u32_of = |s: &[u8]| u32::from_le_bytes([s[0], s[1], s[2], s[3]]);
        let version = u32_of(take(4)?);
        if !(1..=FORMAT_VERSION).contains(&version) {
            return Err(bad(&format!("format version {version}, this build reads {FORMAT_VERSION}")));
        }
        if u32_of(take(4)?) as usize != Label::COUNT {
            return Err(bad("another label set"));
        }
        let bits = u32_of(take(4)?);
        if !(8..=24).contains(&bits) {
            return Err(bad("bad table size"));
        }
        let rules = match if version == 1 { 0 } else { take(1)?[0] } {
            0 => false,
            1 => true,
            _ => return Err(bad("bad feature set")),
        };
        let scale = f32::from_le_bytes(take(4)?.try_into().map_err(|_| bad("truncated"))?);
        let info_len = u32_of(take(4)?) as usize;
        let info = String::from_utf8_lossy(take(info_len)?).into_owned();
        let l = Label::COUNT;
        let transitions =
            take((l + 1) * l * 4)?.chunks_exact(4).map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
        let count = u32_of(take(4)?) as usize;
        let size = (1usize << bits) * l;
        let mut indices = Vec::with_capacity(count);
        let mut last = 0usize;
        for _ in 0..count {
            let (mut gap, mut shift) = (0usize, 0u32);
            loop {
                let b = take(1)?[0];
                gap |= usize::from(b & 0x7f) << shift;
                shift += 7;
                if b & 0x80 == 0 || shift > 28 {
                    break;
                }
            }
            last += gap;
            if last >= size {
                return Err(bad("weight index out of range"));
            }
            indices.push(last);
        }
        let values = take(count * 2)?;
        let mut weights = vec![0i16; size];
        for (k, i) in indices.into_iter().enumerate() {
            weights[i] = i16::from_le_bytes([values[2 * k], values[2 * k + 1]]);
        }
        Ok(Model { bits, scale, weights, transitions, rules, info })
    }

    /// The number of rows of the weight table, as a power of two.
    pub fn bits(&self) -> u32 {
        self.bits
    }

    /// The emission scores: `Label::COUNT` per token.
    fn emissions(&self, features: &super::Features) -> Vec<f32> {
        let l = Label::COUNT;
        let mut out = vec![0f32; features.len() * l];
        let mut acc = [0i32; Label::COUNT];
        for i in 0..features.len() {
            acc.fill(0);
            for f in features.of(i) {
                let r = row(*f, self.bits) * l;
                for (a, w) in acc.iter_mut().zip(&self.weights[r..r + l]) {
                    *a += i32::from(*w);
                }
            }
            for (o, a) in out[i * l..(i + 1) * l].iter_mut().zip(acc) {
                *o = a as f32 * self.scale;
            }
        }
        out
    }

    /// The best label sequence for the tokens (Viterbi).
    pub fn labels(&self, features: &super::Features) -> Vec<Label> {
        let n = features.len();
        if n == 0 {
            return Vec::new();
        }
        let l = Label::COUNT;
        let e = self.emissions(features);
        let mut score = vec![0f32; l];
        for (y, s) in score.iter_mut().enumerate() {
            *s = self.transitions[y] + e[y];
        }
        let mut back = vec![0u8; n * l];
        let mut next = vec![0f32; l];
        for i in 1..n {
            for y in 0..l {
                let (mut best, mut arg) = (f32::NEG_INFINITY, 0usize);
                for (p, s) in score.iter().enumerate() {
                    let v = s + self.transitions[(p + 1) * l + y];
                    if v > best {
                        best = v;
                        arg = p;
                    }
                }
                next[y] = best + e[i * l + y];
                back[i * l + y] = arg as u8;
            }
            std::mem::swap(&mut score, &mut next);
        }
        let mut y = (0..l).max_by(|a, b| score[*a].total_cmp(&score[*b])).unwrap_or(0);
        let mut out = vec![Label::Author; n];
        for i in (0..n).rev() {
            out[i] = Label::ALL[y];
            y = back[i * l + y] as usize;
        }
        out
    }

    /// The best labels with each one's marginal probability (forward-backward over the
    /// same scores). For `--explain`; slower than [`Model::labels`].
    pub fn tag(&self, features: &super::Features) -> Vec<Tagged> {
        let labels = self.labels(features);
        let n = labels.len();
        if n == 0 {
            return Vec::new();
        }
        let l = Label::COUNT;
        let e = self.emissions(features);
        let t = &self.transitions;
        let lse = |xs: &mut dyn Iterator<Item = f32>| {
            let v: Vec<f32> = xs.collect();
            let m = v.iter().copied().fold(f32::NEG_INFINITY, f32::max);
            m + v.iter().map(|x| (x - m).exp()).sum::<f32>().ln()
        };
        let mut alpha = vec![0f32; n * l];
        let mut beta = vec![0f32; n * l];
        for y in 0..l {
            alpha[y] = t[y] + e[y];
        }
        for i in 1..n {
            for y in 0..l {
                alpha[i * l + y] = e[i * l + y] + lse(&mut (0..l).map(|p| alpha[(i - 1) * l + p] + t[(p + 1) * l + y]));
            }
        }
        for i in (0..n - 1).rev() {
            for y in 0..l {
                beta[i * l + y] =
                    lse(&mut (0..l).map(|q| t[(y + 1) * l + q] + e[(i + 1) * l + q] + beta[(i + 1) * l + q]));
            }
        }
        let z = lse(&mut (0..l).map(|y| alpha[(n - 1) * l + y]));
        labels
            .iter()
            .enumerate()
            .map(|(i, label)| {
                let y = label.index();
                Tagged { label: *label, score: (alpha[i * l + y] + beta[i * l + y] - z).exp().clamp(0.0, 1.0) }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_names_round_trip() {
        for l in Label::ALL {
            assert_eq!(Label::from_name(l.as_str()), Some(l));
            assert_eq!(Label::ALL[l.index()], l);
        }
        assert_eq!(Label::from_name("journal"), Some(Label::Container));
        assert_eq!(Label::from_name("nonsense"), None);
    }

    #[test]
    fn binary_form_round_trips_and_refuses_other_data() {
        let l = Label::COUNT;
        let mut w = vec![0f32; (1 << 8) * l];
        w[5] = 1.5;
        w[300] = -2.0;
        w[(1 << 8) * l - 1] = 0.25;
        let t: Vec<f32> = (0..(l + 1) * l).map(|i| i as f32 / 10.0).collect();
        let m = Model::from_weights(8, &w, &t, "test".into()).unwrap().with_rules_feature(true);
        let back = Model::from_bytes(&m.to_bytes()).unwrap();
        assert_eq!(back, m);
        assert!(Model::from_bytes(b"BGRP").is_err());
        assert!(Model::from_bytes(b"nothing at all here").is_err());
        let bytes = m.to_bytes();
        assert!(Model::from_bytes(&bytes[..bytes.len() - 1]).is_err());
        assert!(Model::from_weights(8, &w[1..], &t, String::new()).is_err());
    }
}
