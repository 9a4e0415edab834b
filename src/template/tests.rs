//! Unit tests of the template writer: deterministic bytes, roster drop-downs, help texts.

use super::*;
use crate::config::from_toml_str;

fn cfg() -> Config {
    let text = r#"
[school]
name = "测试学院"
[[units]]
name = "信息工程系"
kind = "系部"
[[units]]
name = "保卫处"
kind = "部门"
[[leaders]]
name = "王校长"
"#;
    from_toml_str(text, Path::new(".")).unwrap()
}

#[test]
fn bytes_are_deterministic() {
    let c = cfg();
    assert_eq!(ledger_workbook(&c).unwrap(), ledger_workbook(&c).unwrap());
    assert_eq!(
        register_workbook(&c).unwrap(),
        register_workbook(&c).unwrap()
    );
}

#[test]
fn roster_lists_point_at_hidden_sheet() {
    let lists = lists::Lists::from_config(&cfg());
    assert_eq!(
        lists.formula(crate::schema::Kind::Unit).as_deref(),
        Some("='_lists'!$A$2:$A$3")
    );
    assert_eq!(
        lists.formula(crate::schema::Kind::Leader).as_deref(),
        Some("='_lists'!$B$2:$B$2")
    );
    assert_eq!(
        lists::Lists::default().formula(crate::schema::Kind::Unit),
        None
    );
}

#[test]
fn chinese_counts_double_width() {
    assert_eq!(sheet::text_width("排查日期"), 8);
    assert_eq!(sheet::text_width("ab"), 2);
}

#[test]
fn every_help_text_fits_an_input_message() {
    for spec in crate::schema::LEDGER.iter().chain(crate::schema::REGISTER) {
        for col in spec.cols {
            assert!(
                validate::for_col(col, &lists::Lists::default()).is_ok(),
                "{}",
                col.name
            );
        }
    }
}
