//! `使用说明.html`: the staff guide `docs/使用说明.md` as one self-contained, printable page
//! (inline CSS, no scripts, no external resources).

use crate::Result;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};
use std::path::Path;

const CSS: &str = include_str!("guide.css");

pub fn render(root: &Path) -> Result<String> {
    let path = root.join("docs").join("使用说明.md");
    let md = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(to_html(&md))
}

fn to_html(md: &str) -> String {
    let opts = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let title = first_heading(md).unwrap_or_else(|| "使用说明".to_string());
    let mut body = String::new();
    html::push_html(&mut body, Parser::new_ext(md, opts));
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n<main>\n{body}</main>\n\
         </body>\n</html>\n",
        escape(&title)
    )
}

/// The text of the first `#` heading.
fn first_heading(md: &str) -> Option<String> {
    let mut inside = false;
    let mut text = String::new();
    for ev in Parser::new(md) {
        match ev {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            }) => inside = true,
            Event::End(TagEnd::Heading(HeadingLevel::H1)) => return Some(text),
            Event::Text(t) | Event::Code(t) if inside => text.push_str(&t),
            _ => {}
        }
    }
    None
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_guide_is_one_page_without_external_resources() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let html = render(&root).unwrap();
        assert!(html.contains("<title>tongbao 使用说明"), "{}", &html[..300]);
        assert!(html.contains("<table>"));
        for bad in ["<script", "<link", "src=\"http", "@import"] {
            assert!(!html.contains(bad), "{bad}");
        }
    }
}
