//! General vocabulary: words any scholarly article uses, which are not its own terms.
//!
//! Two lists, both general knowledge and independent of any article: the headwords of the
//! Academic Word List (Coxhead 2000; word families of academic prose across disciplines),
//! and common nouns and adjectives of general English and of writing about scholarship
//! (`people`, `social`, `scholars`, `article`). A word belongs to a headword's family when it
//! is the headword (a final `e` or `y` left off) followed by an inflection or a
//! derivational ending (`participation` of `participate`, `emergence` of `emerge`), so that
//! `hometown` is not of the family of `home`.

use std::collections::HashSet;
use std::sync::OnceLock;

/// Headwords of the Academic Word List, sublists 1 to 10.
const ACADEMIC: &str = "
analyse approach area assess assume authority available benefit concept consist constitute context
contract create data define derive distribute economy environment establish estimate evident export
factor finance formula function identify income indicate individual interpret involve issue labour
legal legislate major method occur percent period policy principle proceed process require research
respond role section sector significant similar source specific structure theory vary
achieve acquire administrate affect appropriate aspect assist category chapter commission community
complex compute conclude conduct consequent construct consume credit culture design distinct element
equate evaluate feature final focus impact injure institute invest item journal maintain normal obtain
participate perceive positive potential previous primary purchase range region regulate relevant
reside resource restrict secure seek select site strategy survey text tradition transfer
alternative circumstance comment compensate component consent considerable constant constrain
contribute convene coordinate core corporate correspond criteria deduce demonstrate document dominate
emphasis ensure exclude framework fund illustrate immigrate imply initial instance interact justify
layer link locate maximise minor negate outcome partner philosophy physical proportion publish react
register rely remove scheme sequence shift specify sufficient task technical technique technology
valid volume
access adequate annual apparent approximate attitude attribute civil code commit communicate
concentrate confer contrast cycle debate dimension domestic emerge error ethnic goal grant
hypothesis implement implicate impose integrate internal investigate job label mechanism obvious
occupy option output overall parallel parameter phase predict principal prior professional project
promote regime resolve retain series statistic status stress subsequent summary undertake
academy adjust alter amend aware capacity challenge clause compound conflict consult contact decline
discrete draft enable energy enforce entity equivalent evolve expand expose external facilitate
fundamental generate generation image liberal licence logic margin medical mental modify monitor
network notion objective orient perspective precise prime psychology pursue ratio reject revenue
stable style substitute sustain symbol target transit trend version welfare
abstract accurate acknowledge aggregate allocate assign attach author bond brief capable cite
cooperate discriminate display diverse domain edit enhance estate exceed expert explicit federal
flexible gender ignorance incentive incidence incorporate index inhibit initiate input instruct
intelligence interval lecture migrate minimum ministry motive neutral overseas precede presume
rational recover reveal scope subsidy trace transform transport underlie utilise
adapt adult advocate channel chemical classic comprehensive comprise confirm contrary convert couple
decade definite deny differentiate dispose dynamic eliminate empirical equip extract file finite
foundation globe grade guarantee hierarchy identical ideology infer innovate insert intervene isolate
media mode paradigm phenomenon priority prohibit publication quote release reverse simulate sole
submit successor survive thesis topic transmit ultimate unique visible voluntary
abandon accompany accumulate ambiguous append appreciate arbitrary automate bias chart clarify
commodity complement conform contemporary contradict crucial currency denote detect deviate displace
drama eventual exhibit exploit fluctuate guideline highlight implicit induce inevitable
infrastructure inspect intense manipulate minimise nuclear offset paragraph practitioner predominant
prospect radical random reinforce restore revise schedule tension terminate theme uniform vehicle
virtual visual widespread
accommodate analogy anticipate assure attain bulk cease coherent coincide commence compatible
concurrent confine controversy converse device devote diminish distort duration erode ethic format
inherent insight integral intermediate manual mature mediate medium military minimal mutual norm
overlap passive portion preliminary protocol qualitative refine relax restrain revolution rigid
route scenario sphere subordinate supplement suspend team temporary trigger unify violate vision
adjacent assemble collapse colleague compile conceive convince depress encounter enormous forthcoming
incline integrity intrinsic invoke levy odd ongoing panel persist pose reluctance straightforward
undergo
";

