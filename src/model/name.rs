use serde::{Deserialize, Serialize};
use std::fmt;

/// A person's name, split as a bibliography prints it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct PersonName {
    /// Family name, e.g. `Glick Schiller`.
    pub family: String,
    /// Given names or initials as printed, e.g. `JS`, `J-Y`, `Richard`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub given: Option<String>,
    /// A non-dropping particle, e.g. `van der`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub particle: Option<String>,
    /// A suffix, e.g. `Jr`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suffix: Option<String>,
}

/// A role other than author or editor, named as CSL names the variable. Roles order as
/// listed here: a film's director comes first, as APA cites a film by its director.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// A film's or a broadcast's director.
    Director,
    /// A producer.
    Producer,
    /// An executive producer.
    ExecutiveProducer,
    /// A writer of a film or broadcast.
    ScriptWriter,
    /// A translator.
    Translator,
    /// An illustrator.
    Illustrator,
    /// A host of a programme or podcast.
    Host,
    /// A composer.
    Composer,
    /// A compiler.
    Compiler,
    /// A narrator.
    Narrator,
    /// A performer.
    Performer,
}

impl Role {
    /// The CSL variable: `director`, `executive-producer`, `script-writer`.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Director => "director",
            Role::Producer => "producer",
            Role::ExecutiveProducer => "executive-producer",
            Role::ScriptWriter => "script-writer",
            Role::Translator => "translator",
            Role::Illustrator => "illustrator",
            Role::Host => "host",
            Role::Composer => "composer",
            Role::Compiler => "compiler",
            Role::Narrator => "narrator",
            Role::Performer => "performer",
        }
    }

    /// Every role, in the order above.
    pub const ALL: [Role; 11] = [
        Role::Director,
        Role::Producer,
        Role::ExecutiveProducer,
        Role::ScriptWriter,
        Role::Translator,
        Role::Illustrator,
        Role::Host,
        Role::Composer,
        Role::Compiler,
        Role::Narrator,
        Role::Performer,
    ];

    /// The role a printed role word names: `Director`, `Producers`, `Executive Producer`,
    /// `Writer`, `Trans.`, `Narr.`; `None` for anything else.
    pub fn from_label(label: &str) -> Option<Role> {
        let l = label.trim().trim_end_matches('.').to_lowercase();
        if let Some(role) = Role::ALL.iter().find(|r| r.as_str() == l) {
            return Some(*role);
        }
        Some(match l.as_str() {
            "director" | "directors" | "dir" => Role::Director,
            "producer" | "producers" | "prod" => Role::Producer,
            "executive producer" | "executive producers" | "exec. producer" => Role::ExecutiveProducer,
            "writer" | "writers" | "screenwriter" | "scriptwriter" => Role::ScriptWriter,
            "translator" | "translators" | "trans" | "tr" | "transl" => Role::Translator,
            "illustrator" | "illustrators" | "ill" => Role::Illustrator,
            "host" | "hosts" => Role::Host,
            "composer" | "composers" | "comp" => Role::Composer,
            "compiler" | "compilers" => Role::Compiler,
            "narrator" | "narrators" | "narr" => Role::Narrator,
            "performer" | "performers" => Role::Performer,
            _ => return None,
        })
    }
}

/// Names that share a role other than author or editor: the director, the producers.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contributors {
    /// The role.
    pub role: Role,
    /// The names, in order.
    pub names: Vec<Name>,
}

/// An author or editor: a person, or an organisation named as a whole.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Name {
    /// A person.
    Person(PersonName),
    /// An organisation or any name that is not split into parts.
    Literal {
        /// The name as printed.
        literal: String,
    },
}

impl Name {
    /// A person with a family name and optional given name.
    pub fn person(family: impl Into<String>, given: Option<&str>) -> Self {
        Name::Person(PersonName { family: family.into(), given: given.map(str::to_string), ..Default::default() })
    }

    /// An organisation.
    pub fn literal(name: impl Into<String>) -> Self {
        Name::Literal { literal: name.into() }
    }

    /// The name by which the work is cited: the family name (with its particle), or the
    /// whole literal name.
    pub fn family_or_literal(&self) -> String {
        match self {
            Name::Person(p) => match &p.particle {
                Some(particle) => format!("{particle} {}", p.family),
                None => p.family.clone(),
            },
            Name::Literal { literal } => literal.clone(),
        }
    }

    /// The family name for a person, the literal name for an organisation.
    pub fn family(&self) -> &str {
        match self {
            Name::Person(p) => &p.family,
            Name::Literal { literal } => literal,
        }
    }

    /// The given names, if any.
    pub fn given(&self) -> Option<&str> {
        match self {
            Name::Person(p) => p.given.as_deref(),
            Name::Literal { .. } => None,
        }
    }

    /// Whether this is an organisation.
    pub fn is_literal(&self) -> bool {
        matches!(self, Name::Literal { .. })
    }
}

/// Bare initials as a bibliography may print them (`JS`, `J-Y`, `P`) written with
/// periods (`J. S.`, `J.-Y.`, `P.`), as reference managers and citation styles expect;
/// `None` for a given name that is not bare initials (`Peggy`, `J. S.`).
///
/// ```
/// use bibgraph::model::{dotted_initials, undotted_initials};
/// assert_eq!(dotted_initials("JS").as_deref(), Some("J. S."));
/// assert_eq!(dotted_initials("J-Y").as_deref(), Some("J.-Y."));
/// assert_eq!(dotted_initials("Peggy"), None);
/// assert_eq!(undotted_initials("J.-Y.").as_deref(), Some("J-Y"));
/// ```
pub fn dotted_initials(given: &str) -> Option<String> {
    let letters = given.chars().filter(|c| *c != '-').count();
    if letters == 0 || letters > 4 || !given.chars().all(|c| c.is_uppercase() || c == '-') || given.contains("--") {
        return None;
    }
    let mut out = String::new();
    for c in given.chars() {
        match c {
            '-' => out.push('-'),
            c => {
                if !out.is_empty() && !out.ends_with('-') {
                    out.push(' ');
                }
                out.push(c);
                out.push('.');
            }
        }
    }
    Some(out)
}

/// The inverse of [`dotted_initials`]: `J. S.` to `JS`; `None` for anything it did not write.
pub fn undotted_initials(given: &str) -> Option<String> {
    let bare: String = given.chars().filter(|c| !matches!(c, '.' | ' ')).collect();
    (dotted_initials(&bare).as_deref() == Some(given)).then_some(bare)
}

impl fmt::Display for Name {
    /// `Family Given Suffix` for a person (the order the seed prints), the name for an organisation.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Name::Person(p) => {
                if let Some(particle) = &p.particle {
                    write!(f, "{particle} ")?;
                }
                f.write_str(&p.family)?;
                if let Some(given) = &p.given {
                    write!(f, " {given}")?;
                }
                if let Some(suffix) = &p.suffix {
                    write!(f, " {suffix}")?;
                }
                Ok(())
            }
            Name::Literal { literal } => f.write_str(literal),
        }
    }
}
