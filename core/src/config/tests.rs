//! Config loading: every error names its key and line.

use super::*;
use std::path::Path;

const FULL: &str = r#"[school]
name = "厦门城市职业学院"
issuer = "厦门城市职业学院"
doc_prefix = "厦城院综"

[[units]]
name = "信息工程系"
kind = "系部"
aliases = ["信息系", "信息工程学院"]
principal = "张某某"

[[units]]
name = "后勤处"
kind = "部门"

[[leaders]]
name = "王某某"
title = "党委书记"

[[semesters]]
name = "2025-2026学年第二学期"
start = 2026-02-23
end = 2026-07-10

[calendar]
extra_holidays = [2026-12-31]
extra_workdays = []

[[calendar.year]]
year = 2027
holidays = [2027-01-01]
makeup_workdays = []

[rules]
plan_due = "03-31"
inspection_exempt_months = [2, 8]

[grades]
excellent = 90
good = 75
pass = 60
"#;

fn parse(text: &str) -> Result<Config, ConfigError> {
    from_toml_str(text, Path::new("/x"))
}

fn err(text: &str) -> ConfigError {
    match parse(text) {
        Ok(_) => panic!("expected an error for:\n{text}"),
        Err(e) => e,
    }
}

#[test]
fn full_example_loads() {
    let c = parse(FULL).unwrap();
    assert_eq!(c.units.len(), 2);
    assert_eq!(c.units[0].kind, UnitKind::AcademicDept);
    assert_eq!(
        c.semesters[0].start,
        NaiveDate::from_ymd_opt(2026, 2, 23).unwrap()
    );
    assert_eq!(c.calendar.year[0].holidays.len(), 1);
    assert_eq!(c.rules.inspection_exempt_months, vec![2, 8]);
    assert_eq!(c.rules.submission_due_h1, MonthDay::new(7, 5));
    assert_eq!(c.base_dir, Path::new("/x"));
    assert_eq!(c.sha256.len(), 64);
}

#[test]
fn minimal_config_takes_defaults() {
    let c = parse("[school]\nname = \"某学院\"\n").unwrap();
    assert_eq!(c.rules, RulesCfg::default());
    assert_eq!(c.scoring, ScoringCfg::default());
    assert_eq!(c.issuer(), "某学院");
}

#[test]
fn bad_month_day_names_key_and_line() {
    let text = FULL.replace("plan_due = \"03-31\"", "plan_due = \"3-31x\"");
    let e = err(&text);
    assert_eq!(e.line, Some(35), "{}", e.message);
    assert!(e.message.contains("第35行"), "{}", e.message);
    assert!(e.message.contains("[rules] plan_due"), "{}", e.message);
    assert!(e.message.contains("3-31x"), "{}", e.message);
}

#[test]
fn unknown_key_suggests_nearest() {
    let e = err("[school]\nname = \"x\"\n\n[rules]\nplan_du = \"03-31\"\n");
    assert_eq!(e.line, Some(5));
    assert!(
        e.message.contains("未知的配置项 [rules] plan_du"),
        "{}",
        e.message
    );
    assert!(e.message.contains("是否想写 plan_due？"), "{}", e.message);
}

#[test]
fn unknown_key_in_array_of_tables() {
    let e = err("[school]\nname = \"x\"\n[[units]]\nname = \"a\"\nkind = \"系部\"\nalias = []\n");
    assert_eq!(e.line, Some(6));
    assert!(e.message.contains("[[units]] 第1项 alias"), "{}", e.message);
    assert!(e.message.contains("aliases"), "{}", e.message);
}

#[test]
fn unknown_table_lists_known_ones() {
    let e = err("[school]\nname = \"x\"\n[foo]\nbar = 1\n");
    assert_eq!(e.line, Some(3));
    assert!(e.message.contains("可用的配置项"), "{}", e.message);
}

#[test]
fn bad_enum_value() {
    let e = err("[school]\nname = \"x\"\n[[units]]\nname = \"a\"\nkind = \"学院\"\n");
    assert_eq!(e.line, Some(5), "{}", e.message);
    assert!(e.message.contains("[[units]] 第1项 kind"), "{}", e.message);
    assert!(e.message.contains("部门、系部"), "{}", e.message);
}

#[test]
fn wrong_type() {
    let e = err("[school]\nname = \"x\"\n[rules]\nquarterly_report_grace_days = \"ten\"\n");
    assert_eq!(e.line, Some(4), "{}", e.message);
    assert!(e.message.contains("整数"), "{}", e.message);
    let e = err("[school]\nname = \"x\"\n[rules]\nrectification_working_days = -1\n");
    assert_eq!(e.line, Some(4), "{}", e.message);
}

#[test]
fn bad_date() {
    let e = err(
        "[school]\nname = \"x\"\n[[semesters]]\nname = \"s\"\nstart = \"2026-02-30\"\nend = 2026-07-10\n",
    );
    assert_eq!(e.line, Some(5), "{}", e.message);
    assert!(e.message.contains("start"), "{}", e.message);
}

#[test]
fn missing_school_name() {
    let e = err("[school]\ndoc_prefix = \"x\"\n");
    assert!(e.message.contains("name"), "{}", e.message);
    assert!(e.message.contains("缺少必填项"), "{}", e.message);
}

#[test]
fn syntax_error_has_line() {
    let e = err("[school]\nname = \"x\"\n[rules\n");
    assert_eq!(e.line, Some(3), "{}", e.message);
    assert!(e.message.contains("没有配对"), "{}", e.message);
    assert!(e.message.ends_with("：[rules"), "{}", e.message);
}

