use std::borrow::Borrow;
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(std::sync::Arc<str>);

        impl $name {
            /// Wraps a string as an id. No check is made: ids read from files are
            /// checked by the corpus loader. Clones share the text (an id is 16 bytes,
            /// however often a corpus names it).
            pub fn new(id: impl Into<std::sync::Arc<str>>) -> Self {
                $name(id.into())
            }

            /// The id as a string slice.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// Whether `s` is a well-formed id: lowercase ASCII letters, digits and `-`,
            /// starting with a letter.
            pub fn is_valid(s: &str) -> bool {
                let mut chars = s.chars();
                matches!(chars.next(), Some(c) if c.is_ascii_lowercase())
                    && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                $name(s.into())
            }
        }
    };
}

id_type!(
    /// The key of a work, e.g. `bourne1916` or `portes-etal1999`.
    WorkKey
);
id_type!(
    /// The id of a concept, e.g. `long-distance-nationalism`.
    ConceptId
);
id_type!(
    /// The id of a person, made from the family name and initials, e.g. `portes-a`.
    PersonId
);
