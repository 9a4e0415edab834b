//! Rendering: `eval::Results` → bytes for every output file of a period (bulletin HTML and
//! Markdown, summary.xlsx, results.json, feedback pages) and the archive index. Nothing here
//! touches the file system except reading `--templates` overrides and, for the index, the
//! results.json of periods already built; `output` writes.

pub mod docx;
pub mod feedback;
pub mod index;
pub mod markdown;
mod sections;
mod sections2;
pub mod svg;
pub mod view;
pub mod xlsx;

use crate::config::Config;
use crate::eval::Results;
use anyhow::Context as _;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tera::{Context, Tera};
use view::{BulletinView, Esc};

/// Built-in templates (`--templates DIR` overrides each by file name, e.g. bulletin.html.tera).
const BUILTIN: &[(&str, &str)] = &[
    (
        "bulletin.html",
        include_str!("../../templates/bulletin.html.tera"),
    ),
    (
        "bulletin.md",
        include_str!("../../templates/bulletin.md.tera"),
    ),
    (
        "feedback.html",
        include_str!("../../templates/feedback.html.tera"),
    ),
    (
        "feedback.md",
        include_str!("../../templates/feedback.md.tera"),
    ),
    (
        "index.html",
        include_str!("../../templates/index.html.tera"),
    ),
];
/// Shared stylesheet, inlined into every HTML page (override: style.css).
const CSS: &str = include_str!("../../templates/style.css");

/// The template engine with built-in templates, overridden from `templates` where a file of
/// the same name (plus `.tera`) exists. Autoescape is on for the `.html` templates only.
pub(crate) fn engine(templates: Option<&Path>) -> anyhow::Result<Tera> {
    let mut tera = Tera::new();
    tera.autoescape_on([".html"]);
    for (name, builtin) in BUILTIN {
        let file = format!("{name}.tera");
        let text = match templates.map(|d| d.join(&file)).filter(|p| p.is_file()) {
            Some(p) => std::fs::read_to_string(&p)
                .with_context(|| format!("无法读取模板 {}", p.display()))?,
            None => (*builtin).to_string(),
        };
        tera.add_raw_template(name, &text)
            .with_context(|| format!("模板 {file} 有误"))?;
    }
    Ok(tera)
}

/// The stylesheet, overridable by `style.css` in the templates folder.
pub(crate) fn css(templates: Option<&Path>) -> anyhow::Result<String> {
    match templates
        .map(|d| d.join("style.css"))
        .filter(|p| p.is_file())
    {
        Some(p) => std::fs::read_to_string(&p).with_context(|| format!("无法读取 {}", p.display())),
        None => Ok(CSS.to_string()),
    }
}

#[derive(Serialize)]
struct Wrap<'a, T: Serialize> {
    v: &'a T,
}

/// Render template `name` with the view as `v`.
pub(crate) fn render<T: Serialize>(tera: &Tera, name: &str, view: &T) -> anyhow::Result<Vec<u8>> {
    let ctx = Context::from_serialize(&Wrap { v: view })
        .with_context(|| format!("模板 {name} 的数据无法序列化"))?;
    let text = tera
        .render(name, &ctx)
        .with_context(|| format!("模板 {name} 渲染失败"))?;
    Ok(text.into_bytes())
}

/// Every file of a period folder: relative path → bytes.
pub fn render_all(
    results: &Results,
    cfg: &Config,
    templates: Option<&Path>,
) -> anyhow::Result<BTreeMap<PathBuf, Vec<u8>>> {
    let tera = engine(templates)?;
    let css = css(templates)?;
    let mut files = BTreeMap::new();
    let plain = |s: &str| s.to_string();
    let html_view = bulletin_view(results, cfg, &plain, true, css.clone());
    files.insert(
        PathBuf::from("bulletin.html"),
        render(&tera, "bulletin.html", &html_view)?,
    );
    let md_view = bulletin_view(results, cfg, &markdown::escape, false, String::new());
    files.insert(
        PathBuf::from("bulletin.md"),
        render(&tera, "bulletin.md", &md_view)?,
    );
    files.insert(PathBuf::from("bulletin.docx"), docx::render(results, cfg)?);
    files.insert(PathBuf::from("summary.xlsx"), xlsx::render(results)?);
    files.insert(PathBuf::from("results.json"), results.to_json());
    files.extend(feedback::render_all(results, cfg, &tera, &css)?);
    Ok(files)
}

/// The bulletin's view for one target (HTML: `charts` on, text unescaped for tera's
/// autoescape; Markdown: text Markdown-escaped, no charts).
pub fn bulletin_view(r: &Results, cfg: &Config, esc: Esc, html: bool, css: String) -> BulletinView {
    let preamble = match r.prose.as_deref() {
        Some(p) if html => markdown::to_html(p),
        Some(p) => markdown::sanitize_markdown(p),
        None => String::new(),
    };
    let intro = format!(
        "根据《{}安全“党政同责、一岗双责、齐抓共管、失职追责”工作机制》一.3关于开展半年跟踪督查和年终考核的规定，保卫处对各部门、系部{}安全工作落实情况进行了{}。现将有关情况通报如下：",
        esc(&r.school),
        period_label(r),
        if view::final_year(r) {
            "年终考核"
        } else if r.preview {
            "年终考核预评"
        } else {
            "跟踪督查"
        }
    );
    BulletinView {
        masthead: esc(cfg.masthead().unwrap_or("")),
        lead: preview_lead(r),
        preview: r.preview,
        title: esc(&r.title),
        doc_number: esc(&r.doc_number),
        addressee: "各部门、系部：".into(),
        preamble,
        intro,
        is_year: r.period_kind == crate::eval::PeriodKind::Year,
        sections: sections::sections(r, &cfg.bulletin.cc, esc, html),
        appendix: sections2::appendix(r, esc, html),
        issuer: esc(&r.issuer),
        date_cn: view::date_cn(r.as_of),
        cc: view::names(&cfg.bulletin.cc, esc),
        printed_by: esc(&cfg.bulletin.printed_by),
        print_date_cn: view::date_cn(r.as_of),
        css,
    }
}

/// A year preview's first paragraph (outputs.md "Settled" 5); empty otherwise.
fn preview_lead(r: &Results) -> String {
    if !r.preview {
        return String::new();
    }
    format!(
        "年终考核预评：{}年度尚未结束，本通报按截至{}的台账和记录预评，得分为参考分（待完成事项不计入），一票否决事项为风险提示，不提出表彰建议；考核结果以年度结束后的年终考核为准。",
        r.year,
        view::date_cn(r.as_of)
    )
}

/// 2026年上半年 / 2026年下半年 / 2026年度
fn period_label(r: &Results) -> String {
    match r.period_kind {
        crate::eval::PeriodKind::H1 => format!("{}年上半年", r.year),
        crate::eval::PeriodKind::H2 => format!("{}年下半年", r.year),
        crate::eval::PeriodKind::Year => format!("{}年度", r.year),
    }
}

pub use index::render_index;
