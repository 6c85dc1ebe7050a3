//! The engine's speed, measured (a bench binary: `cargo bench --bench engine`).
//!
//! Reports, for the shipped rule files: parse + check of a rule file; decisions
//! per second over 100,000 generated employees held in memory, on one core, with
//! traces off and on; and the per-decision cost. Each figure is the median of
//! several runs.

// A benchmark prints its figures (clippy.toml forbids printing in the program).
#![allow(clippy::disallowed_macros)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use grille::sample::{Generator, SampleOptions};

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                black_box(f());
                start.elapsed()
            })
            .collect(),
    )
}

fn main() {
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
    // For profiling one path alone: BENCH_ONLY=fast or BENCH_ONLY=traced, and
    // fewer employees (BENCH_EMPLOYEES) to keep callgrind short.
    let only = std::env::var("BENCH_ONLY").ok();
    let employees = std::env::var("BENCH_EMPLOYEES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000);
    for path in ["rules/cgt-2008.grille", "rules/idcc2098-2002.grille"] {
        let load = time(21, || grille::load_path(path, Default::default()).unwrap());
        let (rules, _) = grille::load_path(path, Default::default()).unwrap();
        println!("{path}");
        println!("  parse + check: {:.2} ms", load.as_secs_f64() * 1e3);

        let sets = [rules];
        let options = SampleOptions {
            employees,
            seed: 7,
            as_of,
        };
        let generator = Generator::new(&sets, options).unwrap();
        let records: Vec<_> = generator.records().filter_map(Result::ok).collect();
        let evaluator = grille::Evaluator::new(&sets[0], as_of);
        let n = records.len() as f64;
        if let Some(only) = &only {
            let traced = only == "traced";
            let each = time(5, || {
                records
                    .iter()
                    .filter(|r| match traced {
                        true => evaluator.decide_traced(r).is_ok(),
                        false => evaluator.decide(r).is_ok(),
                    })
                    .count()
            });
            println!("  {only}: {:.0} ns each", each.as_nanos() as f64 / n);
            continue;
        }
        let fast = time(5, || {
            records
                .iter()
                .filter(|r| evaluator.decide(r).is_ok())
                .count()
        });
        let traced = time(3, || {
            records
                .iter()
                .filter(|r| evaluator.decide_traced(r).is_ok())
                .count()
        });
        let with_missions = records.iter().filter(|r| !r.missions.is_empty()).count();
        println!(
            "  {} employees in memory ({} with missions)",
            records.len(),
            with_missions
        );
        println!(
            "  traces off: {:.0} decisions/s ({:.0} ns each)",
            n / fast.as_secs_f64(),
            fast.as_nanos() as f64 / n
        );
        println!(
            "  traces on:  {:.0} decisions/s ({:.0} ns each), {:.1}× the time of traces off",
            n / traced.as_secs_f64(),
            traced.as_nanos() as f64 / n,
            traced.as_secs_f64() / fast.as_secs_f64()
        );
    }
}
