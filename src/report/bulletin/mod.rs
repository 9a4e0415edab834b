//! The bulletin's content: `Results` → `BulletinView`, the one view the HTML and Markdown
//! templates and the docx writer lay out (outputs.md "The bulletin", "Settled" 6). This file
//! puts the frame together and orders and numbers the sections, each present only with
//! content; what each section says about which unit is in its own file, and the words it says
//! it with in `report::phrases`.
//!
//! overview: 总体情况, 表现较好的单位 / 考核结果 · problems: 存在的主要问题, 整改要求 ·
//! cases: 挂牌督办及惩戒整改, 安全事故, 一票否决, 表彰建议 · appendix: 附件 各单位情况一览表

mod appendix;
mod cases;
mod overview;
mod problems;

use super::markdown;
use super::phrases as say;
use super::view::{self, BulletinView, Esc, Section};
use crate::config::Config;
use crate::eval::{PeriodKind, Results};

/// The bulletin's view for one target (HTML: `charts` on, text unescaped for tera's
/// autoescape; Markdown: text Markdown-escaped, no charts; docx: unescaped, no charts).
pub fn bulletin_view(r: &Results, cfg: &Config, esc: Esc, html: bool, css: String) -> BulletinView {
    let preamble = match r.prose.as_deref() {
        Some(p) if html => markdown::to_html(p),
        Some(p) => markdown::sanitize_markdown(p),
        None => String::new(),
    };
    let intro = say::intro(
        &esc(&r.school),
        &say::period_label(r.period_kind, r.year),
        say::assessment(view::final_year(r), r.preview),
    );
    let lead = if r.preview {
        say::preview_lead(r.year, &view::date_cn(r.as_of))
    } else {
        String::new()
    };
    let appendix = appendix::appendix(r, esc, html);
    let cc = view::names(&cfg.bulletin.cc, esc);
    BulletinView {
        masthead: esc(cfg.masthead().unwrap_or("")),
        lead,
        preview: r.preview,
        title: esc(&r.title),
        doc_number: esc(&r.doc_number),
        addressee: say::ADDRESSEE.into(),
        preamble,
        intro,
        is_year: r.period_kind == PeriodKind::Year,
        sections: sections(r, &cfg.bulletin.cc, esc, html),
        attachment: say::ATTACHMENT.into(),
        attachment_note: say::attachment_note(&appendix.heading),
        appendix,
        issuer: esc(&r.issuer),
        date_cn: view::date_cn(r.as_of),
        cc_line: say::cc_line(&cc),
        cc,
        printed_by: esc(&cfg.bulletin.printed_by),
        print_date_cn: view::date_cn(r.as_of),
        printed_on: say::printed_on(&view::date_cn(r.as_of)),
        css,
    }
}

/// Sections 1–8 in order (the appendix is built separately); numbers are assigned here.
fn sections(r: &Results, cc: &[String], esc: Esc, charts: bool) -> Vec<Section> {
    let pages = super::feedback::pages(r, if charts { "html" } else { "md" });
    let mut out: Vec<Section> = Vec::new();
    out.push(overview::overview(r, esc, charts));
    if r.period_kind == PeriodKind::Year {
        out.extend(overview::ranking(r, esc, charts));
    } else {
        out.extend(overview::performing_well(r, esc));
    }
    out.extend(problems::problems(r, esc, &pages));
    out.extend(cases::punishments(r, esc));
    out.extend(cases::accidents(r, esc));
    out.extend(cases::vetoes(r, cc, esc));
    if r.period_kind == PeriodKind::Year {
        out.extend(cases::commended(r, esc));
    }
    out.extend(problems::rectification(r, esc, &pages));
    for (i, s) in out.iter_mut().enumerate() {
        s.num = say::section_number(i + 1);
        for (j, g) in s.groups.iter_mut().enumerate() {
            g.num = say::group_number(j + 1);
        }
    }
    out
}
