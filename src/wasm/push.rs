//! The push channel's state machine for JavaScript: one `step(input)` per thing that happened,
//! answered with the commands to carry out and when to call again.

use std::sync::{Mutex, PoisonError};

use wasm_bindgen::prelude::*;

use super::call;
use super::input::{Args, Fields};
use crate::error::{Error, Result};
use crate::json::Value;
use crate::push::{Command, PushConfig, PushSession};

/// Every channel opened; a channel's handle is its index. A client opens one for its life.
static CHANNELS: Mutex<Vec<PushSession>> = Mutex::new(Vec::new());

/// `pushOpen({ heartbeatMs?, replyTimeoutMs?, reconnectMinMs?, reconnectMaxMs? }) → handle`
#[wasm_bindgen(js_name = pushOpen)]
pub fn push_open(bytes: u32, kinds: u32) -> i32 {
    call(1, bytes, kinds, |args| {
        let session = PushSession::new(config(args)?);
        let mut channels = CHANNELS.lock().unwrap_or_else(PoisonError::into_inner);
        channels.push(session);
        Ok((channels.len() - 1).to_string())
    })
}

fn config(args: &Args) -> Result<PushConfig> {
    let mut config = PushConfig::default();
    let Some(value) = args.json(0, "push")? else {
        return Ok(config);
    };
    let mut f = Fields::new(value, "push")?;
    for (name, slot) in [
        ("heartbeatMs", &mut config.heartbeat_ms),
        ("replyTimeoutMs", &mut config.reply_timeout_ms),
        ("reconnectMinMs", &mut config.reconnect_min_ms),
        ("reconnectMaxMs", &mut config.reconnect_max_ms),
    ] {
        if let Some(ms) = f.optional_integer(name)? {
            if ms <= 0 {
                return Err(Error::invalid(name, format!("{name} must be positive")));
            }
            *slot = ms as f64;
        }
    }
    f.finish()?;
    Ok(config)
}

/// `pushStep(handle, { type, now, ids?, token?, text? }) → { commands, wakeAt }`, where `type`
/// is one of subscribe, unsubscribe, token, opened, closed, message, tick, pause, resume.
#[wasm_bindgen(js_name = pushStep)]
pub fn push_step(handle: u32, bytes: u32, kinds: u32) -> i32 {
    call(1, bytes, kinds, |args| {
        let mut channels = CHANNELS.lock().unwrap_or_else(PoisonError::into_inner);
        let session = channels
            .get_mut(handle as usize)
            .ok_or_else(|| Error::invalid("push", "no such push channel"))?;
        let input = args.json(0, "step")?.unwrap_or(Value::Null);
        step(session, Fields::new(input, "step")?)
    })
}

fn step(session: &mut PushSession, mut f: Fields) -> Result<String> {
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
    let s = &mut *session;
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
            session
                .next_wakeup()
                .map_or(Value::Null, |at| Value::from(at.ceil() as i64)),
        ),
    ]);
    Ok(out.to_json())
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
        Command::Subscribed { devices } => {
            tagged("subscribed", vec![("devices".into(), texts(devices))])
        }
        Command::TokenRejected { token } => tagged(
            "tokenRejected",
            vec![("token".into(), token.as_str().into())],
        ),
        Command::Failed { error, devices } => tagged(
            "failed",
            vec![
                (
                    "code".into(),
                    error.code.as_deref().map_or(Value::Null, Value::from),
                ),
                ("message".into(), error.message.as_str().into()),
                ("devices".into(), texts(devices)),
            ],
        ),
    }
}

fn texts(items: &[String]) -> Value {
    Value::Array(items.iter().map(|s| Value::String(s.clone())).collect())
}
