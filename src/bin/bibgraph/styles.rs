//! `bibgraph styles`: the citation styles `--style` names.

use crate::TextOrJson;
use bibgraph::style::Style;
use std::fmt::Write as _;

/// Every archived style: its name, its other names and its title.
pub fn run(format: TextOrJson) -> Result<String, String> {
    let styles = Style::catalogue();
    match format {
        TextOrJson::Json => serde_json::to_string_pretty(&styles).map_err(|e| format!("cannot write json: {e}")),
        TextOrJson::Text => {
            let mut out = format!(
                "{} citation styles (--style NAME; a beginning of one name is enough, or give a .csl file):\n",
                styles.len()
            );
            for s in &styles {
                let aliases =
                    if s.names.len() > 1 { format!(" (also {})", s.names[1..].join(", ")) } else { String::new() };
                let _ = writeln!(out, "{:<44} {}{aliases}", s.names[0], s.title);
            }
            Ok(out)
        }
    }
}
