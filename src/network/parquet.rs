//! The network as Parquet node and edge tables, for Spark GraphFrames, DuckDB or Polars
//! (feature `parquet`).
//!
//! - nodes: `id` (the source's id), `index`, `label`, `year`, `title`, `doi` (each
//!   optional), `in_set`, `gcs` (optional), `lcs`;
//! - edges: `src` (the citing work's id), `dst` (the cited work's id), `src_index`,
//!   `dst_index`: one row per citation, in the direction of citing, as GraphFrames names
//!   the columns.
//!
//! Written one row group per million rows, uncompressed (the crate is built without
//! codecs to keep the build small), streaming: memory is one row group's columns.

use super::counts::lcs;
use super::graph::Network;
use crate::error::{Error, ErrorKind, Result};
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, Int32Type};
use parquet::file::writer::{SerializedColumnWriter, SerializedFileWriter};
use parquet::schema::parser::parse_message_type;
use std::io::Write;
use std::path::Path;
use std::sync::Arc;

const ROWS: usize = 1 << 20;

const NODES: &str = "message nodes {
  REQUIRED BYTE_ARRAY id (UTF8);
  REQUIRED INT32 index;
  OPTIONAL BYTE_ARRAY label (UTF8);
  OPTIONAL INT32 year;
  OPTIONAL BYTE_ARRAY title (UTF8);
  OPTIONAL BYTE_ARRAY doi (UTF8);
  REQUIRED BOOLEAN in_set;
  OPTIONAL INT32 gcs;
  REQUIRED INT32 lcs;
}";

const EDGES: &str = "message edges {
  REQUIRED BYTE_ARRAY src (UTF8);
  REQUIRED BYTE_ARRAY dst (UTF8);
  REQUIRED INT32 src_index;
  REQUIRED INT32 dst_index;
}";

fn err(e: parquet::errors::ParquetError) -> Error {
    Error::new(ErrorKind::Output, format!("cannot write parquet: {e}")).with_source(e)
}

fn strings(col: &mut SerializedColumnWriter<'_>, values: impl Iterator<Item = Option<String>>) -> Result<()> {
    let mut present = Vec::new();
    let mut levels = Vec::new();
    for v in values {
        levels.push(i16::from(v.is_some()));
        if let Some(s) = v {
            present.push(ByteArray::from(s.into_bytes()));
        }
    }
    col.typed::<ByteArrayType>().write_batch(&present, Some(&levels), None).map_err(err)?;
    Ok(())
}

fn ints(col: &mut SerializedColumnWriter<'_>, values: impl Iterator<Item = Option<i32>>) -> Result<()> {
    let mut present = Vec::new();
    let mut levels = Vec::new();
    for v in values {
        levels.push(i16::from(v.is_some()));
        present.extend(v);
    }
    col.typed::<Int32Type>().write_batch(&present, Some(&levels), None).map_err(err)?;
    Ok(())
}

/// Writes the node table to `out`.
pub fn write_nodes<W: Write + Send>(net: &Network, out: W) -> Result<()> {
    let schema = Arc::new(parse_message_type(NODES).map_err(err)?);
    let mut writer = SerializedFileWriter::new(out, schema, Default::default()).map_err(err)?;
    let scores = lcs(net);
    let n = net.len() as u32;
    let mut start = 0u32;
    while start < n {
        let end = (start as usize + ROWS).min(n as usize) as u32;
        let rows = start..end;
        let mut group = writer.next_row_group().map_err(err)?;
        let mut column = 0;
        while let Some(mut col) = group.next_column().map_err(err)? {
            let r = rows.clone();
            match column {
                0 => strings(&mut col, r.map(|w| Some(net.id(w).to_string())))?,
                1 => ints(&mut col, r.map(|w| Some(w as i32)))?,
                2 => strings(&mut col, r.map(|w| net.label(w).map(str::to_string)))?,
                3 => ints(&mut col, r.map(|w| net.year(w)))?,
                4 => strings(&mut col, r.map(|w| net.title(w).map(str::to_string)))?,
                5 => strings(&mut col, r.map(|w| net.doi(w).map(str::to_string)))?,
                6 => {
                    let v: Vec<bool> = r.map(|w| net.in_set(w)).collect();
                    col.typed::<BoolType>().write_batch(&v, None, None).map_err(err)?;
                }
                7 => ints(&mut col, r.map(|w| net.gcs(w).map(|g| g.min(i32::MAX as u32) as i32)))?,
                _ => ints(&mut col, r.map(|w| Some(scores[w as usize].min(i32::MAX as u32) as i32)))?,
            }
            col.close().map_err(err)?;
            column += 1;
        }
        group.close().map_err(err)?;
        start = end;
    }
    writer.close().map_err(err)?;
    Ok(())
}

/// Writes the edge table to `out`.
pub fn write_edges<W: Write + Send>(net: &Network, out: W) -> Result<()> {
    let schema = Arc::new(parse_message_type(EDGES).map_err(err)?);
    let mut writer = SerializedFileWriter::new(out, schema, Default::default()).map_err(err)?;
    let (offsets, targets) = net.out_csr();
    // Citing work of each citation position, found by walking the offsets.
    let mut citing = 0u32;
    let e = targets.len();
    let mut start = 0usize;
    while start < e {
        let end = (start + ROWS).min(e);
        let mut src = Vec::with_capacity(end - start);
        for pos in start..end {
            while offsets[citing as usize + 1] as usize <= pos {
                citing += 1;
            }
            src.push(citing);
        }
        let dst = &targets[start..end];
        let mut group = writer.next_row_group().map_err(err)?;
        let mut column = 0;
        while let Some(mut col) = group.next_column().map_err(err)? {
            match column {
                0 => strings(&mut col, src.iter().map(|&w| Some(net.id(w).to_string())))?,
                1 => strings(&mut col, dst.iter().map(|&w| Some(net.id(w).to_string())))?,
                2 => ints(&mut col, src.iter().map(|&w| Some(w as i32)))?,
                _ => ints(&mut col, dst.iter().map(|&w| Some(w as i32)))?,
            }
            col.close().map_err(err)?;
            column += 1;
        }
        group.close().map_err(err)?;
        start = end;
    }
    writer.close().map_err(err)?;
    Ok(())
}

/// Writes `nodes.parquet` and `edges.parquet` into `dir` (created if need be).
pub fn write_dir(net: &Network, dir: &Path) -> Result<()> {
    let io = |e: std::io::Error| {
        Error::new(ErrorKind::Output, format!("cannot write {}: {e}", dir.display())).with_source(e)
    };
    std::fs::create_dir_all(dir).map_err(io)?;
    let nodes = std::io::BufWriter::new(std::fs::File::create(dir.join("nodes.parquet")).map_err(io)?);
    write_nodes(net, nodes)?;
    let edges = std::io::BufWriter::new(std::fs::File::create(dir.join("edges.parquet")).map_err(io)?);
    write_edges(net, edges)
}
