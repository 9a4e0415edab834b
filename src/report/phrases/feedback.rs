//! A unit's feedback page (反馈意见): its status line, headings and labels.

use serde::Serialize;

// ── 反馈意见 (feedback pages) ───────────────────────────────────────────────────────────

/// One adjustment in the status line: +1分：理由
pub fn adjustment(points: f64, reason: &str) -> String {
    format!("{points:+}分：{reason}")
}

/// The feedback page's status line: 得分87.5分（含考评加减分 +1分：…），良好；未达标1项，待完成2项。
pub fn status_line(
    score_word: &str,
    score: &str,
    adjustments: &[String],
    grade: &str,
    not_met: usize,
    pending: usize,
) -> String {
    let adjusted = if adjustments.is_empty() {
        String::new()
    } else {
        format!("（含考评加减分 {}）", adjustments.join("；"))
    };
    format!("{score_word}{score}分{adjusted}，{grade}；未达标{not_met}项，待完成{pending}项。")
}

/// The status line of a year preview unit with nothing judged yet (outputs.md "Settled" 5):
/// 参考分—（暂无可评分事项）；未达标0项，待完成3项。
pub fn status_line_unscored(score_word: &str, not_met: usize, pending: usize) -> String {
    format!("{score_word}—（暂无可评分事项）；未达标{not_met}项，待完成{pending}项。")
}

/// A veto (year) or veto risk (half-year) on the feedback page: 条件（条款，V1）：说明
pub fn feedback_veto(veto: &str, detail: &str) -> String {
    format!("{veto}：{detail}")
}

/// Under the unit's name: 关于…的通报（2026H1，截至2026年7月15日）
pub fn feedback_subtitle(title: &str, period: &str, as_of_cn: &str) -> String {
    format!("{title}（{period}，截至{as_of_cn}）")
}

/// A not-met rule and what to do: 名称（条款）：为什么。应当：…
pub fn not_met_todo(label: &str, why: &str, todo: &str) -> String {
    format!("{label}：{why}。应当：{todo}")
}

/// A pending rule and what to do: 名称（条款）：进度。请按时完成：…
pub fn pending_todo(label: &str, why: &str, todo: &str) -> String {
    format!("{label}：{why}。请按时完成：{todo}")
}

/// The feedback page's closing request (only with a not-met rule).
pub fn feedback_rectification(due_cn: &str) -> String {
    format!("请于{due_cn}前将整改落实情况书面报送保卫处。")
}

/// The feedback page's fixed headings and labels (HTML and Markdown lay them out).
#[derive(Debug, Serialize)]
pub struct FeedbackWords {
    /// After the unit's name in the page's heading.
    pub heading: &'static str,
    /// After the unit's name in the browser tab.
    pub page: &'static str,
    pub not_met: &'static str,
    pub pending: &'static str,
    pub suggestions: &'static str,
    pub findings: &'static str,
    pub findings_lead: &'static str,
    pub findings_none: &'static str,
    /// The findings table's columns.
    pub severity: &'static str,
    pub location: &'static str,
    pub message: &'static str,
    pub raw: &'static str,
    pub rule: &'static str,
}

pub const FEEDBACK: FeedbackWords = FeedbackWords {
    heading: "安全工作反馈意见",
    page: "反馈意见",
    not_met: "未达标事项",
    pending: "待完成事项",
    suggestions: "处理建议",
    findings: "台账数据问题",
    findings_lead: "以下问题请在台账中更正后重新报送（位置：文件 › 工作表!单元格）：",
    findings_none: "未发现台账数据问题。",
    severity: "程度",
    location: "位置",
    message: "问题",
    raw: "原内容",
    rule: "规则",
};
