//! `grille serve`: the negotiation workbench, a local web page (see `grille::serve`).

use std::net::SocketAddr;

use super::console::{out_line, say};
use super::Outcome;

#[derive(clap::Args)]
pub struct Args {
    /// The rule file to edit (the files it stands on are read with it).
    #[arg(value_name = "RULES")]
    rules: String,
    /// A workforce (JSON, JSON Lines or CSV) whose decisions the page shows.
    #[arg(long, value_name = "FILE")]
    facts: Option<String>,
    /// Listen on this address instead of 127.0.0.1 on a free port, e.g. 127.0.0.1:8080.
    #[arg(long, value_name = "ADDR")]
    listen: Option<SocketAddr>,
}

pub fn run(args: Args) -> Outcome {
    if let Some(address) = args.listen {
        warn_listen(address);
    }
    let config = grille::serve::Config {
        rules: args.rules.into(),
        facts: args.facts.map(Into::into),
        listen: args.listen,
    };
    let bound = match grille::serve::Workbench::open(&config).and_then(|w| w.bind()) {
        Ok(bound) => bound,
        Err(e) => return Outcome::Usage(e),
    };
    say!(
        "grille serve: {} — open this address in a browser (Ctrl+C to stop):",
        config.rules.display()
    );
    // The address on stdout alone, for a script to read.
    if let Err(e) = out_line(&bound.url()) {
        return super::console::write_failed(super::console::STDOUT, &e);
    }
    match bound.run() {
        Ok(()) => Outcome::Success,
        Err(e) => Outcome::Usage(e),
    }
}

fn warn_listen(address: SocketAddr) {
    if address.ip().is_loopback() {
        say!("warning: --listen {address}: a fixed port; another local user may be listening there first");
    } else {
        say!(
            "warning: --listen {address}: the workbench is reachable from other machines; \
             anyone who sees the token can read the rule files and save the edited one, \
             and the traffic is not encrypted"
        );
    }
}
