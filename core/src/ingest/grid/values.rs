//! Cell value parsers (contract.md "Cell values"): strict converters from one `Value` to a typed
//! value. Each returns `None` when the value cannot be read; blank cells are handled by the
//! caller (`missing_value`), so these only see non-blank values.

use super::cells::{Value, fmt_number};
use crate::ingest::units::{half_width, normalize_name};
use crate::model::{AccidentGrade, HazardGrade, ListedState, Measure, SupervisionLevel, UnitKind};
use chrono::{Datelike, NaiveDate};

/// Normalised text of a value (numbers as written without a trailing .0).
fn norm(v: &Value) -> Option<String> {
    match v {
        Value::Text(s) => Some(normalize_name(s)),
        Value::Number(n) => Some(fmt_number(*n)),
        Value::Bool(b) => Some(if *b { "true" } else { "false" }.to_string()),
        _ => None,
    }
}

/// Plain text, trimmed; numbers and dates as written.
pub fn text(v: &Value) -> Option<String> {
    match v {
        Value::Text(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Number(_) | Value::Date(_) => Some(v.raw()),
        Value::Bool(b) => Some(if *b { "是" } else { "否" }.to_string()),
        Value::Empty | Value::Error(_) => None,
    }
}

/// A text too long for one cell of summary.xlsx: the warning's message, None when it fits
/// (worded in `ingest::diags::too_long`).
pub fn too_long(col: &str, s: &str) -> Option<String> {
    crate::ingest::diags::too_long(col, s).map(|f| f.message)
}

/// The first 20 characters of a long text and "…" (the `raw` of a finding about it).
pub fn head(s: &str) -> String {
    let mut h: String = s.chars().take(20).collect();
    if h.len() < s.len() {
        h.push('…');
    }
    h
}

/// A date: a real Excel date; text in the accepted forms; a plain number as yyyymmdd (8 digits,
/// 19000101–29991231) or else an Excel serial in the workbook's date system giving 1990–2099.
pub fn date(v: &Value, is_1904: bool) -> Option<NaiveDate> {
    match v {
        Value::Date(d) => Some(*d),
        Value::Number(n) => number_date(*n, is_1904),
        Value::Text(s) => text_date(s, is_1904),
        _ => None,
    }
}

fn number_date(n: f64, is_1904: bool) -> Option<NaiveDate> {
    if !n.is_finite() || n < 1.0 {
        return None;
    }
    if n.fract() == 0.0 && (19_000_101.0..=29_991_231.0).contains(&n) {
        return yyyymmdd(&format!("{}", n as i64));
    }
    if n >= 1e7 {
        return None;
    }
    let days = n.floor() as i64;
    let base = if is_1904 {
        NaiveDate::from_ymd_opt(1904, 1, 1)?
    } else {
        // Excel's 1900 system counts a fictitious 1900-02-29; serials after it start here.
        NaiveDate::from_ymd_opt(1899, 12, 30)?
    };
    let d = base.checked_add_signed(chrono::Duration::days(days))?;
    (1990..=2099).contains(&d.year()).then_some(d)
}

fn yyyymmdd(s: &str) -> Option<NaiveDate> {
    if s.len() != 8 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = s[..4].parse().ok()?;
    let m: u32 = s[4..6].parse().ok()?;
    let d: u32 = s[6..].parse().ok()?;
    if !(1900..=2999).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m, d)
}

/// The date part of a text: a trailing time (`2026-03-05 10:00`, `2026-03-05T08:30:00`) and a
/// bracketed weekday (`2026年3月5日（星期四）`) are dropped.
fn date_part(s: &str) -> &str {
    let s = s.split('(').next().unwrap_or(s).trim();
    let Some(colon) = s.find(':') else { return s };
    let Some(cut) = s[..colon].rfind([' ', 'T']) else {
        return s;
    };
    let (head, tail) = (s[..cut].trim_end(), &s[cut + 1..]);
    let is_time = tail
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | ' '));
    if is_time && !head.is_empty() { head } else { s }
}

