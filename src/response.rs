//! Status + body text → the inside of the response, or a typed error. Never panics.

use crate::prelude::*;

use crate::envelope::unwrap_envelope;
use crate::error::{is_retryable_status, Error, ErrorKind, Result};
use crate::json::{parse_with_member_spans, JsonError, LoneSurrogates, Value, MAX_TEXT_BYTES};

/// How much of a body an error keeps as evidence.
pub const EXCERPT_BYTES: usize = 200;

/// The content of `Response` (documented) or `data` (wire): `RequestId`, `Data` and any other
/// top-level fields such as `FamilyList` and `Total`.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiResponse {
    pub request_id: Option<String>,
    pub body: Value,
    /// Where `body` lies in the text given to [`parse_response`] (a byte range), when it is there
    /// (not for a missing or null `data`): callers with a JSON reader of their own can read
    /// that slice instead of writing `body` out again.
    pub body_span: Option<(usize, usize)>,
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
    // The limit is on the whole body, blanks included: so any cut past it is judged the same.
    let parsed = if body.len() > MAX_TEXT_BYTES {
        Some(Err(JsonError::TooLarge))
    } else if text.is_empty() {
        None
    } else {
        Some(parse_with_member_spans(text, LoneSurrogates::Replace))
    };
    if !(200..=299).contains(&status) {
        // A server error page may still carry an API error; prefer it when it does.
        if let Some(Ok((value, _))) = parsed {
            if let Err(mut e) = unwrap_envelope(value) {
                if e.kind == ErrorKind::Api {
                    // 429 and 5xx say "later" whatever the body's code says.
                    e.retryable |= is_retryable_status(status);
                    return Err(e.with_status(status));
                }
            }
        }
        return Err(Error::http(status, excerpt(body)));
    }
    let (value, spans) = match parsed {
        None => return Err(body_error("empty response body", status, body)),
        Some(Err(JsonError::UnexpectedEnd)) => {
            return Err(body_error("response body is truncated JSON", status, body))
        }
        Some(Err(e @ (JsonError::TooDeep | JsonError::TooLarge))) => {
            let e = Error::parse(["response body: ", &e.describe()].concat(), false);
            return Err(e.with_status(status).with_excerpt(excerpt(body)));
        }
        Some(Err(e)) => {
            return Err(body_error(
                &["response body is not JSON (", &e.describe(), ")"].concat(),
                status,
                body,
            ))
        }
        Some(Ok(parsed)) => parsed,
    };
    let offset = body.len() - body.trim_start_matches('\u{feff}').trim_start().len();
    let span = body_member(&value)
        .and_then(|index| spans.get(index))
        .map(|&(start, end)| (offset + start, offset + end));
    let mut response = unwrap_envelope(value).map_err(|e| match e.kind {
        ErrorKind::Parse => e.with_status(status).with_excerpt(excerpt(body)),
        _ => e.with_status(status),
    })?;
    response.body_span = span.filter(|_| response.body.is_object());
    Ok(response)
}

/// The index of the top-level member the envelope takes the body from: the last `Response`,
/// else the last `data` when it is an object (a null or missing `data` is an empty body).
fn body_member(value: &Value) -> Option<usize> {
    let Value::Object(entries) = value else {
        return None;
    };
    let last = |key: &str| entries.iter().rposition(|(k, _)| k == key);
    match last("Response") {
        Some(index) => Some(index),
        None => last("data").filter(|&i| matches!(entries.get(i), Some((_, Value::Object(_))))),
    }
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

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    fn body_text(body: &str) -> Option<&str> {
        let response = parse_response(200, body).unwrap();
        response
            .body_span
            .and_then(|(start, end)| body.get(start..end))
    }

    #[test]
    fn bodies_past_the_size_limit_are_typed_errors() {
        let body = format!(
            "{{\"Response\":{{\"RequestId\":\"{}\"}}}}",
            "r".repeat(8 << 20)
        );
        let e = parse_response(200, &body).unwrap_err();
        assert_eq!(
            (e.kind, e.retryable, e.status),
            (ErrorKind::Parse, false, Some(200))
        );
        assert!(e.message.contains("longer than"), "{}", e.message);
        assert!(e.excerpt.is_some_and(|x| x.len() < 300));
    }

    #[test]
    fn the_size_limit_counts_leading_blanks() {
        // JS hands over at most MAX_TEXT_BYTES + 1 of a long body: a cut after blanks must
        // still be judged too large, not parsed as the valid JSON it may happen to be.
        let filler = MAX_TEXT_BYTES - r#"{"Response":{"RequestId":""}}"#.len();
        let json = format!(r#"{{"Response":{{"RequestId":"{}"}}}}"#, "r".repeat(filler));
        assert_eq!(json.len(), MAX_TEXT_BYTES);
        assert!(parse_response(200, &json).is_ok());
        let e = parse_response(200, &format!(" {json}")).unwrap_err();
        assert_eq!((e.kind, e.status), (ErrorKind::Parse, Some(200)));
        assert!(e.message.contains("longer than"), "{}", e.message);
    }

    #[test]
    fn the_body_span_is_where_the_body_is() {
        let wire = "\u{feff}  {\"code\":0,\"data\":{\"x\":1},\"msg\":\"\",\"data\" : {\"RequestId\":\"r\",\"名\":[{}]}} ";
        assert_eq!(body_text(wire), Some(r#"{"RequestId":"r","名":[{}]}"#));
        let documented = r#"{"Response":{"RequestId":"r"}}"#;
        assert_eq!(body_text(documented), Some(r#"{"RequestId":"r"}"#));
        assert_eq!(body_text(r#"{"code":0,"msg":"","data":null}"#), None);
        assert_eq!(body_text(r#"{"code":0,"msg":""}"#), None);
    }
}
