//! The bulletin's sections, 一 to 八, and the 附件 table: their headings and sentences.

use super::status_mark;
use crate::eval::{PeriodKind, Status};

// ── 一、总体情况 ─────────────────────────────────────────────────────────────────────────

pub const OVERVIEW: &str = "总体情况";

/// 跟踪督查对象 / 年终考核对象
pub fn assessed(kind: PeriodKind) -> &'static str {
    match kind {
        PeriodKind::Year => "年终考核对象",
        _ => "跟踪督查对象",
    }
}

/// Roster size and who sent a ledger (一.1、五.1); `late` and `missing` are escaped name lists.
pub struct Submissions<'a> {
    pub assessed: &'a str,
    pub roster: usize,
    pub departments: usize,
    pub submitted: usize,
    pub on_time: usize,
    pub late: (usize, String),
    pub missing: (usize, String),
}

pub fn submissions(s: &Submissions) -> String {
    let mut p = format!(
        "本次{}共{}个单位（部门{}个、系部{}个），已报送台账{}个，其中按时报送{}个",
        s.assessed,
        s.roster,
        s.departments,
        s.roster - s.departments.min(s.roster),
        s.submitted,
        s.on_time
    );
    if s.late.0 > 0 {
        p.push_str(&format!("，逾期报送{}个（{}）", s.late.0, s.late.1));
    }
    if s.missing.0 == 0 {
        p.push_str("，全部单位均已报送（一.1、五.1）。");
    } else {
        p.push_str(&format!(
            "；未报送{}个：{}（一.1、五.1）。",
            s.missing.0, s.missing.1
        ));
    }
    p
}

pub fn overall_rate(percent: &str) -> String {
    format!(
        "按各项要求统计，总体达标率为{percent}（达标项 ÷（达标项 + 未达标项），待完成、不适用项不计入）。"
    )
}

/// A note of the assessment (e.g. the central register's absence) as a sentence.
pub fn note(escaped: &str) -> String {
    format!("{}。", escaped.trim_end_matches('。'))
}

/// One leader's visits: 王某某2次（达标，…）; `detail` may be empty.
pub fn leader_visits(name: &str, visits: usize, status: &str, detail: &str) -> String {
    let detail = if detail.is_empty() {
        String::new()
    } else {
        format!("，{detail}")
    };
    format!("{name}{visits}次（{status}{detail}）")
}

pub fn leaders(parts: &[String]) -> String {
    format!(
        "学校领导深入基层开展安全工作调研督查（四.1，每年不少于2次）：{}。",
        parts.join("；")
    )
}

pub const RATES_HEAD: [&str; 7] = [
    "要求",
    "条款",
    "达标",
    "未达标",
    "待完成",
    "不适用",
    "达标率",
];

// ── 二、表现较好的单位 / 考核结果 / 预评结果 ──────────────────────────────────────────────

pub const PERFORMING_WELL: &str = "表现较好的单位";

pub fn performing_well(n: usize, names: &str) -> String {
    format!("以下{n}个单位各项要求均已达标或按进度推进，且无一票否决风险，予以肯定：{names}。")
}

/// 优秀3个
pub fn grade_count(grade: &str, n: usize) -> String {
    format!("{grade}{n}个")
}

/// The ranking's heading and its sentence, for a preview or a final year.
pub fn ranking(preview: bool, counts: &[String]) -> (&'static str, String) {
    let counts = counts.join("，");
    if preview {
        (
            "预评结果",
            format!(
                "按现有数据预评（参考分，满分100分，待完成事项不计入），等级仅供参考：{counts}。排名如下表，同分按单位序列排列。"
            ),
        )
    } else {
        (
            "考核结果",
            format!(
                "依照一.2、一.3，按年终考核评分（满分100分）确定等级：{counts}。排名如下表，同分按单位序列排列。"
            ),
        )
    }
}

/// The overview's chart: met rate per rule.
pub const MET_RATES_CHART: &str = "各项要求达标率";
/// The ranking's second chart: units per grade.
pub const GRADES_CHART: &str = "等级分布";

pub fn ranking_chart_title(preview: bool) -> &'static str {
    if preview {
        "预评参考分排名"
    } else {
        "年终考核得分排名"
    }
}

pub fn ranking_head(score_word: &str, veto_word: &str) -> Vec<String> {
    ["名次", "单位", "类别", score_word, "等级", veto_word]
        .map(String::from)
        .to_vec()
}

/// The ranking's veto column for a unit with a veto (or risk).
pub const YES: &str = "是";

// ── 三、存在的主要问题 ───────────────────────────────────────────────────────────────────

pub const PROBLEMS: &str = "存在的主要问题";
pub const PROBLEMS_LEAD: &str = "对照《工作机制》各项要求，以下单位存在未达标情况：";

