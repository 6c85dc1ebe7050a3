//! The routes: the page and its assets, and the API under `/api/`.

use super::Refusal;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, State as Shared};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use serde_json::{json, Value};

use super::call::{self, Call};
use super::{guard, save, State, BODY_LIMIT};

// The page, in the binary: nothing is fetched from elsewhere.
const PAGE: &str = include_str!("page/index.html");
const SCRIPT: &str = include_str!("page/workbench.js");
const VIEWS: &str = include_str!("page/views.js");
const WORDS: &str = include_str!("page/i18n.js");
const STYLE: &str = include_str!("page/workbench.css");
/// CodeMirror 6 with the grille mode, built once by tools/editor (its
/// README says how); the cargo build only embeds it.
const EDITOR: &str = include_str!("page/editor.js");
const EDITOR_LICENSE: &str = include_str!("page/editor.LICENSE.txt");

/// The page's files: where each is served, its type, its text.
const ASSETS: [(&str, &str, &str); 7] = [
    ("/", "text/html; charset=utf-8", PAGE),
    ("/workbench.js", "text/javascript; charset=utf-8", SCRIPT),
    ("/workbench.css", "text/css; charset=utf-8", STYLE),
    ("/views.js", "text/javascript; charset=utf-8", VIEWS),
    ("/i18n.js", "text/javascript; charset=utf-8", WORDS),
    ("/editor.js", "text/javascript; charset=utf-8", EDITOR),
    (
        "/editor.LICENSE.txt",
        "text/plain; charset=utf-8",
        EDITOR_LICENSE,
    ),
];

pub(super) fn router(state: Arc<State>) -> Router {
    let mut router = Router::new();
    for (path, kind, text) in ASSETS {
        router = router.route(path, get(move || async move { asset(kind, text) }));
    }
    router
        // Browsers ask for it: no icon, and no 404 in their console.
        .route("/favicon.ico", get(|| async { StatusCode::NO_CONTENT }))
        .route("/api/files", get(files))
        .route("/api/call", post(api_call))
        .route("/api/save", post(api_save))
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            guard::check,
        ))
        .layer(axum::middleware::from_fn(guard::harden))
        .with_state(state)
}

fn asset(kind: &'static str, text: &'static str) -> Response {
    ([(header::CONTENT_TYPE, kind)], text).into_response()
}

/// An answer of the JSON API's shape: `{"ok": false, "errors": [one]}`.
pub(super) fn refusal(status: StatusCode, code: &str, message: String, help: String) -> Response {
    json_response(
        status,
        &json!({"ok": false, "errors": [{
            "code": code, "message": message, "file": null, "line": null,
            "column": null, "help": help,
        }]}),
    )
}

fn json_response(status: StatusCode, body: &Value) -> Response {
    raw_json(status, body.to_string())
}

fn raw_json(status: StatusCode, body: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
        body,
    )
        .into_response()
}

async fn not_found() -> Response {
    refusal(
        StatusCode::NOT_FOUND,
        Refusal::Route.code(),
        "no such page".to_string(),
        "the API is POST /api/call, GET /api/files, POST /api/save".to_string(),
    )
}

/// `GET /api/files`: what the workbench holds; the rule files with their text.
async fn files(Shared(state): Shared<Arc<State>>) -> Response {
    let held = &state.held;
    let rules: Vec<Value> = held
        .files()
        .into_iter()
        .map(|(path, text)| {
            let role = match path == held.rules() {
                true => "edited",
                false => "layer",
            };
            json!({"path": path, "role": role, "text": text})
        })
        .collect();
    let facts = held
        .facts()
        .map(|f| json!({"path": f.path, "format": f.format, "bytes": f.text.len()}));
    let today = chrono::Local::now().date_naive();
    json_response(
        StatusCode::OK,
        &json!({"ok": true, "rules": held.rules(), "base": held.base(), "files": rules,
                "facts": facts, "today": today}),
    )
}

/// The answer to a body that is too large or cannot be read.
fn unread(rejection: BytesRejection) -> Response {
    match rejection.status() {
        StatusCode::PAYLOAD_TOO_LARGE => guard::too_large(),
        status => refusal(
            status,
            Refusal::Request.code(),
            format!("the request's body cannot be read: {rejection}"),
            "send one JSON object".to_string(),
        ),
    }
}

/// `POST /api/call`: a request of the JSON API, on the files held.
async fn api_call(
    Shared(state): Shared<Arc<State>>,
    sent: Result<Bytes, BytesRejection>,
) -> Response {
    let sent = match sent {
        Ok(sent) => sent,
        Err(rejection) => return unread(rejection),
    };
    // Deciding a workforce takes a while: not on the thread answering the others.
    let answered = tokio::task::spawn_blocking(move || match call::prepare(&state.held, &sent) {
        Ok(Call::Api(request)) => raw_json(StatusCode::OK, crate::api::call(&request)),
        Ok(Call::Test { edited, main }) => json_response(
            StatusCode::OK,
            &call::run_examples(&state.held, edited.as_deref(), &main),
        ),
        Err(refused) => {
            let status = match refused.outside {
                true => StatusCode::FORBIDDEN,
                false => StatusCode::BAD_REQUEST,
            };
            refusal(status, refused.code, refused.message, refused.help)
        }
    })
    .await;
    answered.unwrap_or_else(|_| internal())
}

/// `POST /api/save`: writes the edited rule file.
async fn api_save(
    Shared(state): Shared<Arc<State>>,
    sent: Result<Bytes, BytesRejection>,
) -> Response {
    let sent = match sent {
        Ok(sent) => sent,
        Err(rejection) => return unread(rejection),
    };
    let saved = tokio::task::spawn_blocking(move || save::save(&state.held, &sent)).await;
    match saved {
        Ok(saved) => json_response(
            StatusCode::from_u16(saved.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            &saved.body,
        ),
        Err(_) => internal(),
    }
}

fn internal() -> Response {
    refusal(
        StatusCode::INTERNAL_SERVER_ERROR,
        Refusal::Internal.code(),
        "internal error while answering the request".to_string(),
        "a bug of grille: please report it with the request".to_string(),
    )
}
