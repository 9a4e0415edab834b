//! The one pulldown-cmark wrapper: staff prose (按语.md) → safe HTML for the bulletin, and the
//! same prose made safe for the Markdown bulletin. Raw HTML becomes text, images are reduced to
//! their alt text (no request may leave the page), links keep only http/https/mailto/relative.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};
use std::ops::Range;

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// May a link point there? http, https, mailto and relative references only.
pub fn link_allowed(dest: &str) -> bool {
    let cleaned: String = dest
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    if cleaned.starts_with("//") || cleaned.starts_with("\\\\") {
        return false;
    }
    let end = cleaned.find(['/', '?', '#']).unwrap_or(cleaned.len());
    match cleaned[..end].find(':') {
        None => true,
        Some(i) => matches!(&cleaned[..i], "http" | "https" | "mailto"),
    }
}

/// Prose → HTML fragment: raw HTML as text, images as alt text, unsafe links dropped.
pub fn to_html(md: &str) -> String {
    let mut image_depth = 0usize;
    let mut link_ok: Vec<bool> = Vec::new();
    let events = Parser::new_ext(md, options()).filter_map(|ev| match ev {
        Event::Html(s) | Event::InlineHtml(s) => Some(Event::Text(s)),
        // The preamble sits under the bulletin's title: its headings start at level 3.
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Some(Event::Start(Tag::Heading {
            level: shift(level),
            id,
            classes,
            attrs,
        })),
        Event::End(TagEnd::Heading(level)) => Some(Event::End(TagEnd::Heading(shift(level)))),
        Event::Start(Tag::Image { .. }) => {
            image_depth += 1;
            None
        }
        Event::End(TagEnd::Image) => {
            image_depth = image_depth.saturating_sub(1);
            None
        }
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let ok = link_allowed(&dest_url);
            link_ok.push(ok);
            ok.then_some(Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }))
        }
        Event::End(TagEnd::Link) => {
            let ok = link_ok.pop().unwrap_or(false);
            ok.then_some(Event::End(TagEnd::Link))
        }
        other => Some(other),
    });
    let mut out = String::new();
    html::push_html(&mut out, events);
    out
}

fn shift(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H3,
        HeadingLevel::H2 => HeadingLevel::H4,
        HeadingLevel::H3 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// Prose for the Markdown bulletin: the staff's Markdown kept as written, except raw HTML
/// (escaped), images (alt text only) and links with a disallowed scheme (their text only).
pub fn sanitize_markdown(md: &str) -> String {
    let mut cuts: Vec<(Range<usize>, String)> = Vec::new();
    let mut open: Vec<(Range<usize>, String, bool)> = Vec::new();
    for (ev, range) in Parser::new_ext(md, options()).into_offset_iter() {
        match ev {
            Event::Html(s) | Event::InlineHtml(s) => {
                push_cut(&mut cuts, &mut open, range, escape(&s));
            }
            Event::Start(Tag::Image { .. }) => open.push((range, String::new(), true)),
            Event::Start(Tag::Link { dest_url, .. }) => {
                let bad = !link_allowed(&dest_url);
                open.push((range, String::new(), bad));
            }
            Event::End(TagEnd::Image) | Event::End(TagEnd::Link) => {
                if let Some((r, text, bad)) = open.pop() {
                    if bad {
                        push_cut(&mut cuts, &mut open, r, text);
                    } else if let Some(parent) = open.last_mut() {
                        parent.1.push_str(&text);
                    }
                }
            }
            Event::Text(s) | Event::Code(s) => {
                if let Some(top) = open.last_mut() {
                    top.1.push_str(&escape(&s));
                }
            }
            _ => {}
        }
    }
    apply_cuts(md, cuts)
}

fn push_cut(
    cuts: &mut Vec<(Range<usize>, String)>,
    open: &mut [(Range<usize>, String, bool)],
    range: Range<usize>,
    text: String,
) {
    match open.last_mut() {
        // Inside a link: its text is collected there; the link decides.
        Some(top) => top.1.push_str(&text),
        None => cuts.push((range, text)),
    }
}

fn apply_cuts(md: &str, mut cuts: Vec<(Range<usize>, String)>) -> String {
    cuts.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
    let mut out = String::with_capacity(md.len());
    let mut pos = 0;
    for (r, text) in cuts {
        if r.start < pos || r.end > md.len() {
            continue;
        }
        out.push_str(&md[pos..r.start]);
        out.push_str(&text);
        pos = r.end;
    }
    out.push_str(&md[pos..]);
    out
}

/// Escape text for inline Markdown: every character that could start markup is backslashed,
/// line breaks become spaces, and a leading list/heading marker is neutralised.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for (i, c) in s.chars().enumerate() {
        match c {
            '\r' | '\n' => out.push(' '),
            // `!` needs no escape: `[` is always escaped, so `![` can never start an image.
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            '-' | '+' | '=' | '.' if i == 0 => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_becomes_text() {
        let h = to_html("按语<script>alert(1)</script>\n\n<div onclick=x>hi</div>");
        assert!(!h.contains("<script"), "{h}");
        assert!(h.contains("&lt;script&gt;"), "{h}");
        assert!(!h.contains("<div"), "{h}");
    }

    #[test]
    fn javascript_links_and_images_are_dropped() {
        let h = to_html(
            "[a](javascript:alert(1)) [b](JaVa\tScript:x) [c](https://x.cn/) [d](../2026H1/bulletin.html) ![i](http://evil/x.png)",
        );
        assert!(!h.to_lowercase().contains("javascript"), "{h}");
        assert!(h.contains("href=\"https://x.cn/\""));
        assert!(h.contains("href=\"../2026H1/bulletin.html\""));
        assert!(!h.contains("<img"), "{h}");
        assert!(!h.contains("evil"), "{h}");
    }

    #[test]
    fn markdown_sanitised() {
        let m = sanitize_markdown(
            "**重点**：<b>x</b> [a](javascript:alert(1)) [ok](https://a.cn) ![p](http://e/p.png)",
        );
        assert!(m.contains("**重点**"));
        assert!(!m.contains("<b>"), "{m}");
        assert!(!m.contains("javascript"), "{m}");
        assert!(m.contains("[ok](https://a.cn)"));
        assert!(!m.contains("http://e"), "{m}");
    }

    #[test]
    fn escapes_markdown_markup() {
        assert_eq!(escape("a|b*c"), "a\\|b\\*c");
        assert_eq!(escape("- x"), "\\- x");
        assert_eq!(escape("<script>"), "\\<script\\>");
        assert_eq!(escape("2026-04"), "2026-04");
    }
}
