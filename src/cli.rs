//! Command line (clap derive). Chinese help, English flag names (outputs.md).

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "tongbao",
    version,
    about = "安全工作“党政同责、一岗双责”机制：台账汇总、半年跟踪督查、年终考核与通报生成",
    long_about = None
)]
pub struct Cli {
    #[command(flatten)]
    pub common: Common,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args, Clone)]
pub struct Common {
    /// 配置文件（默认 tongbao.toml）
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// 收件文件夹（默认 inbox/<年度>，相对于配置文件）
    #[arg(long, global = true, value_name = "DIR")]
    pub inbox: Option<PathBuf>,
    /// 有任何“错误”级问题时以非零状态退出
    #[arg(long, global = true)]
    pub strict: bool,
    /// 同时读取子文件夹中的文件
    #[arg(long, global = true)]
    pub recursive: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// 新建工作文件夹：带注释的配置、收件文件夹、空白模板和使用说明
    Init {
        /// 要创建的文件夹
        dir: PathBuf,
    },
    /// 生成空白的单位台账模板和保卫处台账模板
    Template {
        /// 输出文件夹（默认当前文件夹）
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
    /// 只检查文件，按文件列出问题（不写任何文件）
    Check {
        /// 要检查的文件或文件夹
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// 完整流程：读取收件 → 检查 → 规则 → 评分与否决 → 生成通报、汇总表、反馈和 results.json
    Build(BuildArgs),
    /// 监视收件文件夹，文件变化后自动重新生成
    Watch(BuildArgs),
}

#[derive(Debug, Args, Clone)]
pub struct BuildArgs {
    /// 考核期间：2026H1（上半年）、2026H2（下半年）或 2026（年度）
    #[arg(long, value_name = "PERIOD")]
    pub period: String,
    /// 评价基准日（默认今天），格式 2026-07-15
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// 发文字号中的序号，如 12 → 厦城院综〔2026〕12号
    #[arg(long, value_name = "N")]
    pub doc_number: Option<u32>,
    /// 输出文件夹（默认 public，相对于当前文件夹）
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// 用此文件夹中的同名模板替换内置模板
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_consistent() {
        Cli::command().debug_assert();
    }
}
