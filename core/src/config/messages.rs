//! Every Chinese text about the config, in one place: our own messages (a value that fails a
//! check, an unknown key, a file that cannot be read, where in the file) and serde/toml's
//! English errors turned into Chinese for office staff. Nothing else in `config` builds wording.

use chrono::NaiveDate;
use std::fmt;

/// A value that types alone do not rule out (found by `validate.rs`); the caller puts the key
/// path and line in front.
#[derive(Debug, Clone, PartialEq)]
pub enum Invalid {
    EmptyUnitName,
    /// A unit's name repeats an earlier unit's name (`other` as written there).
    DuplicateUnit {
        name: String,
        other: String,
    },
    /// A unit's name repeats another unit's alias.
    UnitIsAlias {
        name: String,
        owner: String,
        alias: String,
    },
    EmptyAlias,
    /// An alias repeats another unit's name or alias (`other`).
    AliasTaken {
        unit: String,
        alias: String,
        other: String,
    },
    EmptyLeader,
    DuplicateLeader {
        name: String,
    },
    SemesterEndsEarly {
        name: String,
        start: NaiveDate,
        end: NaiveDate,
    },
    DuplicateYear {
        year: i32,
    },
    DateOutsideYear {
        date: NaiveDate,
        year: i32,
    },
    /// A day count above its cap; `working` says 工作日 (else 日历日).
    TooManyDays {
        value: u32,
        max: u32,
        working: bool,
    },
    NoAccidentThreshold,
    BadMonth {
        month: u32,
    },
    GradeOutOfRange {
        value: f64,
    },
    GoodAboveExcellent {
        good: f64,
        excellent: f64,
    },
    PassAboveGood {
        pass: f64,
        good: f64,
    },
    BadPoints {
        value: f64,
    },
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use Invalid::*;
        match self {
            EmptyUnitName => write!(f, "单位名称不能为空"),
            DuplicateUnit { name, other } => {
                write!(f, "单位名称“{name}”与前面的单位“{other}”重复")
            }
            UnitIsAlias { name, owner, alias } => {
                write!(f, "单位名称“{name}”与单位“{owner}”的别名“{alias}”重复")
            }
            EmptyAlias => write!(f, "别名不能为空"),
            AliasTaken { unit, alias, other } => write!(
                f,
                "单位“{unit}”的别名“{alias}”与另一单位的名称或别名“{other}”相同，无法区分"
            ),
            EmptyLeader => write!(f, "领导姓名不能为空"),
            DuplicateLeader { name } => write!(f, "领导“{name}”重复列出"),
            SemesterEndsEarly { name, start, end } => {
                write!(f, "学期“{name}”的结束日期 {end} 早于开始日期 {start}")
            }
            DuplicateYear { year } => write!(f, "{year}年的节假日数据重复给出"),
            DateOutsideYear { date, year } => write!(f, "日期 {date} 不在{year}年内"),
            TooManyDays {
                value,
                max,
                working,
            } => {
                let unit = if *working { "工作日" } else { "日历日" };
                write!(f, "天数 {value} 过大，应为 0 到 {max} 个{unit}")
            }
            NoAccidentThreshold => write!(
                f,
                "事故多发起数 0 无效，应为不小于 1 的整数（否则每个单位都成为事故多发单位）"
            ),
            BadMonth { month } => write!(f, "月份 {month} 无效，应为 1 到 12"),
            GradeOutOfRange { value } => write!(f, "分数线 {value} 应在 0 到 100 之间"),
            GoodAboveExcellent { good, excellent } => {
                write!(f, "良好线 {good} 高于优秀线 {excellent}")
            }
            PassAboveGood { pass, good } => write!(f, "合格线 {pass} 高于良好线 {good}"),
            BadPoints { value } => write!(f, "分值 {value} 无效，应为不小于 0 的数"),
        }
    }
}

/// An error located in the config file: `配置文件 NAME 第N行：WHAT` (parts left out when unknown).
pub fn located(name: &str, line: Option<usize>, what: &str) -> String {
    let at = match line {
        Some(l) => format!("第{l}行："),
        None => "：".into(),
    };
    let sep = if name.is_empty() { "" } else { " " };
    let gap = if line.is_some() { " " } else { "" };
    format!("配置文件{sep}{name}{gap}{at}{what}")
}

