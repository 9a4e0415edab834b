//! The workbook contract (contract.md) as data: every sheet, its headers, which are required,
//! what type each column holds and how to fill it in. Ingest reads by it; `template` writes by it,
//! so the two never drift apart.

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Date,
    /// 是/否
    YesNo,
    /// 第一季度 … / Q1 … / 1–4
    Quarter,
    /// 一般/较大/重大/特别重大
    AccidentGrade,
    /// 一般/较大/重大
    HazardGrade,
    /// 约谈 …
    Measure,
    /// 学校/市教育局
    Level,
    /// 整改中/已销号/拒不整改
    ListedState,
    /// 部门/系部
    UnitKind,
    /// A roster unit name (drop-down from the roster).
    Unit,
    /// A school leader's name.
    Leader,
    /// 台账类型 = 保卫处台账
    LedgerType,
    /// A year like 2026.
    Year,
    /// A non-negative whole number (people, counts).
    Count,
    /// A number (万元, points).
    Number,
}

/// One column (or, on a cover, one key).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Col {
    pub name: &'static str,
    pub kind: Kind,
    pub required: bool,
    /// Plain-Chinese explanation for the 填表说明 sheet.
    pub help: &'static str,
}

const fn req(name: &'static str, kind: Kind, help: &'static str) -> Col {
    Col {
        name,
        kind,
        required: true,
        help,
    }
}
const fn opt(name: &'static str, kind: Kind, help: &'static str) -> Col {
    Col {
        name,
        kind,
        required: false,
        help,
    }
}

/// Key–value cover (key in column A, value in B) or a table with a header row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Cover,
    Table,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SheetSpec {
    pub name: &'static str,
    pub layout: Layout,
    /// What one row is, in Chinese (for 填表说明).
    pub row_is: &'static str,
    /// Rules that read this sheet (for findings), e.g. "R2、R3".
    pub rules: &'static str,
    pub cols: &'static [Col],
}

impl SheetSpec {
    pub fn required(&self) -> impl Iterator<Item = &Col> {
        self.cols.iter().filter(|c| c.required)
    }
    pub fn col(&self, name: &str) -> Option<&Col> {
        self.cols.iter().find(|c| c.name == name)
    }
}

