//! Every finding the ingest layer raises, with its stable code and its Chinese text, in one
//! place (as `rules::diags` does for the rules): a wording change is one edit here. The callers
//! add the location (file, sheet, cell, unit) and the raw value where it is a cell's text.
//! Data words (accepted values 是/否, header synonyms, total-row words) stay with the readers.

use super::guard::limits;
use crate::findings::{Code, Finding};
use crate::schema::{self, Kind, SheetSpec};
use chrono::NaiveDate;

/// `f` with its rule, when it has one (`grid::sheets` re-exports it for the readers).
pub fn with_rule(f: Finding, rule: Option<&str>) -> Finding {
    match rule {
        Some(r) => f.rule(r),
        None => f,
    }
}

/// `missing_sheet`: a workbook that is not a ledger; `contract` is a contract sheet it has
/// (without its header row), `listed` its own sheet names, already joined.
pub fn not_a_ledger(contract: Option<&str>, listed: &str) -> Finding {
    let why = match contract {
        Some(s) => format!("没有“封面”工作表，“{s}”等工作表中也找不到台账的表头"),
        None => "未找到“封面”等台账工作表".to_string(),
    };
    let msg = format!(
        "不是安全工作台账：{why}（本文件的工作表：{listed}），本文件未读取、不计入；请使用 tongbao template 生成的模板填报"
    );
    Finding::error(Code::MissingSheet, msg)
}

/// The `not_a_ledger` tail when a workbook has more sheets than are listed.
pub fn sheets_in_all(count: usize) -> String {
    format!("等共 {count} 张")
}

/// What a missing central-register sheet means where it is not simply 未达标 (rules::mod).
fn register_gap_effect(sheet: &str) -> Option<&'static str> {
    match sheet {
        schema::DETERMINATIONS => Some("，视为无事故认定，否决条件 V4、V5 无法评估"),
        schema::VISITS => Some("，R6 按无调研督查记录判定"),
        schema::LEADER_REPORTS => Some("，R7 按无述职记录判定"),
        schema::ADJUSTMENTS => Some("，不计考评加减分"),
        _ => None,
    }
}

/// `missing_sheet`: the sheet of `spec` is not in the workbook, with what that means.
pub fn missing_sheet(spec: &SheetSpec) -> Finding {
    let what = if spec.name == schema::ACCIDENTS {
        "，视为未报告事故".to_string()
    } else if let Some(w) = register_gap_effect(spec.name) {
        w.to_string()
    } else if spec.rules.is_empty() {
        String::new()
    } else {
        format!("，{} 按未达标处理", spec.rules)
    };
    let msg = format!("缺少工作表“{}”{what}", spec.name);
    let rule = (!spec.rules.is_empty()).then_some(spec.rules);
    with_rule(Finding::error(Code::MissingSheet, msg), rule)
}

/// `unreadable_file` (warning): a sheet's content beyond the read limits from `cell` on.
pub fn sheet_overflow(cell: &str) -> Finding {
    let msg = format!(
        "单元格 {cell} 超出读取范围（最多 {} 行、{} 列、{} 个单元格、文字合计 {} MB），本表自该处起的内容未读取；请删除表格以外的多余内容",
        limits::MAX_ROWS,
        limits::MAX_COLS,
        limits::MAX_CELLS,
        limits::MAX_SHEET_TEXT / 1024 / 1024
    );
    Finding::warning(Code::UnreadableFile, msg)
}

/// `unreadable_file`: sheet `name` could not be read (`why`).
pub fn sheet_unreadable(name: &str, why: &str) -> Finding {
    let msg = format!("工作表“{name}”无法读取（{why}），该表按缺失处理");
    Finding::error(Code::UnreadableFile, msg)
}

/// `out_of_period`: an event date in column `col` outside the ledger year `year`.
pub fn event_out_of_period(col: &str, d: NaiveDate, year: i32, rule: Option<&str>) -> Finding {
    let msg = format!("“{col}”{d} 不在台账年度 {year} 年内，该行不计入");
    with_rule(
        Finding::warning(Code::OutOfPeriod, msg).raw(d.to_string()),
        rule,
    )
}

/// `future_date`: the date `d` in `col` is later than the cover's 报送日期 `submitted`.
pub fn future_date(col: &str, d: NaiveDate, submitted: NaiveDate, rule: Option<&str>) -> Finding {
    let msg = format!("“{col}”{d} 晚于本台账封面报送日期 {submitted}，不可能属实，按未填处理");
    with_rule(
        Finding::warning(Code::FutureDate, msg).raw(d.to_string()),
        rule,
    )
}

