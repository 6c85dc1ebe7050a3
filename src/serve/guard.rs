//! What every request must pass before it is answered: its `Host`, its
//! `Origin`, its token, its size.

use super::Refusal;
use std::io::Read;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::extract::{Request, State as Shared};
use axum::http::{header, HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::routes::refusal;
use super::{State, BODY_LIMIT};

/// 32 random bytes from the system, in hex: as hard to guess as a notebook
/// server's. No crate: `/dev/urandom` is on every system `grille serve` runs on.
pub(super) fn new_token() -> Result<String, String> {
    let mut bytes = [0u8; 32];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut random| random.read_exact(&mut bytes))
        .map_err(|e| format!("cannot draw a random token from /dev/urandom: {e}"))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Whether `given` is `expected`, taking as long whatever byte differs: the
/// time of a refusal tells nothing of the token.
fn same_token(given: &[u8], expected: &[u8]) -> bool {
    if given.len() != expected.len() {
        return false;
    }
    let differ = given
        .iter()
        .zip(expected)
        .fold(0u8, |differ, (a, b)| differ | (a ^ b));
    std::hint::black_box(differ) == 0
}

/// The token a request carries: `Authorization: Bearer …` or `X-Grille-Token`.
fn token_of(headers: &HeaderMap) -> Option<&[u8]> {
    if let Some(token) = headers.get("x-grille-token") {
        return Some(token.as_bytes());
    }
    let authorization = headers.get(header::AUTHORIZATION)?.as_bytes();
    authorization
        .strip_prefix(b"Bearer ")
        .map(<[u8]>::trim_ascii)
}

/// Whether `host` (a `Host` header) names the server: `localhost` or an IP
/// literal, never another name (a name is what DNS rebinding rebinds), with
/// the port listened on.
pub(super) fn host_allowed(host: &str, address: SocketAddr) -> bool {
    let Some((name, port)) = host.rsplit_once(':') else {
        return false;
    };
    if port.parse::<u16>().ok() != Some(address.port()) {
        return false;
    }
    let listening = address.ip();
    if name.eq_ignore_ascii_case("localhost") {
        return listening.is_loopback() || listening.is_unspecified();
    }
    let literal = name
        .strip_prefix('[')
        .and_then(|n| n.strip_suffix(']'))
        .unwrap_or(name);
    match literal.parse::<IpAddr>() {
        // Listening everywhere: any address of this machine, by number.
        Ok(_) if listening.is_unspecified() => true,
        Ok(ip) => ip == listening || (listening.is_loopback() && ip.is_loopback()),
        Err(_) => false,
    }
}

/// Checks every request; `/api/` requests must also carry the token and
/// announce a body within [`BODY_LIMIT`].
pub(super) async fn check(
    Shared(state): Shared<Arc<State>>,
    request: Request,
    next: Next,
) -> Response {
    match refused(&state, &request) {
        Some(response) => response,
        None => next.run(request).await,
    }
}

fn refused(state: &State, request: &Request) -> Option<Response> {
    let headers = request.headers();
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or_default();
    if !host_allowed(host, state.address) {
        return Some(refusal(
            StatusCode::MISDIRECTED_REQUEST,
            Refusal::Host.code(),
            format!("this server does not answer for the host `{}`", short(host)),
            format!(
                "open the address grille serve printed: http://127.0.0.1:{}/",
                state.address.port()
            ),
        ));
    }
    if let Some(origin) = headers.get(header::ORIGIN) {
        let origin = origin.to_str().unwrap_or_default();
        if origin != format!("http://{host}") {
            return Some(refusal(
                StatusCode::FORBIDDEN,
                Refusal::Origin.code(),
                format!("requests from the page `{}` are refused", short(origin)),
                "only the workbench's own page may call its API".to_string(),
            ));
        }
    }
    if !request.uri().path().starts_with("/api/") {
        return None;
    }
    let token = token_of(headers).unwrap_or_default();
    if !same_token(token, state.token.as_bytes()) {
        let message = match token.is_empty() {
            true => "this request carries no access token",
            false => "this request's access token is not the server's",
        };
        return Some(refusal(
            StatusCode::UNAUTHORIZED,
            Refusal::Token.code(),
            message.to_string(),
            "send the token of the URL grille serve printed, as `Authorization: Bearer TOKEN` \
             or `X-Grille-Token: TOKEN`"
                .to_string(),
        ));
    }
    let announced = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|l| l.to_str().ok())
        .and_then(|l| l.parse::<u64>().ok());
    match announced {
        Some(length) if length > BODY_LIMIT as u64 => Some(too_large()),
        _ => None,
    }
}

/// The answer to a body over [`BODY_LIMIT`].
pub(super) fn too_large() -> Response {
    refusal(
        StatusCode::PAYLOAD_TOO_LARGE,
        Refusal::TooLarge.code(),
        format!(
            "the request is larger than {} MiB",
            BODY_LIMIT / (1024 * 1024)
        ),
        "a rule file or a facts file that large is read from the command line: \
         grille eval RULES FACTS"
            .to_string(),
    )
}

/// Headers every answer carries: the page runs nothing from elsewhere, and the
/// token in its address is never sent on to another site.
pub(super) async fn harden(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await.into_response();
    let headers = response.headers_mut();
    // Scripts from the binary only; inline styles allowed for the rule set's
    // document (`grille doc`, shown in a sandboxed frame without scripts),
    // whose every text from a file is escaped; `data:` images for the
    // editor's diagnostic marks.
    let set = [
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; form-action 'none'",
        ),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::CACHE_CONTROL, "no-store"),
    ];
    for (name, value) in set {
        headers.insert(name, header::HeaderValue::from_static(value));
    }
    response
}

fn short(text: &str) -> String {
    crate::facts::short(text).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_differing_anywhere_is_refused() {
        assert!(same_token(b"abcd", b"abcd"));
        assert!(!same_token(b"abce", b"abcd"));
        assert!(!same_token(b"xbcd", b"abcd"));
        assert!(!same_token(b"abc", b"abcd"));
        assert!(!same_token(b"", b"abcd"));
    }

    #[test]
    fn only_the_address_listened_on_is_a_host() {
        let loopback: SocketAddr = "127.0.0.1:4000".parse().unwrap();
        assert!(host_allowed("127.0.0.1:4000", loopback));
        assert!(host_allowed("localhost:4000", loopback));
        assert!(!host_allowed("127.0.0.1:4001", loopback));
        assert!(!host_allowed("evil.example:4000", loopback));
        assert!(!host_allowed("127.0.0.1", loopback));
        assert!(!host_allowed("10.0.0.2:4000", loopback));
        let everywhere: SocketAddr = "0.0.0.0:4000".parse().unwrap();
        assert!(host_allowed("10.0.0.2:4000", everywhere));
        assert!(!host_allowed("rebound.example:4000", everywhere));
    }

    #[test]
    fn tokens_are_drawn_anew() {
        let (a, b) = (new_token().unwrap(), new_token().unwrap());
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
    }
}
