//! `DeviceChange` pushes → typed events. The payload is base64 JSON, NUL-padded at the end as
//! the official mini-program SDK expects (app-api.md §2, WebSocket).

use crate::base64;
use crate::json::{parse, LoneSurrogates, Value};

#[derive(Debug, Clone, PartialEq)]
pub enum PushEvent {
    /// The device reported property values (`Property|Shadow|Template` × `Report`).
    PropertyReport {
        device_id: String,
        params: Value,
        time: Option<String>,
    },
    /// Someone sent the device a control (`… × Push`).
    ControlPush {
        device_id: String,
        params: Value,
        time: Option<String>,
    },
    /// The device raised an event (`Event × Report`).
    Event {
        device_id: String,
        event_id: Option<String>,
        params: Value,
        time: Option<String>,
    },
    StatusChange {
        device_id: String,
        online: bool,
        time: Option<String>,
    },
    Bind {
        device_id: String,
        time: Option<String>,
    },
    Unbind {
        device_id: String,
        time: Option<String>,
    },
    /// A device action was sent to the device (`Action × Push`: `{method:"action", clientToken,
    /// actionId, params}`).
    ActionPush {
        device_id: String,
        action_id: Option<String>,
        client_token: Option<String>,
        params: Value,
        time: Option<String>,
    },
    /// The device answered an action (`Action × Report`: `{method:"action_reply", clientToken,
    /// code, status, response}`): how an `AppCallDeviceActionAsync` call ends.
    ActionReport {
        device_id: String,
        client_token: Option<String>,
        /// A JSON number, kept as the device sent it.
        code: Option<Value>,
        status: Option<String>,
        response: Value,
        time: Option<String>,
    },
    /// Sub-devices were bound to or unbound from a gateway (`Gateway × bind|unbind`; the
    /// payload is the list of sub-devices, as the official mini-program SDK reads it).
    SubDeviceChange {
        device_id: String,
        bind: bool,
        sub_devices: Value,
        time: Option<String>,
    },
    /// A push this SDK does not know yet, kept whole; `device_id` when the frame names a valid
    /// one (only its subscribers hear it).
    Unknown {
        device_id: Option<String>,
        raw: String,
    },
}

impl PushEvent {
    /// `{ type, deviceId, … }` for JavaScript.
    pub fn to_value(&self) -> Value {
        let text = |s: &str| Value::String(s.into());
        let time = |t: &Option<String>| t.as_deref().map_or(Value::Null, text);
        let (kind, fields): (&str, Vec<(&str, Value)>) = match self {
            PushEvent::PropertyReport {
                device_id,
                params,
                time: t,
            } => (
                "PropertyReport",
                vec![
                    ("deviceId", text(device_id)),
                    ("params", params.clone()),
                    ("time", time(t)),
                ],
            ),
            PushEvent::ControlPush {
                device_id,
                params,
                time: t,
            } => (
                "ControlPush",
                vec![
                    ("deviceId", text(device_id)),
                    ("params", params.clone()),
                    ("time", time(t)),
                ],
            ),
            PushEvent::Event {
                device_id,
                event_id,
                params,
                time: t,
            } => (
                "Event",
                vec![
                    ("deviceId", text(device_id)),
                    ("eventId", event_id.as_deref().map_or(Value::Null, text)),
                    ("params", params.clone()),
                    ("time", time(t)),
                ],
            ),
            PushEvent::StatusChange {
                device_id,
                online,
                time: t,
            } => (
                "StatusChange",
                vec![
                    ("deviceId", text(device_id)),
                    ("online", Value::Bool(*online)),
                    ("time", time(t)),
                ],
            ),
            PushEvent::Bind { device_id, time: t } => (
                "Bind",
                vec![("deviceId", text(device_id)), ("time", time(t))],
            ),
            PushEvent::Unbind { device_id, time: t } => (
                "Unbind",
                vec![("deviceId", text(device_id)), ("time", time(t))],
            ),
            PushEvent::ActionPush {
                device_id,
                action_id,
                client_token,
                params,
                time: t,
            } => (
                "ActionPush",
                vec![
                    ("deviceId", text(device_id)),
                    ("actionId", action_id.as_deref().map_or(Value::Null, text)),
                    (
                        "clientToken",
                        client_token.as_deref().map_or(Value::Null, text),
                    ),
                    ("params", params.clone()),
                    ("time", time(t)),
                ],
            ),
            PushEvent::ActionReport {
                device_id,
                client_token,
                code,
                status,
                response,
                time: t,
            } => (
                "ActionReport",
                vec![
                    ("deviceId", text(device_id)),
                    (
                        "clientToken",
                        client_token.as_deref().map_or(Value::Null, text),
                    ),
                    ("code", code.clone().unwrap_or(Value::Null)),
                    ("status", status.as_deref().map_or(Value::Null, text)),
                    ("response", response.clone()),
                    ("time", time(t)),
                ],
            ),
            PushEvent::SubDeviceChange {
                device_id,
                bind,
                sub_devices,
                time: t,
            } => (
                "SubDeviceChange",
                vec![
                    ("deviceId", text(device_id)),
                    ("action", text(if *bind { "bind" } else { "unbind" })),
                    ("subDevices", sub_devices.clone()),
                    ("time", time(t)),
                ],
            ),
            PushEvent::Unknown { device_id, raw } => (
                "Unknown",
                vec![
                    ("deviceId", device_id.as_deref().map_or(Value::Null, text)),
                    ("raw", text(raw)),
                ],
            ),
        };
        let mut entries = vec![("type".to_owned(), text(kind))];
        entries.extend(fields.into_iter().map(|(k, v)| (k.to_owned(), v)));
        Value::Object(entries)
    }
}

