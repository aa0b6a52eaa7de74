use super::text::fold_key_part;
use crate::model::{Name, Work, WorkKey};

fn name_part(name: &Name) -> String {
    match name {
        Name::Person(p) => {
            let mut s = String::new();
            if let Some(particle) = &p.particle {
                s.push_str(&fold_key_part(particle));
            }
            s.push_str(&fold_key_part(&p.family));
            s
        }
        Name::Literal { literal } => {
            // Drop a parenthesised expansion: `PNUD (Programa ...)` → `PNUD`.
            let base = literal.split(" (").next().unwrap_or(literal).trim();
            let words: Vec<&str> = base.split_whitespace().collect();
            if words.len() >= 3 {
                words
                    .iter()
                    .filter_map(|w| w.chars().next())
                    .filter(|c| c.is_uppercase())
                    .flat_map(char::to_lowercase)
                    .collect()
            } else {
                fold_key_part(base)
            }
        }
    }
}

/// The key a work gets from its authors (or editors) and year, as documented in
/// `docs/corpus-format.md`: `bourne1916`, `nye-keohane1971`, `portes-etal1999`, `levitt2001a`.
pub fn make_key(work: &Work) -> WorkKey {
    let names = work.creators();
    let mut key = match names {
        [] => "anon".to_string(),
        [one] => name_part(one),
        [a, b] => format!("{}-{}", name_part(a), name_part(b)),
        [first, ..] => format!("{}-etal", name_part(first)),
    };
    if key.is_empty() || !key.starts_with(|c: char| c.is_ascii_lowercase()) {
        key.insert_str(0, "ref");
    }
    match &work.year {
        Some(y) => match y.year {
            Some(year) => {
                key.push_str(&year.to_string());
                if let Some(s) = y.suffix {
                    key.push(s);
                }
            }
            None => key.push_str(if y.status.as_deref() == Some("n.d.") { "nd" } else { "inpress" }),
        },
        None => key.push_str("nd"),
    }
    WorkKey::new(key)
}