/// What a column of this kind expects, in Chinese (for `bad_value` messages).
pub fn expected(kind: Kind) -> &'static str {
    match kind {
        Kind::Text | Kind::Unit | Kind::Leader => "文字",
        Kind::Date => "日期，如 2026-03-05、2026/3/5 或 2026年3月5日",
        Kind::YesNo => "是 或 否",
        Kind::Quarter => "第一季度、第二季度、第三季度 或 第四季度",
        Kind::AccidentGrade => "一般、较大、重大 或 特别重大",
        Kind::HazardGrade => "一般、较大 或 重大",
        Kind::Measure => "约谈、黄牌警告、通报批评、下发整改通知书 或 挂牌督办",
        Kind::Level => "学校 或 市教育局",
        Kind::ListedState => "整改中、已销号 或 拒不整改",
        Kind::UnitKind => "部门 或 系部",
        Kind::LedgerType => "保卫处台账",
        Kind::Year => "四位年份，如 2026",
        Kind::Count => "不小于 0 的整数，如 3",
        Kind::Number => "数字，如 1.5",
    }
}

/// What a value of this kind is called, for `bad_value` messages (`日期无法识别：…`).
pub fn noun(kind: Kind) -> &'static str {
    match kind {
        Kind::Date => "日期",
        Kind::YesNo => "是/否",
        Kind::Quarter => "季度",
        Kind::AccidentGrade => "事故等级",
        Kind::HazardGrade => "隐患等级",
        Kind::Measure => "措施类型",
        Kind::Level => "督办级别",
        Kind::ListedState => "状态",
        Kind::UnitKind => "单位类型",
        Kind::LedgerType => "台账类型",
        Kind::Year => "年度",
        Kind::Count | Kind::Number => "数字",
        Kind::Text | Kind::Unit | Kind::Leader => "内容",
    }
}

/// `bad_value` (warning): a text too long for one cell of summary.xlsx (outputs.md "One bad
/// value never costs the whole output"); None when it fits.
pub fn too_long(col: &str, s: &str) -> Option<Finding> {
    let limit = limits::LONG_TEXT;
    if s.len() <= limit {
        return None;
    }
    let n = s.chars().count();
    (n > limit).then(|| {
        Finding::warning(Code::BadValue, format!(
            "“{col}”的内容长达{n}字，超出汇总表 summary.xlsx 单元格的容量（Excel 每格最多 32767 字），汇总表中只保留前{limit}字左右，通报、反馈意见和 results.json 保留全文；请核对是否误粘贴了大段内容"
        ))
    })
}

/// `missing_value`: the required `col` is blank; `expected` what it should hold.
pub fn required_blank(col: &str, kind: Kind) -> Finding {
    let msg = format!("必填项“{col}”为空，应填{}", expected(kind));
    Finding::error(Code::MissingValue, msg)
}

/// `bad_value`: the cell of `col` holds the formula error `e`.
pub fn formula_error(col: &str, e: &str, kind: Kind) -> Finding {
    let msg = format!(
        "“{col}”为错误值 {e}（公式无法计算），应填{}",
        expected(kind)
    );
    Finding::error(Code::BadValue, msg).raw(e)
}

/// `bad_value`: the cell of `col` holds `raw`, which does not parse as `kind`.
pub fn unparsed(col: &str, raw: &str, kind: Kind) -> Finding {
    let msg = format!(
        "{}无法识别：{raw}（“{col}”应填{}）",
        noun(kind),
        expected(kind)
    );
    Finding::error(Code::BadValue, msg).raw(raw)
}

/// `missing_header`: no row in the first `rows` of `sheet` holds every required column.
pub fn missing_header(sheet: &str, rows: u32, missing: &[&str], rule: Option<&str>) -> Finding {
    let msg = format!(
        "工作表“{sheet}”前{rows}行中找不到含全部必填列的表头行，缺少列：{}；该表按缺失处理",
        missing.join("、")
    );
    with_rule(Finding::error(Code::MissingHeader, msg), rule)
}

/// `duplicate_value`: the cover names `key` more than once.
pub fn cover_key_twice(key: &str) -> Finding {
    let msg = format!("封面“{key}”出现多次，以第一次为准");
    Finding::warning(Code::DuplicateValue, msg)
}

