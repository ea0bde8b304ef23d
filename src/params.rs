//! Request parameters: names in the caller's order, one value per name.

use crate::prelude::*;

use crate::error::{Error, Result};
use crate::json::Value;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Params(Vec<(String, Value)>);

impl Params {
    pub fn new() -> Self {
        Params(Vec::new())
    }

    /// Sets `key`; an existing entry is replaced in place (like assigning a JS property).
    pub fn set(&mut self, key: impl Into<String>, value: impl Into<Value>) {
        let key = key.into();
        let value = value.into();
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some(entry) => entry.1 = value,
            None => self.0.push((key, value)),
        }
    }

    pub fn with(mut self, key: impl Into<String>, value: impl Into<Value>) -> Self {
        self.set(key, value);
        self
    }

    /// Removes `key`; the others keep their order.
    pub fn remove(&mut self, key: &str) {
        self.0.retain(|(k, _)| k != key);
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        self.0.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn contains(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// The entries of `lists` as borrowed pairs, one list after the other.
    pub fn entries_of<'a>(lists: &[&'a Params]) -> Vec<(&'a str, &'a Value)> {
        let mut out = Vec::with_capacity(lists.iter().map(|list| list.len()).sum());
        for list in lists {
            for (key, value) in &list.0 {
                out.push((key.as_str(), value));
            }
        }
        out
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Takes the entries of a JSON object; `what` names the argument in the error otherwise.
    pub fn from_object(value: Value, what: &str) -> Result<Self> {
        match value {
            Value::Object(entries) => {
                let mut params = Params::new();
                for (k, v) in entries {
                    params.set(k, v);
                }
                Ok(params)
            }
            other => Err(Error::invalid(
                what,
                [what, " must be an object, not ", other.type_name()].concat(),
            )),
        }
    }

    /// A required string parameter, present and non-empty.
    pub fn require_str(&self, key: &str) -> Result<&str> {
        match self.get(key) {
            None | Some(Value::Null) => Err(Error::missing(key)),
            Some(Value::String(s)) if s.is_empty() => Err(Error::missing(key)),
            Some(Value::String(s)) => Ok(s),
            Some(other) => Err(Error::invalid(
                key,
                [key, " must be a string, not ", other.type_name()].concat(),
            )),
        }
    }
}

impl<K: Into<String>, V: Into<Value>> FromIterator<(K, V)> for Params {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut params = Params::new();
        for (k, v) in iter {
            params.set(k, v);
        }
        params
    }
}