/// Every header (and cover key) of the workbook contract, written once: the sheet specs below
/// and the ingest readers name columns by these.
pub mod col {
    pub const UNIT_NAME: &str = "单位名称";
    pub const YEAR: &str = "年度";
    pub const PRINCIPAL: &str = "主要负责人";
    pub const SUBMITTED_ON: &str = "报送日期";
    pub const UNIT_KIND: &str = "单位类型";
    pub const SAFETY_DEPUTY: &str = "分管安全负责人";
    pub const FILLED_BY: &str = "填报人";
    pub const PHONE: &str = "联系电话";
    pub const PLAN_COPIED_ON: &str = "计划抄送保卫处日期";
    pub const ANNUAL_SUMMARY_DUTY: &str = "年度总结报告安全履职";
    pub const PERFORMANCE_REVIEW_DUTY: &str = "绩效述职述安";
    pub const SEQ: &str = "序号";
    pub const TASK: &str = "工作任务";
    pub const RESPONSIBLE: &str = "责任人";
    pub const TASK_DEADLINE: &str = "完成时限";
    pub const NOTE: &str = "备注";
    pub const MEETING_DATE: &str = "会议日期";
    pub const MEETING_TOPIC: &str = "会议主题";
    pub const PRINCIPAL_ATTENDED: &str = "主要负责人参加";
    pub const PREVENTION_STUDIED: &str = "研究防范措施";
    pub const HOST: &str = "主持人";
    pub const ATTENDEES: &str = "参会人数";
    pub const MINUTES: &str = "会议纪要";
    pub const INSPECTION_DATE: &str = "排查日期";
    pub const INSPECTION_SCOPE: &str = "排查范围";
    pub const PARTICIPANTS: &str = "参加人员";
    pub const HAZARDS_FOUND: &str = "发现隐患数";
    pub const HAZARDS_FIXED: &str = "已整改数";
    pub const FOUND_ON: &str = "发现日期";
    pub const HAZARD_DESCRIPTION: &str = "隐患描述";
    pub const HAZARD_GRADE: &str = "隐患等级";
    pub const FIX_DUE: &str = "整改期限";
    pub const FIX_MEASURE: &str = "整改措施";
    pub const FIX_COMPLETED_ON: &str = "整改完成日期";
    pub const QUARTER: &str = "季度";
    pub const REPORT_TITLE: &str = "报告标题";
    pub const ACCIDENT_COUNT: &str = "事故起数";
    pub const OCCURRED_ON: &str = "发生日期";
    pub const ACCIDENT_SUMMARY: &str = "事故概况";
    pub const ACCIDENT_GRADE: &str = "事故等级";
    pub const DEATHS: &str = "死亡人数";
    pub const INJURED: &str = "受伤人数";
    pub const SERIOUSLY_INJURED: &str = "重伤人数";
    pub const DIRECT_LOSS: &str = "直接经济损失（万元）";
    pub const WRITTEN_CHECK_ON: &str = "书面检查报告日期";
    pub const DURING_ACTIVITY: &str = "是否在活动中发生";
    pub const LEDGER_TYPE: &str = "台账类型";
    pub const MEASURE_KIND: &str = "措施类型";
    pub const IMPOSED_ON: &str = "实施日期";
    pub const REASON: &str = "事由";
    pub const FIX_REPORT_ON: &str = "书面整改报告提交日期";
    pub const LISTED_NUMBER: &str = "编号";
    pub const HAZARD_NAME: &str = "隐患名称";
    pub const RESPONSIBLE_UNIT: &str = "责任单位";
    pub const LISTED_LEVEL: &str = "督办级别";
    pub const LISTED_ON: &str = "挂牌日期";
    pub const LISTED_DUE: &str = "整改时限";
    pub const CLOSED_ON: &str = "销号日期";
    pub const STATE: &str = "状态";
    pub const GRADE_DETERMINED: &str = "等级认定";
    pub const AT_FAULT: &str = "负有责任";
    pub const MISREPORTED: &str = "谎报瞒报";
    pub const BAD_INFLUENCE: &str = "不良影响";
    pub const REMARK: &str = "说明";
    pub const LEADER_NAME: &str = "领导姓名";
    pub const DATE: &str = "日期";
    pub const VISITED_UNIT: &str = "调研单位";
    pub const POST: &str = "职务";
    pub const CONTENT: &str = "内容";
    pub const REPORT_COVERS_SAFETY: &str = "述职报告含安全工作";
    pub const POINTS: &str = "分值";
    pub const APPROVED_BY: &str = "批准人";
}

use Kind::*;

pub const COVER: &str = "封面";
pub const PLAN: &str = "年度安全工作计划";
pub const MEETINGS: &str = "安全工作会议";
pub const INSPECTIONS: &str = "隐患排查";
pub const HAZARDS: &str = "隐患整改";
pub const QUARTERLY: &str = "季度报告";
pub const ACCIDENTS: &str = "安全事故";
pub const PUNISHMENTS: &str = "惩戒措施";
pub const LISTED: &str = "挂牌督办";
pub const DETERMINATIONS: &str = "事故认定";
pub const VISITS: &str = "领导调研督查";
pub const LEADER_REPORTS: &str = "领导述职";
pub const ADJUSTMENTS: &str = "考评加减分";

/// 台账类型 value that marks the central register.
pub const REGISTER_TYPE: &str = "保卫处台账";