fn text_date(s: &str, is_1904: bool) -> Option<NaiveDate> {
    if let Some(d) = plain_text_date(s) {
        return d;
    }
    let t: String = date_part(&half_width(s))
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    text_date_full(&t, is_1904)
}

/// A text date once normalised (half-width, date part, no whitespace).
fn text_date_full(t: &str, is_1904: bool) -> Option<NaiveDate> {
    if t.is_empty() {
        return None;
    }
    if t.bytes().all(|b| b.is_ascii_digit()) {
        return if t.len() == 8 {
            yyyymmdd(t)
        } else {
            number_date(t.parse().ok()?, is_1904)
        };
    }
    // A weekday after the day: `2026年3月5日星期四`, `2026年3月5日周四`.
    let t = match t.find(['日', '号']) {
        Some(i) if t[i + 3..].starts_with("星期") || t[i + 3..].starts_with('周') => &t[..i + 3],
        _ => t,
    };
    let t = t.strip_suffix(['日', '号']).unwrap_or(t);
    let parts: Vec<&str> = t.split(['-', '/', '.', '年', '月']).collect();
    let &[ys, ms, ds] = parts.as_slice() else {
        return None;
    };
    if parts
        .iter()
        .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    // 年/月 must be used together and in order; the ASCII separators may not mix with them.
    let cjk = t.contains('年') || t.contains('月');
    if cjk && t.find('年')? >= t.find('月')? {
        return None;
    }
    if ys.len() != 4 || ms.len() > 2 || ds.len() > 2 {
        return None;
    }
    let y: i32 = ys.parse().ok()?;
    if !(1900..=2999).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, ms.parse().ok()?, ds.parse().ok()?)
}

/// The usual text dates, exactly `2026年3月5日` (日 or 号 or neither), `2026.3.5`, `2026-03-05` or
/// `2026/3/5`, read without building a normalised copy (a city's inbox has a million). None
/// when `s` is not of this shape: `text_date` then reads it in full, with the same result for
/// these shapes.
fn plain_text_date(s: &str) -> Option<Option<NaiveDate>> {
    let b = s.as_bytes();
    let mut i = 0;
    let number = |i: &mut usize, min: usize, max: usize| -> Option<u32> {
        let start = *i;
        while *i - start < max && b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        let digits = b.get(start..*i)?;
        (digits.len() >= min).then(|| {
            digits
                .iter()
                .fold(0u32, |n, &c| n * 10 + u32::from(c - b'0'))
        })
    };
    let y = number(&mut i, 4, 4)?;
    let rest = b.get(i..)?;
    let (cjk, skip) = match rest.first()? {
        b'-' | b'/' | b'.' => (false, 1),
        _ if rest.starts_with("年".as_bytes()) => (true, 3),
        _ => return None,
    };
    i += skip;
    let m = number(&mut i, 1, 2)?;
    let rest = b.get(i..)?;
    let skip = match rest.first()? {
        b'-' | b'/' | b'.' if !cjk => 1,
        _ if cjk && rest.starts_with("月".as_bytes()) => 3,
        _ => return None,
    };
    i += skip;
    let d = number(&mut i, 1, 2)?;
    let tail = b.get(i..)?;
    let ends = tail.is_empty() || (cjk && (tail == "日".as_bytes() || tail == "号".as_bytes()));
    if !ends {
        return None;
    }
    let y = i32::try_from(y).ok()?;
    Some(if (1900..=2999).contains(&y) {
        NaiveDate::from_ymd_opt(y, m, d)
    } else {
        None
    })
}

/// What people write in an optional date column for "not yet" (`/`, `—`, `未完成`, `未提交`):
/// the same as leaving it blank.
pub fn not_yet(v: &Value) -> bool {
    let Value::Text(s) = v else { return false };
    matches!(
        normalize_name(s).as_str(),
        "/" | "\\"
            | "-"
            | "--"
            | "—"
            | "——"
            | "无"
            | "暂无"
            | "未完成"
            | "未整改"
            | "未提交"
            | "未报送"
            | "未报"
            | "未销号"
            | "整改中"
            | "未抄送"
            | "未交"
            | "未上报"
    )
}

