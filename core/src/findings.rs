//! Findings: every problem found in the submissions, as typed data (never errors).
//! Ingest and rules produce them; `check`, the bulletin, the workbook and results.json show them.

use serde::Serialize;

/// 严重程度. Ordered so that errors sort first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        }
    }
}

/// Stable finding codes (outputs.md). The snake_case name is the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Code {
    UnreadableFile,
    SkippedFile,
    SupersededFile,
    UnknownUnit,
    MissingSheet,
    MissingHeader,
    MissingValue,
    BadValue,
    OutOfPeriod,
    FutureDate,
    UnreportedAccident,
    GradeTooLow,
    InconsistentCount,
    InconsistentValue,
    HolidayDataMissing,
    LateSubmission,
    MissingRegister,
    /// 同一单位/键重复 (e.g. two 封面 keys, two determinations on one date).
    DuplicateValue,
    /// A 领导姓名 not among the configured school leaders (kept as written).
    UnknownLeader,
    /// A file whose 报送日期 is after the as-of date: not counted in this evaluation.
    AfterAsOf,
}

impl Code {
    pub fn as_str(self) -> &'static str {
        match self {
            Code::UnreadableFile => "unreadable_file",
            Code::SkippedFile => "skipped_file",
            Code::SupersededFile => "superseded_file",
            Code::UnknownUnit => "unknown_unit",
            Code::MissingSheet => "missing_sheet",
            Code::MissingHeader => "missing_header",
            Code::MissingValue => "missing_value",
            Code::BadValue => "bad_value",
            Code::OutOfPeriod => "out_of_period",
            Code::FutureDate => "future_date",
            Code::UnreportedAccident => "unreported_accident",
            Code::GradeTooLow => "grade_too_low",
            Code::InconsistentCount => "inconsistent_count",
            Code::InconsistentValue => "inconsistent_value",
            Code::HolidayDataMissing => "holiday_data_missing",
            Code::LateSubmission => "late_submission",
            Code::MissingRegister => "missing_register",
            Code::DuplicateValue => "duplicate_value",
            Code::UnknownLeader => "unknown_leader",
            Code::AfterAsOf => "after_as_of",
        }
    }
}

/// One finding. `file` is relative to the inbox; `cell` is an A1 reference on `sheet`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    pub code: Code,
    pub file: Option<String>,
    pub sheet: Option<String>,
    pub cell: Option<String>,
    /// The raw text of the offending value, as the user typed it.
    pub raw: Option<String>,
    /// Chinese message saying what is wrong and what was expected.
    pub message: String,
    /// Rule(s) affected, e.g. "R4" or "R2、R3"; None when no rule reads it.
    pub rule: Option<String>,
    /// The roster unit the finding concerns, when known.
    pub unit: Option<String>,
}

impl Finding {
    pub fn new(severity: Severity, code: Code, message: impl Into<String>) -> Self {
        Finding {
            severity,
            code,
            file: None,
            sheet: None,
            cell: None,
            raw: None,
            message: message.into(),
            rule: None,
            unit: None,
        }
    }
    pub fn error(code: Code, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, message)
    }
    pub fn warning(code: Code, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, message)
    }
    pub fn info(code: Code, message: impl Into<String>) -> Self {
        Self::new(Severity::Info, code, message)
    }
    pub fn file(mut self, file: impl Into<String>) -> Self {
        self.file = Some(file.into());
        self
    }
    pub fn sheet(mut self, sheet: impl Into<String>) -> Self {
        self.sheet = Some(sheet.into());
        self
    }
    pub fn cell(mut self, cell: impl Into<String>) -> Self {
        self.cell = Some(cell.into());
        self
    }
    pub fn raw(mut self, raw: impl Into<String>) -> Self {
        self.raw = Some(raw.into());
        self
    }
    pub fn rule(mut self, rule: impl Into<String>) -> Self {
        self.rule = Some(rule.into());
        self
    }
    pub fn unit(mut self, unit: impl Into<String>) -> Self {
        self.unit = Some(unit.into());
        self
    }
    /// The text a unit reads on its own pages (feedback page, check.html). `message` speaks to
    /// the office (CLI, results.json, `check --json`); where it tells the office what to do (an
    /// alias for an unrecognised cover name, a date to verify), the unit reads what it must do
    /// itself (outputs.md "Settled" 3). Other findings read the same for both.
    pub fn unit_message(&self, unit: &str) -> String {
        let raw = self.raw.as_deref().unwrap_or("");
        match self.code {
            Code::UnknownUnit if self.sheet.as_deref() == Some(crate::schema::COVER) => format!(
                "封面单位名称“{raw}”与学校单位名册不符，本文件未能计入；请将封面单位名称改为“{unit}”后重新报送"
            ),
            Code::AfterAsOf => format!(
                "本文件封面报送日期 {raw} 晚于本次评价基准日，未计入本次评价；如报送日期填错，请更正后重新报送"
            ),
            _ => self.message.clone(),
        }
    }
    /// "文件 › 工作表!单元格" location text for people (the cell as `隐患排查!B7`, contract.md).
    pub fn location(&self) -> String {
        let mut parts = Vec::new();
        if let Some(f) = &self.file {
            parts.push(f.clone());
        }
        match (&self.sheet, &self.cell) {
            (Some(s), Some(c)) => parts.push(format!("{s}!{c}")),
            (Some(s), None) => parts.push(s.clone()),
            (None, Some(c)) => parts.push(c.clone()),
            (None, None) => {}
        }
        parts.join(" › ")
    }
}

