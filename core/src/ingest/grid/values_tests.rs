//! Unit tests for `values`: every accepted form and the boundaries.

use super::*;

fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, day)
}
fn t(s: &str) -> Value {
    Value::Text(s.to_string())
}

#[test]
fn text_dates() {
    let want = d(2026, 3, 5);
    for s in [
        "2026-03-05",
        "2026/3/5",
        "2026.3.5",
        "2026年3月5日",
        "2026年3月5",
        "20260305",
        " 2026 - 03 - 05 ",
        "２０２６－０３－０５",
        "２０２６年３月５日",
        "2026／3／5",
    ] {
        assert_eq!(date(&t(s), false), want, "{s}");
    }
}

#[test]
fn bad_text_dates() {
    for s in [
        "2026-02-30",
        "三月五日",
        "2026-3",
        "26-3-5",
        "2026-13-01",
        "2026年3-5",
        "3月2026年5日",
        "abc",
        "20260230",
    ] {
        assert_eq!(date(&t(s), false), None, "{s}");
    }
}

#[test]
fn number_dates() {
    assert_eq!(date(&Value::Number(20260305.0), false), d(2026, 3, 5));
    assert_eq!(date(&Value::Number(46086.0), false), d(2026, 3, 5));
    assert_eq!(date(&Value::Number(46086.75), false), d(2026, 3, 5));
    // The same day in the 1904 system is 1462 days less.
    assert_eq!(date(&Value::Number(44624.0), true), d(2026, 3, 5));
    assert_eq!(date(&Value::Number(46086.0), true), d(2030, 3, 6));
    // Serials outside 1990–2099 and numbers that are neither are refused.
    assert_eq!(date(&Value::Number(100.0), false), None);
    assert_eq!(date(&Value::Number(80000.0), false), None);
    assert_eq!(date(&Value::Number(20260230.0), false), None);
    assert_eq!(date(&Value::Number(-1.0), false), None);
    assert_eq!(date(&Value::Number(19000101.0), false), d(1900, 1, 1));
    assert_eq!(date(&Value::Number(29991231.0), false), d(2999, 12, 31));
    assert_eq!(date(&Value::Number(30000101.0), false), None);
    assert_eq!(date(&t("46086"), false), d(2026, 3, 5));
    assert_eq!(
        date(&Value::Date(d(2026, 3, 5).unwrap()), false),
        d(2026, 3, 5)
    );
    assert_eq!(date(&Value::Error("#REF!".into()), false), None);
}

#[test]
fn yes_no_forms() {
    for s in ["是", "Y", "y", "yes", "YES", "√", "✓", "有", "1", " 是 "] {
        assert_eq!(yes_no(&t(s)), Some(true), "{s}");
    }
    for s in ["否", "N", "no", "No", "×", "✗", "无", "0"] {
        assert_eq!(yes_no(&t(s)), Some(false), "{s}");
    }
    assert_eq!(yes_no(&Value::Number(1.0)), Some(true));
    assert_eq!(yes_no(&Value::Number(0.0)), Some(false));
    assert_eq!(yes_no(&Value::Bool(true)), Some(true));
    assert_eq!(yes_no(&t("可能")), None);
    assert_eq!(yes_no(&Value::Number(2.0)), None);
}

#[test]
fn quarter_forms() {
    for (s, q) in [
        ("第一季度", 1),
        ("一季度", 1),
        ("Q1", 1),
        ("q2", 2),
        ("第2季度", 2),
        ("3", 3),
        ("第四季度", 4),
        ("2026年第三季度", 3),
        ("ｑ４", 4),
    ] {
        assert_eq!(quarter(&t(s)), Some(q), "{s}");
    }
    assert_eq!(quarter(&Value::Number(4.0)), Some(4));
    assert_eq!(quarter(&Value::Number(5.0)), None);
    assert_eq!(quarter(&t("第五季度")), None);
    assert_eq!(quarter(&t("Q0")), None);
}

