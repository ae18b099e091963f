fn main() -> std::process::ExitCode {
    storyline::cli::run()
}
