//! Every sentence, heading and label of the bulletin and the feedback pages, in one place: the
//! bulletin's sections (`bulletin/`) and the feedback view (`feedback`) decide WHAT is said
//! about which unit; the words they say it with are here, so a wording change is one edit and a
//! reviewer reads all of it in one sitting. The view data built from these is the one content
//! the HTML and Markdown templates and the docx writer only lay out (outputs.md "Settled" 6).
//!
//! Arguments are already escaped for the target (names, details: `view::Esc`); numbers and
//! dates come formatted (`view::date_cn`, `view::percent`, `view::one_decimal`).

mod feedback;
mod sections;

pub use feedback::*;
pub use sections::*;

use crate::eval::{PeriodKind, Status};

// ── The bulletin's frame: 主送, 引言, 附件说明, 版记 ────────────────────────────────────────

/// 主送机关.
pub const ADDRESSEE: &str = "各部门、系部：";

/// 2026年上半年 / 2026年下半年 / 2026年度
pub fn period_label(kind: PeriodKind, year: i32) -> String {
    match kind {
        PeriodKind::H1 => format!("{year}年上半年"),
        PeriodKind::H2 => format!("{year}年下半年"),
        PeriodKind::Year => format!("{year}年度"),
    }
}

/// What the office carried out: 年终考核 (final year), 年终考核预评 (year preview), 跟踪督查.
pub fn assessment(final_year: bool, preview: bool) -> &'static str {
    if final_year {
        "年终考核"
    } else if preview {
        "年终考核预评"
    } else {
        "跟踪督查"
    }
}

/// The opening sentence (一.3).
pub fn intro(school: &str, period_label: &str, assessment: &str) -> String {
    format!(
        "根据《{school}安全“党政同责、一岗双责、齐抓共管、失职追责”工作机制》一.3关于开展半年跟踪督查和年终考核的规定，保卫处对各部门、系部{period_label}安全工作落实情况进行了{assessment}。现将有关情况通报如下："
    )
}

/// A year preview's first paragraph (outputs.md "Settled" 5).
pub fn preview_lead(year: i32, as_of_cn: &str) -> String {
    format!(
        "年终考核预评：{year}年度尚未结束，本通报按截至{as_of_cn}的台账和记录预评，得分为参考分（待完成事项不计入），一票否决事项为风险提示，不提出表彰建议；考核结果以年度结束后的年终考核为准。"
    )
}

/// The 附件 label over the appendix.
pub const ATTACHMENT: &str = "附件";

/// 附件说明 under the text: 附件：各单位情况一览表
pub fn attachment_note(heading: &str) -> String {
    format!("{ATTACHMENT}：{heading}")
}

/// 版记's 抄送 line; empty without a cc list.
pub fn cc_line(cc: &str) -> String {
    if cc.is_empty() {
        String::new()
    } else {
        format!("抄送：{cc}。")
    }
}

/// 版记's 印发日期.
pub fn printed_on(date_cn: &str) -> String {
    format!("{date_cn}印发")
}

/// 一、二、… for section numbers (sections are numbered only when present).
pub fn cn_numeral(n: usize) -> String {
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        1..=9 => D[n].to_string(),
        10 => "十".into(),
        11..=19 => format!("十{}", D[n - 10]),
        20..=99 => format!("{}十{}", D[n / 10], D[n % 10]),
        _ => n.to_string(),
    }
}

/// A section's number: 一、
pub fn section_number(n: usize) -> String {
    format!("{}、", cn_numeral(n))
}

/// A group's number within its section: （一）
pub fn group_number(n: usize) -> String {
    format!("（{}）", cn_numeral(n))
}

// ── Words shared by several sections ──────────────────────────────────────────────────────

/// 得分 (final year) / 参考分 (H1, H2, year preview, provisional scores).
pub fn score_word(final_year: bool) -> &'static str {
    if final_year { "得分" } else { "参考分" }
}

/// 一票否决 (final year) / 一票否决风险 (preview) — the ranking's column.
pub fn veto_word(preview: bool) -> &'static str {
    if preview {
        "一票否决风险"
    } else {
        "一票否决"
    }
}

/// 一票否决情况 (final year) / 一票否决风险 (H1, H2, preview) — the feedback page's heading.
pub fn veto_heading(final_year: bool) -> &'static str {
    if final_year {
        "一票否决情况"
    } else {
        "一票否决风险"
    }
}

/// √ × △ — for a status in the appendix grid, where 17 columns share 156 mm.
pub fn status_mark(s: Status) -> &'static str {
    match s {
        Status::Met => "√",
        Status::NotMet => "×",
        Status::Pending => "△",
        Status::Na => NONE,
    }
}

