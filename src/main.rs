#[global_allocator]
static GLOBAL: storyline::alloc::Allocator = storyline::alloc::Allocator;

fn main() -> std::process::ExitCode {
    storyline::cli::run()
}