#[test]
fn grades() {
    use AccidentGrade as A;
    for (s, g) in [
        ("一般", A::General),
        ("较大事故", A::Major),
        ("重大", A::Serious),
        ("特别重大事故", A::Extraordinary),
    ] {
        assert_eq!(accident_grade(&t(s)), Some(g), "{s}");
    }
    assert_eq!(accident_grade(&t("严重")), None);
    use HazardGrade as H;
    for (s, g) in [
        ("一般", H::General),
        ("一般隐患", H::General),
        ("较大隐患", H::Major),
        ("重大隐患", H::Serious),
        ("重大事故隐患", H::Serious),
        ("重大", H::Serious),
    ] {
        assert_eq!(hazard_grade(&t(s)), Some(g), "{s}");
    }
    assert_eq!(hazard_grade(&t("特别重大")), None);
}

#[test]
fn closed_sets() {
    assert_eq!(
        measure(&t("整改通知书")),
        Some(Measure::RectificationNotice)
    );
    assert_eq!(
        measure(&t("下发整改通知书")),
        Some(Measure::RectificationNotice)
    );
    assert_eq!(measure(&t("约谈")), Some(Measure::Interview));
    assert_eq!(measure(&t("黄牌警告")), Some(Measure::YellowCard));
    assert_eq!(measure(&t("通报批评")), Some(Measure::Criticism));
    assert_eq!(measure(&t("挂牌督办")), Some(Measure::ListedSupervision));
    assert_eq!(measure(&t("警告")), None);
    assert_eq!(level(&t("市教育局")), Some(SupervisionLevel::CityBureau));
    assert_eq!(level(&t("学校")), Some(SupervisionLevel::School));
    assert_eq!(level(&t("省厅")), None);
    assert_eq!(listed_state(&t("已销号")), Some(ListedState::Closed));
    assert_eq!(listed_state(&t("拒不整改")), Some(ListedState::Refused));
    assert_eq!(listed_state(&t("整改中")), Some(ListedState::InProgress));
    assert_eq!(unit_kind(&t("系部")), Some(UnitKind::AcademicDept));
    assert_eq!(unit_kind(&t("部门")), Some(UnitKind::Department));
    assert_eq!(unit_kind(&t("学院")), None);
}

#[test]
fn numbers_and_counts() {
    assert_eq!(count(&t("3人")), Some(3));
    assert_eq!(count(&t("3.0")), Some(3));
    assert_eq!(count(&Value::Number(3.0)), Some(3));
    assert_eq!(count(&t("０")), Some(0));
    assert_eq!(count(&Value::Number(2.5)), None);
    assert_eq!(count(&Value::Number(-1.0)), None);
    assert_eq!(count(&t("三人")), None);
    assert_eq!(number(&t("-3")), Some(-3.0));
    assert_eq!(number(&t("2分")), Some(2.0));
    assert_eq!(number(&t("1,500.5")), Some(1500.5));
    assert_eq!(number(&t("abc")), None);
    assert_eq!(year(&Value::Number(2026.0)), Some(2026));
    assert_eq!(year(&t("2026年")), Some(2026));
    assert_eq!(year(&t("２０２６")), Some(2026));
    assert_eq!(year(&t("26")), None);
    assert_eq!(text(&Value::Number(12.0)).as_deref(), Some("12"));
    assert_eq!(text(&t("  a ")).as_deref(), Some("a"));
}

#[test]
fn text_dates_with_time_weekday_or_hao() {
    let want = d(2026, 3, 5);
    for s in [
        "2026-03-05 10:00",
        "2026/3/5 10:00:00",
        "2026-03-05T08:30:00",
        "2026-03-05 00:00:00.000",
        "2026年3月5号",
        "2026年3月5日（星期四）",
        "2026年3月5日 (周四)",
    ] {
        assert_eq!(date(&t(s), false), want, "{s}");
    }
    for s in [
        "10:00",
        "2026-03-05 上午",
        "2026-03-05 10:xx",
        "2026-02-30 10:00",
    ] {
        assert_eq!(date(&t(s), false), None, "{s}");
    }
}

#[test]
fn years_with_niandu() {
    assert_eq!(year(&t("2026年度")), Some(2026));
    assert_eq!(year(&t(" ２０２６ 年 ")), Some(2026));
    assert_eq!(year(&t("26年度")), None);
}