/// `ProductId/DeviceName`, both parts non-empty: the only form a device id has.
pub fn is_device_id(id: &str) -> bool {
    matches!(id.split_once('/'), Some((product, name)) if !product.is_empty() && !name.is_empty() && !name.contains('/'))
}

/// The `params` of a `DeviceChange` push; anything unexpected becomes `Unknown`, which keeps
/// the device only when the frame names a valid one.
pub fn device_change(params: &Value, raw: &str) -> PushEvent {
    let field = |name: &str| params.get(name).and_then(Value::as_str);
    let device = field("DeviceId").filter(|id| is_device_id(id));
    let unknown = || PushEvent::Unknown {
        device_id: device.map(str::to_owned),
        raw: raw.to_owned(),
    };
    let (Some(device_id), Some(kind), Some(sub)) = (device, field("Type"), field("SubType")) else {
        return unknown();
    };
    let device_id = device_id.to_owned();
    let time = field("Time").map(str::to_owned);
    let payload = field("Payload").and_then(decode_payload);
    match (kind, sub) {
        ("StatusChange", "Online") => PushEvent::StatusChange {
            device_id,
            online: true,
            time,
        },
        ("StatusChange", "Offline") => PushEvent::StatusChange {
            device_id,
            online: false,
            time,
        },
        ("StatusChange", "Bind" | "bind") => PushEvent::Bind { device_id, time },
        ("StatusChange", "Unbind" | "unbind") => PushEvent::Unbind { device_id, time },
        // Lower-case in the official mini-program SDK; the payload is the sub-device list.
        ("Gateway", "bind" | "Bind" | "unbind" | "Unbind") => match payload {
            Some(list @ Value::Array(_)) => PushEvent::SubDeviceChange {
                device_id,
                bind: sub.eq_ignore_ascii_case("bind"),
                sub_devices: list,
                time,
            },
            _ => unknown(),
        },
        ("Action", "Push") => match &payload {
            Some(p @ Value::Object(_)) => match object_or_empty(p.get("params")) {
                Some(params) => PushEvent::ActionPush {
                    device_id,
                    action_id: text_field(p, "actionId"),
                    client_token: text_field(p, "clientToken"),
                    params,
                    time,
                },
                None => unknown(),
            },
            _ => unknown(),
        },
        ("Action", "Report") => match &payload {
            Some(p @ Value::Object(_)) => match (object_or_empty(p.get("response")), p.get("code"))
            {
                (Some(response), code @ (None | Some(Value::Number(_)))) => {
                    PushEvent::ActionReport {
                        device_id,
                        client_token: text_field(p, "clientToken"),
                        code: code.cloned(),
                        status: text_field(p, "status"),
                        response,
                        time,
                    }
                }
                _ => unknown(),
            },
            _ => unknown(),
        },
        ("Property" | "Shadow" | "Template", "Report") => match payload.as_ref().and_then(reported)
        {
            Some(params) => PushEvent::PropertyReport {
                device_id,
                params,
                time,
            },
            None => unknown(),
        },
        ("Property" | "Shadow" | "Template", "Push") => match payload.as_ref().and_then(control) {
            Some(params) => PushEvent::ControlPush {
                device_id,
                params,
                time,
            },
            None => unknown(),
        },
        // `params` is an object, or absent (no parameters); anything else is not a known event.
        ("Event", "Report") => match &payload {
            Some(p @ Value::Object(_)) => match p.get("params") {
                None => Some(Value::Object(Vec::new())),
                Some(params @ Value::Object(_)) => Some(params.clone()),
                Some(_) => None,
            }
            .map_or_else(unknown, |params| PushEvent::Event {
                device_id,
                event_id: p.get("eventId").and_then(Value::as_str).map(str::to_owned),
                params,
                time,
            }),
            _ => unknown(),
        },
        _ => unknown(),
    }
}

