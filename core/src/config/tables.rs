//! The tables of `tongbao.toml`, each field with its `///` doc. These docs are the user
//! documentation: `init` writes them as the comments of the example config (`example.rs`), and
//! the unknown-key check suggests keys from the same list (`section.rs`). Docs are for the
//! office clerk: what the key means, its unit and range, an example; the default is the value
//! the example writes (from the `Default` impls below).

use super::section::section;
use super::{MonthDay, toml_date};
use crate::model::UnitKind;
use chrono::NaiveDate;

section! {
    /// `[school]`: who issues the bulletin.
    #[derive(Default)]
    #[serde(deny_unknown_fields)]
    pub struct School {
        /// 学校名称（必填），印在通报和反馈页上。
        pub name: String,
        /// 通报落款；不写则用学校名称。
        #[serde(default)]
        pub issuer: Option<String>,
        /// 发文字号前缀：写“厦城院综”，发文字号即为 厦城院综〔2026〕12号；
        /// 序号在生成时用 --doc-number 给出。
        #[serde(default)]
        pub doc_prefix: String,
        /// 发文机关标志（红头），印在发文字号上方；不写则不印（便于直接套红头纸打印）。
        #[commented = true]
        #[serde(default)]
        pub masthead: Option<String>,
    }
}

section! {
    /// One `[[units]]` entry of the roster.
    #[serde(deny_unknown_fields)]
    pub struct UnitCfg {
        /// 单位名称（必填），与台账封面的“单位名称”对照。
        pub name: String,
        /// 单位类型（必填），只能是 "部门" 或 "系部"。
        pub kind: UnitKind,
        /// 别名：台账上可能出现的其他写法，如 ["信息系", "信息工程学院"]；没有可不写。
        #[serde(default)]
        pub aliases: Vec<String>,
        /// 主要负责人姓名（可不写）；台账封面没有填写时用这里的。
        #[serde(default)]
        pub principal: Option<String>,
    }
}

section! {
    /// One `[[leaders]]` entry: a school leader (R6/R7).
    #[serde(deny_unknown_fields)]
    pub struct LeaderCfg {
        /// 校领导姓名（必填）。
        pub name: String,
        /// 职务（可不写），如 "党委书记"。
        #[serde(default)]
        pub title: Option<String>,
    }
}

section! {
    /// One `[[semesters]]` entry.
    #[serde(deny_unknown_fields)]
    pub struct SemesterCfg {
        /// 学期名称（必填），如 "2025-2026学年第二学期"。
        pub name: String,
        /// 开始日期，按校历填写，不加引号，如 2026-02-23。
        #[serde(deserialize_with = "toml_date::one")]
        pub start: NaiveDate,
        /// 结束日期，不早于开始日期。
        #[serde(deserialize_with = "toml_date::one")]
        pub end: NaiveDate,
    }
}

section! {
    /// A whole year of holiday data given in the config (same shape as the shipped data).
    #[derive(Default)]
    #[serde(deny_unknown_fields)]
    pub struct CalendarYear {
        /// 年份，如 2027。
        pub year: i32,
        /// 全部放假日，逐日列出（含连休中的周六、周日）。
        #[serde(default, deserialize_with = "toml_date::many")]
        pub holidays: Vec<NaiveDate>,
        /// 全部调休上班的周六、周日。
        #[serde(default, deserialize_with = "toml_date::many")]
        pub makeup_workdays: Vec<NaiveDate>,
        /// 数据来源（可不写），如国务院办公厅通知的标题。
        #[serde(default)]
        pub source: Option<String>,
    }
}

section! {
    /// `[calendar]`: on top of the shipped holiday calendar.
    #[derive(Default)]
    #[serde(deny_unknown_fields)]
    pub struct CalendarCfg {
        /// 本校额外放假的日子，如 [2026-12-31]。
        #[serde(default, deserialize_with = "toml_date::many")]
        pub extra_holidays: Vec<NaiveDate>,
        /// 本校额外上班的周末，如 [2026-10-11]。
        #[serde(default, deserialize_with = "toml_date::many")]
        pub extra_workdays: Vec<NaiveDate>,
        /// 程序还没有某一年的节假日数据时（如国务院刚公布下一年的安排），可以整年补上：把下面
        /// 几行行首的 "# " 删掉，按国务院办公厅通知逐日填写，日期之间用英文逗号分隔；
        /// 下面的日期只是示例。每年一段 [[calendar.year]]。
        /// 没有补上时，程序按周一至周五计算该年的工作日，生成时会提示核对。
        #[commented = true]
        #[tables(CalendarYear)]
        #[serde(default)]
        pub year: Vec<CalendarYear>,
    }
}

