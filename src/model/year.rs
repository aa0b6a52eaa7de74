use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// The date of a work as an author-date reference prints it.
///
/// `1916`, `2001a` (a year with a disambiguating suffix), `1956/1998` (original and
/// reprint), `2005, March 3`, `n.d.` (no date) and `in press`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Year {
    /// The year, if one is printed.
    pub year: Option<i32>,
    /// A disambiguating suffix: `a` in `2001a`.
    pub suffix: Option<char>,
    /// The original year of a reprint: `1956` in `1956/1998`.
    pub original: Option<i32>,
    /// The month (1 to 12), if printed.
    pub month: Option<u8>,
    /// The day of the month, if printed.
    pub day: Option<u8>,
    /// `in press`, `forthcoming`, or `n.d.` when there is no year.
    pub status: Option<String>,
}

/// A year that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("malformed year `{0}`")]
pub struct YearError(pub String);

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

impl Year {
    /// A plain year.
    pub fn new(year: i32) -> Self {
        Year { year: Some(year), ..Default::default() }
    }

    /// A year with a suffix, as in `2001a`.
    pub fn with_suffix(year: i32, suffix: char) -> Self {
        Year { year: Some(year), suffix: Some(suffix), ..Default::default() }
    }

    /// The year used for sorting and for time order: the original year of a reprint, else the year.
    pub fn sort_year(&self) -> Option<i32> {
        self.original.or(self.year)
    }

    /// The year and suffix as a citation writes them: `2001a`, `n.d.`.
    pub fn cited(&self) -> String {
        match self.year {
            Some(y) => match self.suffix {
                Some(s) => format!("{y}{s}"),
                None => y.to_string(),
            },
            None => self.status.clone().unwrap_or_else(|| "n.d.".to_string()),
        }
    }

    /// The month name in English, if there is a month.
    pub fn month_name(&self) -> Option<&'static str> {
        self.month.and_then(|m| MONTHS.get(usize::from(m).wrapping_sub(1)).copied())
    }
}

fn parse_year_digits(s: &str) -> Option<i32> {
    if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

impl FromStr for Year {
    type Err = YearError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let err = || YearError(input.to_string());
        let s = input.trim();
        let lower = s.to_lowercase();
        match lower.as_str() {
            "n.d." | "n.d" | "nd" | "n. d." | "no date" | "s.d." | "s. d." | "s/d" | "s.f." | "o.j." | "o. j."
            | "sin fecha" => return Ok(Year { status: Some("n.d.".into()), ..Default::default() }),
            "in press" | "forthcoming" | "im druck" | "sous presse" | "en prensa" => {
                return Ok(Year { status: Some(lower), ..Default::default() })
            }
            _ => {}
        }
        // `2005, March 3` or `2005, March`
        if let Some((y, rest)) = s.split_once(',') {
            let mut year = Year::from_str(y)?;
            let mut words = rest.split_whitespace();
            let month = words.next().ok_or_else(err)?.trim_end_matches('.').to_lowercase();
            let m = MONTHS.iter().position(|name| name.starts_with(&month) && month.len() >= 3).ok_or_else(err)?;
            year.month = Some(m as u8 + 1);
            if let Some(day) = words.next() {
                let d: u8 = day.parse().map_err(|_| err())?;
                if !(1..=31).contains(&d) {
                    return Err(err());
                }
                year.day = Some(d);
            }
            if words.next().is_some() {
                return Err(err());
            }
            return Ok(year);
        }
        // `1956/1998`
        if let Some((a, b)) = s.split_once('/') {
            let original = parse_year_digits(a.trim()).ok_or_else(err)?;
            let mut year = Year::from_str(b)?;
            year.original = Some(original);
            return Ok(year);
        }
        if let Some(y) = parse_year_digits(s) {
            return Ok(Year::new(y));
        }
        if s.len() == 5 && s.is_char_boundary(4) {
            let (digits, suffix) = s.split_at(4);
            let c = suffix.chars().next().ok_or_else(err)?;
            if let (Some(y), true) = (parse_year_digits(digits), c.is_ascii_lowercase()) {
                return Ok(Year::with_suffix(y, c));
            }
        }
        Err(err())
    }
}

impl fmt::Display for Year {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(o) = self.original {
            write!(f, "{o}/")?;
        }
        f.write_str(&self.cited())?;
        if let Some(month) = self.month_name() {
            let mut chars = month.chars();
            let first = chars.next().map(|c| c.to_ascii_uppercase()).unwrap_or(' ');
            write!(f, ", {first}{}", chars.as_str())?;
            if let Some(d) = self.day {
                write!(f, " {d}")?;
            }
        }
        Ok(())
    }
}

impl Serialize for Year {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Year {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Int(i64),
            Str(String),
        }
        let text = match Raw::deserialize(d)? {
            Raw::Int(i) => i.to_string(),
            Raw::Str(s) => s,
        };
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_documented_form() {
        assert_eq!("1916".parse::<Year>().unwrap(), Year::new(1916));
        assert_eq!("2001a".parse::<Year>().unwrap(), Year::with_suffix(2001, 'a'));
        let reprint: Year = "1956/1998".parse().unwrap();
        assert_eq!((reprint.original, reprint.year, reprint.sort_year()), (Some(1956), Some(1998), Some(1956)));
        let dated: Year = "2005, March 3".parse().unwrap();
        assert_eq!((dated.year, dated.month, dated.day), (Some(2005), Some(3), Some(3)));
        assert_eq!(dated.to_string(), "2005, March 3");
        assert_eq!("n.d.".parse::<Year>().unwrap().cited(), "n.d.");
        assert_eq!("in press".parse::<Year>().unwrap().cited(), "in press");
    }

    #[test]
    fn rejects_malformed_years_with_the_value() {
        for bad in ["19x6", "201", "2001ab", "2001A", "", "2005, Marchember 3", "2005, March 40"] {
            assert_eq!(bad.parse::<Year>(), Err(YearError(bad.to_string())), "{bad}");
        }
    }
}