/// Sort findings deterministically: by file, sheet, cell (row then column), severity, code, message.
pub fn sort(findings: &mut [Finding]) {
    findings.sort_by(|a, b| sort_key(a).cmp(&sort_key(b)));
}

fn sort_key(f: &Finding) -> impl Ord + '_ {
    let (row, col) = f.cell.as_deref().map(split_a1).unwrap_or((0, 0));
    (
        f.file.as_deref().unwrap_or(""),
        f.sheet.as_deref().unwrap_or(""),
        row,
        col,
        f.severity,
        f.code,
        f.message.as_str(),
        f.raw.as_deref().unwrap_or(""),
    )
}

/// "AB12" → (12, 28); anything unparsable → (0, 0).
fn split_a1(cell: &str) -> (u32, u32) {
    let letters: String = cell
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    let digits = &cell[letters.len()..];
    let col = letters.bytes().fold(0u32, |acc, b| {
        acc.saturating_mul(26)
            .saturating_add((b.to_ascii_uppercase() - b'A' + 1) as u32)
    });
    (digits.parse().unwrap_or(0), col)
}

/// A1 reference from 0-based row and column.
pub fn a1(row: u32, col: u32) -> String {
    let mut letters = Vec::new();
    let mut c = col + 1;
    while c > 0 {
        let rem = (c - 1) % 26;
        letters.push((b'A' + rem as u8) as char);
        c = (c - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", letters.into_iter().collect::<String>(), row + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a1_references() {
        assert_eq!(a1(0, 0), "A1");
        assert_eq!(a1(6, 1), "B7");
        assert_eq!(a1(0, 25), "Z1");
        assert_eq!(a1(0, 26), "AA1");
        assert_eq!(a1(1_048_575, 16_383), "XFD1048576");
    }

    #[test]
    fn unit_pages_never_tell_a_unit_to_edit_the_config() {
        let f = Finding::error(
            Code::UnknownUnit,
            "……请在 tongbao.toml 中该单位的 aliases 里加入",
        )
        .sheet("封面")
        .raw("经济管理学院");
        let text = f.unit_message("经济管理系");
        assert!(text.contains("请将封面单位名称改为“经济管理系”"), "{text}");
        assert!(
            !text.contains("tongbao.toml") && !text.contains("别名"),
            "{text}"
        );
        let later = Finding::warning(Code::AfterAsOf, "联系报送单位").raw("2026-12-01");
        assert!(later.unit_message("x").contains("2026-12-01"));
        let other = Finding::error(Code::BadValue, "日期无法识别");
        assert_eq!(other.unit_message("x"), "日期无法识别");
    }

    #[test]
    fn sorts_by_row_before_column_text() {
        let mut v = vec![
            Finding::error(Code::BadValue, "x")
                .file("a")
                .sheet("s")
                .cell("B10"),
            Finding::error(Code::BadValue, "x")
                .file("a")
                .sheet("s")
                .cell("B9"),
        ];
        sort(&mut v);
        assert_eq!(v[0].cell.as_deref(), Some("B9"));
    }
}
