//! serde/toml's English error messages, turned into Chinese for office staff.

/// serde/toml's English message → Chinese, prefixed with the key path.
pub fn serde_message_cn(path: &str, msg: &str) -> String {
    let at = if path.is_empty() {
        String::new()
    } else {
        format!("{path} ")
    };
    if !msg.is_ascii() && !msg.starts_with("unknown variant") {
        // Our own messages (e.g. MonthDay) are Chinese already.
        return format!("{at}的值{msg}");
    }
    if let Some(field) = between(msg, "missing field `", "`") {
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
    let rest = &s[s.find(start)? + start.len()..];
    Some(&rest[..rest.find(end)?])
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
