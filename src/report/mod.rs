//! Rendering: `eval::Results` → bytes for every output file of a period (bulletin HTML and
//! Markdown, summary.xlsx, results.json, feedback pages) and the archive index. Nothing here
//! touches the file system except reading `--templates` overrides and, for the index, the
//! results.json of periods already built; `output` writes.
//!
//! bulletin/   `Results` → `BulletinView`: the frame, the order of the sections, what each says
//! phrases/    every sentence, heading and label of the bulletin and the feedback pages
//! view        the view structs and formatting (dates, scores, percentages, links)
//! templates   the tera engine: built-in templates, `--templates` overrides, rendering
//! feedback    a unit's `FeedbackView` and its pages · index: the archive page
//! docx/       bulletin.docx from the same `BulletinView` · xlsx/: summary.xlsx
//! check       check.html: the page data, the WebAssembly module and glue (issue 12)
//! markdown    the one pulldown-cmark wrapper (staff prose) · svg: the charts

mod bulletin;
pub mod check;
pub mod docx;
pub mod feedback;
pub mod index;
pub mod markdown;
pub mod phrases;
pub mod svg;
mod templates;
pub mod view;
pub mod xlsx;

use crate::config::Config;
use crate::eval::Results;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use templates::{css, engine, render};

/// Every file of a period folder: relative path → bytes.
pub fn render_all(
    results: &Results,
    cfg: &Config,
    templates: Option<&Path>,
) -> anyhow::Result<BTreeMap<PathBuf, Vec<u8>>> {
    let (json, files) = rayon::join(
        || results.to_json(),
        || render_pages(results, cfg, templates),
    );
    let mut files = files?;
    files.insert(PathBuf::from("results.json"), json);
    Ok(files)
}

/// Every file of a period folder but results.json (`build` streams that one to disk with
/// `Results::write_json` while these are rendered).
pub fn render_pages(
    results: &Results,
    cfg: &Config,
    templates: Option<&Path>,
) -> anyhow::Result<BTreeMap<PathBuf, Vec<u8>>> {
    render_pages_keeping(results, cfg, templates, None)
}

/// `render_pages`, with the feedback pages of the last build (`watch`): a page whose view is
/// unchanged is not rendered again (`feedback::KeptPages`).
pub fn render_pages_keeping(
    results: &Results,
    cfg: &Config,
    templates: Option<&Path>,
    kept: Option<feedback::Reusing<'_>>,
) -> anyhow::Result<BTreeMap<PathBuf, Vec<u8>>> {
    let tera = engine(templates)?;
    let css = css(templates)?;
    // Pages rendered from templates the user may edit between builds are always rendered,
    // and none is kept.
    let kept = kept.and_then(|k| match templates {
        None => Some(k),
        Some(_) => {
            *k.pages = feedback::KeptPages::default();
            None
        }
    });
    render_with(results, cfg, &tera, css, kept)
}

fn render_with(
    results: &Results,
    cfg: &Config,
    tera: &tera::Tera,
    css: String,
    kept: Option<feedback::Reusing<'_>>,
) -> anyhow::Result<BTreeMap<PathBuf, Vec<u8>>> {
    // The bulletin, its Word copy, the summary workbook and the feedback pages side by side.
    let bulletins = || {
        let plain = |s: &str| s.to_string();
        let html_view = bulletin_view(results, cfg, &plain, true, css.clone());
        let html = render(tera, "bulletin.html", &html_view)?;
        let md_view = bulletin_view(results, cfg, &markdown::escape, false, String::new());
        let md = render(tera, "bulletin.md", &md_view)?;
        anyhow::Ok([
            (PathBuf::from("bulletin.html"), html),
            (PathBuf::from("bulletin.md"), md),
        ])
    };
    let office = || rayon::join(|| docx::render(results, cfg), || xlsx::render(results));
    let ((bulletins, (docx, xlsx)), feedback) = rayon::join(
        || rayon::join(bulletins, office),
        || feedback::render_all(results, cfg, tera, &css, kept),
    );
    let mut files: BTreeMap<PathBuf, Vec<u8>> = bulletins?.into_iter().collect();
    files.insert(PathBuf::from("bulletin.docx"), docx?);
    files.insert(PathBuf::from("summary.xlsx"), xlsx?);
    files.extend(feedback?);
    Ok(files)
}

pub use bulletin::bulletin_view;
pub use index::{render_index, render_index_with};
