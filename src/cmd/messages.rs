//! What the commands say on the terminal, in one place: `build`, `check` and their 印发前请核对
//! list, `watch`, `template`, `--open`. The commands decide what to say, the words are here
//! (Chinese, for the office). Paths and dates arrive formatted for display.

use crate::model::Role;
use chrono::NaiveDate;
use std::collections::BTreeSet;

// ── build ────────────────────────────────────────────────────────────────────────────────

/// A folder named by `--inbox` that does not exist (a typo would assess nothing).
pub fn inbox_missing(dir: &str) -> String {
    format!("收件文件夹 {dir} 不存在")
}

/// The default inbox/<year> does not exist: every unit is 未报送.
pub fn inbox_missing_hint(dir: &str) -> String {
    format!("提示：收件文件夹 {dir} 不存在，按空收件处理（各单位均为未报送）。")
}

/// Context of an error while reading the inbox.
pub fn inbox(dir: &str) -> String {
    format!("收件文件夹 {dir}")
}

/// The progress bar's name and its four steps.
pub const BUILD: &str = "生成";
pub const STEP_READ: &str = "读取收件文件夹";
pub const STEP_EVALUATE: &str = "评估各项要求";
pub const STEP_RENDER: &str = "生成通报、汇总表和反馈";
pub const STEP_WRITE: &str = "写入输出文件夹";

/// `--strict` and errors were found.
pub fn strict_errors(n: usize) -> String {
    format!("存在{n}条错误级问题（--strict）。")
}

/// The figures of the closing summary line.
pub struct Summary<'a> {
    pub roster: usize,
    pub submitted: usize,
    pub late: usize,
    pub overall_rate: &'a str,
    /// Final year: (vetoed, commended); otherwise the veto risks.
    pub vetoes: Result<(usize, usize), usize>,
    pub errors: usize,
    pub warnings: usize,
}

/// 单位20个，已报送18个（逾期1个）；总体达标率87.5%；一票否决风险1个；数据问题：错误2条、警告3条。
pub fn summary(s: &Summary) -> String {
    let mut out = format!("单位{}个，已报送{}个", s.roster, s.submitted);
    if s.late > 0 {
        out.push_str(&format!("（逾期{}个）", s.late));
    }
    out.push_str(&format!("；总体达标率{}", s.overall_rate));
    match s.vetoes {
        Ok((vetoed, commended)) => {
            out.push_str(&format!("；一票否决{vetoed}个；建议表彰{commended}个"))
        }
        Err(risks) => out.push_str(&format!("；一票否决风险{risks}个")),
    }
    out.push_str(&format!(
        "；数据问题：错误{}条、警告{}条。",
        s.errors, s.warnings
    ));
    out
}

/// Where the files are (paths displayed), after the bulletin's title.
pub struct Written<'a> {
    pub title: &'a str,
    pub files: usize,
    pub dir: &'a str,
    pub bulletin: &'a str,
    pub summary: &'a str,
    pub feedback: &'a str,
    pub index: &'a str,
}

pub fn written(w: &Written, summary_line: &str) -> String {
    format!(
        "{}\n已生成 {} 个文件：{}\n  通报：{}\n  汇总表：{}\n  各单位反馈：{}\n  索引：{}\n{}",
        w.title, w.files, w.dir, w.bulletin, w.summary, w.feedback, w.index, summary_line
    )
}

// ── watch, template, --open ─────────────────────────────────────────────────────────────

pub fn watching(inbox: &str, config: &str) -> String {
    format!("正在监视 {inbox} 和配置文件 {config}，有变化后自动重新生成（按 Ctrl-C 结束）。")
}

/// The changed files (see `changed_config`, `changed_prose`) before a rebuild.
pub fn changed(names: &[String]) -> String {
    format!("检测到变化：{}，重新生成……", names.join("、"))
}

pub fn changed_config(name: &str) -> String {
    format!("{name}（配置文件）")
}

pub fn changed_prose(name: &str) -> String {
    format!("{name}（按语）")
}

/// After `watch`'s first build: the time of day and how long the build took.
pub fn built_in(time: &str, secs: f64) -> String {
    format!("{time} 生成完成（{secs:.2} 秒）")
}

/// After each rebuild: the time of day and how long the rebuild took.
pub fn rebuilt_in(time: &str, secs: f64) -> String {
    format!("{time} 重新生成完成（{secs:.2} 秒）")
}

pub fn warning(text: &str) -> String {
    format!("警告：{text}")
}

pub fn cannot_watch(why: &str) -> String {
    format!("无法监视文件夹：{why}")
}

pub const WATCH_NO_FOLDER: &str = "文件夹不存在";
pub const WATCH_TOO_MANY: &str = "系统可监视的文件数已达上限，请改用 --poll（轮询方式）";
pub const WATCH_UNSUPPORTED: &str = "系统不支持变化通知，请改用 --poll（轮询方式）";

/// `template` without a config: the built-in one, no drop-down lists of names.
pub fn template_without_config(path: &str) -> String {
    format!(
        "提示：未找到配置文件 {path}，使用内置默认配置（名单为空，模板中不含单位和领导下拉列表）。"
    )
}

