//! Text frames of the push channel: `{action, reqId, params}` out; replies `{reqId, error,
//! error_message, data}` and pushes `{push:true, action:"DeviceChange", params}` in.

use super::events::{device_change, PushEvent};
use crate::envelope::unwrap_envelope;
use crate::error::Error;
use crate::json::{parse, LoneSurrogates, Value};

fn frame(action: &str, req_id: &str, params: Value) -> String {
    Value::Object(vec![
        ("action".into(), action.into()),
        ("reqId".into(), req_id.into()),
        ("params".into(), params),
    ])
    .to_json()
}

fn ids(devices: &[String]) -> Value {
    Value::Array(devices.iter().map(|d| Value::String(d.clone())).collect())
}

/// `ActivePush`: receive pushes for these devices (the whole list each time).
pub fn subscribe_frame(req_id: &str, devices: &[String], token: &str) -> String {
    frame(
        "ActivePush",
        req_id,
        Value::Object(vec![
            ("DeviceIds".into(), ids(devices)),
            ("AccessToken".into(), token.into()),
        ]),
    )
}

/// `YunApi` → `AppDeviceTraceHeartBeat`: keeps the subscription alive.
pub fn heartbeat_frame(req_id: &str, devices: &[String], token: &str) -> String {
    let action_params = Value::Object(vec![
        ("RequestId".into(), req_id.into()),
        ("AccessToken".into(), token.into()),
        ("DeviceIds".into(), ids(devices)),
    ]);
    frame(
        "YunApi",
        req_id,
        Value::Object(vec![
            ("Action".into(), "AppDeviceTraceHeartBeat".into()),
            ("ActionParams".into(), action_params),
        ]),
    )
}

#[derive(Debug, Clone, PartialEq)]
pub enum Incoming {
    Reply {
        req_id: String,
        result: Result<(), Error>,
    },
    Push(PushEvent),
}

/// Never fails: what is not a reply or a known push is an `Unknown` event holding the text.
pub fn parse_frame(text: &str) -> Incoming {
    let unknown = || {
        Incoming::Push(PushEvent::Unknown {
            device_id: None,
            raw: text.to_owned(),
        })
    };
    let Ok(value @ Value::Object(_)) = parse(text, LoneSurrogates::Replace) else {
        return unknown();
    };
    if value.get("push") == Some(&Value::Bool(true)) {
        return match (
            value.get("action").and_then(Value::as_str),
            value.get("params"),
        ) {
            (Some("DeviceChange"), Some(params)) => Incoming::Push(device_change(params, text)),
            _ => unknown(),
        };
    }
    let req_id = match value.get("reqId") {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.as_str().to_owned(),
        _ => return unknown(),
    };
    Incoming::Reply {
        result: reply_result(&value),
        req_id,
    }
}

fn reply_result(value: &Value) -> Result<(), Error> {
    let text = |k: &str| value.get(k).and_then(Value::as_str).unwrap_or_default();
    let data = value.get("data");
    // YunApi replies carry an App API response inside `data`.
    if let Some(response @ Value::Object(_)) = data.and_then(|d| d.get("Response")) {
        let wrapped = Value::Object(vec![("Response".into(), response.clone())]);
        return unwrap_envelope(wrapped).map(drop);
    }
    let empty_data = match data {
        None | Some(Value::Null) => true,
        Some(Value::Object(entries)) => entries.is_empty(),
        Some(_) => false,
    };
    let (code, message) = (text("error"), text("error_message"));
    if empty_data && (!code.is_empty() || !message.is_empty()) {
        let code = if code.is_empty() || code == "-1" {
            "PushError"
        } else {
            code
        };
        return Err(Error::api(
            code,
            if message.is_empty() { code } else { message },
            None,
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn frames_are_what_the_official_sdk_sends() {
        let devices = vec!["P1/a".to_owned(), "P1/b".to_owned()];
        assert_eq!(
            subscribe_frame("r1", &devices, "tok"),
            r#"{"action":"ActivePush","reqId":"r1","params":{"DeviceIds":["P1/a","P1/b"],"AccessToken":"tok"}}"#
        );
        assert_eq!(
            heartbeat_frame("r2", &devices, "tok"),
            r#"{"action":"YunApi","reqId":"r2","params":{"Action":"AppDeviceTraceHeartBeat","ActionParams":{"RequestId":"r2","AccessToken":"tok","DeviceIds":["P1/a","P1/b"]}}}"#
        );
    }

    #[test]
    fn replies() {
        assert_eq!(
            parse_frame(r#"{"reqId":"r1","error":"","error_message":"","data":{}}"#),
            Incoming::Reply {
                req_id: "r1".into(),
                result: Ok(())
            }
        );
        let Incoming::Reply { result: Err(e), .. } =
            parse_frame(r#"{"reqId":"r2","error":"-1","error_message":"后台连接出错","data":{}}"#)
        else {
            panic!("expected an error reply")
        };
        assert_eq!(
            (e.code.as_deref(), e.message.as_str()),
            (Some("PushError"), "后台连接出错")
        );
        let Incoming::Reply { result: Err(e), .. } = parse_frame(
            r#"{"reqId":7,"error":"","error_message":"","data":{"Response":{"Error":{"Code":"InvalidParameterValue.InvalidAccessToken","Message":"x"},"RequestId":"q"}}}"#,
        ) else {
            panic!("expected an API error")
        };
        assert_eq!(
            e.code.as_deref(),
            Some("InvalidParameterValue.InvalidAccessToken")
        );
    }

    #[test]
    fn malformed_frames_are_unknown_events() {
        for text in [
            "",
            "not json",
            "[1]",
            r#"{"push":true,"action":"Other","params":{}}"#,
            r#"{"hello":1}"#,
        ] {
            assert_eq!(
                parse_frame(text),
                Incoming::Push(PushEvent::Unknown {
                    device_id: None,
                    raw: text.into()
                }),
                "{text}"
            );
        }
    }
}