/// `missing_value`: the cover lacks the required `key`.
pub fn cover_key_missing(key: &str, kind: Kind) -> Finding {
    let msg = format!(
        "封面缺少必填项“{key}”（A列填项目名称，B列填内容），应填{}",
        expected(kind)
    );
    Finding::error(Code::MissingValue, msg)
}

/// `missing_value`: a workbook with the central register's own sheets whose cover does not say
/// 台账类型：保卫处台账.
pub fn register_untyped() -> Finding {
    let msg = "本文件有保卫处台账的工作表（惩戒措施、挂牌督办等），但封面没有“台账类型：保卫处台账”，未按保卫处台账读取；请在封面A列填“台账类型”、B列填“保卫处台账”后重新放入";
    Finding::error(Code::MissingValue, msg)
}

/// `unknown_unit`: `raw` in the register's column `col` is not on the roster; an error where
/// the row cannot count without it (`strict`).
pub fn register_unknown_unit(col: &str, raw: &str, strict: bool) -> Finding {
    let msg =
        format!("“{col}”中的“{raw}”不在单位名册中（也不是已配置的别名），请按名册填写单位全称");
    let f = if strict {
        Finding::error(Code::UnknownUnit, msg)
    } else {
        Finding::warning(Code::UnknownUnit, msg)
    };
    f.raw(raw)
}

/// `unknown_leader`: `raw` is not on the configured list of college leaders.
pub fn unknown_leader(raw: &str) -> Finding {
    let msg = format!("“领导姓名”“{raw}”不在配置的校领导名单中，按所填姓名保留");
    Finding::warning(Code::UnknownLeader, msg).raw(raw)
}

/// `missing_register` (R10, R12): no central register in the inbox.
pub fn missing_register() -> Finding {
    Finding::warning(
        Code::MissingRegister,
        "收件中没有保卫处台账（封面“台账类型”为“保卫处台账”的工作簿）：R10、R12 不适用，否决条件 V4、V5 无法评估",
    )
    .rule("R10、R12")
}

/// `superseded_file`: `who` has a later version `win` (报送日期 `when`); `same_day` when both
/// carry the same 报送日期 and the file name decided.
pub fn superseded(who: &str, win: &str, when: &str, same_day: bool) -> Finding {
    let msg = if same_day {
        format!(
            "{who}另有同一报送日期（{when}）的版本“{win}”，按文件名以排在后面的为准，本文件不计入"
        )
    } else {
        format!("{who}另有报送日期更新的版本“{win}”（报送日期 {when}），本文件不计入")
    };
    Finding::info(Code::SupersededFile, msg)
}

/// `after_as_of` (R15): a ledger submitted on `d`, after the as-of date.
pub fn ledger_after_as_of(d: NaiveDate, as_of: NaiveDate) -> Finding {
    let msg = format!(
        "封面报送日期 {d} 晚于评价基准日 {as_of}：本次评价视为尚未报送，本文件不计入（如报送日期填错，请联系报送单位更正后重新报送）"
    );
    Finding::warning(Code::AfterAsOf, msg).rule("R15")
}

/// `after_as_of`: the central register submitted on `d`, after the as-of date.
pub fn register_after_as_of(d: NaiveDate, as_of: NaiveDate) -> Finding {
    Finding::warning(
        Code::AfterAsOf,
        format!("保卫处台账封面报送日期 {d} 晚于评价基准日 {as_of}，本次评价不计入"),
    )
}

/// The `unreadable_file` text of a workbook whose sheet index cannot be read.
pub const BROKEN_INDEX: &str = "文件已损坏：工作簿的工作表清单（内部索引）无法读取，任何工作表都无法打开；请用 Excel 或 WPS 打开后重新保存为 .xlsx 再报送";
/// The `unreadable_file` text of a reader that panicked.
pub const INTERNAL: &str = "读取文件时出现内部错误，文件可能已损坏；请重新保存为 .xlsx 后报送";

/// The `unreadable_file` reason of a workbook its reader rejects with `e`.
pub fn damaged(e: &dyn std::fmt::Display) -> String {
    format!("文件已损坏，无法读取（{e}）；请重新保存为 .xlsx 后报送")
}

/// The `unreadable_file` reason of a .xls the BIFF reader rejects with `e`.
pub fn xls_unreadable(e: &dyn std::fmt::Display) -> String {
    format!(
        "无法按 .xls 读取（{e}），可能是 WPS .et 格式或文件已损坏；请用 Excel 或 WPS 打开后“另存为” .xlsx 再报送"
    )
}