pub const TEMPLATES_WRITTEN: &str = "已生成模板：";

pub fn opening(file: &str) -> String {
    format!("正在用默认浏览器打开 {file}")
}

pub fn cannot_open(file: &str) -> String {
    format!("无法用默认浏览器打开 {file}，请在文件夹中双击该文件")
}

/// The menu's 4 with nothing built yet.
pub fn no_bulletin_yet(out: &str) -> String {
    format!("{out} 中还没有通报。请先选 2 生成通报。")
}

// ── check ────────────────────────────────────────────────────────────────────────────────

/// `check` without a config: unit names are not judged (outputs.md "Settled" 2).
pub fn check_without_config(path: &str) -> String {
    format!("未找到配置文件 {path}：不核对单位名称，只检查文件本身。")
}

/// `名册中尚未报送的单位（2个）：机电工程系、学生处`, or that all have sent theirs.
pub fn not_submitted(list: &[String]) -> String {
    if list.is_empty() {
        "名册中的单位均已报送。".to_string()
    } else {
        format!(
            "名册中尚未报送的单位（{}个）：{}",
            list.len(),
            list.join("、")
        )
    }
}

/// What a file was taken as, for people.
pub fn role(role: Role) -> &'static str {
    match role {
        Role::Ledger => "单位台账",
        Role::Register => "保卫处台账",
        Role::Prose => "按语",
        Role::Skipped => "已跳过",
        Role::Superseded => "已被较新的文件取代",
        Role::Unreadable => "无法读取",
        Role::Rejected => NOT_COUNTED,
        Role::AfterAsOf => "报送日期晚于评价基准日，未计入",
    }
}

/// Under a file without findings.
pub const NO_FINDINGS: &str = "没有发现问题";
/// The heading of findings that concern no file.
pub const GENERAL_FINDINGS: &str = "（不属于某个文件的问题）";

/// `共检查12个文件：错误3项，警告5项，提示1项`
pub fn checked(files: usize, errors: usize, warnings: usize, infos: usize) -> String {
    format!("共检查{files}个文件：错误{errors}项，警告{warnings}项，提示{infos}项")
}

// ── 印发前请核对 (cmd/verify.rs) ────────────────────────────────────────────────────────────

/// A file the office must look at, with its finding: 文件“x.xlsx”：…
pub fn check_file(file: &str, message: &str) -> String {
    format!("文件“{file}”：{message}")
}

/// A file that does not count and why (its first error, or `NOT_COUNTED`).
pub fn check_not_counted(file: &str, unreadable: bool, why: &str) -> String {
    let what = if unreadable {
        "无法读取"
    } else {
        NOT_COUNTED
    };
    format!("文件“{file}”{what}：{why}")
}

pub const NOT_COUNTED: &str = "未计入";

/// A year build before the year has ended (outputs.md "Settled" 5).
pub fn check_preview(year: i32, as_of: NaiveDate) -> String {
    format!(
        "本次为{year}年度考核预评（截至{as_of}）：年度尚未结束，得分为参考分，不作表彰，不是最终考核结果；正式考核请在次年用 --as-of 指定年度结束后的日期重新生成"
    )
}

/// The 整改要求 date counted Monday–Friday through years without holiday data.
pub fn check_rectification(due: NaiveDate, years: &BTreeSet<i32>) -> String {
    format!(
        "通报“整改要求”的期限 {due} 是按周一至周五推算的（{}尚无节假日安排）：{}",
        years_text(years),
        ways_out(years, true)
    )
}

/// A rule's deadlines counted Monday–Friday: each (date, unit) named.
pub fn check_rule_deadlines(
    rule: &str,
    years: &BTreeSet<i32>,
    dates: &BTreeSet<(NaiveDate, &str)>,
) -> String {
    let list: Vec<String> = dates.iter().map(|(d, u)| format!("{u} {d}")).collect();
    format!(
        "{rule} 的期限按周一至周五推算（{}尚无节假日安排）：{}；{}",
        years_text(years),
        list.join("、"),
        ways_out(years, false)
    )
}

fn years_text(years: &BTreeSet<i32>) -> String {
    let v: Vec<String> = years.iter().map(|y| format!("{y}年")).collect();
    v.join("、")
}

/// The two ways out: the year's holidays in the config, or (for the 整改要求 date) the flag.
fn ways_out(years: &BTreeSet<i32>, flag: bool) -> String {
    let year = years.iter().next().map_or(String::new(), |y| y.to_string());
    let block = format!(
        "在 tongbao.toml 中加入 [[calendar.year]]（year = {year}，holidays、makeup_workdays 按国务院办公厅放假通知填写）后重新生成"
    );
    if flag {
        format!("{block}，或用 tongbao build --rectification-due 日期 直接指定整改期限")
    } else {
        block
    }
}

/// The list as printed: a heading and numbered lines; empty when there is nothing to check.
pub fn check_list(items: &[String]) -> String {
    if items.is_empty() {
        return String::new();
    }
    let mut out = format!("印发前请核对（{}项）：\n", items.len());
    for (i, item) in items.iter().enumerate() {
        out.push_str(&format!("  {}. {item}\n", i + 1));
    }
    out
}
