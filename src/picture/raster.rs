//! PNG and PDF of a picture, for slides and print: the SVG is drawn by resvg (PNG) or
//! converted by svg2pdf (PDF), with DejaVu Sans, the font whose metrics the layout uses,
//! embedded in the program (nothing is read from the system or fetched).
//!
//! ```
//! let corpus = bibgraph::Corpus::builtin()?;
//! let lineage = corpus.lineage("bourne1916", "portes-etal1999", &Default::default())?;
//! let svg = bibgraph::picture::Historiograph::lineage(&corpus, &lineage)?.to_svg(&Default::default());
//! let png = bibgraph::picture::raster::to_png(&svg, 1920)?;
//! assert!(png.starts_with(b"\x89PNG"));
//! let pdf = bibgraph::picture::raster::to_pdf(&svg)?;
//! assert!(pdf.starts_with(b"%PDF"));
//! # Ok::<(), bibgraph::Error>(())
//! ```

use crate::error::{Error, ErrorKind, Result};
use resvg::{tiny_skia, usvg};
use std::sync::{Arc, OnceLock};

/// The embedded fonts, with DejaVu Sans as every generic family.
fn fonts() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        for face in
            [dejavu::sans::regular(), dejavu::sans::bold(), dejavu::sans::oblique(), dejavu::sans::bold_oblique()]
        {
            db.load_font_data(face.to_vec());
        }
        db.set_sans_serif_family("DejaVu Sans");
        db.set_serif_family("DejaVu Sans");
        db.set_monospace_family("DejaVu Sans");
        Arc::new(db)
    })
    .clone()
}

fn tree(svg: &str) -> Result<usvg::Tree> {
    let options = usvg::Options { fontdb: fonts(), font_family: "DejaVu Sans".into(), ..Default::default() };
    usvg::Tree::from_str(svg, &options)
        .map_err(|e| Error::new(ErrorKind::Output, format!("cannot read the picture's SVG: {e}")).with_source(e))
}

/// The picture as PNG, `width` pixels wide (the height keeps the proportions), on white.
///
/// # Errors
/// [`ErrorKind::Output`] if the SVG cannot be read or the image would be too large.
pub fn to_png(svg: &str, width: u32) -> Result<Vec<u8>> {
    let tree = tree(svg)?;
    let size = tree.size();
    let scale = width as f32 / size.width().max(1.0);
    let height = (size.height() * scale).ceil().max(1.0) as u32;
    let too_big = || Error::new(ErrorKind::Output, format!("a {width} x {height} px image is too large"));
    let mut pixmap = tiny_skia::Pixmap::new(width.max(1), height).ok_or_else(too_big)?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(&tree, tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| Error::new(ErrorKind::Output, format!("cannot write PNG: {e}")).with_source(e))
}

/// The picture as a one-page PDF of its own size, text as text with the font embedded.
///
/// # Errors
/// [`ErrorKind::Output`] if the SVG cannot be read or converted.
pub fn to_pdf(svg: &str) -> Result<Vec<u8>> {
    let tree = tree(svg)?;
    svg2pdf::to_pdf(&tree, svg2pdf::ConversionOptions::default(), svg2pdf::PageOptions::default())
        .map_err(|e| Error::new(ErrorKind::Output, format!("cannot write PDF: {e}")))
}