/// 是/否, Y/N, yes/no, √/×, ✓/✗, 有/无, 1/0, TRUE/FALSE cells.
pub fn yes_no(v: &Value) -> Option<bool> {
    if let Value::Bool(b) = v {
        return Some(*b);
    }
    match norm(v)?.as_str() {
        "是" | "y" | "yes" | "√" | "✓" | "✔" | "有" | "1" | "true" | "对" => Some(true),
        "否" | "n" | "no" | "×" | "✗" | "✘" | "无" | "0" | "false" | "不是" => Some(false),
        _ => None,
    }
}

/// 第一季度, 一季度, 第1季度, 一季, Q1, 2026Q1, 1 … 4 (an optional leading "2026年" is allowed).
pub fn quarter(v: &Value) -> Option<u8> {
    let s = norm(v)?;
    let s = match s.find('年') {
        Some(i) if s[..i].len() == 4 && s[..i].bytes().all(|b| b.is_ascii_digit()) => {
            &s[i + '年'.len_utf8()..]
        }
        _ => s.as_str(),
    };
    // `2026Q2`, `2026-Q2`: a year before a Q form.
    let year_first = s
        .get(..4)
        .is_some_and(|y| y.bytes().all(|b| b.is_ascii_digit()));
    let s = match s.find('q') {
        Some(4) if year_first => &s[4..],
        Some(5) if year_first && s.get(4..5) == Some("-") => &s[5..],
        _ => s,
    };
    let s = s.strip_prefix('q').unwrap_or(s);
    let s = s.strip_prefix('第').unwrap_or(s);
    let s = s
        .strip_suffix("季度")
        .or_else(|| s.strip_suffix('季'))
        .unwrap_or(s);
    match s {
        "1" | "一" => Some(1),
        "2" | "二" => Some(2),
        "3" | "三" => Some(3),
        "4" | "四" => Some(4),
        _ => None,
    }
}

/// 一般/较大/重大/特别重大, also with 事故 appended.
pub fn accident_grade(v: &Value) -> Option<AccidentGrade> {
    let s = norm(v)?;
    match s.strip_suffix("事故").unwrap_or(&s) {
        "一般" => Some(AccidentGrade::General),
        "较大" => Some(AccidentGrade::Major),
        "重大" => Some(AccidentGrade::Serious),
        "特别重大" => Some(AccidentGrade::Extraordinary),
        _ => None,
    }
}

/// 一般/较大/重大, also 一般隐患 / 重大隐患 / 重大事故隐患 forms.
pub fn hazard_grade(v: &Value) -> Option<HazardGrade> {
    let s = norm(v)?;
    let s = s.strip_suffix("隐患").unwrap_or(&s);
    match s.strip_suffix("事故").unwrap_or(s) {
        "一般" => Some(HazardGrade::General),
        "较大" => Some(HazardGrade::Major),
        "重大" => Some(HazardGrade::Serious),
        _ => None,
    }
}

/// 约谈, 黄牌警告, 通报批评, 下发整改通知书 (also 整改通知书), 挂牌督办.
pub fn measure(v: &Value) -> Option<Measure> {
    match norm(v)?.as_str() {
        "约谈" => Some(Measure::Interview),
        "黄牌警告" => Some(Measure::YellowCard),
        "通报批评" => Some(Measure::Criticism),
        "下发整改通知书" | "整改通知书" => Some(Measure::RectificationNotice),
        "挂牌督办" => Some(Measure::ListedSupervision),
        _ => None,
    }
}

/// 督办级别: 学校 (校级), 市教育局 (市级).
pub fn level(v: &Value) -> Option<SupervisionLevel> {
    match norm(v)?.as_str() {
        "学校" | "校级" | "学校级" => Some(SupervisionLevel::School),
        "市教育局" | "市教育局级" | "市级" => Some(SupervisionLevel::CityBureau),
        _ => None,
    }
}

