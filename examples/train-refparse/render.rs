//! References with labels known by construction: each record is rendered by hayagriva in
//! a style, then rendered again with one field changed in every character (letters and
//! digits shifted, shape kept); where the two texts differ is where the style printed
//! that field. Then the damage real lists have is added, labels carried along.

use crate::dev::token_labels;
use crate::perceptron::Rng;
use bibgraph::model::{Name, PersonName, Work, Year};
use bibgraph::refparse::learned::Label;
use bibgraph::style::Style;
use std::collections::HashMap;

/// The fields varied, with their labels. Volume and issue share a label, as in AnyStyle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Authors,
    Editors,
    Year,
    Title,
    Container,
    Collection,
    Volume,
    Issue,
    Pages,
    Publisher,
    Place,
    Doi,
    Url,
    Edition,
    Genre,
    Number,
}

pub const FIELDS: [Field; 16] = [
    Field::Doi,
    Field::Url,
    Field::Pages,
    Field::Volume,
    Field::Issue,
    Field::Year,
    Field::Authors,
    Field::Editors,
    Field::Title,
    Field::Container,
    Field::Collection,
    Field::Publisher,
    Field::Place,
    Field::Edition,
    Field::Genre,
    Field::Number,
];

impl Field {
    pub fn label(self) -> Label {
        match self {
            Field::Authors => Label::Author,
            Field::Editors => Label::Editor,
            Field::Year => Label::Date,
            Field::Title => Label::Title,
            Field::Container => Label::Container,
            Field::Collection => Label::Collection,
            Field::Volume | Field::Issue => Label::Volume,
            Field::Pages => Label::Pages,
            Field::Publisher => Label::Publisher,
            Field::Place => Label::Location,
            Field::Doi => Label::Doi,
            Field::Url => Label::Url,
            Field::Edition => Label::Edition,
            Field::Genre => Label::Genre,
            Field::Number => Label::Note,
        }
    }
}

/// Every letter and digit shifted to another of its kind and case.
fn shift(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'a'..='y' | 'A'..='Y' => (c as u8 + 1) as char,
            'z' => 'a',
            'Z' => 'A',
            '0'..='8' => (c as u8 + 1) as char,
            '9' => '1',
            c if c.is_alphabetic() => {
                let up =
                    char::from_u32(c as u32 + 1).filter(|d| d.is_alphabetic() && d.is_uppercase() == c.is_uppercase());
                up.or_else(|| char::from_u32(c as u32 - 1)).unwrap_or(c)
            }
            c => c,
        })
        .collect()
}

fn shift_names(names: &[Name]) -> Vec<Name> {
    names
        .iter()
        .map(|n| match n {
            Name::Person(p) => Name::Person(PersonName {
                family: shift(&p.family),
                given: p.given.as_deref().map(shift),
                particle: p.particle.clone(),
                suffix: p.suffix.clone(),
            }),
            Name::Literal { literal } => Name::literal(shift(literal)),
        })
        .collect()
}

/// The tail of a link after its last `/`, shifted: the link stays a link.
fn shift_tail(s: &str) -> String {
    match s.rfind('/') {
        Some(i) => format!("{}{}", &s[..=i], shift(&s[i + 1..])),
        None => shift(s),
    }
}

