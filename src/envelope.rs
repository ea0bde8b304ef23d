//! The two response envelopes: the documented `{"Response":{…}}` and the wire
//! `{"code","msg","data"}` every official client reads (app-api.md §3).

use crate::prelude::*;

use crate::error::{Error, Result};
use crate::error_code::sub_code;
use crate::json::Value;
use crate::response::ApiResponse;
use crate::text::int;

pub fn unwrap_envelope(value: Value) -> Result<ApiResponse> {
    let Value::Object(mut outer) = value else {
        return Err(shape(
            ["response is a JSON ", value.type_name(), ", not an object"].concat(),
        ));
    };
    if let Some(inner) = take(&mut outer, "Response") {
        return inner_response(inner);
    }
    let Some(code) = take(&mut outer, "code") else {
        return Err(shape("response has neither `Response` nor `code`".into()));
    };
    let code = match (code.as_integer(), code) {
        (Some(n), _) => int(n),
        (None, Value::String(s)) if !s.is_empty() => s,
        (None, other) => {
            return Err(shape(
                ["`code` is ", &other.to_json(), ", not an integer"].concat(),
            ))
        }
    };
    let msg = match take(&mut outer, "msg") {
        Some(Value::String(s)) => s,
        _ => String::new(),
    };
    let failed = code != "0";
    let data = match take(&mut outer, "data") {
        None | Some(Value::Null) => Value::Object(Vec::new()),
        Some(data @ Value::Object(_)) => data,
        // A failure says so in `code`; whatever `data` holds then is no reason to lose that.
        Some(_) if failed => Value::Object(Vec::new()),
        Some(other) => {
            return Err(shape(
                ["`data` is a JSON ", other.type_name(), ", not an object"].concat(),
            ))
        }
    };
    if !failed {
        return inner_response(data);
    }
    let request_id = request_id(&data).unwrap_or_default();
    let message = if msg.is_empty() {
        ["request failed with code ", &code].concat()
    } else {
        msg
    };
    match error_of(&data) {
        // As app-api.md §3 advises: `data.Error.Code ?? code`, `data.Error.Message ?? msg`.
        Some(error) => Err(api_error(error, request_id, Some((&code, &message)))),
        None => Err(Error::api(&code, message, request_id)),
    }
}

/// `Error` when it is there by JavaScript's measure (the official clients test `data.Error`):
/// `null`, `false`, `0` and `""` are not an error.
fn error_of(inner: &Value) -> Option<&Value> {
    inner.get("Error").filter(|error| match error {
        Value::Null | Value::Bool(false) => false,
        Value::String(s) => !s.is_empty(),
        Value::Number(n) => n.as_integer() != Some(0),
        _ => true,
    })
}

/// `{RequestId, Data…}` or `{RequestId, Error:{Code, Message}}`; an `Error` wins over `Data`.
fn inner_response(inner: Value) -> Result<ApiResponse> {
    if !inner.is_object() {
        return Err(shape(
            [
                "response content is a JSON ",
                inner.type_name(),
                ", not an object",
            ]
            .concat(),
        ));
    }
    let request_id = request_id(&inner)?;
    if let Some(error) = error_of(&inner) {
        return Err(api_error(error, request_id, None));
    }
    Ok(ApiResponse {
        request_id,
        body: inner,
        body_span: None,
    })
}

/// The API error of `Error: {Code, Message}`; `fallback` (the wire's code and message) stands
/// in for a missing one.
fn api_error(error: &Value, request_id: Option<String>, fallback: Option<(&str, &str)>) -> Error {
    let text = |key: &str| {
        error
            .get(key)
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
    };
    let Some(code) = text("Code").or(fallback.map(|(code, _)| code)) else {
        let mut e = shape(["`Error` has no string `Code`: ", &error.to_json()].concat());
        e.request_id = request_id;
        return e;
    };
    let message = text("Message")
        .or(fallback.map(|(_, message)| message))
        .unwrap_or_default();
    // `InternalError` can wrap the real code: "InvalidParameterValue.UserLoginFailed|用户登录失败".
    let code = match (code, sub_code(message)) {
        ("InternalError", Some(inner)) => inner,
        _ => code,
    };
    Error::api(code, message, request_id)
}

fn request_id(inner: &Value) -> Result<Option<String>> {
    match inner.get("RequestId") {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(shape(
            [
                "`RequestId` is a JSON ",
                other.type_name(),
                ", not a string",
            ]
            .concat(),
        )),
    }
}

/// Valid JSON of the wrong shape: retrying will not change it.
fn shape(message: String) -> Error {
    Error::parse(message, false)
}

/// Removes `key` (the last one, as `JSON.parse` keeps) and returns its value.
fn take(entries: &mut Vec<(String, Value)>, key: &str) -> Option<Value> {
    let index = entries.iter().rposition(|(k, _)| k == key)?;
    Some(entries.remove(index).1)
}