/// After a unit's name under a not-met rule: ：缺2026年4月。 (R15 adds what it implies).
pub fn not_met(why: &str, r15: bool) -> String {
    let mut rest = format!("：{why}");
    if r15 {
        rest.push_str("，依赖台账的各项要求（R1—R5、R8、R11、R13）均按未达标计");
    }
    rest.push('。');
    rest
}

pub const LEADER_PROBLEMS: &str = "学校领导安全履职（四.1）";

pub fn leader_not_met(name: &str, label: &str, why: &str) -> String {
    format!("{name}：{label}，{why}。")
}

// ── 四、挂牌督办及惩戒整改情况 ───────────────────────────────────────────────────────────

pub const CASES: &str = "挂牌督办及惩戒整改情况";
pub const PUNISHMENTS: &str = "惩戒措施整改报告（五.3）";
pub const LISTED: &str = "挂牌督办隐患整改（六.1–3）";

/// An R10 punishment without its own detail: 约谈（2026-04-28实施），整改报告应于2026-05-28前提交
/// An R10 punishment whose measure is not one of the contract's words.
pub const PUNISHMENT_MEASURE: &str = "惩戒措施";

pub fn punishment(measure: Option<&str>, imposed: Option<&str>, due: Option<&str>) -> String {
    let measure = measure.unwrap_or(PUNISHMENT_MEASURE);
    let imposed = imposed.map(|d| format!("（{d}实施）")).unwrap_or_default();
    let due = due
        .map(|d| format!("，整改报告应于{d}前提交"))
        .unwrap_or_default();
    format!("{measure}{imposed}{due}")
}

/// An R12 listed hazard without its own detail: G-01 实验室电线老化，学校督办，整改时限…
pub fn listed_hazard(
    id: Option<&str>,
    name: Option<&str>,
    level: Option<&str>,
    deadline: Option<&str>,
) -> String {
    let id = id.map(|s| format!("{s} ")).unwrap_or_default();
    let name = name.unwrap_or("挂牌督办隐患");
    let level = level.map(|s| format!("，{s}督办")).unwrap_or_default();
    let deadline = deadline
        .map(|s| format!("，整改时限{s}"))
        .unwrap_or_default();
    format!("{id}{name}{level}{deadline}")
}

/// Appended to an item's text when it does not name its due date.
pub fn item_due(due: &str) -> String {
    format!("，截止{due}")
}

/// Appended inside an item's parentheses: its hints.
pub fn item_hints(hints: &[String]) -> String {
    format!("；{}", hints.join("、"))
}

/// 单位：说明（状态；提示）。
pub fn item_line(unit: &str, what: &str, status: &str, hints: &str) -> String {
    format!("{unit}：{what}（{status}{hints}）。")
}

// ── 五、安全事故情况 ─────────────────────────────────────────────────────────────────────

pub const ACCIDENTS: &str = "安全事故情况";
pub const ACCIDENT_LIST: &str = "事故情况";
pub const FREQUENT: &str = "事故多发单位（五.2）";
pub const ACCOUNTABILITY: &str = "书面检查报告与问责（五.4）";
pub const GRADING: &str = "事故等级提示";

pub fn accident_count(n: usize) -> String {
    format!("本期共报告或认定安全事故{n}起。")
}

/// An accident's figures; `None` or zero figures are left out.
pub struct AccidentFacts<'a> {
    pub date: String,
    pub summary: Option<&'a str>,
    pub grade: Option<&'a str>,
    pub deaths: Option<u32>,
    pub serious_injuries: Option<u32>,
    pub injuries: Option<u32>,
    pub loss: Option<f64>,
}

/// 2026-03-02，实验室起火，一般事故，受伤2人、直接经济损失1.5万元
pub fn accident(a: &AccidentFacts) -> String {
    let mut parts = vec![a.date.clone()];
    parts.extend(a.summary.map(str::to_string));
    parts.extend(a.grade.map(|g| format!("{g}事故")));
    let mut cas = Vec::new();
    if let Some(n) = a.deaths.filter(|n| *n > 0) {
        cas.push(format!("死亡{n}人"));
    }
    if let Some(n) = a.serious_injuries.filter(|n| *n > 0) {
        cas.push(format!("重伤{n}人"));
    }
    if let Some(n) = a.injuries.filter(|n| *n > 0) {
        cas.push(format!("受伤{n}人"));
    }
    if let Some(x) = a.loss.filter(|x| *x > 0.0) {
        cas.push(format!("直接经济损失{x}万元"));
    }
    let mut s = parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("，");
    if !cas.is_empty() {
        s.push('，');
        s.push_str(&cas.join("、"));
    }
    s
}