/// An object, or `{}` when absent; `None` for anything else.
fn object_or_empty(value: Option<&Value>) -> Option<Value> {
    match value {
        None | Some(Value::Null) => Some(Value::Object(Vec::new())),
        Some(v @ Value::Object(_)) => Some(v.clone()),
        Some(_) => None,
    }
}

fn text_field(payload: &Value, name: &str) -> Option<String> {
    payload.get(name).and_then(Value::as_str).map(str::to_owned)
}

/// `{method:"report", params}` or the older `{type:"update", state:{reported}}`.
fn reported(payload: &Value) -> Option<Value> {
    payload
        .get("params")
        .or_else(|| payload.get("state").and_then(|s| s.get("reported")))
        .filter(|v| v.is_object())
        .cloned()
}

/// `{method:"control", params}` or the older `{type:"delta", payload:{state}}`.
fn control(payload: &Value) -> Option<Value> {
    payload
        .get("params")
        .or_else(|| payload.get("payload").and_then(|p| p.get("state")))
        .filter(|v| v.is_object())
        .cloned()
}

/// Base64 → bytes, trailing NULs removed → UTF-8 (lossy) → JSON.
pub fn decode_payload(text: &str) -> Option<Value> {
    let mut bytes = base64::decode(text)?;
    while bytes.last() == Some(&0) {
        bytes.pop();
    }
    parse(&String::from_utf8_lossy(&bytes), LoneSurrogates::Replace).ok()
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    fn push(kind: &str, sub: &str, payload_json: &str) -> PushEvent {
        let payload = base64::encode(payload_json.as_bytes());
        let raw = format!(
            r#"{{"DeviceId":"P1/dev","Type":"{kind}","SubType":"{sub}","Time":"2023-07-13T14:19:48+08:00","Payload":"{payload}"}}"#
        );
        device_change(&parse(&raw, LoneSurrogates::Reject).unwrap(), &raw)
    }

    #[test]
    fn property_reports_both_forms() {
        let params = parse(r#"{"power_switch":1}"#, LoneSurrogates::Reject).unwrap();
        for payload in [
            r#"{"method":"report","params":{"power_switch":1}}"#,
            r#"{"type":"update","state":{"reported":{"power_switch":1}}}"#,
        ] {
            match push("Property", "Report", payload) {
                PushEvent::PropertyReport {
                    device_id,
                    params: p,
                    time,
                } => {
                    assert_eq!(device_id, "P1/dev");
                    assert_eq!(p, params);
                    assert_eq!(time.as_deref(), Some("2023-07-13T14:19:48+08:00"));
                }
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn controls_events_status_and_binds() {
        assert!(matches!(
            push(
                "Template",
                "Push",
                r#"{"method":"control","params":{"a":1}}"#
            ),
            PushEvent::ControlPush { .. }
        ));
        assert!(matches!(
            push(
                "Shadow",
                "Push",
                r#"{"type":"delta","payload":{"state":{"a":1}}}"#
            ),
            PushEvent::ControlPush { .. }
        ));
        match push(
            "Event",
            "Report",
            r#"{"eventId":"low_battery","params":{"level":5}}"#,
        ) {
            PushEvent::Event { event_id, .. } => {
                assert_eq!(event_id.as_deref(), Some("low_battery"))
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            push("StatusChange", "Online", "{}"),
            PushEvent::StatusChange { online: true, .. }
        ));
        assert!(matches!(
            push("StatusChange", "Offline", "{}"),
            PushEvent::StatusChange { online: false, .. }
        ));
        assert!(matches!(
            push("StatusChange", "Bind", "{}"),
            PushEvent::Bind { .. }
        ));
        assert!(matches!(
            push("Gateway", "unbind", "{}"),
            PushEvent::Unknown { .. }
        ));
    }

    #[test]
    fn nul_padding_is_stripped_and_garbage_is_unknown() {
        let padded = format!("{}\0\0\0", r#"{"method":"report","params":{"x":2}}"#);
        assert_eq!(
            decode_payload(&base64::encode(padded.as_bytes())),
            parse(
                r#"{"method":"report","params":{"x":2}}"#,
                LoneSurrogates::Reject
            )
            .ok()
        );
        assert!(matches!(
            push("Property", "Report", "not json"),
            PushEvent::Unknown { .. }
        ));
        assert!(matches!(
            push("Action", "Push", r#"{"params":[1]}"#),
            PushEvent::Unknown { .. }
        ));
        assert!(matches!(
            push("Event", "Report", r#"{"eventId":"e","params":[1]}"#),
            PushEvent::Unknown { .. }
        ));
        assert!(matches!(
            push("Event", "Report", r#"{"eventId":"e"}"#),
            PushEvent::Event { params: Value::Object(ref entries), .. } if entries.is_empty()
        ));
        assert_eq!(decode_payload("@@@"), None);
        let raw = r#"{"Type":"Property"}"#;
        assert_eq!(
            device_change(&parse(raw, LoneSurrogates::Reject).unwrap(), raw),
            PushEvent::Unknown {
                device_id: None,
                raw: raw.into()
            }
        );
        assert!(matches!(
            push("Action", "Report", r#"{"code":"0"}"#),
            PushEvent::Unknown { device_id: Some(ref id), .. } if id == "P1/dev"
        ));
    }

    #[test]
    fn actions_and_gateway_sub_devices() {
        let json = |t: &str| parse(t, LoneSurrogates::Reject).unwrap();
        assert_eq!(
            push(
                "Action",
                "Push",
                r#"{"method":"action","clientToken":"ct1","actionId":"blink","params":{"time":3}}"#
            ),
            PushEvent::ActionPush {
                device_id: "P1/dev".into(),
                action_id: Some("blink".into()),
                client_token: Some("ct1".into()),
                params: json(r#"{"time":3}"#),
                time: Some("2023-07-13T14:19:48+08:00".into()),
            }
        );
        assert_eq!(
            push(
                "Action",
                "Report",
                r#"{"method":"action_reply","clientToken":"ct1","code":0,"status":"ok","response":{"err_code":0}}"#
            ),
            PushEvent::ActionReport {
                device_id: "P1/dev".into(),
                client_token: Some("ct1".into()),
                code: Some(json("0")),
                status: Some("ok".into()),
                response: json(r#"{"err_code":0}"#),
                time: Some("2023-07-13T14:19:48+08:00".into()),
            }
        );
        assert!(matches!(
            push("Action", "Report", r#"{"clientToken":"c"}"#),
            PushEvent::ActionReport { response: Value::Object(ref e), code: None, .. } if e.is_empty()
        ));
        let list =
            r#"[{"ProductId":"SUB","DeviceName":"s1"},{"ProductId":"SUB","DeviceName":"s2"}]"#;
        for (sub, bind) in [("bind", true), ("unbind", false), ("Bind", true)] {
            assert_eq!(
                push("Gateway", sub, list),
                PushEvent::SubDeviceChange {
                    device_id: "P1/dev".into(),
                    bind,
                    sub_devices: json(list),
                    time: Some("2023-07-13T14:19:48+08:00".into()),
                }
            );
        }
        let event = push("Gateway", "bind", list).to_value();
        assert_eq!(
            event.get("type").and_then(Value::as_str),
            Some("SubDeviceChange")
        );
        assert_eq!(event.get("action").and_then(Value::as_str), Some("bind"));
    }

    #[test]
    fn a_frame_without_a_valid_device_names_none() {
        for id in ["", "justname", "P/", "/d", "a/b/c"] {
            let raw = format!(r#"{{"DeviceId":"{id}","Type":"StatusChange","SubType":"Online"}}"#);
            assert_eq!(
                device_change(&parse(&raw, LoneSurrogates::Reject).unwrap(), &raw),
                PushEvent::Unknown {
                    device_id: None,
                    raw: raw.clone()
                },
                "{id}"
            );
        }
    }
}
