//! The tables the agreements publish (`tests/inputs/published/`, README there),
//! decided row by row by the shipped rule files (issue #22): one module per
//! agreement, each in `published/`. The TSV files are copies read by hand from the
//! texts, never the program's output.

#[path = "published/hcr.rs"]
mod hcr;
#[path = "published/syntec.rs"]
mod syntec;
