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
}
