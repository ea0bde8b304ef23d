//! JS arguments → core values. Objects arrive as the text of `JSON.stringify`, so `undefined`
//! members vanish (BigInt or circular values are typed errors on the JS side).

use super::io::{layout, Area, Lengths};

use crate::endpoint::Endpoint;
use crate::error::{Error, Result};
use crate::json::{parse, JsonError, LoneSurrogates, Value};
use crate::params::Params;
use crate::sign::SigningOptions;

/// The arguments of a call: pieces of the text area (byte lengths in the word area), and what
/// each one is, 3 bits per argument in `kinds`: a string, missing (`undefined` or `null`),
/// another type, or JSON text from `JSON.stringify` (a function or a symbol, for which it gives
/// `undefined`, counts as another type).
pub struct Args<'a> {
    pieces: Vec<&'a [u8]>,
    kinds: u32,
}

const STRING: u32 = 0;
const MISSING: u32 = 1;
const JSON_TEXT: u32 = 3;

impl<'a> Args<'a> {
    pub fn read(area: &'a Area, count: usize, bytes: u32, kinds: u32) -> Result<Self> {
        match layout(area, Lengths::Bytes, count, 0, bytes) {
            Some(layout) => Ok(Args {
                pieces: layout.fields,
                kinds,
            }),
            None => Err(Error::invalid(
                "arguments",
                "internal: arguments out of place",
            )),
        }
    }

    fn kind(&self, index: usize) -> u32 {
        self.kinds.checked_shr(3 * index as u32).unwrap_or(MISSING) & 7
    }

    fn text(&self, index: usize, what: &str) -> Result<&'a str> {
        let piece = self.pieces.get(index).copied().unwrap_or_default();
        core::str::from_utf8(piece)
            .map_err(|_| Error::invalid(what, format!("{what} is not UTF-8")))
    }

    pub fn string(&self, index: usize, what: &str) -> Result<&'a str> {
        match self.kind(index) {
            STRING => self.text(index, what),
            MISSING => Err(Error::missing(what)),
            _ => Err(Error::invalid(what, format!("{what} must be a string"))),
        }
    }

    /// A JSON argument; `None` when it is missing.
    pub fn json(&self, index: usize, what: &str) -> Result<Option<Value>> {
        match self.kind(index) {
            MISSING => Ok(None),
            JSON_TEXT => parse(self.text(index, what)?, LoneSurrogates::Reject)
                .map(Some)
                .map_err(|e| match e {
                    JsonError::LoneSurrogate { .. } => Error::invalid(
                        what,
                        format!("{what} contains a string with an unpaired UTF-16 surrogate, which has no UTF-8 form"),
                    ),
                    JsonError::TooLarge => Error::invalid(what, format!("{what} is too large: {e}")),
                    other => Error::invalid(what, format!("{what} is not valid JSON: {other}")),
                }),
            _ => Err(Error::invalid(what, format!("{what} must be an object"))),
        }
    }
}

/// An HTTP status code (100..=599), as JS passes it. 0 is what fetch and many transports give
/// when no response came: a transport failure, worth a retry.
pub fn status_code(status: f64) -> Result<u16> {
    if status == 0.0 {
        return Err(Error::transport("no HTTP response (status 0)"));
    }
    if status.fract() == 0.0 && (100.0..=599.0).contains(&status) {
        Ok(status as u16)
    } else {
        Err(Error::invalid(
            "status",
            "status must be an HTTP status code (100..=599)",
        ))
    }
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
            Some(value) => match value.as_integer() {
                Some(n) => Ok(Some(n)),
                None => Err(Error::invalid(
                    name,
                    format!("{name} must be an integer, not {}", value.to_json()),
                )),
            },
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
