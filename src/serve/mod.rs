//! The negotiation workbench: `grille serve`, a local web page over the JSON API.
//!
//! The server holds, from the start, the files named on its command line and
//! those they stand on (read once into a [`crate::layers::InMemory`]); the
//! page supplies the text of the rule file being edited. Nothing else on the
//! disk is reachable: a request naming another path is refused (see
//! [`call`]), and the only file written is the edited rule file, on an explicit
//! save, after keeping its previous version as `FILE.bak` (see [`save`]).
//!
//! Every request goes through [`guard`]: the `Host` must be the listening
//! address (against DNS rebinding), an `Origin`, when sent, the server's own
//! (against cross-site requests), and every `/api/` request must carry the
//! random token printed in the URL.
//!
//! ```no_run
//! let config = grille::serve::Config {
//!     rules: "rules/cgt-2008.grille".into(),
//!     facts: Some("examples/workforce.json".into()),
//!     listen: None,
//! };
//! let bound = grille::serve::Workbench::open(&config)?.bind()?;
//! println!("{}", bound.url());
//! bound.run()?;
//! # Ok::<(), String>(())
//! ```

mod call;
mod guard;
mod held;
mod routes;
mod save;

use std::net::{Ipv4Addr, SocketAddr, SocketAddrV4};
use std::path::PathBuf;
use std::sync::Arc;

pub use held::Held;

/// The largest request body read, in bytes: a rule file is a few tens of
/// kilobytes, a facts file sent inline a little more.
pub const BODY_LIMIT: usize = 2 * 1024 * 1024;

/// Why the workbench refuses a request, as its JSON answers name it: HTTP
/// refusals, not rule-file diagnostics (those come from [`crate::api`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// No token, or not the server's (401).
    Token,
    /// A `Host` that is not the address listened on (421).
    Host,
    /// An `Origin` that is not the server's (403).
    Origin,
    /// A body over [`BODY_LIMIT`] (413).
    TooLarge,
    /// A path the workbench does not hold (403).
    Outside,
    /// The edited file changed on the disk since it was read (409).
    Changed,
    /// The edited file cannot be written (500).
    Write,
    /// `test` on rules that have errors.
    Rules,
    /// No such page (404).
    Route,
    /// A request the API does not read (400), as `grille::api` names it.
    Request,
    Internal,
}

impl Refusal {
    pub(crate) fn code(self) -> &'static str {
        match self {
            Refusal::Token => "grille::serve-token",
            Refusal::Host => "grille::serve-host",
            Refusal::Origin => "grille::serve-origin",
            Refusal::TooLarge => "grille::serve-too-large",
            Refusal::Outside => "grille::serve-outside",
            Refusal::Changed => "grille::serve-changed",
            Refusal::Write => "grille::serve-write",
            Refusal::Rules => "grille::serve-rules",
            Refusal::Route => "grille::serve-route",
            Refusal::Request => "grille::request",
            Refusal::Internal => "grille::internal",
        }
    }
}

/// What `grille serve` is started with.
#[derive(Debug, Clone)]
pub struct Config {
    /// The rule file to edit.
    pub rules: PathBuf,
    /// The workforce whose decisions the page shows.
    pub facts: Option<PathBuf>,
    /// Where to listen; `None`: 127.0.0.1 on a free port.
    pub listen: Option<SocketAddr>,
}

/// The files loaded, not yet listening.
pub struct Workbench {
    held: Held,
    listen: SocketAddr,
}

impl Workbench {
    /// Reads the rule file, the files it stands on and the facts; `Err` says
    /// which file cannot be read and why.
    pub fn open(config: &Config) -> Result<Workbench, String> {
        let held = Held::load(&config.rules, config.facts.as_deref())?;
        let listen = config
            .listen
            .unwrap_or(SocketAddr::V4(SocketAddrV4::new(Ipv4Addr::LOCALHOST, 0)));
        Ok(Workbench { held, listen })
    }

    /// The files held, by path.
    pub fn held(&self) -> &Held {
        &self.held
    }

    /// Binds the listening socket (port 0: a free one) and draws the token.
    pub fn bind(self) -> Result<Bound, String> {
        let listener = std::net::TcpListener::bind(self.listen)
            .map_err(|e| format!("cannot listen on {}: {e}", self.listen))?;
        let address = listener
            .local_addr()
            .map_err(|e| format!("cannot tell the address listened on: {e}"))?;
        listener
            .set_nonblocking(true)
            .map_err(|e| format!("cannot set up the listening socket: {e}"))?;
        let token = guard::new_token()?;
        let state = Arc::new(State {
            held: self.held,
            token,
            address,
        });
        Ok(Bound { listener, state })
    }
}

/// What every request handler shares.
pub(crate) struct State {
    held: Held,
    token: String,
    /// The address listened on (its port chosen by the system when 0 was asked).
    address: SocketAddr,
}

/// A workbench listening, not yet answering.
pub struct Bound {
    listener: std::net::TcpListener,
    state: Arc<State>,
}

impl Bound {
    pub fn address(&self) -> SocketAddr {
        self.state.address
    }

    /// The access token every API request carries.
    pub fn token(&self) -> &str {
        &self.state.token
    }

    /// The page's address with its token, to open in a browser.
    pub fn url(&self) -> String {
        let address = self.state.address;
        let host = match address.ip().is_unspecified() {
            // Listening everywhere: the browser on this machine comes by loopback.
            true => format!("127.0.0.1:{}", address.port()),
            false => address.to_string(),
        };
        format!("http://{host}/?token={}", self.state.token)
    }

    /// Answers requests until the process ends. API calls decide on a thread
    /// of their own, the listener stays free to answer others.
    pub fn run(self) -> Result<(), String> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_io()
            .build()
            .map_err(|e| format!("cannot start the server: {e}"))?;
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(self.listener)
                .map_err(|e| format!("cannot listen: {e}"))?;
            let app = routes::router(self.state);
            axum::serve(listener, app)
                .await
                .map_err(|e| format!("the server stopped: {e}"))
        })
    }
}