#[test]
fn duplicate_unit_after_normalisation() {
    let text = FULL.replace("name = \"后勤处\"", "name = \" 信息工程系 \"");
    let e = err(&text);
    assert_eq!(e.line, Some(13), "{}", e.message);
    assert!(e.message.contains("重复"), "{}", e.message);
}

#[test]
fn alias_collides_with_other_unit() {
    let text = FULL.replace(
        "name = \"后勤处\"\nkind = \"部门\"",
        "name = \"后勤处\"\nkind = \"部门\"\naliases = [\"信息系\"]",
    );
    let e = err(&text);
    assert_eq!(e.line, Some(15), "{}", e.message);
    assert!(e.message.contains("信息系"), "{}", e.message);
}

#[test]
fn semester_end_before_start() {
    let e = err(&FULL.replace("end = 2026-07-10", "end = 2026-01-10"));
    assert_eq!(e.line, Some(23), "{}", e.message);
    assert!(e.message.contains("早于"), "{}", e.message);
}

#[test]
fn grades_out_of_order() {
    let e = err(&FULL.replace("good = 75", "good = 95"));
    assert_eq!(e.line, Some(40), "{}", e.message);
    let e = err(&FULL.replace("pass = 60", "pass = 160"));
    assert!(e.message.contains("0 到 100"), "{}", e.message);
}

#[test]
fn negative_points() {
    let e = err("[school]\nname = \"x\"\n[scoring]\nplan = -5\n");
    assert_eq!(e.line, Some(4), "{}", e.message);
    assert!(e.message.contains("[scoring] plan"), "{}", e.message);
}

#[test]
fn exempt_month_out_of_range() {
    let e = err(&FULL.replace("[2, 8]", "[2, 13]"));
    assert_eq!(e.line, Some(36), "{}", e.message);
    assert!(e.message.contains("13"), "{}", e.message);
}

#[test]
fn duplicate_leader_and_year() {
    let e = err("[school]\nname = \"x\"\n[[leaders]]\nname = \"王\"\n[[leaders]]\nname = \"王\"\n");
    assert_eq!(e.line, Some(6), "{}", e.message);
    let e = err(
        "[school]\nname = \"x\"\n[[calendar.year]]\nyear = 2027\n[[calendar.year]]\nyear = 2027\n",
    );
    assert_eq!(e.line, Some(6), "{}", e.message);
}

#[test]
fn normaliser() {
    assert_eq!(normalize_name(" ＡＢ信息 系\u{3000}"), "ab信息系");
}

#[test]
fn misplaced_key_names_its_table() {
    let e = err("name = \"x\"\n[school]\nname = \"x\"\n");
    assert_eq!(e.line, Some(1), "{}", e.message);
    assert!(e.message.contains("应写在 [school] 下面"), "{}", e.message);
}

#[test]
fn duplicate_key_quotes_the_line() {
    let e = err("[school]\nname = \"x\"\nname = \"y\"\n");
    assert_eq!(e.line, Some(3), "{}", e.message);
    assert!(
        e.message.contains("写了两次，请删去其中一个：name = \"y\""),
        "{}",
        e.message
    );
}

#[test]
fn day_counts_are_capped() {
    let e = err("[school]\nname = \"x\"\n[rules]\nrectification_working_days = 366\n");
    assert_eq!(e.line, Some(4), "{}", e.message);
    assert!(
        e.message.contains("[rules] rectification_working_days"),
        "{}",
        e.message
    );
    assert!(e.message.contains("0 到 365"), "{}", e.message);
    assert!(parse("[school]\nname = \"x\"\n[rules]\nrectification_working_days = 365\n").is_ok());
    let e = err("[school]\nname = \"x\"\n\n[bulletin]\nrectification_working_days = 4000000000\n");
    assert_eq!(e.line, Some(5), "{}", e.message);
    assert!(
        e.message.contains("[bulletin] rectification_working_days"),
        "{}",
        e.message
    );
    let e = err("[school]\nname = \"x\"\n[rules]\nquarterly_report_grace_days = 367\n");
    assert_eq!(e.line, Some(4), "{}", e.message);
    assert!(e.message.contains("0 到 366"), "{}", e.message);
    assert!(parse("[school]\nname = \"x\"\n[rules]\nquarterly_report_grace_days = 366\n").is_ok());
}

#[test]
fn frequent_accident_threshold_is_at_least_one() {
    let e = err("[school]\nname = \"x\"\n[rules]\nfrequent_accident_threshold = 0\n");
    assert_eq!(e.line, Some(4), "{}", e.message);
    assert!(
        e.message.contains("[rules] frequent_accident_threshold"),
        "{}",
        e.message
    );
    assert!(e.message.contains("不小于 1"), "{}", e.message);
    assert!(parse("[school]\nname = \"x\"\n[rules]\nfrequent_accident_threshold = 1\n").is_ok());
}

#[test]
fn unit_named_like_another_units_alias_names_that_unit() {
    let text = "[school]\nname = \"x\"\n[[units]]\nname = \"信息工程系\"\nkind = \"系部\"\naliases = [\"信息系\"]\n[[units]]\nname = \"信息系\"\nkind = \"系部\"\n";
    let e = err(text);
    assert_eq!(e.line, Some(8), "{}", e.message);
    assert!(
        e.message
            .contains("单位名称“信息系”与单位“信息工程系”的别名“信息系”重复"),
        "{}",
        e.message
    );
}