/// Common nouns and adjectives of general English and of writing about scholarship.
const COMMON: &str = "
other others people person social political politics national international state society world
time way life work part group level side question power history field case form kind number order
point problem result fact use end year day attention interest importance change action influence
matter condition movement government organization relation population experience development
activity connection direction variation distance local public private general particular important
certain common early late large small high low full whole real true own same many few more most
additional several various first second last next old young good better best great little big free
open clear possible likely simple strong wide foreign economic cultural human home country place
scholar scholarship study article book literature paper term idea view argument account discussion
analysis student researcher practice practise system effort attempt interest concern role basis
number amount share rate degree extent manner means reason sense aspect example instance situation
question answer need way different difference long short new recent current present past future
family member life city town nation region area border right law rule idea thought belief value
";

/// Suffixes that mark an adjective, an adverb or a verb form: a word ending so is no noun.
const NOT_NOUN: &[&str] = &["al", "ive", "ous", "ic", "ful", "less", "able", "ible", "ary", "ed", "ing", "ly", "ish"];

/// Inflections and derivational endings within a word family (`participat|ion`,
/// `emerg|ence`, `communit|ies`).
const FAMILY_ENDINGS: &[&str] = &[
    "s", "es", "ies", "d", "ed", "ied", "ing", "ion", "ions", "ation", "ations", "ition", "itions", "ment", "ments",
    "ity", "ities", "al", "ally", "ly", "er", "ers", "or", "ors", "ence", "ences", "ance", "ances", "ive", "ives",
    "ic", "ical", "ial", "ual", "ure", "ures", "y", "ative", "ization", "izations", "isation", "ised", "ized",
];

/// Endings of derived nouns that name a doctrine or its holders: such a word is general only
/// when listed as it is (`nationalism` is not of the family of `nation`).
const DOCTRINE: &[&str] = &["ism", "isms", "ist", "ists"];

fn words() -> &'static HashSet<String> {
    static WORDS: OnceLock<HashSet<String>> = OnceLock::new();
    WORDS.get_or_init(|| ACADEMIC.split_whitespace().chain(COMMON.split_whitespace()).map(family_key).collect())
}

/// The key of a headword's family: the word without a final `e` or `y` when four letters
/// or more remain.
fn family_key(w: &str) -> String {
    let w = w.to_ascii_lowercase();
    match w.strip_suffix('e').or_else(|| w.strip_suffix('y')) {
        Some(k) if k.len() >= 4 => k.to_string(),
        _ => w,
    }
}

/// Whether a lowercase word is general vocabulary: in a family of the lists.
pub fn is_general(word: &str) -> bool {
    let set = words();
    if set.contains(word) || set.contains(&family_key(word)) {
        return true;
    }
    if DOCTRINE.iter().any(|d| word.ends_with(d)) {
        return false;
    }
    // A headword's key followed by an inflection or a derivational ending.
    FAMILY_ENDINGS.iter().any(|e| {
        word.strip_suffix(e).is_some_and(|k| k.len() >= 3 && (set.contains(k) || set.contains(&format!("{k}e"))))
    })
}

/// Words that never end a noun phrase: particles, adverbs of place and time, pronouns
/// (`left behind`, `back home`... `others`).
const NEVER_HEAD: &[&str] = &[
    "behind",
    "back",
    "ago",
    "away",
    "abroad",
    "together",
    "apart",
    "alone",
    "other",
    "others",
    "themselves",
    "itself",
    "himself",
    "herself",
    "ourselves",
    "overseas",
    "afterwards",
    "elsewhere",
];

/// Whether a lowercase word can end a noun phrase.
pub fn can_head(word: &str) -> bool {
    !NEVER_HEAD.contains(&word)
}

/// Whether a lowercase word reads as a noun by its ending (not `-al`, `-ive`, `-ed`, ...).
/// Nouns in `-ism`, `-ist`, `-ity`, `-tion` and plurals pass.
pub fn nounlike(word: &str) -> bool {
    let w = word.strip_suffix('s').filter(|w| w.len() > 3 && !word.ends_with("ss")).unwrap_or(word);
    !NOT_NOUN.iter().any(|s| w.ends_with(s) && w.len() > s.len() + 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families_and_nouns() {
        assert!(is_general("participation"));
        assert!(is_general("emergence"));
        assert!(is_general("communities"));
        assert!(is_general("people"));
        assert!(!is_general("philanthropy"));
        assert!(!is_general("nationalism"));
        assert!(!is_general("metaphor"));
        assert!(nounlike("nationalism") && nounlike("remittances") && nounlike("metaphor"));
        assert!(!nounlike("national") && !nounlike("empirical") && !nounlike("dominated"));
        assert!(can_head("home") && !can_head("behind") && !can_head("others"));
    }
}