/// `work` with `field` changed, or `None` when it has no such field.
fn varied(work: &Work, field: Field) -> Option<Work> {
    let mut w = work.clone();
    let s = |v: &Option<String>| v.as_deref().map(shift);
    match field {
        Field::Authors if !w.authors.is_empty() => w.authors = shift_names(&w.authors),
        Field::Editors if !w.editors.is_empty() => w.editors = shift_names(&w.editors),
        Field::Year => {
            let y = w.year.as_ref()?.year?;
            let mut year = w.year.clone()?;
            year.year = Some(if y >= 2000 { y - 111 } else { y + 111 });
            w.year = Some(year);
        }
        Field::Title if w.title.is_some() => w.title = s(&w.title),
        Field::Container if w.container_title.is_some() => w.container_title = s(&w.container_title),
        Field::Collection if w.collection_title.is_some() => w.collection_title = s(&w.collection_title),
        Field::Volume if w.volume.is_some() => w.volume = s(&w.volume),
        Field::Issue if w.issue.is_some() => w.issue = s(&w.issue),
        Field::Pages if w.pages.is_some() => w.pages = s(&w.pages),
        Field::Publisher if w.publisher.is_some() => w.publisher = s(&w.publisher),
        Field::Place if w.place.is_some() => w.place = s(&w.place),
        Field::Doi if w.doi.is_some() => w.doi = w.doi.as_deref().map(shift_tail),
        Field::Url if w.url.is_some() => w.url = w.url.as_deref().map(shift_tail),
        Field::Edition if w.edition.is_some() => w.edition = s(&w.edition),
        Field::Genre if w.genre.is_some() => w.genre = s(&w.genre),
        Field::Number if w.number.is_some() => w.number = s(&w.number),
        _ => return None,
    }
    Some(w)
}

/// The byte range of `a` where it differs from `b` (common prefix and suffix removed).
fn differing(a: &str, b: &str) -> Option<std::ops::Range<usize>> {
    let pre = a.char_indices().zip(b.chars()).find(|((_, x), y)| x != y).map_or(a.len().min(b.len()), |((i, _), _)| i);
    let mut suf = 0usize;
    for (x, y) in a[pre..].chars().rev().zip(b[pre.min(b.len())..].chars().rev()) {
        if x != y {
            break;
        }
        suf += x.len_utf8();
    }
    let end = a.len() - suf;
    (pre < end).then_some(pre..end)
}

/// A rendered reference with a label per byte, and the fields it printed.
pub struct Rendered {
    pub text: String,
    pub bytes: Vec<Option<Label>>,
    /// Each field printed, with the text the style printed for it.
    pub printed: Vec<(Field, String)>,
}

/// Renders `works` in `style` and labels each reference. A reference whose field would
/// cover most of it (the style moved things around) is left out.
pub fn render(style: &Style, works: &[Work]) -> Vec<(usize, Rendered)> {
    let Ok(base) = style.references(works.iter()) else { return Vec::new() };
    let index: HashMap<String, usize> =
        works.iter().enumerate().map(|(i, w)| (w.key.as_str().to_string(), i)).collect();
    let mut out: HashMap<usize, Rendered> = HashMap::new();
    for r in &base {
        if let Some(&i) = index.get(r.key.as_str()) {
            let text = r.text.trim().to_string();
            out.insert(i, Rendered { bytes: vec![None; text.len()], text, printed: Vec::new() });
        }
    }
    for field in FIELDS {
        // All the works, those with the field changed: numbered styles number them alike.
        let mut any = vec![false; works.len()];
        let changed: Vec<Work> = works
            .iter()
            .enumerate()
            .map(|(i, w)| match varied(w, field) {
                Some(v) => {
                    any[i] = true;
                    v
                }
                None => w.clone(),
            })
            .collect();
        if !any.contains(&true) {
            continue;
        }
        let Ok(refs) = style.references(changed.iter()) else { continue };
        for r in refs {
            let Some(&i) = index.get(r.key.as_str()) else { continue };
            if !any[i] {
                continue;
            }
            let Some(rendered) = out.get_mut(&i) else { continue };
            let Some(range) = differing(&rendered.text, r.text.trim()) else { continue };
            if range.len() * 10 > rendered.text.len() * 9 {
                continue;
            }
            for b in &mut rendered.bytes[range.clone()] {
                b.get_or_insert(field.label());
            }
            rendered.printed.push((field, rendered.text[range].to_string()));
        }
    }
    let mut v: Vec<(usize, Rendered)> = out.into_iter().filter(|(_, r)| r.bytes.iter().any(Option::is_some)).collect();
    v.sort_by_key(|(i, _)| *i);
    v
}

