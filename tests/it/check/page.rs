//! check.html as `build` writes it: at the top of the output beside index.html, linked from it,
//! named in the bulletin's 整改要求, self-contained and at most 4 MB, with the build's data
//! (period, as-of, the roster without the config's comments, the register's published facts)
//! in a script element that text from a file or the config cannot end.

use super::*;

#[test]
fn build_writes_check_html_with_its_data() {
    let dir = tmp();
    let page = build_page(dir.path());
    let html = std::fs::read_to_string(&page).unwrap();
    let size = html.len();
    println!("check.html: {size} bytes");
    assert!(size <= 4 << 20, "check.html is {size} bytes (limit 4 MB)");
    if has_checker(&html) {
        assert!(size > 1 << 20, "the module is inlined: {size}");
    }
    assert_no_request(&html);
    assert!(html.contains("2026H1") && html.contains("评价基准日 2026-07-15"));
    let index = std::fs::read_to_string(page.with_file_name("index.html")).unwrap();
    assert!(index.contains("href=\"check.html\""), "{index}");
    let md = std::fs::read_to_string(page.with_file_name("2026H1").join("bulletin.md")).unwrap();
    assert!(md.contains("check.html"), "整改要求 names the page");
    let start = html.find("id=\"tb-data\">").unwrap() + "id=\"tb-data\">".len();
    let end = start + html[start..].find("</script>").unwrap();
    let data: serde_json::Value = serde_json::from_str(&html[start..end]).unwrap();
    assert_eq!(data["period"], "2026H1");
    assert_eq!(data["as_of"], "2026-07-15");
    let config = data["config"].as_str().unwrap();
    assert!(
        config.contains("机电工程系") && !config.contains('#'),
        "{config}"
    );
    let reg = &data["register"];
    assert!(
        reg["punishments"].is_array() && reg["listed_hazards"].is_array(),
        "{reg}"
    );
    // Only the facts R10/R12 and the score read, as results.json publishes them: no punishment
    // 原因, no approver, no other register sheet.
    let punishments = reg["punishments"].as_array().unwrap();
    assert!(
        punishments.iter().all(|p| p.get("reason").is_none()),
        "{reg}"
    );
    for a in reg["adjustments"].as_array().into_iter().flatten() {
        let keys: Vec<&String> = a.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["points", "reason", "row", "unit"], "{a}");
    }
    for sheet in ["determinations", "visits", "leader_reports", "approver"] {
        assert!(!reg.to_string().contains(sheet), "{reg}");
    }
}

#[test]
fn a_unit_name_cannot_break_out_of_the_data() {
    let data = tongbao_core::check::PageData {
        period: "2026H1".into(),
        as_of: d(2026, 7, 15),
        title: "</script><script>alert(1)</script>".into(),
        school: "学院 & <b>".into(),
        config: "[[units]]\nname = \"</script><img src=x onerror=alert(1)>\"\nkind = \"部门\"\n"
            .into(),
        register: None,
    };
    let html = String::from_utf8(
        tongbao::report::check::render_check_with(&data, b"\0asm", None).unwrap(),
    )
    .unwrap();
    let start = html.find("id=\"tb-data\">").unwrap() + "id=\"tb-data\">".len();
    let end = start + html[start..].find("</script>").unwrap();
    let back: tongbao_core::check::PageData = serde_json::from_str(&html[start..end]).unwrap();
    assert_eq!(back, data);
    assert!(!html.contains("<img src=x"), "escaped everywhere");
    assert!(!html.contains("<script>alert(1)"));
}

#[test]
fn without_a_module_the_page_says_so() {
    let data = tongbao_core::check::PageData {
        period: "2026H1".into(),
        as_of: d(2026, 7, 15),
        title: "t".into(),
        school: "s".into(),
        config: String::new(),
        register: None,
    };
    let html =
        String::from_utf8(tongbao::report::check::render_check_with(&data, b"", None).unwrap())
            .unwrap();
    let notice = html.find("id=\"tb-nochecker\"").unwrap();
    let tag_end = notice + html[notice..].find('>').unwrap();
    assert!(!html[notice..tag_end].contains("hidden"));
    assert!(html.contains(tongbao::report::check::NO_CHECKER));
}

/// Nothing in the page can make a request: no external reference, no network API.
fn assert_no_request(html: &str) {
    for bad in [
        "http://",
        "https://",
        "src=",
        "<link",
        "url(",
        "@import",
        "fetch(",
        "XMLHttpRequest",
        "importScripts",
        "WebSocket",
        "EventSource",
        "sendBeacon",
    ] {
        assert!(!html.contains(bad), "check.html contains {bad}");
    }
}