/// 封面 of the unit ledger (the first sheet of `LEDGER`).
pub const LEDGER_COVER: SheetSpec = SheetSpec {
    name: COVER,
    layout: Layout::Cover,
    row_is: "一项封面信息（A列填项目名称，B列填内容）",
    rules: "R1、R8、R15",
    cols: &[
        req(
            col::UNIT_NAME,
            Unit,
            "本单位全称，须与学校花名册一致（可从下拉列表选择）",
        ),
        req(col::YEAR, Year, "台账所属年度，如 2026"),
        req(col::PRINCIPAL, Text, "本单位党政主要负责人姓名"),
        req(
            col::SUBMITTED_ON,
            Date,
            "本次报送台账的日期；每次更新后重新报送，以最新报送日期为准",
        ),
        opt(col::UNIT_KIND, UnitKind, "部门 或 系部"),
        opt(col::SAFETY_DEPUTY, Text, "分管安全工作的负责人姓名"),
        opt(col::FILLED_BY, Text, "填表人姓名"),
        opt(col::PHONE, Text, "填表人联系电话"),
        opt(
            col::PLAN_COPIED_ON,
            Date,
            "年度安全工作计划抄送保卫处的日期（一.1，默认应在3月31日前）",
        ),
        opt(
            col::ANNUAL_SUMMARY_DUTY,
            YesNo,
            "主要负责人在年度总结中是否报告了安全工作履职情况（四.2），填 是/否",
        ),
        opt(
            col::PERFORMANCE_REVIEW_DUTY,
            YesNo,
            "主要负责人在绩效考评述职中是否述安（四.2），填 是/否",
        ),
    ],
};

/// 单位安全工作台账 — the unit ledger.
pub const LEDGER: &[SheetSpec] = &[
    LEDGER_COVER,
    SheetSpec {
        name: PLAN,
        layout: Layout::Table,
        row_is: "年度安全工作计划分解的一项工作任务（一.1）",
        rules: "R1",
        cols: &[
            opt(col::SEQ, Text, "顺序号；填“合计”“小计”的行不计入"),
            req(col::TASK, Text, "分解下达的安全工作任务"),
            req(col::RESPONSIBLE, Text, "该任务的责任人姓名"),
            req(col::TASK_DEADLINE, Date, "任务完成期限，填日期"),
            opt(col::NOTE, Text, "其他说明"),
        ],
    },
    SheetSpec {
        name: MEETINGS,
        layout: Layout::Table,
        row_is: "一次安全工作会议（二.1，每学期至少一次）",
        rules: "R2、R3",
        cols: &[
            req(col::MEETING_DATE, Date, "会议召开日期"),
            req(col::MEETING_TOPIC, Text, "会议主题或议题"),
            req(
                col::PRINCIPAL_ATTENDED,
                YesNo,
                "本单位主要负责人是否参加，填 是/否",
            ),
            req(
                col::PREVENTION_STUDIED,
                YesNo,
                "会议是否研究防范安全事故的措施，填 是/否",
            ),
            opt(col::HOST, Text, "会议主持人"),
            opt(col::ATTENDEES, Count, "参会人数（整数）"),
            opt(col::MINUTES, Text, "会议纪要要点或存档编号"),
        ],
    },
    SheetSpec {
        name: INSPECTIONS,
        layout: Layout::Table,
        row_is: "一次安全隐患排查（二.1，每月至少一次）",
        rules: "R4",
        cols: &[
            req(col::INSPECTION_DATE, Date, "排查日期；每个月至少一次"),
            req(col::INSPECTION_SCOPE, Text, "排查的场所、设施或内容"),
            opt(col::PARTICIPANTS, Text, "参加排查的人员"),
            opt(col::HAZARDS_FOUND, Count, "发现的隐患数量（整数）"),
            opt(col::HAZARDS_FIXED, Count, "已整改的隐患数量（整数）"),
            opt(col::NOTE, Text, "其他说明"),
        ],
    },
    SheetSpec {
        name: HAZARDS,
        layout: Layout::Table,
        row_is: "排查发现的一处隐患及其整改（二.1、六.1）",
        rules: "R13",
        cols: &[
            req(col::FOUND_ON, Date, "发现隐患的日期"),
            req(col::HAZARD_DESCRIPTION, Text, "隐患的具体情况"),
            req(col::HAZARD_GRADE, HazardGrade, "一般 / 较大 / 重大"),
            req(col::FIX_DUE, Date, "应完成整改的日期"),
            opt(col::FIX_MEASURE, Text, "采取的整改措施"),
            opt(
                col::FIX_COMPLETED_ON,
                Date,
                "实际完成整改的日期；未完成的留空",
            ),
            opt(col::RESPONSIBLE, Text, "整改责任人"),
        ],
    },
    SheetSpec {
        name: QUARTERLY,
        layout: Layout::Table,
        row_is: "一份季度安全工作报告（五.1）",
        rules: "R5",
        cols: &[
            req(
                col::QUARTER,
                Quarter,
                "第一季度 / 第二季度 / 第三季度 / 第四季度",
            ),
            req(
                col::SUBMITTED_ON,
                Date,
                "季度报告报送保卫处的日期（季度结束后10天内）",
            ),
            opt(col::REPORT_TITLE, Text, "报告标题"),
            opt(
                col::ACCIDENT_COUNT,
                Count,
                "本季度发生的安全事故起数（整数，应与“安全事故”表一致）",
            ),
        ],
    },
    SheetSpec {
        name: ACCIDENTS,
        layout: Layout::Table,
        row_is: "一起安全事故（五.2、五.4）；没有事故则不填",
        rules: "R9、R11",
        cols: &[
            req(col::OCCURRED_ON, Date, "事故发生日期"),
            req(col::ACCIDENT_SUMMARY, Text, "事故经过和结果的简要说明"),
            req(
                col::ACCIDENT_GRADE,
                AccidentGrade,
                "一般 / 较大 / 重大 / 特别重大（按国务院令第493号）",
            ),
            req(col::DEATHS, Count, "死亡人数（整数，没有填0）"),
            req(col::INJURED, Count, "受伤人数（整数，没有填0）"),
            opt(col::SERIOUSLY_INJURED, Count, "其中重伤人数（整数）"),
            opt(col::DIRECT_LOSS, Number, "直接经济损失，单位万元"),
            opt(
                col::WRITTEN_CHECK_ON,
                Date,
                "向学校作出书面检查报告的日期（五.4）",
            ),
            opt(
                col::DURING_ACTIVITY,
                YesNo,
                "是否在组织的活动中发生，填 是/否",
            ),
        ],
    },
];

