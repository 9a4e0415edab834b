//! The tera templates: the built-in ones (embedded at build time) overridden by name from a
//! `--templates` folder, the shared stylesheet, and rendering a view struct with them. Views
//! come from `bulletin`, `feedback` and `index`; the templates only lay them out.

use anyhow::Context as _;
use serde::Serialize;
use std::path::Path;
use tera::{Context, Tera};

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
    (
        "check.html",
        include_str!("../../templates/check.html.tera"),
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