/// A cell with nothing to show (no status, no rate).
pub const NONE: &str = "—";

/// "名称（二.1）" from a rule's title (or ID) and clause.
pub fn rule_label(title: &str, clause: &str) -> String {
    if clause.is_empty() {
        title.to_string()
    } else {
        format!("{title}（{clause}）")
    }
}

/// A list of names or items: 甲、乙、丙
pub fn list(items: &[String]) -> String {
    items.join("、")
}

/// A veto or veto risk: 条件（七.3 一，V1）
pub fn veto(condition: &str, clause: &str, id: &str) -> String {
    format!("{condition}（{clause}，{id}）")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legend_names_every_mark() {
        assert_eq!(legend(), "√ 达标　× 未达标　△ 待完成　— 不适用");
    }

    #[test]
    fn optional_parts_are_left_out() {
        assert_eq!(punishment(None, None, None), "惩戒措施");
        assert_eq!(
            punishment(Some("约谈"), Some("2026-04-28"), Some("2026-05-28")),
            "约谈（2026-04-28实施），整改报告应于2026-05-28前提交"
        );
        assert_eq!(listed_hazard(None, None, None, None), "挂牌督办隐患");
        assert_eq!(cc_line(""), "");
        assert_eq!(veto_cc(None), veto_cc(Some("同级相关部门")));
        let facts = AccidentFacts {
            date: "2026-03-02".into(),
            summary: None,
            grade: Some("一般"),
            deaths: Some(0),
            serious_injuries: None,
            injuries: Some(2),
            loss: None,
        };
        assert_eq!(accident(&facts), "2026-03-02，一般事故，受伤2人");
    }

    /// Chinese in a string literal of a file that should take its words from here: the
    /// literals that are data, not wording (values compared against, item keys), are allowed.
    fn stray_words(name: &str, text: &str, data: &[&str]) -> Vec<String> {
        let cjk = |c: char| {
            ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3000}'..='\u{303f}').contains(&c)
        };
        let code = text.split("#[cfg(test)]").next().unwrap_or(text);
        let mut out = Vec::new();
        for (n, line) in code.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for lit in line.split('"').skip(1).step_by(2) {
                if lit.chars().any(cjk) && !data.contains(&lit) {
                    out.push(format!("{name}:{}: \"{lit}\"", n + 1));
                }
            }
        }
        out
    }

    /// The bulletin's content, its docx and charts and the built-in templates say nothing of
    /// their own: a wording change is an edit here (issue 9 "Words in one place").
    #[test]
    fn the_bulletin_takes_its_words_from_here() {
        // Values the code compares against or looks up (unit kind, accident and grade
        // names, item keys), not text it shows.
        const DATA: &[&str] = &[
            "部门",
            "编号",
            "名称",
            "督办级别",
            "整改时限",
            "特别重大",
            "重大",
            "较大",
            "一般",
            "不合格",
            "优秀",
            // docx: an ideographic space between table cells of the staff's prose (layout).
            "\u{3000}",
        ];
        let files = [
            ("bulletin/mod.rs", include_str!("../bulletin/mod.rs")),
            (
                "bulletin/overview.rs",
                include_str!("../bulletin/overview.rs"),
            ),
            (
                "bulletin/problems.rs",
                include_str!("../bulletin/problems.rs"),
            ),
            ("bulletin/cases.rs", include_str!("../bulletin/cases.rs")),
            (
                "bulletin/appendix.rs",
                include_str!("../bulletin/appendix.rs"),
            ),
            ("docx/body.rs", include_str!("../docx/body.rs")),
            ("svg.rs", include_str!("../svg.rs")),
        ];
        let mut stray: Vec<String> = files
            .iter()
            .flat_map(|(name, text)| stray_words(name, text, DATA))
            .collect();
        // Templates: Chinese only inside {# comments #}.
        let templates = [
            (
                "bulletin.html",
                include_str!("../../../templates/bulletin.html.tera"),
            ),
            (
                "bulletin.md",
                include_str!("../../../templates/bulletin.md.tera"),
            ),
            (
                "feedback.html",
                include_str!("../../../templates/feedback.html.tera"),
            ),
            (
                "feedback.md",
                include_str!("../../../templates/feedback.md.tera"),
            ),
        ];
        for (name, text) in templates {
            let shown: String = text
                .split("{#")
                .enumerate()
                .map(|(i, part)| {
                    if i == 0 {
                        part
                    } else {
                        part.split_once("#}").map_or("", |p| p.1)
                    }
                })
                .collect();
            stray.extend(stray_words(
                name,
                &format!("\"{}\"", shown.replace('"', "'")),
                &[],
            ));
        }
        assert!(
            stray.is_empty(),
            "wording outside report/phrases: {stray:#?}"
        );
    }
}
