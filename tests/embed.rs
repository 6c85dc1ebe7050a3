//! The embedding example (`examples/embed.rs`) runs: it loads both shipped
//! rule files through the facade, decides on several threads, explains one
//! employee and compares the two rule sets. Built here as a module so that
//! `cargo test` runs it, not only `cargo run --example embed`.

#[path = "../examples/embed.rs"]
mod embed;

#[test]
fn the_embedding_example_runs_to_the_end() {
    if let Err(e) = embed::main() {
        panic!("the example failed: {e}");
    }
}
