//! A small RFC 4180 CSV reader: quoted cells with `""` escapes and line breaks inside quotes.

/// One row: its 1-based first line and its cells.
pub(crate) struct Row {
    pub line: u32,
    pub cells: Vec<String>,
}

/// Splits a CSV text into rows. An unterminated quote runs to the end of the text and is
/// reported by `unterminated` (the line where it opened).
pub(crate) fn rows(text: &str) -> (Vec<Row>, Option<u32>) {
    let mut out = Vec::new();
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut line = 1u32;
    let mut row_line = 1u32;
    let mut quoted = false;
    let mut quote_line = 0u32;
    let mut chars = text.chars().peekable();
    let mut row_has_content = false;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => quoted = false,
                '\n' => {
                    line += 1;
                    cell.push('\n');
                }
                '\r' if chars.peek() == Some(&'\n') => {}
                _ => cell.push(c),
            }
            continue;
        }
        match c {
            '"' if cell.is_empty() => {
                quoted = true;
                quote_line = line;
                row_has_content = true;
            }
            ',' => {
                cells.push(std::mem::take(&mut cell));
                row_has_content = true;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                if row_has_content || !cell.is_empty() {
                    cells.push(std::mem::take(&mut cell));
                    out.push(Row { line: row_line, cells: std::mem::take(&mut cells) });
                }
                row_has_content = false;
                line += 1;
                row_line = line;
            }
            _ => {
                cell.push(c);
                row_has_content = true;
            }
        }
    }
    if row_has_content || !cell.is_empty() {
        cells.push(cell);
        out.push(Row { line: row_line, cells });
    }
    (out, quoted.then_some(quote_line))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_breaks() {
        let (rows, open) = rows("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\nagain\",\r\nlast,,z");
        assert_eq!(open, None);
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[1].cells, vec!["x, y", "say \"hi\"\nagain", ""]);
        assert_eq!((rows[2].line, rows[2].cells.len()), (4, 3));
        let (_, open) = rows_unterminated();
        assert_eq!(open, Some(2));
    }

    fn rows_unterminated() -> (Vec<Row>, Option<u32>) {
        rows("a,b\n\"open,b\nc,d\n")
    }
}