section! {
    /// `[rules]`: due dates and day counts of the mechanism.
    #[serde(deny_unknown_fields, default)]
    pub struct RulesCfg {
        /// 一.1 年度安全工作计划抄送保卫处的截止日：当年的“月-日”，加英文引号，如 "03-31"。
        pub plan_due: MonthDay,
        /// 上半年台账报送截止日：当年的“月-日”，如 "07-05" 即当年 7 月 5 日。
        pub submission_due_h1: MonthDay,
        /// 下半年和全年台账报送截止日：次年的“月-日”，如 "01-10" 即次年 1 月 10 日。
        pub submission_due_h2: MonthDay,
        /// 五.1 季度报告：季度结束后多少个日历日内报送（0–366）。
        pub quarterly_report_grace_days: u32,
        /// 五.3 受惩戒后多少个工作日内提交书面整改报告（0–365）。
        pub rectification_working_days: u32,
        /// 五.2 一个考核期间内发生几起事故算“事故多发单位”（至少 1）。
        pub frequent_accident_threshold: u32,
        /// 七.3 重大事故控制指标（起）：一年内较大事故超过这个数即一票否决。
        pub major_accident_control_target: u32,
        /// 二.1 免于每月隐患排查的月份（如寒暑假，1–12），如 [2, 8]；不免写 []。
        pub inspection_exempt_months: Vec<u32>,
    }
}

impl Default for RulesCfg {
    fn default() -> Self {
        RulesCfg {
            plan_due: MonthDay::new(3, 31),
            submission_due_h1: MonthDay::new(7, 5),
            submission_due_h2: MonthDay::new(1, 10),
            quarterly_report_grace_days: 10,
            rectification_working_days: 20,
            frequent_accident_threshold: 3,
            major_accident_control_target: 0,
            inspection_exempt_months: Vec::new(),
        }
    }
}

section! {
    /// `[bulletin]`: the 版记 and the 整改要求 of the bulletin.
    #[serde(deny_unknown_fields, default)]
    pub struct BulletinCfg {
        /// 七.2 抄送/抄告单位，印在版记，如 ["市教育局"]；不写则不印。
        pub cc: Vec<String>,
        /// 印发机关，印在版记；不写则不印。
        pub printed_by: String,
        /// 整改要求：通报日期后多少个工作日内完成整改（0–365）。
        pub rectification_working_days: u32,
    }
}

impl Default for BulletinCfg {
    fn default() -> Self {
        BulletinCfg {
            cc: Vec::new(),
            printed_by: String::new(),
            rectification_working_days: 20,
        }
    }
}

section! {
    /// `[suggestions]`: which 处理建议 the bulletin makes.
    #[serde(deny_unknown_fields, default)]
    pub struct SuggestionsCfg {
        /// 一个考核期间内未达标的项目达到几项时建议约谈（0 = 不提）。
        pub interview_at: u32,
        /// 五.3 受惩戒后逾期未交整改报告 → 建议通报批评（true 提，false 不提）。
        pub criticism_on_missing_report: bool,
        /// 六.3 挂牌督办隐患逾期未整改 → 建议从重处罚。
        pub heavier_on_overdue_hazard: bool,
        /// 六.3 拒不整改 → 建议撤换部门主要负责人。
        pub replace_head_on_refusal: bool,
    }
}

impl Default for SuggestionsCfg {
    fn default() -> Self {
        SuggestionsCfg {
            interview_at: 2,
            criticism_on_missing_report: true,
            heavier_on_overdue_hazard: true,
            replace_head_on_refusal: true,
        }
    }
}

