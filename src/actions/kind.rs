//! The shapes a parameter or a result field may have, and the fields that carry them.

use crate::prelude::*;

use crate::json::{parse, LoneSurrogates, Value};
use crate::text::int;

/// The shape a parameter or a response field must have.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    /// A non-empty string.
    Text,
    /// A string, possibly empty.
    AnyText,
    /// An integer, not negative.
    Integer,
    /// An integer of at least 1 (a page size: a page of nothing is never asked for).
    Positive,
    /// Any JSON number (a property value, a threshold).
    Number,
    /// Any JSON value.
    Any,
    /// An array of non-empty strings, possibly empty.
    TextList,
    /// An array of anything.
    Array,
    /// (A result) an array, or null meaning an empty one (the cloud API's twins document null
    /// lists): the typed result has an array.
    ArrayOrNull,
    /// A string holding a JSON object (`Data` of device data calls). As a parameter of a typed
    /// method, an object is also taken and sent as its JSON text; an optional one may be `""`.
    JsonText,
    /// A string, possibly empty; as a parameter of a typed method an object or an array is also
    /// taken and sent as its JSON text (a share token's context, a per-user device setting).
    TextOrJson,
    /// A non-negative integer, or its digits: a delay's seconds, which the doc's example sends
    /// as text and the Android app as a number. A typed method sends a number as its text.
    IntText,
    /// A non-negative integer some pages type as String (a `Total` in 1081/48129, a `FenceId` in
    /// 54140): its digits are taken too; the typed result has the number.
    IntOrDigits,
    /// true or false; in a result the wire may also give 0 or 1 or their text (the typed result
    /// has the boolean).
    Switch,
    /// A non-empty string or an integer: ids the docs type as String and show as numbers.
    Id,
    /// A JSON object.
    Object,
    /// Seven characters `0`/`1`, Sunday first: the days a timer runs on.
    DayMask,
    /// A time of day, `HH:mm` (or `H:mm`, as a doc example writes it).
    TimeOfDay,
    /// The integer 0 or 1.
    Flag,
    /// One of these strings (a documented enumeration).
    OneOf(&'static [&'static str]),
    /// One of these integers (a documented enumeration).
    IntOneOf(&'static [i64]),
    /// An object with these fields (others may be there too).
    Struct(&'static [Field]),
    /// An array whose items all have this shape.
    ListOf(&'static Kind),
    /// An object whose members all have this shape (a device's properties by id).
    MapOf(&'static Kind),
    /// An object of one of several shapes, told apart by one member's integer value (an action
    /// of a scene by its `ActionType`).
    Tagged(&'static Tagged),
}

/// Objects told apart by the value of `tag`.
#[derive(Debug, Clone, Copy)]
pub struct Tagged {
    /// The name of its TypeScript type (`SceneAction`).
    pub name: &'static str,
    pub tag: &'static str,
    /// Each value of the tag, what it means, and the fields it brings (besides the tag).
    pub variants: &'static [(i64, &'static str, &'static [Field])],
}

/// `name` for a parameter; a path such as `Data.Token` or `FamilyList[].FamilyId` for a result,
/// or `A|B` where sources disagree on the path (the first is where the typed result has it).
/// (Small on purpose: the wasm carries one per field of every action.)
#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub name: &'static str,
    pub kind: Kind,
    pub required: bool,
}

pub const fn req(name: &'static str, kind: Kind) -> Field {
    Field {
        name,
        kind,
        required: true,
    }
}

pub const fn opt(name: &'static str, kind: Kind) -> Field {
    Field {
        name,
        kind,
        required: false,
    }
}

impl Field {
    /// The path where the typed result has this field (the first of `A|B`).
    pub fn path(&self) -> &'static str {
        self.name.split('|').next().unwrap_or(self.name)
    }
}

use Kind::*;

/// Where inside a value it does not fit and how, as the end of a message: `[2].Data must be …`.
#[derive(Debug)]
pub struct Mismatch(String);

impl Mismatch {
    /// The mismatch inside `segment` (`.Data`, `[2]`) of the value.
    fn at(mut self, segment: &str) -> Self {
        self.0.insert_str(0, segment);
        self
    }

    /// `Actions[1].Data must be …`, naming the value `name`.
    pub fn message(&self, name: &str) -> String {
        [name, &self.0].concat()
    }
}

/// Checks `value` against `kind`, down to the members of objects and the items of arrays.
pub fn check_shape(kind: Kind, value: &Value) -> Result<(), Mismatch> {
    match (kind, value) {
        (Struct(fields), Value::Object(_)) => check_members(fields, value),
        (ListOf(item), Value::Array(items)) => {
            for (i, v) in items.iter().enumerate() {
                check_shape(*item, v).map_err(|m| m.at(&["[", &int(i as i64), "]"].concat()))?;
            }
            Ok(())
        }
        (MapOf(member), Value::Object(entries)) => {
            for (k, v) in entries {
                check_shape(*member, v).map_err(|m| m.at(&[".", k.as_str()].concat()))?;
            }
            Ok(())
        }
        (Tagged(tagged), Value::Object(_)) => match variant_of(tagged, value) {
            Some((_, _, fields)) => check_members(fields, value),
            None => Err(unknown_tag(tagged, value)),
        },
        _ if fits_leaf(kind, value) => Ok(()),
        _ => Err(expected(kind, value)),
    }
}

fn check_members(fields: &[Field], object: &Value) -> Result<(), Mismatch> {
    for field in fields {
        let inside = |m: Mismatch| m.at(&[".", field.name].concat());
        match object.get(field.name) {
            None | Some(Value::Null) if field.required => {
                return Err(inside(Mismatch(" is required".into())))
            }
            None | Some(Value::Null) => {}
            Some(v) => check_shape(field.kind, v).map_err(inside)?,
        }
    }
    Ok(())
}

/// The variant an object's tag names, if any.
pub fn variant_of(
    tagged: &'static Tagged,
    value: &Value,
) -> Option<&'static (i64, &'static str, &'static [Field])> {
    let tag = value.get(tagged.tag)?.as_integer()?;
    tagged.variants.iter().find(|v| v.0 == tag)
}

fn fits_leaf(kind: Kind, value: &Value) -> bool {
    match (kind, value) {
        (Text | Id, Value::String(s)) => !s.is_empty(),
        (AnyText | TextOrJson, Value::String(_))
        | (Array | ArrayOrNull, Value::Array(_))
        | (Object, Value::Object(_))
        | (Number, Value::Number(_))
        | (Any, _) => true,
        (Integer, Value::Number(n)) => n.as_integer().is_some_and(|i| i >= 0),
        (Positive, Value::Number(n)) => n.as_integer().is_some_and(|i| i >= 1),
        (Id, Value::Number(n)) => n.as_integer().is_some(),
        (TextList, Value::Array(items)) => items
            .iter()
            .all(|i| matches!(i, Value::String(s) if !s.is_empty())),
        (JsonText, Value::String(s)) => is_json_object(s),
        (DayMask, Value::String(s)) => s.len() == 7 && s.bytes().all(|b| b == b'0' || b == b'1'),
        (TimeOfDay, Value::String(s)) => is_time_of_day(s),
        (Flag, Value::Number(n)) => matches!(n.as_integer(), Some(0 | 1)),
        (Switch, Value::Bool(_)) => true,
        (IntText | IntOrDigits, Value::Number(n)) => n.as_integer().is_some_and(|i| i >= 0),
        (IntText, Value::String(s)) => is_digits(s),
        (OneOf(values), Value::String(s)) => values.contains(&s.as_str()),
        (IntOneOf(values), Value::Number(n)) => n.as_integer().is_some_and(|i| values.contains(&i)),
        _ => false,
    }
}

/// One or more ASCII digits.
pub(crate) fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// ` must be a non-negative integer, not -1`: what `value` should have been.
fn expected(kind: Kind, value: &Value) -> Mismatch {
    if matches!((kind, value), (Text | Id, Value::String(s)) if s.is_empty()) {
        return Mismatch(" must not be empty".into());
    }
    let mut out = String::from(" must be ");
    describe(kind, &mut out);
    out.push_str(", not ");
    describe_value(value, &mut out);
    Mismatch(out)
}

/// `.ActionType must be one of 0, 1, 2, 3, not 7`.
fn unknown_tag(tagged: &Tagged, object: &Value) -> Mismatch {
    let mismatch = match object.get(tagged.tag) {
        None | Some(Value::Null) => Mismatch(" is required".into()),
        Some(tag) => {
            let mut out = String::from(" must be ");
            one_of_numbers(tagged.variants.iter().map(|v| v.0), &mut out);
            out.push_str(", not ");
            describe_value(tag, &mut out);
            Mismatch(out)
        }
    };
    mismatch.at(&[".", tagged.tag].concat())
}

fn describe_value(value: &Value, out: &mut String) {
    match value {
        Value::Number(n) => out.push_str(n.as_str()),
        Value::String(s) if s.is_empty() => out.push_str("an empty string"),
        Value::String(s) if s.len() <= 40 => out.extend(["\"", s, "\""]),
        Value::String(_) => out.push_str("a string"),
        Value::Array(_) => out.push_str("an array"),
        Value::Object(_) => out.push_str("an object"),
        other => out.push_str(other.type_name()),
    }
}

/// What fits `kind`, for messages: "a non-empty string".
pub fn describe(kind: Kind, out: &mut String) {
    let text = match kind {
        Text => "a non-empty string",
        AnyText | TextOrJson => "a string",
        Integer => "a non-negative integer",
        Positive => "an integer of at least 1",
        Number => "a number",
        Any => "a JSON value",
        TextList => "an array of non-empty strings",
        Array | ArrayOrNull | ListOf(_) => "an array",
        JsonText => "the JSON text of an object",
        Id => "a non-empty string or an integer",
        Object | Struct(_) | MapOf(_) => "an object",
        DayMask => "7 characters of 0 and 1, Sunday first",
        TimeOfDay => "a time of day, HH:mm",
        Flag => "0 or 1",
        IntText | IntOrDigits => "a non-negative integer or its digits",
        Switch => "true or false",
        OneOf(values) => {
            out.push_str("one of ");
            for (i, v) in values.iter().enumerate() {
                out.extend([if i > 0 { ", \"" } else { "\"" }, v, "\""]);
            }
            return;
        }
        IntOneOf(values) => return one_of_numbers(values.iter().copied(), out),
        Tagged(tagged) => {
            out.extend(["an object whose ", tagged.tag, " is "]);
            return one_of_numbers(tagged.variants.iter().map(|v| v.0), out);
        }
    };
    out.push_str(text);
}

fn one_of_numbers(values: impl Iterator<Item = i64>, out: &mut String) {
    out.push_str("one of ");
    for (i, v) in values.enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&int(v));
    }
}

pub fn is_json_object(text: &str) -> bool {
    matches!(parse(text, LoneSurrogates::Replace), Ok(Value::Object(_)))
}

/// `HH:mm` or `H:mm`, 00:00 to 23:59.
fn is_time_of_day(s: &str) -> bool {
    let Some((h, m)) = s.split_once(':') else {
        return false;
    };
    let number = |t: &str| {
        t.bytes().try_fold(0u32, |n, b| {
            b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
        })
    };
    matches!((h.len(), m.len()), (1 | 2, 2))
        && number(h).is_some_and(|h| h < 24)
        && number(m).is_some_and(|m| m < 60)
}
