use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A confidence from 0 to 1, kept in thousandths so that records compare exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Confidence(u16);

impl Confidence {
    /// The confidence nearest to `value`, clamped to 0..=1 (`NaN` is 0).
    pub fn new(value: f32) -> Self {
        let v = if value.is_nan() { 0.0 } else { value.clamp(0.0, 1.0) };
        Confidence((v * 1000.0).round() as u16)
    }

    /// The confidence as a number from 0 to 1.
    pub fn get(self) -> f32 {
        f32::from(self.0) / 1000.0
    }
}

impl fmt::Display for Confidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.2}", self.get())
    }
}

impl Serialize for Confidence {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64((f64::from(self.0) / 10.0).round() / 100.0)
    }
}

impl<'de> Deserialize<'de> for Confidence {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = f64::deserialize(d)?;
        if !(0.0..=1.0).contains(&v) {
            return Err(serde::de::Error::custom(format!("confidence {v} is not between 0 and 1")));
        }
        Ok(Confidence::new(v as f32))
    }
}

/// The mark of a drafted item: a tool proposed it from the source's words and no person has
/// reviewed it yet. Removing the mark from the corpus file makes the item a reviewed claim.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Drafted {
    /// Who drafted it: `bibgraph` (with its version).
    pub by: String,
    /// How sure the drafter was, 0 to 1.
    pub confidence: Confidence,
    /// The cue in the text that gave it (`coined the term`, `drew on`, `quoted term`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
    /// For a concept (which has no provenance of its own): the source's words that show it
    /// is a term, verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// For a concept: where those words stand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locator: Option<String>,
}

impl Drafted {
    /// A mark by bibgraph (this version) with a confidence and a cue.
    pub fn by_bibgraph(confidence: f32, cue: impl Into<String>) -> Self {
        Drafted {
            by: concat!("bibgraph ", env!("CARGO_PKG_VERSION")).to_string(),
            confidence: Confidence::new(confidence),
            cue: Some(cue.into()),
            quote: None,
            locator: None,
        }
    }
}

impl fmt::Display for Drafted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "drafted by {}, confidence {}", self.by, self.confidence)?;
        if let Some(cue) = &self.cue {
            write!(f, ", cue \u{201c}{cue}\u{201d}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn confidence_round_trips_in_yaml() {
        let d = Drafted::by_bibgraph(0.8456, "drew on");
        let yaml = serde_yaml::to_string(&d).unwrap();
        assert!(yaml.contains("confidence: 0.85"), "{yaml}");
        let back: Drafted = serde_yaml::from_str(&yaml).unwrap();
        assert_eq!(back.confidence, Confidence::new(0.85));
        assert!(serde_yaml::from_str::<Drafted>("by: x\nconfidence: 1.5\n").is_err());
    }
}
