//! The importers as [`Reader`]s of [`crate::network::load_files`].

use super::record::Format;
use super::{read_file, sniff};
use crate::error::Result;
use crate::network::{FileReport, LoadContext, Reader};
use std::io::Read;
use std::path::Path;

/// One export format as a network [`Reader`].
#[derive(Debug, Clone, Copy)]
pub struct Import(pub Format);

/// The first bytes of a gzip stream, unpacked as far as they go.
fn gunzip_head(head: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut d = flate2::read::GzDecoder::new(head);
    let mut buf = [0u8; 8192];
    while out.len() < 64 * 1024 {
        match d.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => out.extend_from_slice(&buf[..n]),
        }
    }
    out
}

impl Reader for Import {
    fn name(&self) -> &'static str {
        self.0.name()
    }

    fn sniff(&self, _path: &Path, head: &[u8]) -> u8 {
        let found = if head.starts_with(&[0x1f, 0x8b]) { sniff(&gunzip_head(head)) } else { sniff(head) };
        if found == Some(self.0) {
            98
        } else {
            0
        }
    }

    fn read(&self, path: &Path, cx: &mut LoadContext, report: &mut FileReport) -> Result<()> {
        let name = report.file.clone();
        let format = self.0;
        let mut done = 0u64;
        let read = read_file(path, &name, Some(format), &mut |r| {
            cx.matcher.add_record(&mut cx.builder, format, r, report);
            done += 1;
            cx.progress(&name, done);
        })?;
        report.skipped.extend(read.diagnostics);
        Ok(())
    }
}