/// A value that fails a check, after its key path.
pub fn invalid_at(path: &str, what: &Invalid) -> String {
    format!("{path}：{what}")
}

/// An unknown key, with the likeliest fix: a near key of the same table, the table where a key
/// of this name belongs, or else every key the table knows.
pub fn unknown_key(
    path: &str,
    suggestion: Option<&str>,
    home: Option<&str>,
    known: &[&str],
) -> String {
    let hint = match (suggestion, home) {
        (Some(s), _) => format!("是否想写 {s}？"),
        (None, Some(home)) => format!("这一项应写在 {home} 下面"),
        (None, None) => format!("可用的配置项：{}", known.join("、")),
    };
    format!("未知的配置项 {path}，{hint}")
}

/// The n-th (0-based) table of an array of tables, in a key path: `第2项`.
pub fn nth_entry(n: usize) -> String {
    format!("第{}项", n.saturating_add(1))
}

/// The n-th (0-based) value of a list, in a key path: `第3个值`.
pub fn nth_value(n: usize) -> String {
    format!("第{}个值", n.saturating_add(1))
}

/// A `"MM-DD"` value that is not a day of the year.
pub fn bad_month_day(s: &str) -> String {
    format!("“{s}”不是有效的月-日，应写作 \"MM-DD\"，例如 \"03-31\"")
}

/// A date value that is not a date.
pub fn bad_date(s: &str) -> String {
    format!("“{s}”不是有效的日期，应写作 2026-02-23（年-月-日）")
}

/// A date-time where only a date belongs.
pub fn date_with_time(s: &str) -> String {
    format!("“{s}”应只写日期，如 2026-02-23（不带时间）")
}

/// Something else where a date belongs.
pub const DATE_EXPECTED: &str = "应为日期，如 2026-02-23";

/// The config file is not there.
pub const NOT_FOUND: &str =
    "文件不存在（请在工作文件夹中运行，或用 --config 指定配置文件；新建可用 tongbao init 文件夹）";

/// The config file cannot be read (`why`: the system's reason, in Chinese).
pub fn cannot_read(path: &str, why: &str) -> String {
    format!("无法读取配置文件 {path}：{why}")
}

/// The config file's bytes are not UTF-8 text (`why` from [`decode_text`]).
pub fn not_text(path: &str, why: &str) -> String {
    format!("配置文件 {path} {why}")
}

/// serde/toml's English message → Chinese, prefixed with the key path.
pub fn serde_message_cn(path: &str, msg: &str) -> String {
    let at = if path.is_empty() {
        String::new()
    } else {
        format!("{path} ")
    };
    let serde_words = [
        "invalid type",
        "invalid value",
        "missing field",
        "unknown variant",
    ];
    if !msg.is_ascii() && !serde_words.iter().any(|w| msg.starts_with(w)) {
        // Our own messages (e.g. MonthDay) are Chinese already.
        return format!("{at}的值{msg}");
    }
    if let Some(field) = between(msg, "missing field `", "`") {
        // Only the top level has a `school` field; toml may point the error at the last table.
        if field == "school" {
            return "缺少 [school] 部分（至少写 name = \"学校名称\"）".into();
        }
        return format!("{at}缺少必填项 {field}");
    }
    if let Some(v) = between(msg, "unknown variant `", "`") {
        let expected: Vec<&str> = msg
            .split("expected ")
            .nth(1)
            .unwrap_or("")
            .split(['`', ',', ' '])
            .filter(|s| !s.is_empty() && *s != "one" && *s != "of" && *s != "or")
            .collect();
        return format!("{at}的值“{v}”无效，应为：{}", expected.join("、"));
    }
    let (found, expected) = match msg.split_once(", expected ") {
        Some((f, e)) => (f, e),
        None => (msg, ""),
    };
    let found = found
        .trim_start_matches("invalid type: ")
        .trim_start_matches("invalid value: ");
    format!(
        "{at}的值 {} 不对，应为{}",
        found_cn(found),
        expected_cn(expected)
    )
}

fn between<'a>(s: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let (_, rest) = s.split_once(start)?;
    Some(rest.split_once(end)?.0)
}