/// `unreadable_file`: the file cannot be read, for the reason `msg` (worded in `guard::reasons`).
pub fn unreadable_file(msg: String) -> Finding {
    Finding::error(Code::UnreadableFile, msg)
}

/// `out_of_period`: the cover 年度 `got` of a `what` (台账, 保卫处台账) is not the assessed `want`.
pub fn wrong_year(what: &str, got: i32, want: i32) -> Finding {
    let msg = format!("{what}封面年度为 {got} 年，不是本次考核的 {want} 年，本文件不计入");
    Finding::error(Code::OutOfPeriod, msg).raw(got.to_string())
}

/// `unknown_unit` (R15): the cover names `raw`, not on the roster; `closest` are the roster's
/// nearest names.
pub fn unknown_cover_unit(raw: &str, closest: &[String]) -> Finding {
    let consequence = "本文件未计入，通报中该单位将显示为未报送";
    let msg = if closest.is_empty() {
        format!(
            "封面单位名称“{raw}”不在单位名册中（也不是已配置的别名），{consequence}。名册中没有相近的单位：请核对该单位是否应列入名册（tongbao.toml 的 [[units]]），或联系报送单位更正封面单位名称后重新报送"
        )
    } else {
        let list: Vec<String> = closest.iter().map(|u| format!("“{u}”")).collect();
        format!(
            "封面单位名称“{raw}”不在单位名册中（也不是已配置的别名），{consequence}。最接近的名册单位：{}。如确为该单位，请在 tongbao.toml 中该单位的 aliases 里加入“{raw}”后重新生成；否则请联系报送单位更正封面单位名称后重新报送",
            list.join("、")
        )
    };
    Finding::error(Code::UnknownUnit, msg).raw(raw).rule("R15")
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    /// The non-test source of every file under core/src/ingest but this one.
    fn sources() -> Vec<(PathBuf, String)> {
        fn walk(dir: &Path, out: &mut Vec<(PathBuf, String)>) {
            let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
                .expect("read ingest dir")
                .map(|e| e.expect("dir entry").path())
                .collect();
            entries.sort();
            for p in entries {
                let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
                if p.is_dir() {
                    walk(&p, out);
                } else if name.ends_with(".rs")
                    && name != "diags.rs"
                    && !name.ends_with("_tests.rs")
                {
                    let text = std::fs::read_to_string(&p).expect("read source");
                    let code = text.split("#[cfg(test)]").next().unwrap_or_default();
                    out.push((p, code.to_string()));
                }
            }
        }
        let mut out = Vec::new();
        walk(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ingest"),
            &mut out,
        );
        out
    }

    #[test]
    fn no_finding_is_constructed_outside_diags() {
        let files = sources();
        assert!(files.len() > 10, "the ingest sources were not found");
        for (path, code) in files {
            for ctor in [
                "Finding::new(",
                "Finding::error(",
                "Finding::warning(",
                "Finding::info(",
                "= Finding {",
                "(Finding {",
                "[Finding {",
            ] {
                assert!(
                    !code.contains(ctor),
                    "{} builds a finding ({ctor}): word it in ingest/diags.rs",
                    path.display()
                );
            }
        }
    }

    /// A Chinese literal with a sentence's punctuation is a message, not data (是/否, header
    /// synonyms, total-row words); the byte-level guards' refusals are worded in
    /// `guard/reasons.rs` (which `guard/` cannot take from diags: diags uses `guard::limits`).
    #[test]
    fn no_chinese_message_is_worded_outside_diags() {
        let sentence = ['，', '；', '。', '请'];
        for (path, code) in sources() {
            let in_guard = path.components().any(|c| c.as_os_str() == "guard");
            if in_guard && path.file_name().is_some_and(|n| n == "reasons.rs") {
                continue;
            }
            let home = if in_guard {
                "ingest/guard/reasons.rs"
            } else {
                "ingest/diags.rs"
            };
            for (n, line) in code.lines().enumerate() {
                if line.trim_start().starts_with("//") {
                    continue;
                }
                let literals = line.split('"').skip(1).step_by(2);
                for lit in literals {
                    let chinese = lit.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
                    assert!(
                        !(chinese && lit.chars().any(|c| sentence.contains(&c))),
                        "{}:{} words a message (\"{lit}\"): move it to {home}",
                        path.display(),
                        n + 1
                    );
                }
            }
        }
    }
}