section! {
    /// `[grades]`: the lowest score of each grade.
    #[serde(deny_unknown_fields, default)]
    pub struct GradesCfg {
        /// 优秀的分数线。
        pub excellent: f64,
        /// 良好的分数线，不高于优秀线。
        pub good: f64,
        /// 合格的分数线，不高于良好线；低于此线为不合格。
        pub pass: f64,
    }
}

impl Default for GradesCfg {
    fn default() -> Self {
        GradesCfg {
            excellent: 90.0,
            good: 75.0,
            pass: 60.0,
        }
    }
}

section! {
    /// `[scoring]`: points per rubric item (mechanism.md, 年终考核).
    #[serde(deny_unknown_fields, default)]
    pub struct ScoringCfg {
        /// 一.1 年度安全工作计划。
        pub plan: f64,
        /// 二.1 每学期安全工作会议。
        pub meetings: f64,
        /// 二.1 主要负责人参加研究防范措施。
        pub principal_study: f64,
        /// 二.1 每月隐患排查。
        pub inspections: f64,
        /// 五.1 季度报告。
        pub quarterly_reports: f64,
        /// 四.2 年度总结和述职述安。
        pub duty_report: f64,
        /// 五.3 惩戒后书面整改报告。
        pub rectification_reports: f64,
        /// 六.1–3 挂牌督办隐患整改。
        pub listed_hazards: f64,
        /// 五.2、五.4 安全事故。
        pub accidents: f64,
        /// 二.1、六.1 隐患按期整改（默认 0：只通报不计分；给分即计入）。
        pub hazard_rectification: f64,
    }
}

impl Default for ScoringCfg {
    fn default() -> Self {
        ScoringCfg {
            plan: 10.0,
            meetings: 10.0,
            principal_study: 10.0,
            inspections: 20.0,
            quarterly_reports: 15.0,
            duty_report: 5.0,
            rectification_reports: 10.0,
            listed_hazards: 10.0,
            accidents: 10.0,
            hazard_rectification: 0.0,
        }
    }
}

section! {
    /// The TOML file as written (before validation). Each field's doc opens its part of the
    /// example config: the first line is the part's title.
    #[serde(deny_unknown_fields)]
    pub(super) struct RawConfig {
        /// 学校
        pub(super) school: School,
        /// 单位名单
        /// 每个单位一段 [[units]]。各单位报送的台账按“单位名称”与这里的名称或别名对照；
        /// 对照前会去掉空格、全角转半角、不分大小写。名称和别名不能与其他单位重复。
        /// 下面是示例，请换成本校的完整名单。
        #[tables(UnitCfg)]
        #[serde(default)]
        pub(super) units: Vec<UnitCfg>,
        /// 校领导（四.1 调研督查、述职）
        /// 每位校领导一段 [[leaders]]；保卫处台账“领导调研督查”“领导述职”按姓名对照。
        #[tables(LeaderCfg)]
        #[serde(default)]
        pub(super) leaders: Vec<LeaderCfg>,
        /// 学期（二.1 每学期安全工作会议）
        /// 每个学期一段 [[semesters]]，开始、结束日期按校历填写。学期归入它开始的那个考核期间。
        #[tables(SemesterCfg)]
        #[serde(default)]
        pub(super) semesters: Vec<SemesterCfg>,
        /// 节假日（计算“工作日”用）
        /// 程序自带国务院公布的法定节假日和调休安排；这里只补充本校的特殊安排。
        #[serde(default)]
        pub(super) calendar: CalendarCfg,
        /// 考核规则
        #[serde(default)]
        pub(super) rules: RulesCfg,
        /// 通报
        /// 成文日期就是 --as-of 给出的评价基准日（默认今天）。
        #[serde(default)]
        pub(super) bulletin: BulletinCfg,
        /// 处理建议
        #[serde(default)]
        pub(super) suggestions: SuggestionsCfg,
        /// 考核等次（分数线，0–100）
        #[serde(default)]
        pub(super) grades: GradesCfg,
        /// 年终考核分值
        /// 每项满分，合计一般为 100。各项怎样计分见使用说明.md 中的“年终考核怎样计分”。
        #[serde(default)]
        pub(super) scoring: ScoringCfg,
    }
}