fn found_cn(found: &str) -> String {
    let lit = found
        .split_once(' ')
        .map(|(_, v)| v.trim_matches(['`', '"']))
        .unwrap_or("");
    match found.split(' ').next().unwrap_or("") {
        "string" => format!("“{lit}”（文字）"),
        "integer" => format!("{lit}（整数）"),
        "floating" => format!(
            "{}（小数）",
            lit.trim_start_matches("point ").trim_matches('`')
        ),
        "boolean" => lit.to_string(),
        "sequence" => "[…]（列表）".into(),
        "map" => "{…}（表）".into(),
        _ => found.to_string(),
    }
}

fn expected_cn(expected: &str) -> String {
    let e = expected.to_ascii_lowercase();
    if e.contains("date") {
        "日期，如 2026-02-23".into()
    } else if e.contains("u8") || e.contains("u32") || e.contains("u64") {
        "不小于 0 的整数".into()
    } else if e.contains("i32") || e.contains("i64") {
        "整数".into()
    } else if e.contains("f64") || e.contains("f32") {
        "数字".into()
    } else if e.contains("bool") {
        "true 或 false".into()
    } else if e.contains("sequence") {
        "列表，如 [\"甲\", \"乙\"]".into()
    } else if e.contains("string") {
        "加引号的文字".into()
    } else if e.contains("struct") || e.contains("map") {
        "一个表（[名称] 或 [[名称]]）".into()
    } else {
        expected.to_string()
    }
}

/// A TOML syntax error → Chinese: what is wrong, the offending line, and the line as it should
/// read when the cause is plain (Chinese punctuation where TOML needs ASCII, a bare word).
pub fn syntax_message_cn(msg: &str, line_text: Option<&str>) -> String {
    let line = line_text.map(str::trim).filter(|l| !l.is_empty());
    let (punct, fixed) = match line {
        Some(l) => fix_punctuation(l),
        None => (Vec::new(), String::new()),
    };
    let what = if !punct.is_empty() {
        format!(
            "这一行用了中文（全角）标点：{}。TOML 配置文件里的引号、逗号、等号、括号都要用英文半角符号",
            punct.join("，")
        )
    } else {
        syntax_kind_cn(msg.trim())
    };
    let fix = if !punct.is_empty() {
        Some(fixed)
    } else if msg.contains("string values must be quoted") {
        line.and_then(quote_value)
    } else {
        None
    };
    match (line, fix) {
        (Some(l), Some(f)) if f != l => format!("{what}：{l}（应改为：{f}）"),
        (Some(l), _) => format!("{what}：{l}"),
        (None, _) => what,
    }
}

/// toml's English error kind → what to do, in Chinese.
fn syntax_kind_cn(m: &str) -> String {
    let table: [(&str, &str); 12] = [
        ("duplicate key", "同一个配置项写了两次，请删去其中一个"),
        (
            "invalid date",
            "日期无效，应写作真实存在的日期，如 2026-03-05（不加引号）",
        ),
        (
            "invalid time",
            "日期无效，应写作真实存在的日期，如 2026-03-05（不加引号）",
        ),
        (
            "string values must be quoted",
            "文字必须用英文双引号括起来，如 name = \"学工处\"",
        ),
        (
            "invalid basic string",
            "引号没有配对：文字要用一对英文双引号 \"…\" 括起来",
        ),
        (
            "invalid literal string",
            "引号没有配对：文字要用一对英文双引号 \"…\" 括起来",
        ),
        (
            "missing comma",
            "列表的各项之间缺少英文逗号 ,（如 [\"甲\", \"乙\"]）",
        ),
        (
            "key with no value",
            "配置项后面缺少英文等号 = 和值，应写作 名称 = 值",
        ),
        (
            "unclosed table",
            "方括号没有配对，表名应写作 [名称] 或 [[名称]]",
        ),
        (
            "unclosed array",
            "列表的方括号没有配对，应写作 [\"甲\", \"乙\"]",
        ),
        (
            "invalid boolean",
            "是/否只能写 true 或 false（小写，不加引号）",
        ),
        (
            "invalid unquoted key",
            "配置项名称只能用英文字母、数字、- 和 _",
        ),
    ];
    if let Some((_, cn)) = table.iter().find(|(en, _)| m.contains(en)) {
        return (*cn).to_string();
    }
    if m.contains("unclosed") {
        "引号或括号没有配对".into()
    } else if m.contains("unexpected") {
        "这一行有多余的内容：一行只写一项 名称 = 值，行尾的说明以英文 # 开头".into()
    } else {
        "写法有误，请对照 tongbao init 生成的示例配置检查这一行（引号、逗号、等号、括号都用英文半角符号）"
            .into()
    }
}