/// 单位：事故。
pub fn unit_line(unit: &str, text: &str) -> String {
    format!("{unit}：{text}。")
}

pub fn frequent(names: &str) -> String {
    format!("{names}，予以通报。")
}

/// A written inspection report was (or was not yet) handed in, accountability starts (五.4).
pub fn accountability(unit: &str, accident: &str, report_date: Option<&str>) -> String {
    let report = match report_date {
        Some(d) => format!("已于{d}提交书面检查报告"),
        None => "尚未提交书面检查报告".into(),
    };
    format!("{unit}：{accident}，{report}，启动问责机制。")
}

/// A reported grade left blank.
pub const GRADE_BLANK: &str = "未填";

/// Reported grade lower than the figures imply (493号令; 七.3 四).
pub fn grade_too_low(unit: &str, date: &str, reported: &str, implied: &str) -> String {
    format!(
        "{unit}：{date}事故报告等级为{reported}，按伤亡和损失推算应为{implied}（国务院令第493号），请核实，防止谎报瞒报（七.3 四）。"
    )
}

// ── 六、一票否决 ─────────────────────────────────────────────────────────────────────────

/// 单位：条件（条款，V1）：说明。 — `detail` already carries its leading ：
pub fn veto_line(unit: &str, veto: &str, detail: &str) -> String {
    format!("{unit}：{veto}{detail}。")
}

/// The vetoes' leading ： before a non-empty detail.
pub fn veto_detail(detail: &str) -> String {
    if detail.is_empty() {
        String::new()
    } else {
        format!("：{detail}")
    }
}

/// Heading and lead sentence: the year's vetoes (七.1、七.3) or the half-year's risks (七).
pub fn vetoes(final_year: bool) -> (&'static str, &'static str) {
    if final_year {
        (
            "一票否决情况",
            "依照七.1、七.3，下列单位本年度安全考核实行“一票否决”，等级为不合格（一票否决），单位及其主要负责人和有关责任人取消当年度评先评优资格：",
        )
    } else {
        (
            "一票否决风险提示",
            "以下单位按现有数据已触及“一票否决”条件（七），请高度重视；年终考核时将依照七.3认定：",
        )
    }
}

/// 七.2: the vetoes are reported to the cc list (escaped names; none = 同级相关部门).
pub fn veto_cc(cc: Option<&str>) -> String {
    let cc = cc.unwrap_or("同级相关部门");
    format!("依照七.2，上述一票否决情况抄告{cc}，作为部门和领导干部评先评优的重要依据。")
}

// ── 七、表彰建议名单 ─────────────────────────────────────────────────────────────────────

pub const COMMENDED: &str = "表彰建议名单";
pub const COMMENDED_LEAD: &str = "依照一.3，建议对以下安全工作成绩显著、无一票否决情形且无责任事故的单位给予表彰（按得分排列）：";

pub fn commended(unit: &str, score: &str, grade: &str) -> String {
    format!("{unit}（{score}分，{grade}）")
}

// ── 八、整改要求 ─────────────────────────────────────────────────────────────────────────

pub const RECTIFICATION: &str = "整改要求";
/// R15 in the list of what to fix.
pub const RESUBMIT: &str = "立即补报安全工作台账（一.1、五.1）";

/// After a unit's name: ：what to fix（suggestions）。
pub fn to_fix(rules: &[String], suggestions: &[String]) -> String {
    let mut rest = format!("：{}", rules.join("、"));
    if !suggestions.is_empty() {
        rest.push_str(&format!("（{}）", suggestions.join("；")));
    }
    rest.push('。');
    rest
}

pub fn rectification(due_cn: &str) -> String {
    format!(
        "请下列单位对照本通报指出的问题，逐项制定整改措施，于{due_cn}前将整改落实情况书面报送保卫处（五.3）。各单位存在的问题及所在台账位置见各单位反馈意见；重新报送前，可先用通报网站上的台账自查页（check.html）在本机检查台账。"
    )
}

// ── 附件 各单位情况一览表 ─────────────────────────────────────────────────────────────────

pub const APPENDIX: &str = "各单位情况一览表";
pub const UNIT: &str = "单位";
pub const GRADE: &str = "等级";

/// The marks' legend, from `status_mark`.
pub fn legend() -> String {
    [Status::Met, Status::NotMet, Status::Pending, Status::Na]
        .map(|s| format!("{} {}", status_mark(s), s.label()))
        .join("　")
}

/// R4 安全隐患排查（二.4）
pub fn legend_entry(id: &str, label: &str) -> String {
    format!("{id} {label}")
}

pub fn legend_rules(entries: &[String]) -> String {
    format!("规则：{}。", entries.join("；"))
}
