//! The push channel's state machine for JavaScript: one `step(input)` per thing that happened,
//! answered with the commands to carry out and when to call again.

use wasm_bindgen::prelude::*;

use super::input::{from_js, Fields};
use super::js_error::to_js_error;
use crate::error::{Error, Result};
use crate::json::Value;
use crate::push::{Command, PushConfig, PushSession};

#[wasm_bindgen]
pub struct PushChannel {
    session: PushSession,
}

#[wasm_bindgen]
impl PushChannel {
    /// `new PushChannel({ heartbeatMs?, replyTimeoutMs?, reconnectMinMs?, reconnectMaxMs? })`
    #[wasm_bindgen(constructor)]
    pub fn new(config: JsValue) -> core::result::Result<PushChannel, JsValue> {
        let read = || -> Result<PushConfig> {
            let mut config_out = PushConfig::default();
            if config.is_undefined() || config.is_null() {
                return Ok(config_out);
            }
            let mut f = Fields::new(from_js(&config, "push")?, "push")?;
            for (name, slot) in [
                ("heartbeatMs", &mut config_out.heartbeat_ms),
                ("replyTimeoutMs", &mut config_out.reply_timeout_ms),
                ("reconnectMinMs", &mut config_out.reconnect_min_ms),
                ("reconnectMaxMs", &mut config_out.reconnect_max_ms),
            ] {
                if let Some(ms) = f.optional_integer(name)? {
                    if ms <= 0 {
                        return Err(Error::invalid(name, format!("{name} must be positive")));
                    }
                    *slot = ms as f64;
                }
            }
            f.finish()?;
            Ok(config_out)
        };
        let config = read().map_err(|e| to_js_error(&e))?;
        Ok(PushChannel {
            session: PushSession::new(config),
        })
    }

    /// `step({ type, now, ids?, token?, text? }) → { commands, wakeAt }`, where `type` is one of
    /// subscribe, unsubscribe, token, opened, closed, message, tick, pause, resume.
    pub fn step(&mut self, input: JsValue) -> core::result::Result<JsValue, JsValue> {
        let json = self.step_json(&input).map_err(|e| to_js_error(&e))?;
        js_sys::JSON::parse(&json)
            .map_err(|_| to_js_error(&Error::parse("internal: invalid push JSON", false)))
    }
}

impl PushChannel {
    fn step_json(&mut self, input: &JsValue) -> Result<String> {
        let mut f = Fields::new(from_js(input, "step")?, "step")?;
        let kind = f.string("type")?;
        let now = match f.optional("now").as_ref().and_then(Value::as_integer) {
            Some(ms) => ms as f64,
            _ => {
                return Err(Error::invalid(
                    "now",
                    "now must be milliseconds since the epoch",
                ))
            }
        };
        let s = &mut self.session;
        let commands = match kind.as_str() {
            "subscribe" => s.subscribe(&device_ids(&mut f)?, now),
            "unsubscribe" => s.unsubscribe(&device_ids(&mut f)?, now),
            "token" => s.set_token(f.string("token")?, now),
            "opened" => s.opened(now),
            "closed" => s.closed(now),
            "message" => s.received(&f.string("text")?, now),
            "tick" => s.tick(now),
            "pause" => s.pause(now),
            "resume" => s.resume(now),
            other => {
                return Err(Error::invalid(
                    "type",
                    format!("unknown step type \"{other}\""),
                ))
            }
        };
        f.finish()?;
        let out = Value::Object(vec![
            (
                "commands".into(),
                Value::Array(commands.iter().map(command_value).collect()),
            ),
            (
                "wakeAt".into(),
                self.session
                    .next_wakeup()
                    .map_or(Value::Null, |at| Value::from(at.ceil() as i64)),
            ),
        ]);
        Ok(out.to_json())
    }
}

fn device_ids(f: &mut Fields) -> Result<Vec<String>> {
    match f.optional("ids") {
        Some(Value::Array(items)) => items
            .into_iter()
            .map(|item| match item {
                Value::String(s) if !s.is_empty() => Ok(s),
                _ => Err(Error::invalid(
                    "deviceIds",
                    "device ids must be non-empty strings (\"ProductId/DeviceName\")",
                )),
            })
            .collect(),
        _ => Err(Error::invalid(
            "deviceIds",
            "deviceIds must be an array of strings",
        )),
    }
}

fn command_value(command: &Command) -> Value {
    let tagged = |kind: &str, extra: Vec<(String, Value)>| {
        let mut entries = vec![("type".to_owned(), Value::String(kind.into()))];
        entries.extend(extra);
        Value::Object(entries)
    };
    match command {
        Command::Connect => tagged("connect", vec![]),
        Command::Close => tagged("close", vec![]),
        Command::Send(text) => tagged("send", vec![("text".into(), text.as_str().into())]),
        Command::Event(event) => tagged("event", vec![("event".into(), event.to_value())]),
        Command::Subscribed => tagged("subscribed", vec![]),
        Command::TokenRejected => tagged("tokenRejected", vec![]),
        Command::Failed(e) => tagged(
            "failed",
            vec![
                (
                    "code".into(),
                    e.code.as_deref().map_or(Value::Null, Value::from),
                ),
                ("message".into(), e.message.as_str().into()),
            ],
        ),
    }
}
