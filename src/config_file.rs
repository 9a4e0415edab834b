//! `tongbao.toml` from disk: the core parses and validates it (`tongbao_core::config`); this
//! reads the file and says in Chinese why it cannot be read.

use crate::config::{Config, ConfigError, from_file_bytes};
use std::path::Path;

/// Read and validate the config file.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    let bytes = std::fs::read(path).map_err(|e| {
        let why = match e.kind() {
            std::io::ErrorKind::NotFound => "文件不存在（请在工作文件夹中运行，或用 --config 指定配置文件；新建可用 tongbao init 文件夹）".to_string(),
            _ => crate::oserror::explain(&e, crate::oserror::Access::Read),
        };
        ConfigError::plain(format!("无法读取配置文件 {}：{why}", path.display()))
    })?;
    from_file_bytes(&bytes, path)
}

#[cfg(test)]
mod tests {
    use super::load;

    #[test]
    fn load_names_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("tongbao.toml");
        std::fs::write(
            &p,
            "[school]\nname = \"x\"\n[rules]\nplan_due = \"13-01\"\n",
        )
        .unwrap();
        let e = load(&p).unwrap_err();
        assert!(e.message.contains("tongbao.toml 第4行"), "{}", e.message);
        assert!(
            load(&dir.path().join("nope.toml"))
                .unwrap_err()
                .message
                .contains("不存在")
        );
    }
}
