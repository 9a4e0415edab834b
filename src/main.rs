fn main() -> std::process::ExitCode {
    tongbao::cmd::main()
}