#[test]
fn points_and_money() {
    assert_eq!(points(&t("扣3分")), Some(-3.0));
    assert_eq!(points(&t("减 2")), Some(-2.0));
    assert_eq!(points(&t("加2分")), Some(2.0));
    assert_eq!(points(&t("－1.5")), Some(-1.5));
    assert_eq!(points(&t("\u{2212}2分")), Some(-2.0));
    assert_eq!(points(&Value::Number(-3.0)), Some(-3.0));
    assert_eq!(points(&t("扣分")), None);
    assert_eq!(money_wan(&t("1.5万元"), false), Some(1.5));
    assert_eq!(money_wan(&t("1.5万"), true), Some(1.5));
    assert_eq!(money_wan(&t("12,000元"), false), Some(1.2));
    assert_eq!(money_wan(&Value::Number(12000.0), true), Some(1.2));
    assert_eq!(money_wan(&Value::Number(0.3), false), Some(0.3));
    assert_eq!(money_wan(&t("-1"), false), None);
    assert_eq!(count(&t("无")), Some(0));
}

#[test]
fn odd_text_never_panics() {
    for s in [
        "ab一q",
        "一q",
        "q",
        "2026q",
        "2026-q",
        "日",
        "号星期",
        "2026年3月5日周",
        ":",
        "T:",
        "(",
        "2026-03-05 :",
    ] {
        let v = t(s);
        let _ = (
            quarter(&v),
            date(&v, false),
            year(&v),
            count(&v),
            points(&v),
        );
        let _ = money_wan(&v, true);
    }
    assert_eq!(quarter(&t("2026Q3")), Some(3));
    assert_eq!(quarter(&t("2026-Q4")), Some(4));
}

#[test]
fn generated_text_never_panics() {
    let pool: Vec<char> =
        "0123456789qQ-/.:T 年月日号周星期第季度一二无元万分扣加(（)）,，√是否合计序号"
            .chars()
            .collect();
    let mut seed: u64 = 0x2026;
    for _ in 0..20_000 {
        let mut s = String::new();
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        for k in 0..(seed >> 60) {
            let i = (seed >> (k * 4 % 56)) as usize % pool.len();
            s.push(pool[i]);
        }
        let v = t(&s);
        let _ = (
            quarter(&v),
            date(&v, false),
            year(&v),
            count(&v),
            points(&v),
        );
        let _ = (money_wan(&v, false), yes_no(&v), not_yet(&v), number(&v));
        let _ = crate::ingest::grid::sheets::header_base(&s);
        let _ = crate::ingest::units::match_unit(&crate::config::Config::default(), &s);
    }
}

#[test]
fn only_texts_too_long_for_a_workbook_cell_are_flagged() {
    let limit = crate::ingest::guard::limits::LONG_TEXT;
    assert_eq!(too_long("隐患描述", &"字".repeat(limit)), None);
    let msg = too_long("隐患描述", &"字".repeat(limit + 1)).unwrap();
    assert!(msg.contains("隐患描述") && msg.contains("32001字"), "{msg}");
    assert_eq!(head(&"字".repeat(30)), format!("{}…", "字".repeat(20)));
    assert_eq!(head("短"), "短");
}

/// The one-pass reading of the usual shapes gives what the full reading gives.
#[test]
fn plain_text_dates_read_as_in_full() {
    let shapes = [
        "2026年3月5日",
        "2026年03月05日",
        "2026年3月5号",
        "2026年3月5",
        "2026.3.5",
        "2026-03-05",
        "2026/3/5",
        "2026-3/5",
        "2026.02.30",
        "1899.3.5",
        "3000-1-1",
        "2026年13月1日",
        "2026年3月5日日",
        "2026年3-5",
        "2026-3月5",
        "20260305",
        "2026.3.",
        "2026..5",
        "2026.123.5",
        "02026.3.5",
        "2026年3月5日星期四",
        " 2026.3.5",
        "２０２６.3.5",
        "2026年3月5日 ",
        "2026-03-05 00:00:00",
    ];
    for s in shapes {
        let full = {
            let t: String = date_part(&half_width(s))
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            // text_date without its fast path: the same input through the full reading
            text_date_full(&t, false)
        };
        if let Some(fast) = plain_text_date(s) {
            assert_eq!(fast, full, "{s}");
        }
        assert_eq!(date(&t(s), false), full, "{s}");
    }
    assert!(plain_text_date("2026年3月5日").is_some());
    assert!(plain_text_date("2026.3.5").is_some());
}
