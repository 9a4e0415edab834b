//! check.html in headless Chromium from file://, driven over the DevTools protocol
//! (tests/check/cdp.rs): a file set on the input as a user's choice, the findings grouped by
//! sheet and the preview read back from the DOM; a zip bomb's finding shows within 5 s.

use super::cdp::{Browser, CHROMIUM, READ_RESULT, STATE};
use super::*;
use serde_json::Value;
use std::time::Duration;

fn check(b: &mut Browser, file: &Path) -> (Value, Duration) {
    b.eval("document.getElementById('tb-status').dataset.state = 'waiting'");
    let started = std::time::Instant::now();
    b.set_file("#tb-file", file);
    b.wait_for(
        &format!("{STATE} === 'done' || {STATE} === 'failed'"),
        Duration::from_secs(60),
    );
    let took = started.elapsed();
    let text = b.eval(READ_RESULT);
    (serde_json::from_str(text.as_str().unwrap()).unwrap(), took)
}

#[test]
fn page_checks_files_in_chromium() {
    let dir = tmp();
    let page = build_page(dir.path());
    let html = std::fs::read_to_string(&page).unwrap();
    if !has_checker(&html) || !tool(CHROMIUM) {
        return;
    }
    let files = dir.path().join("files");
    std::fs::create_dir(&files).unwrap();
    let hostile = hostile_files(&files);
    let mut b = Browser::start(&dir.path().join("profile"));
    b.open(&format!("file://{}", page.display()));
    b.wait_for(&format!("{STATE} === 'ready'"), Duration::from_secs(30));

    // A ledger with a bad date: the finding under its sheet, with cell, raw value and rule.
    let bad = hostile
        .iter()
        .find(|p| p.ends_with("机电工程系（日期有误）.xlsx"))
        .unwrap();
    let (r, _) = check(&mut b, bad);
    assert_eq!(r["unit"], "机电工程系", "{r}");
    let f = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["raw"] == "2026-02-30")
        .unwrap_or_else(|| panic!("{r}"));
    assert_eq!(f["severity"], "error");
    assert_eq!(f["sheet"], tongbao::schema::INSPECTIONS);
    assert!(f["where"].as_str().unwrap().starts_with("隐患排查!"), "{f}");
    assert!(f["rule"].as_str().unwrap().starts_with('R'), "{f}");
    assert!(
        r["sheets"]
            .as_array()
            .unwrap()
            .contains(&Value::from("隐患排查"))
    );
    // The preview: R1–R5, R8, R13, R15, R10, R12 with a status each, and a score.
    let rules: Vec<&str> = r["preview"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["rule"].as_str().unwrap())
        .collect();
    assert_eq!(
        rules,
        [
            "R1", "R2", "R3", "R4", "R5", "R8", "R13", "R15", "R10", "R12"
        ]
    );
    assert!(r["score"].as_str().unwrap().contains("分"), "{r}");

    // An unknown cover name: not recognised, the unit text names the closest unit.
    let unknown = hostile
        .iter()
        .find(|p| p.ends_with("经济管理学院.xlsx"))
        .unwrap();
    let (r, _) = check(&mut b, unknown);
    assert_eq!(r["unit"], Value::Null);
    assert!(
        r.to_string().contains("请将封面单位名称改为“经济管理系”"),
        "{r}"
    );
    assert!(r["no_preview"].is_string());

    // Text from the file reaches the page as text, never as markup.
    let evil = hostile
        .iter()
        .find(|p| p.ends_with("<script>alert(1)<script>.xlsx"))
        .unwrap();
    let (r, _) = check(&mut b, evil);
    assert!(
        r.to_string().contains("<img src=x onerror=alert(1)>"),
        "{r}"
    );
    assert_eq!(
        b.eval("document.querySelectorAll('#tb-result img, #tb-result script').length"),
        0
    );

    // A zip bomb: its finding within 5 s, and the page still answers.
    let bomb = hostile
        .iter()
        .find(|p| p.ends_with("机电工程系（压缩炸弹）.xlsx"))
        .unwrap();
    let (r, took) = check(&mut b, bomb);
    println!("zip bomb: finding shown after {took:?}");
    assert!(took < Duration::from_secs(5), "{took:?}");
    let codes: Vec<&str> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["unreadable_file"], "{r}");

    // The downloads are built from the same report.
    let md = b.eval("window.tongbaoCheck.markdown()");
    assert!(md.as_str().unwrap().contains("压缩炸弹"), "{md}");
    let saved = b.eval("window.tongbaoCheck.html()");
    assert!(saved.as_str().unwrap().starts_with("<!DOCTYPE html>"));

    // A sample ledger with the register's facts: recognised, previewed.
    let sample = root().join("sample-data/inbox/2026/教务处2026年安全工作台账（7月）.xlsx");
    let (r, _) = check(&mut b, &sample);
    assert_eq!(r["unit"], "教务处");
    assert!(r["status"].as_str().unwrap().contains("检查完成"));
    // Choosing the same file again (after correcting it) checks it again.
    let (again, _) = check(&mut b, &sample);
    assert_eq!(again["unit"], "教务处");
}
