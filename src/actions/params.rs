//! A typed action's parameters: prepared the way its typed method sends them, then checked
//! before anything is sent.

use crate::prelude::*;

use super::definition::Action;
use super::find;
use super::kind::{check_shape, variant_of, Field, Kind};
use crate::error::{Error, Result};
use crate::json::Value;
use crate::params::Params;

/// Makes `params` what a typed method sends: documented defaults filled in, an object given
/// for JSON text as its JSON, a `DeviceId` as the documented `ProductId` + `DeviceName`. Other
/// actions' parameters are left as they are.
pub fn prepare(action: &str, params: &mut Params) {
    let Some(def) = find(action) else {
        return;
    };
    for (name, text) in def.defaults {
        let blank = match params.get(name) {
            None | Some(Value::Null) => true,
            Some(Value::String(s)) => s.is_empty(),
            _ => false,
        };
        if blank {
            params.set(*name, *text);
        }
    }
    for field in def.params {
        if let Some(value) = params.get_mut(field.name) {
            prepare_value(field.kind, value);
        }
    }
    if def.device_as_id {
        join_device_id(params);
    } else if def.device && params.get("ProductId").is_none() && params.get("DeviceName").is_none()
    {
        let split = params
            .get("DeviceId")
            .and_then(Value::as_str)
            .and_then(device_id_parts);
        if let Some((product, name)) = split {
            let (product, name) = (String::from(product), String::from(name));
            params.remove("DeviceId");
            params.set("ProductId", product);
            params.set("DeviceName", name);
        }
    }
}

/// `ProductId` + `DeviceName` as `DeviceId` "ProductId/DeviceName", where none is given.
fn join_device_id(params: &mut Params) {
    if params.get("DeviceId").is_some() {
        return;
    }
    let pair = match (params.get("ProductId"), params.get("DeviceName")) {
        (Some(Value::String(p)), Some(Value::String(n))) if is_device_id_parts(p, n) => {
            [p.as_str(), "/", n.as_str()].concat()
        }
        _ => return,
    };
    params.remove("ProductId");
    params.remove("DeviceName");
    params.set("DeviceId", pair);
}

/// What a typed method sends for `value` of `kind`, down through lists and objects: an object
/// (or an array) given for JSON text as its JSON, a number given for an integer's text as its
/// text.
fn prepare_value(kind: Kind, value: &mut Value) {
    let text = match (kind, &*value) {
        (Kind::JsonText, Value::Object(_))
        | (Kind::TextOrJson, Value::Object(_) | Value::Array(_)) => value.to_json(),
        (Kind::IntText, Value::Number(n)) if n.as_integer().is_some() => n.as_str().into(),
        (Kind::ListOf(item), Value::Array(_)) => {
            if let Value::Array(items) = value {
                items.iter_mut().for_each(|v| prepare_value(*item, v));
            }
            return;
        }
        (Kind::Struct(fields), Value::Object(_)) => return prepare_members(fields, value),
        (Kind::Tagged(tagged), Value::Object(_)) => {
            if let Some((_, _, fields)) = variant_of(tagged, value) {
                prepare_members(fields, value);
            }
            return;
        }
        _ => return,
    };
    *value = Value::String(text);
}

fn prepare_members(fields: &[Field], object: &mut Value) {
    for field in fields {
        if let Some(v) = object.get_mut(field.name) {
            prepare_value(field.kind, v);
        }
    }
}

fn is_device_id_parts(product: &str, name: &str) -> bool {
    !product.is_empty() && !name.is_empty() && !name.contains('/')
}

/// "ProductId/DeviceName" as its two parts, when it is one.
fn device_id_parts(id: &str) -> Option<(&str, &str)> {
    id.split_once('/').filter(|(p, n)| is_device_id_parts(p, n))
}

/// Checks the parameters of a typed action; other actions pass unchecked.
pub fn check_params(action: &str, params: &Params) -> Result<()> {
    let Some(def) = find(action) else {
        return Ok(());
    };
    for field in def.params {
        check_param(field, params.get(field.name))?;
    }
    if def.device {
        check_device(params)?;
    }
    for (a, b) in def.either {
        if is_absent(params.get(a)) && is_absent(params.get(b)) {
            return Err(Error::missing(a));
        }
    }
    check_variants(def, params)
}

fn is_absent(value: Option<&Value>) -> bool {
    matches!(value, None | Some(Value::Null))
}

fn check_param(field: &Field, value: Option<&Value>) -> Result<()> {
    match value {
        None | Some(Value::Null) if field.required => Err(Error::missing(field.name)),
        None | Some(Value::Null) => Ok(()),
        // A required text left empty is missing; an optional JSON text may be empty (none).
        Some(Value::String(s)) if s.is_empty() && field.required && is_text(field.kind) => {
            Err(Error::missing(field.name))
        }
        Some(Value::String(s)) if s.is_empty() && matches!(field.kind, Kind::JsonText) => Ok(()),
        Some(value) => check_shape(field.kind, value)
            .map_err(|m| Error::invalid(field.name, m.message(field.name))),
    }
}

fn is_text(kind: Kind) -> bool {
    matches!(kind, Kind::Text | Kind::Id | Kind::JsonText)
}

/// `DeviceId` ("ProductId/DeviceName"), or else both `ProductId` and `DeviceName`.
fn check_device(params: &Params) -> Result<()> {
    match params.get("DeviceId") {
        Some(Value::String(id)) if device_id_parts(id).is_some() => Ok(()),
        Some(Value::String(_)) => Err(Error::invalid(
            "DeviceId",
            "DeviceId must be \"ProductId/DeviceName\"",
        )),
        _ => ["ProductId", "DeviceName"]
            .iter()
            .try_for_each(|name| params.require_str(name).map(drop)),
    }
}

/// The fields the value of the tag parameter requires (its own value is checked as a field).
fn check_variants(def: &Action, params: &Params) -> Result<()> {
    let Some(variants) = def.variants else {
        return Ok(());
    };
    let tag = params.get(variants.tag).and_then(Value::as_str);
    let case = variants.cases.iter().find(|(value, _)| Some(*value) == tag);
    match case {
        Some((_, fields)) => fields
            .iter()
            .try_for_each(|f| check_param(f, params.get(f.name))),
        None => Ok(()), // a missing or unknown tag was refused as a field already
    }
}
