//! Status + body text → the inside of the response, or a typed error. Never panics.

use crate::envelope::unwrap_envelope;
use crate::error::{Error, ErrorKind, Result};
use crate::json::{parse, JsonError, LoneSurrogates, Value};

/// How much of a body an error keeps as evidence.
pub const EXCERPT_BYTES: usize = 200;

/// The content of `Response` (documented) or `data` (wire): `RequestId`, `Data` and any other
/// top-level fields such as `FamilyList` and `Total`.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiResponse {
    pub request_id: Option<String>,
    pub body: Value,
}

impl ApiResponse {
    pub fn data(&self) -> Option<&Value> {
        self.body.get("Data")
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        self.body.get(key)
    }
}

pub fn parse_response(status: u16, body: &str) -> Result<ApiResponse> {
    let text = body.trim_start_matches('\u{feff}').trim();
    let parsed = if text.is_empty() {
        None
    } else {
        Some(parse(text, LoneSurrogates::Replace))
    };
    if !(200..=299).contains(&status) {
        // A server error page may still carry an API error; prefer it when it does.
        if let Some(Ok(value)) = parsed {
            if let Err(e) = unwrap_envelope(value) {
                if e.kind == ErrorKind::Api {
                    return Err(e.with_status(status));
                }
            }
        }
        return Err(Error::http(status, excerpt(body)));
    }
    let value = match parsed {
        None => return Err(body_error("empty response body", status, body)),
        Some(Err(JsonError::UnexpectedEnd)) => {
            return Err(body_error("response body is truncated JSON", status, body))
        }
        Some(Err(JsonError::TooDeep)) => {
            let e = Error::parse("response body is nested too deeply", false);
            return Err(e.with_status(status).with_excerpt(excerpt(body)));
        }
        Some(Err(e)) => {
            return Err(body_error(
                &format!("response body is not JSON ({e})"),
                status,
                body,
            ))
        }
        Some(Ok(value)) => value,
    };
    unwrap_envelope(value).map_err(|e| match e.kind {
        ErrorKind::Parse => e.with_status(status).with_excerpt(excerpt(body)),
        _ => e.with_status(status),
    })
}

/// A body no API sends: most often a gateway or a dropped connection, so worth a retry.
fn body_error(message: &str, status: u16, body: &str) -> Error {
    Error::parse(message, true)
        .with_status(status)
        .with_excerpt(excerpt(body))
}

/// The first [`EXCERPT_BYTES`] of `body`, cut at a character boundary.
pub fn excerpt(body: &str) -> String {
    if body.len() <= EXCERPT_BYTES {
        return body.to_owned();
    }
    let mut end = EXCERPT_BYTES;
    while !body.is_char_boundary(end) {
        end = end.saturating_sub(1);
    }
    let mut out = body.get(..end).unwrap_or_default().to_owned();
    out.push('…');
    out
}