/// 封面 of the central register (the first sheet of `REGISTER`).
pub const REGISTER_COVER: SheetSpec = SheetSpec {
    name: COVER,
    layout: Layout::Cover,
    row_is: "一项封面信息（A列填项目名称，B列填内容）",
    rules: "",
    cols: &[
        req(
            col::LEDGER_TYPE,
            LedgerType,
            "固定填“保卫处台账”，程序据此识别本台账",
        ),
        req(col::YEAR, Year, "台账所属年度，如 2026"),
        opt(col::FILLED_BY, Text, "填表人姓名"),
        opt(
            col::SUBMITTED_ON,
            Date,
            "本版台账的日期；有多个版本时以最新的为准",
        ),
    ],
};

/// 保卫处台账 — the central register.
pub const REGISTER: &[SheetSpec] = &[
    REGISTER_COVER,
    SheetSpec {
        name: PUNISHMENTS,
        layout: Layout::Table,
        row_is: "对一个单位实施的一项惩戒措施（五.3）",
        rules: "R10",
        cols: &[
            req(col::UNIT_NAME, Unit, "被实施惩戒措施的单位"),
            req(
                col::MEASURE_KIND,
                Measure,
                "约谈 / 黄牌警告 / 通报批评 / 下发整改通知书 / 挂牌督办",
            ),
            req(
                col::IMPOSED_ON,
                Date,
                "惩戒措施实施日期；单位应在其后20个工作日内提交书面整改报告",
            ),
            opt(col::REASON, Text, "实施惩戒的原因"),
            opt(
                col::FIX_REPORT_ON,
                Date,
                "单位提交书面整改报告的日期；未提交的留空",
            ),
        ],
    },
    SheetSpec {
        name: LISTED,
        layout: Layout::Table,
        row_is: "一项挂牌督办隐患的一个责任单位（六.1–六.3）；多个责任单位各占一行",
        rules: "R12",
        cols: &[
            req(
                col::LISTED_NUMBER,
                Text,
                "督办编号，同一隐患的各责任单位用同一编号",
            ),
            req(col::HAZARD_NAME, Text, "挂牌督办的隐患"),
            req(col::RESPONSIBLE_UNIT, Unit, "承担治理责任的单位"),
            req(col::LISTED_LEVEL, Level, "学校 / 市教育局（六.2）"),
            req(col::LISTED_ON, Date, "挂牌督办日期"),
            req(col::LISTED_DUE, Date, "完成整改的时限"),
            opt(col::CLOSED_ON, Date, "整改完成、销号的日期；未销号的留空"),
            opt(col::STATE, ListedState, "整改中 / 已销号 / 拒不整改"),
        ],
    },
    SheetSpec {
        name: DETERMINATIONS,
        layout: Layout::Table,
        row_is: "保卫处对一起事故的认定",
        rules: "R9、R11",
        cols: &[
            req(col::UNIT_NAME, Unit, "事故所在单位"),
            req(
                col::OCCURRED_ON,
                Date,
                "事故发生日期（与单位台账中的事故按单位和日期对应）",
            ),
            req(
                col::GRADE_DETERMINED,
                AccidentGrade,
                "一般 / 较大 / 重大 / 特别重大",
            ),
            opt(
                col::AT_FAULT,
                YesNo,
                "单位是否对事故负有责任，填 是/否（七.1）",
            ),
            opt(
                col::MISREPORTED,
                YesNo,
                "是否存在谎报或瞒报，填 是/否（七.3 四）",
            ),
            opt(
                col::BAD_INFLUENCE,
                YesNo,
                "是否造成不良影响，填 是/否（七.3 四）",
            ),
            opt(col::REMARK, Text, "认定说明"),
        ],
    },
    SheetSpec {
        name: VISITS,
        layout: Layout::Table,
        row_is: "学校领导深入基层开展的一次安全工作调研督查（四.1，每年不少于2次）",
        rules: "R6",
        cols: &[
            req(
                col::LEADER_NAME,
                Leader,
                "校领导姓名，须与配置中的领导名单一致",
            ),
            req(col::DATE, Date, "调研督查日期"),
            req(col::VISITED_UNIT, Unit, "被调研督查的单位"),
            opt(col::POST, Text, "领导职务"),
            opt(col::CONTENT, Text, "调研督查内容"),
        ],
    },
    SheetSpec {
        name: LEADER_REPORTS,
        layout: Layout::Table,
        row_is: "一位校领导的年度述职（四.1）",
        rules: "R7",
        cols: &[
            req(col::LEADER_NAME, Leader, "校领导姓名"),
            req(
                col::REPORT_COVERS_SAFETY,
                YesNo,
                "年度述职报告是否包含职责范围内的安全工作，填 是/否",
            ),
            opt(col::POST, Text, "领导职务"),
        ],
    },
    SheetSpec {
        name: ADJUSTMENTS,
        layout: Layout::Table,
        row_is: "对一个单位年终考核的一项加分或减分",
        rules: "年终考核",
        cols: &[
            req(col::UNIT_NAME, Unit, "加减分的单位"),
            req(col::POINTS, Number, "加分填正数，减分填负数，如 2 或 -3"),
            req(col::REASON, Text, "加减分的原因"),
            opt(col::APPROVED_BY, Text, "批准人"),
        ],
    },
];

pub fn ledger_sheet(name: &str) -> Option<&'static SheetSpec> {
    LEDGER.iter().find(|s| s.name == name)
}

pub fn register_sheet(name: &str) -> Option<&'static SheetSpec> {
    REGISTER.iter().find(|s| s.name == name)
}
