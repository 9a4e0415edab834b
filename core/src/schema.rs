//! The workbook contract (contract.md) as data: every sheet, its headers, which are required,
//! what type each column holds and how to fill it in. Ingest reads by it; `template` writes by it,
//! so the two never drift apart.

#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)
)]

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
            "单位名称",
            Unit,
            "本单位全称，须与学校花名册一致（可从下拉列表选择）",
        ),
        req("年度", Year, "台账所属年度，如 2026"),
        req("主要负责人", Text, "本单位党政主要负责人姓名"),
        req(
            "报送日期",
            Date,
            "本次报送台账的日期；每次更新后重新报送，以最新报送日期为准",
        ),
        opt("单位类型", UnitKind, "部门 或 系部"),
        opt("分管安全负责人", Text, "分管安全工作的负责人姓名"),
        opt("填报人", Text, "填表人姓名"),
        opt("联系电话", Text, "填表人联系电话"),
        opt(
            "计划抄送保卫处日期",
            Date,
            "年度安全工作计划抄送保卫处的日期（一.1，默认应在3月31日前）",
        ),
        opt(
            "年度总结报告安全履职",
            YesNo,
            "主要负责人在年度总结中是否报告了安全工作履职情况（四.2），填 是/否",
        ),
        opt(
            "绩效述职述安",
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
            opt("序号", Text, "顺序号；填“合计”“小计”的行不计入"),
            req("工作任务", Text, "分解下达的安全工作任务"),
            req("责任人", Text, "该任务的责任人姓名"),
            req("完成时限", Date, "任务完成期限，填日期"),
            opt("备注", Text, "其他说明"),
        ],
    },
    SheetSpec {
        name: MEETINGS,
        layout: Layout::Table,
        row_is: "一次安全工作会议（二.1，每学期至少一次）",
        rules: "R2、R3",
        cols: &[
            req("会议日期", Date, "会议召开日期"),
            req("会议主题", Text, "会议主题或议题"),
            req(
                "主要负责人参加",
                YesNo,
                "本单位主要负责人是否参加，填 是/否",
            ),
            req(
                "研究防范措施",
                YesNo,
                "会议是否研究防范安全事故的措施，填 是/否",
            ),
            opt("主持人", Text, "会议主持人"),
            opt("参会人数", Count, "参会人数（整数）"),
            opt("会议纪要", Text, "会议纪要要点或存档编号"),
        ],
    },
    SheetSpec {
        name: INSPECTIONS,
        layout: Layout::Table,
        row_is: "一次安全隐患排查（二.1，每月至少一次）",
        rules: "R4",
        cols: &[
            req("排查日期", Date, "排查日期；每个月至少一次"),
            req("排查范围", Text, "排查的场所、设施或内容"),
            opt("参加人员", Text, "参加排查的人员"),
            opt("发现隐患数", Count, "发现的隐患数量（整数）"),
            opt("已整改数", Count, "已整改的隐患数量（整数）"),
            opt("备注", Text, "其他说明"),
        ],
    },
    SheetSpec {
        name: HAZARDS,
        layout: Layout::Table,
        row_is: "排查发现的一处隐患及其整改（二.1、六.1）",
        rules: "R13",
        cols: &[
            req("发现日期", Date, "发现隐患的日期"),
            req("隐患描述", Text, "隐患的具体情况"),
            req("隐患等级", HazardGrade, "一般 / 较大 / 重大"),
            req("整改期限", Date, "应完成整改的日期"),
            opt("整改措施", Text, "采取的整改措施"),
            opt("整改完成日期", Date, "实际完成整改的日期；未完成的留空"),
            opt("责任人", Text, "整改责任人"),
        ],
    },
    SheetSpec {
        name: QUARTERLY,
        layout: Layout::Table,
        row_is: "一份季度安全工作报告（五.1）",
        rules: "R5",
        cols: &[
            req("季度", Quarter, "第一季度 / 第二季度 / 第三季度 / 第四季度"),
            req(
                "报送日期",
                Date,
                "季度报告报送保卫处的日期（季度结束后10天内）",
            ),
            opt("报告标题", Text, "报告标题"),
            opt(
                "事故起数",
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
            req("发生日期", Date, "事故发生日期"),
            req("事故概况", Text, "事故经过和结果的简要说明"),
            req(
                "事故等级",
                AccidentGrade,
                "一般 / 较大 / 重大 / 特别重大（按国务院令第493号）",
            ),
            req("死亡人数", Count, "死亡人数（整数，没有填0）"),
            req("受伤人数", Count, "受伤人数（整数，没有填0）"),
            opt("重伤人数", Count, "其中重伤人数（整数）"),
            opt("直接经济损失（万元）", Number, "直接经济损失，单位万元"),
            opt(
                "书面检查报告日期",
                Date,
                "向学校作出书面检查报告的日期（五.4）",
            ),
            opt(
                "是否在活动中发生",
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
            "台账类型",
            LedgerType,
            "固定填“保卫处台账”，程序据此识别本台账",
        ),
        req("年度", Year, "台账所属年度，如 2026"),
        opt("填报人", Text, "填表人姓名"),
        opt("报送日期", Date, "本版台账的日期；有多个版本时以最新的为准"),
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
            req("单位名称", Unit, "被实施惩戒措施的单位"),
            req(
                "措施类型",
                Measure,
                "约谈 / 黄牌警告 / 通报批评 / 下发整改通知书 / 挂牌督办",
            ),
            req(
                "实施日期",
                Date,
                "惩戒措施实施日期；单位应在其后20个工作日内提交书面整改报告",
            ),
            opt("事由", Text, "实施惩戒的原因"),
            opt(
                "书面整改报告提交日期",
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
            req("编号", Text, "督办编号，同一隐患的各责任单位用同一编号"),
            req("隐患名称", Text, "挂牌督办的隐患"),
            req("责任单位", Unit, "承担治理责任的单位"),
            req("督办级别", Level, "学校 / 市教育局（六.2）"),
            req("挂牌日期", Date, "挂牌督办日期"),
            req("整改时限", Date, "完成整改的时限"),
            opt("销号日期", Date, "整改完成、销号的日期；未销号的留空"),
            opt("状态", ListedState, "整改中 / 已销号 / 拒不整改"),
        ],
    },
    SheetSpec {
        name: DETERMINATIONS,
        layout: Layout::Table,
        row_is: "保卫处对一起事故的认定",
        rules: "R9、R11",
        cols: &[
            req("单位名称", Unit, "事故所在单位"),
            req(
                "发生日期",
                Date,
                "事故发生日期（与单位台账中的事故按单位和日期对应）",
            ),
            req("等级认定", AccidentGrade, "一般 / 较大 / 重大 / 特别重大"),
            opt(
                "负有责任",
                YesNo,
                "单位是否对事故负有责任，填 是/否（七.1）",
            ),
            opt("谎报瞒报", YesNo, "是否存在谎报或瞒报，填 是/否（七.3 四）"),
            opt("不良影响", YesNo, "是否造成不良影响，填 是/否（七.3 四）"),
            opt("说明", Text, "认定说明"),
        ],
    },
    SheetSpec {
        name: VISITS,
        layout: Layout::Table,
        row_is: "学校领导深入基层开展的一次安全工作调研督查（四.1，每年不少于2次）",
        rules: "R6",
        cols: &[
            req("领导姓名", Leader, "校领导姓名，须与配置中的领导名单一致"),
            req("日期", Date, "调研督查日期"),
            req("调研单位", Unit, "被调研督查的单位"),
            opt("职务", Text, "领导职务"),
            opt("内容", Text, "调研督查内容"),
        ],
    },
    SheetSpec {
        name: LEADER_REPORTS,
        layout: Layout::Table,
        row_is: "一位校领导的年度述职（四.1）",
        rules: "R7",
        cols: &[
            req("领导姓名", Leader, "校领导姓名"),
            req(
                "述职报告含安全工作",
                YesNo,
                "年度述职报告是否包含职责范围内的安全工作，填 是/否",
            ),
            opt("职务", Text, "领导职务"),
        ],
    },
    SheetSpec {
        name: ADJUSTMENTS,
        layout: Layout::Table,
        row_is: "对一个单位年终考核的一项加分或减分",
        rules: "年终考核",
        cols: &[
            req("单位名称", Unit, "加减分的单位"),
            req("分值", Number, "加分填正数，减分填负数，如 2 或 -3"),
            req("事由", Text, "加减分的原因"),
            opt("批准人", Text, "批准人"),
        ],
    },
];

pub fn ledger_sheet(name: &str) -> Option<&'static SheetSpec> {
    LEDGER.iter().find(|s| s.name == name)
}

pub fn register_sheet(name: &str) -> Option<&'static SheetSpec> {
    REGISTER.iter().find(|s| s.name == name)
}
