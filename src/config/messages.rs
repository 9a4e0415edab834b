//! serde/toml's English error messages, turned into Chinese for office staff.

/// serde/toml's English message → Chinese, prefixed with the key path.
pub fn serde_message_cn(path: &str, msg: &str) -> String {
    let at = if path.is_empty() {
        String::new()
    } else {
        format!("{path} ")
    };
    let serde_words = [
        "invalid type",
        "invalid value",
        "missing field",
        "unknown variant",
    ];
    if !msg.is_ascii() && !serde_words.iter().any(|w| msg.starts_with(w)) {
        // Our own messages (e.g. MonthDay) are Chinese already.
        return format!("{at}的值{msg}");
    }
    if let Some(field) = between(msg, "missing field `", "`") {
        // Only the top level has a `school` field; toml may point the error at the last table.
        if field == "school" {
            return "缺少 [school] 部分（至少写 name = \"学校名称\"）".into();
        }
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

/// A TOML syntax error → Chinese, quoting the offending line so staff can find it.
pub fn syntax_message_cn(msg: &str, line_text: Option<&str>) -> String {
    let m = msg.trim();
    let what = if m.contains("duplicate key") {
        "同一个配置项写了两次".to_string()
    } else if m.contains("invalid date") || m.contains("invalid time") {
        format!("日期无效（{m}）")
    } else if m.contains("unclosed") || m.contains("invalid basic string") {
        format!("引号或括号没有配对（{m}）")
    } else {
        format!("不是有效的 TOML 格式（{m}）")
    };
    match line_text.map(str::trim).filter(|l| !l.is_empty()) {
        Some(l) => format!("{what}：{l}"),
        None => what,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_messages_in_chinese() {
        let m = serde_message_cn(
            "[grades] excellent",
            "invalid type: string \"九十\", expected f64",
        );
        assert_eq!(m, "[grades] excellent 的值 “九十”（文字） 不对，应为数字");
        let m = serde_message_cn("", "missing field `school`");
        assert!(m.contains("缺少 [school]"), "{m}");
        let m = serde_message_cn("[grades]", "missing field `school`");
        assert_eq!(m, "缺少 [school] 部分（至少写 name = \"学校名称\"）");
        let m = syntax_message_cn("duplicate key", Some("name = \"y\"  "));
        assert_eq!(m, "同一个配置项写了两次：name = \"y\"");
    }
}
