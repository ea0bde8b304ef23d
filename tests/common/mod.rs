//! Helpers shared by the integration tests: vector files are embedded (wasm tests have no
//! file system) and read with serde_json, independently of the crate's own JSON code.
#![allow(dead_code)]

use iot_explorer_app::{EmptyValues, Params, SigningOptions, Value, ValueFormat};

pub fn to_value(v: &serde_json::Value) -> Value {
    match v {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => Value::from(n.as_f64().unwrap()),
        serde_json::Value::String(s) => Value::String(s.clone()),
        serde_json::Value::Array(items) => Value::Array(items.iter().map(to_value).collect()),
        serde_json::Value::Object(map) => {
            Value::Object(map.iter().map(|(k, v)| (k.clone(), to_value(v))).collect())
        }
    }
}

pub fn to_params(v: &serde_json::Value) -> Params {
    Params::from_object(to_value(v), "params").unwrap()
}

/// `{emptyValues, values}` as in the vector files; `default_empty` applies when absent.
pub fn options(v: Option<&serde_json::Value>, default_empty: EmptyValues) -> SigningOptions {
    let get = |k: &str| v.and_then(|o| o.get(k)).and_then(|x| x.as_str());
    let mut o = SigningOptions::from_names(get("emptyValues"), get("values")).unwrap();
    if get("emptyValues").is_none() {
        o.empty_values = default_empty;
    }
    o
}

pub fn strict_omit() -> SigningOptions {
    SigningOptions {
        empty_values: EmptyValues::Omit,
        values: ValueFormat::Strict,
    }
}

pub fn load(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap()
}

pub fn cases(file: &serde_json::Value) -> &Vec<serde_json::Value> {
    file.get("cases")
        .and_then(|c| c.as_array())
        .unwrap_or_else(|| file.as_array().unwrap())
}

pub fn str_field<'a>(case: &'a serde_json::Value, key: &str) -> &'a str {
    case[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} in {case}"))
}