/// Adds the damage of PDF conversion and OCR: a hyphen and space inside a word (a line
/// break rejoined), missing or doubled spaces, ligatures, a stray bullet, confusions of
/// look-alike characters. Labels follow their bytes; an added byte takes its neighbour's.
pub fn damage(rng: &mut Rng, text: &str, bytes: &[Option<Label>]) -> (String, Vec<Option<Label>>) {
    let mut out = String::with_capacity(text.len() + 8);
    let mut ob: Vec<Option<Label>> = Vec::with_capacity(bytes.len() + 8);
    let rate = 0.01 + rng.below(4) as f64 * 0.01;
    if rng.chance(0.08) {
        let b = ["• ", "· ", "- ", "* ", "▪ "][rng.below(5)];
        out.push_str(b);
        ob.extend(std::iter::repeat_n(None, b.len()));
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        let label = bytes[i];
        let next = chars.get(k + 1).map(|x| x.1);
        let push = |s: &str, out: &mut String, ob: &mut Vec<Option<Label>>| {
            out.push_str(s);
            ob.extend(std::iter::repeat_n(label, s.len()));
        };
        if c == ' ' && rng.chance(rate) {
            // A missing space, or a doubled one.
            if rng.chance(0.7) {
                k += 1;
                continue;
            }
            push("  ", &mut out, &mut ob);
        } else if c == 'f' && matches!(next, Some('i' | 'l')) && rng.chance(0.3) {
            push(if next == Some('i') { "ﬁ" } else { "ﬂ" }, &mut out, &mut ob);
            k += 2;
            continue;
        } else if c.is_lowercase() && next.is_some_and(char::is_lowercase) && rng.chance(rate / 2.0) {
            let mut b = [0u8; 4];
            push(c.encode_utf8(&mut b), &mut out, &mut ob);
            push(if rng.chance(0.5) { "- " } else { "-" }, &mut out, &mut ob);
        } else if rng.chance(rate / 3.0) {
            let swapped = match c {
                'l' => "1",
                '1' => "l",
                'O' => "0",
                '0' => "O",
                'm' => "rn",
                'e' => "c",
                'I' => "l",
                ',' => ".",
                _ => "",
            };
            let mut b = [0u8; 4];
            push(if swapped.is_empty() { c.encode_utf8(&mut b) } else { swapped }, &mut out, &mut ob);
        } else {
            let mut b = [0u8; 4];
            push(c.encode_utf8(&mut b), &mut out, &mut ob);
        }
        k += 1;
    }
    (out, ob)
}

/// Token labels of a (possibly damaged) rendered text.
pub fn labels_of(text: &str, bytes: &[Option<Label>]) -> Vec<Label> {
    token_labels(text, bytes)
}

/// A year-less record gets one: every style prints a date.
pub fn ensure_year(w: &mut Work) {
    if w.year.is_none() {
        w.year = Some(Year::new(2000));
    }
}

/// Whether `c` is Han, kana or Hangul.
fn cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF)
}

/// The reference with its title in CJK title marks (`『...』`), as Chinese, Japanese and
/// Korean lists print book titles; the marks take the title's label. `None` when the title is
/// not in CJK script.
pub fn cjk_title_marks(text: &str, bytes: &[Option<Label>]) -> Option<(String, Vec<Option<Label>>)> {
    let start = bytes.iter().position(|b| *b == Some(Label::Title))?;
    let len = bytes[start..].iter().position(|b| *b != Some(Label::Title)).unwrap_or(bytes.len() - start);
    if !text.is_char_boundary(start) || !text.is_char_boundary(start + len) {
        return None;
    }
    let title = &text[start..start + len];
    if !title.chars().any(cjk) {
        return None;
    }
    let end = start + title.trim_end_matches(|c: char| !c.is_alphanumeric()).len();
    let text = format!("{}『{}』{}", &text[..start], &text[start..end], &text[end..]);
    let mut out = bytes[..start].to_vec();
    out.extend(std::iter::repeat_n(Some(Label::Title), 3));
    out.extend_from_slice(&bytes[start..end]);
    out.extend(std::iter::repeat_n(Some(Label::Title), 3));
    out.extend_from_slice(&bytes[end..]);
    Some((text, out))
}