/// 挂牌督办 状态: 整改中, 已销号, 拒不整改.
pub fn listed_state(v: &Value) -> Option<ListedState> {
    match norm(v)?.as_str() {
        "整改中" => Some(ListedState::InProgress),
        "已销号" => Some(ListedState::Closed),
        "拒不整改" => Some(ListedState::Refused),
        _ => None,
    }
}

/// 单位类型: 部门, 系部.
pub fn unit_kind(v: &Value) -> Option<UnitKind> {
    match norm(v)?.as_str() {
        "部门" => Some(UnitKind::Department),
        "系部" => Some(UnitKind::AcademicDept),
        _ => None,
    }
}

/// A year 1990–2099, as a number, "2026", "2026年" or "2026年度".
pub fn year(v: &Value) -> Option<i32> {
    let s = norm(v)?;
    let s = s
        .strip_suffix("年度")
        .or_else(|| s.strip_suffix('年'))
        .unwrap_or(&s);
    let s = s.strip_suffix(".0").unwrap_or(s);
    let y: i32 = s.parse().ok()?;
    (1990..=2099).contains(&y).then_some(y)
}

/// A number: 1.5, "1.5", "1,500", "-3", "2分".
pub fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) if n.is_finite() => Some(*n),
        Value::Text(s) => {
            // U+2212 (the minus sign Word and some IMEs type) reads as '-'.
            let t: String = half_width(s)
                .chars()
                .filter(|c| !c.is_whitespace() && *c != ',')
                .map(|c| if c == '\u{2212}' { '-' } else { c })
                .collect();
            let t = t.strip_suffix('分').unwrap_or(&t);
            t.parse::<f64>().ok().filter(|n| n.is_finite())
        }
        _ => None,
    }
}

/// 考评加减分 分值: a signed number, also written `加2分` / `扣3分` / `减3分`.
pub fn points(v: &Value) -> Option<f64> {
    if let Value::Text(s) = v {
        let t = normalize_name(s);
        if let Some(rest) = t.strip_prefix('加') {
            return number(&Value::Text(rest.to_string())).map(f64::abs);
        }
        if let Some(rest) = t.strip_prefix(['扣', '减']) {
            return number(&Value::Text(rest.to_string())).map(|n| -n.abs());
        }
    }
    number(v)
}

/// 直接经济损失 in 万元: a number in the column's unit (`yuan_col`: the header names 元), or text
/// naming its own unit (`1.2万元`, `1.2万`, `12000元`). Negative amounts are refused.
pub fn money_wan(v: &Value, yuan_col: bool) -> Option<f64> {
    let per_yuan = |n: f64| n / 10_000.0;
    let n = match v {
        Value::Text(s) => {
            let t = normalize_name(s);
            if let Some(w) = t.strip_suffix("万元").or_else(|| t.strip_suffix('万')) {
                number(&Value::Text(w.to_string()))?
            } else if let Some(y) = t.strip_suffix('元') {
                per_yuan(number(&Value::Text(y.to_string()))?)
            } else {
                let n = number(v)?;
                if yuan_col { per_yuan(n) } else { n }
            }
        }
        _ => {
            let n = number(v)?;
            if yuan_col { per_yuan(n) } else { n }
        }
    };
    (n >= 0.0).then_some(n)
}

/// A non-negative whole number: 3, 3.0, "3", "3人", "3起", "无" (0).
pub fn count(v: &Value) -> Option<u32> {
    let n = match v {
        Value::Text(s) => {
            let t = normalize_name(s);
            let t = t.trim_end_matches(['人', '起', '次', '个', '处', '项', '名']);
            // 无 (none) is how people write zero in a count column.
            if t == "无" {
                0.0
            } else {
                t.parse::<f64>().ok()?
            }
        }
        _ => number(v)?,
    };
    (n >= 0.0 && n.fract() == 0.0 && n <= u32::MAX as f64).then_some(n as u32)
}

#[cfg(test)]
#[path = "values_tests.rs"]
mod tests;
