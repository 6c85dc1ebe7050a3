//! The tables the agreements publish (`tests/inputs/published/`, README there),
//! decided row by row by the shipped rule files: one module per agreement, on
//! the small harness of `published/harness.rs` (reading a TSV, loading a rule
//! file, deciding one record). The expected amounts are computed in the test
//! from the TSV, with the arithmetic rule of the text written beside it; the
//! TSV files are copies read by hand from the texts, never the program's output.

#[path = "published/harness.rs"]
mod harness;
#[path = "published/hcr.rs"]
mod hcr;
