//! JS arguments → core values. Objects arrive as the text of `JSON.stringify`, so `undefined`
//! members vanish, and BigInt or circular values become typed errors instead of exceptions.

use wasm_bindgen::JsValue;

use crate::endpoint::Endpoint;
use crate::error::{Error, Result};
use crate::json::{parse, JsonError, LoneSurrogates, Value};
use crate::params::Params;
use crate::sign::SigningOptions;

pub fn from_js(value: &JsValue, what: &str) -> Result<Value> {
    let text = match js_sys::JSON::stringify(value) {
        Ok(s) => s.as_string(),
        Err(e) => {
            let reason = js_sys::Error::from(e)
                .message()
                .as_string()
                .unwrap_or_default();
            return Err(Error::invalid(
                what,
                format!("{what} cannot be sent as JSON: {reason}"),
            ));
        }
    };
    let Some(text) = text else {
        return Err(Error::invalid(what, format!("{what} must be an object")));
    };
    parse(&text, LoneSurrogates::Reject).map_err(|e| match e {
        JsonError::LoneSurrogate { .. } => Error::invalid(
            what,
            format!("{what} contains a string with an unpaired UTF-16 surrogate, which has no UTF-8 form"),
        ),
        other => Error::invalid(what, format!("{what} is not valid JSON: {other}")),
    })
}

pub fn string_arg(value: &JsValue, what: &str) -> Result<String> {
    match value.as_string() {
        Some(s) => Ok(s),
        None if value.is_undefined() || value.is_null() => Err(Error::missing(what)),
        None => Err(Error::invalid(what, format!("{what} must be a string"))),
    }
}

pub fn status_and_body(status: &JsValue, body: &JsValue) -> Result<(u16, String)> {
    let status = match status.as_f64() {
        Some(n) if n.fract() == 0.0 && (100.0..=599.0).contains(&n) => n as u16,
        _ => {
            return Err(Error::invalid(
                "status",
                "status must be an HTTP status code (100..=599)",
            ))
        }
    };
    Ok((status, string_arg(body, "bodyText")?))
}

pub fn signing_options(value: Option<Value>) -> Result<SigningOptions> {
    let Some(value) = value else {
        return Ok(SigningOptions::default());
    };
    let mut f = Fields::new(value, "signing")?;
    let empty_values = f.optional_string("emptyValues")?;
    let values = f.optional_string("values")?;
    f.finish()?;
    SigningOptions::from_names(empty_values.as_deref(), values.as_deref())
}

/// Reads the members of an options object by name; `finish` rejects members nobody read, so
/// a typo such as `requestID` is an error instead of a silently ignored option.
pub struct Fields {
    entries: Vec<(String, Value)>,
    what: &'static str,
}

impl Fields {
    pub fn new(value: Value, what: &'static str) -> Result<Self> {
        match value {
            Value::Object(entries) => Ok(Fields { entries, what }),
            other => Err(Error::invalid(
                what,
                format!("{what} must be an object, not {}", other.type_name()),
            )),
        }
    }

    /// Takes `name` out (the last one, as `JSON.parse` keeps).
    pub fn optional(&mut self, name: &str) -> Option<Value> {
        let index = self.entries.iter().rposition(|(k, _)| k == name)?;
        let value = self.entries.remove(index).1;
        self.entries.retain(|(k, _)| k != name);
        Some(value)
    }

    pub fn optional_string(&mut self, name: &str) -> Result<Option<String>> {
        match self.optional(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(other) => Err(Error::invalid(
                name,
                format!("{name} must be a string, not {}", other.type_name()),
            )),
        }
    }

    pub fn string(&mut self, name: &str) -> Result<String> {
        self.optional_string(name)?
            .ok_or_else(|| Error::missing(name))
    }

    pub fn optional_integer(&mut self, name: &str) -> Result<Option<i64>> {
        match self.optional(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Number(n)) if n.as_integer().is_some() => Ok(n.as_integer()),
            Some(other) => Err(Error::invalid(
                name,
                format!("{name} must be an integer, not {}", other.to_json()),
            )),
        }
    }

    pub fn params(&mut self) -> Result<Params> {
        match self.optional("params") {
            None | Some(Value::Null) => Ok(Params::new()),
            Some(value) => Params::from_object(value, "params"),
        }
    }

    pub fn endpoint(&mut self) -> Result<Endpoint> {
        Endpoint::parse(self.optional_string("endpoint")?.as_deref())
    }

    pub fn finish(self) -> Result<()> {
        match self.entries.first() {
            None => Ok(()),
            Some((name, _)) => Err(Error::invalid(
                name,
                format!("unknown option \"{name}\" in {}", self.what),
            )),
        }
    }
}