/// Full-width punctuation → its ASCII counterpart, with the name staff know it by.
const FULL_WIDTH: [(char, char, &str); 13] = [
    ('“', '"', "中文引号“”（应为英文双引号 \"）"),
    ('”', '"', "中文引号“”（应为英文双引号 \"）"),
    ('‘', '"', "中文单引号‘’（应为英文双引号 \"）"),
    ('’', '"', "中文单引号‘’（应为英文双引号 \"）"),
    ('，', ',', "全角逗号，（应为英文逗号 ,）"),
    ('、', ',', "顿号、（应为英文逗号 ,）"),
    ('＝', '=', "全角等号＝（应为英文等号 =）"),
    ('：', '=', "冒号：（应为英文等号 =）"),
    ('【', '[', "中文方括号【】（应为英文方括号 []）"),
    ('】', ']', "中文方括号【】（应为英文方括号 []）"),
    ('［', '[', "全角方括号［］（应为英文方括号 []）"),
    ('］', ']', "全角方括号［］（应为英文方括号 []）"),
    ('＃', '#', "全角井号＃（应为英文 #）"),
];

/// The Chinese punctuation a line uses where TOML needs ASCII, and the line with it replaced.
/// Text inside well-paired ASCII quotes and comments is left alone; when the ASCII quotes do
/// not pair up (`"学工处”`), a Chinese quote is the likely culprit wherever it stands.
fn fix_punctuation(line: &str) -> (Vec<String>, String) {
    let paired = line.matches('"').count().is_multiple_of(2);
    let mut found: Vec<String> = Vec::new();
    let mut out = String::new();
    let mut in_str = false;
    let mut comment = false;
    for c in line.chars() {
        if c == '"' && !comment {
            in_str = !in_str;
        }
        if c == '#' && (!in_str || !paired) {
            comment = true;
        }
        let spot = !comment && (!in_str || !paired);
        match FULL_WIDTH
            .iter()
            .find(|(fw, _, _)| *fw == c)
            .filter(|_| spot)
        {
            Some((_, ascii, name)) => {
                if !found.iter().any(|f| f == name) {
                    found.push((*name).to_string());
                }
                out.push(*ascii);
            }
            None if c == '\u{3000}' && spot => {
                let name = "全角空格（应为英文空格或删去）".to_string();
                if !found.contains(&name) {
                    found.push(name);
                }
                out.push(' ');
            }
            None => out.push(c),
        }
    }
    (found, out)
}

/// `key = 学工处` → `key = "学工处"` (a bare word where text needs quotes).
fn quote_value(line: &str) -> Option<String> {
    let (key, value) = line.split_once('=')?;
    let (value, comment) = match value.split_once('#') {
        Some((v, c)) => (v, format!("  #{c}")),
        None => (value, String::new()),
    };
    let v = value.trim();
    if v.is_empty() || v.contains('"') {
        return None;
    }
    Some(format!("{} = \"{v}\"{comment}", key.trim()))
}

/// The config file's bytes as text: UTF-8, with or without a byte-order mark (Notepad writes
/// one). Anything else gets a Chinese explanation of how to re-save the file as UTF-8.
pub fn decode_text(bytes: &[u8]) -> Result<&str, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    const RESAVE: &str = "请用记事本打开它，点“文件 → 另存为”，在“编码”中选 UTF-8 后保存；\
                          或在 WPS 中“另存为”文本文件并选择 UTF-8 编码";
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(format!(
            "是 UTF-16（记事本中的“Unicode”）编码，程序只认 UTF-8 编码。{RESAVE}。"
        ));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes
            .iter()
            .take(e.valid_up_to())
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        format!(
            "不是 UTF-8 编码（第{line}行起有无法识别的文字，多半是按 GBK/ANSI 编码保存的）。{RESAVE}。"
        )
    })
}

#[cfg(test)]
#[path = "messages_tests.rs"]
mod tests;
