//! A typed action's answer given the shape of its typed result: a field the wire put at another
//! path moved to where the typed result has it, then every documented field checked there, and
//! JSON-text fields also given parsed.

use crate::prelude::*;

use super::find;
use super::kind::{check_shape, is_digits, Field, Kind};
use crate::error::{Error, Result};
use crate::json::{parse, LoneSurrogates, Value};
use crate::response::ApiResponse;

/// What [`shape_result`] did to a body beyond moving fields: whether it differs from the text
/// received (`rewritten`), and the fields whose text is an object's JSON, to give parsed as
/// `<name>Parsed` (left to the caller, which has a JSON reader of its own).
#[derive(Debug, Default, PartialEq)]
pub struct Shaped {
    pub rewritten: bool,
    pub to_parse: Vec<&'static str>,
}

/// Gives a typed action's answer its typed shape and checks the documented fields (a `Parse`
/// error naming the action otherwise); other actions' answers pass as they are.
pub fn shape_result(action: &str, response: &mut ApiResponse) -> Result<Shaped> {
    let mut shaped = Shaped::default();
    let Some(def) = find(action) else {
        return Ok(shaped);
    };
    let fail = |what: &str| {
        let mut e = Error::parse([action, " response: ", what].concat(), false);
        e.request_id = response.request_id.clone();
        e
    };
    if let Some(code) = def
        .failure
        .and_then(|name| response.body.get(name))
        .and_then(Value::as_str)
    {
        if code.starts_with("FailedOperation.") {
            let message = [action, " failed: ", code].concat();
            return Err(Error::api(code, message, response.request_id.clone()));
        }
    }
    let body = &mut response.body;
    for field in def.result {
        let mut paths = field.name.split('|');
        let path = paths.next().unwrap_or_default();
        for alternate in paths {
            shaped.rewritten |= move_to(body, path, alternate);
        }
    }
    for field in def.result {
        check_path(body, field.path(), field, &mut shaped.rewritten).map_err(|what| fail(&what))?;
    }
    for (name, shape) in def.parsed {
        match body
            .get(name)
            .and_then(Value::as_str)
            .map(|t| parse(t, LoneSurrogates::Replace))
        {
            Some(Ok(parsed @ Value::Object(_))) => {
                check_shape(*shape, &parsed)
                    .map_err(|m| fail(&m.message(&["`", name, "` parsed"].concat())))?;
                shaped.to_parse.push(name);
            }
            _ => {
                set_member(body, &[name, "Parsed"].concat(), Value::Object(Vec::new()));
                shaped.rewritten = true;
            }
        }
    }
    Ok(shaped)
}

/// The value of its type for a leaf whose kind takes other shapes on the wire: an empty list for
/// null, a Switch's 0, 1 or their text for false or true, an IntOrDigits' digits for the number.
fn typed_leaf(kind: Kind, found: &Value) -> Option<Value> {
    match (kind, found) {
        (Kind::ArrayOrNull, Value::Null) => Some(Value::Array(Vec::new())),
        (Kind::Switch, Value::Number(n)) => match n.as_integer() {
            Some(i @ (0 | 1)) => Some(Value::Bool(i == 1)),
            _ => None,
        },
        (Kind::IntOrDigits, Value::String(s)) if is_digits(s) => {
            crate::number::Number::parse(s).map(Value::Number)
        }
        (Kind::Switch, Value::String(s)) => match s.as_str() {
            "1" | "true" => Some(Value::Bool(true)),
            "0" | "false" => Some(Value::Bool(false)),
            _ => None,
        },
        _ => None,
    }
}

/// `Data.Token` → (`Data`, `Token`); `Token` → (`Token`, "").
fn first(path: &str) -> (&str, &str) {
    path.split_once('.').unwrap_or((path, ""))
}

/// Moves what is at `alternate` (and not at `to`) to `to`, through the lists the two paths
/// share (`Users[].UserId` → `Users[].UserID` in every item). Paths that differ inside a list
/// are left alone: the list's own field moves it whole. Whether anything moved.
fn move_to(value: &mut Value, to: &str, alternate: &str) -> bool {
    let ((a, rest_a), (b, rest_b)) = (first(to), first(alternate));
    if a == b && !rest_a.is_empty() && !rest_b.is_empty() {
        let list = a.strip_suffix("[]");
        return match (list, value.get_mut(list.unwrap_or(a))) {
            (Some(_), Some(Value::Array(items))) => items
                .iter_mut()
                .fold(false, |moved, item| move_to(item, rest_a, rest_b) | moved),
            (None, Some(inner)) => move_to(inner, rest_a, rest_b),
            _ => false,
        };
    }
    if to.contains('[') || alternate.contains('[') || is_there(value, to) {
        return false;
    }
    match take(value, alternate) {
        Some(found) => put(value, to, found),
        None => false,
    }
}

fn is_there(value: &Value, path: &str) -> bool {
    !matches!(
        path.split('.').try_fold(value, |v, key| v.get(key)),
        None | Some(Value::Null)
    )
}

fn set_member(value: &mut Value, key: &str, member: Value) {
    if let Value::Object(entries) = value {
        entries.retain(|(k, _)| k != key);
        entries.push((key.into(), member));
    }
}

/// Removes and returns what is at `path` (not null).
fn take(value: &mut Value, path: &str) -> Option<Value> {
    let (key, rest) = first(path);
    if !rest.is_empty() {
        return take(value.get_mut(key)?, rest);
    }
    let Value::Object(entries) = value else {
        return None;
    };
    let index = entries
        .iter()
        .rposition(|(k, v)| k == key && *v != Value::Null)?;
    Some(entries.remove(index).1)
}

/// Puts `member` at `path`, making the objects on the way; false where a non-object is in the way.
fn put(value: &mut Value, path: &str, member: Value) -> bool {
    let (key, rest) = first(path);
    if rest.is_empty() {
        set_member(value, key, member);
        return true;
    }
    if !is_there(value, key) {
        set_member(value, key, Value::Object(Vec::new()));
    }
    match value.get_mut(key) {
        Some(inner @ Value::Object(_)) => put(inner, rest, member),
        _ => false,
    }
}

/// Checks the field at `path` (what is left of it inside `value`): a list's items one by one
/// (an empty list passing), a missing field only when it is required. A leaf in another wire
/// shape of its kind is first given its typed value (`rewritten` then set).
fn check_path(
    value: &mut Value,
    path: &str,
    field: &Field,
    rewritten: &mut bool,
) -> core::result::Result<(), String> {
    if path.is_empty() {
        if let Some(typed) = typed_leaf(field.kind, value) {
            *value = typed;
            *rewritten = true;
        }
        return check_shape(field.kind, value)
            .map_err(|m| m.message(&["`", field.path(), "`"].concat()));
    }
    let (key, rest) = first(path);
    let (name, each) = match key.strip_suffix("[]") {
        Some(name) => (name, true),
        None => (key, false),
    };
    let null_is_typed = rest.is_empty() && !each && matches!(field.kind, Kind::ArrayOrNull);
    match value.get_mut(name) {
        Some(inner) if null_is_typed && *inner == Value::Null => {
            check_path(inner, rest, field, rewritten)
        }
        None | Some(Value::Null) if field.required => {
            Err(["`", field.path(), "` is missing"].concat())
        }
        None | Some(Value::Null) => Ok(()),
        Some(Value::Array(items)) if each => items
            .iter_mut()
            .try_for_each(|item| check_path(item, rest, field, rewritten)),
        Some(_) if each => Err(["`", name, "` is not an array"].concat()),
        Some(inner) => check_path(inner, rest, field, rewritten),
    }
}
