//! `tests/fixtures/generated/result-shapes.json`: for every typed action whose result fields
//! sources put at more than one path, one case per other path: parameters its method accepts, an
//! answer with the field at that path (and every other required field where it belongs), and
//! where the typed result must have it, with what JavaScript type. tests/package/result-shapes
//! feeds each to the typed method.

use std::fmt::Write as _;

use iot_explorer_app::actions::{Action, Field, Kind};

use crate::methods::{method_name, typed};

/// A JSON sample of `kind`, and its JavaScript `typeof` (`array` for arrays).
fn sample(kind: Kind) -> (String, &'static str) {
    match kind {
        Kind::Integer
        | Kind::Positive
        | Kind::Number
        | Kind::Flag
        | Kind::Id
        | Kind::IntText
        | Kind::IntOrDigits => ("1".into(), "number"),
        Kind::Switch => ("true".into(), "boolean"),
        Kind::IntOneOf(values) => (values.first().copied().unwrap_or(0).to_string(), "number"),
        Kind::OneOf(values) => (
            format!("\"{}\"", values.first().copied().unwrap_or("")),
            "string",
        ),
        Kind::JsonText => ("\"{}\"".into(), "string"),
        Kind::DayMask => ("\"1111111\"".into(), "string"),
        Kind::TimeOfDay => ("\"08:00\"".into(), "string"),
        Kind::TextList => ("[\"x\"]".into(), "array"),
        Kind::Array | Kind::ArrayOrNull | Kind::ListOf(_) => ("[]".into(), "array"),
        Kind::Struct(fields) => {
            let members: Vec<String> = fields
                .iter()
                .filter(|f| f.required)
                .map(|f| format!("\"{}\":{}", f.name, sample(f.kind).0))
                .collect();
            (format!("{{{}}}", members.join(",")), "object")
        }
        Kind::Object | Kind::MapOf(_) | Kind::Tagged(_) | Kind::Any => ("{}".into(), "object"),
        Kind::Text | Kind::AnyText | Kind::TextOrJson => ("\"x\"".into(), "string"),
    }
}

/// Parameters the typed method takes: a sample of each required one, the device, one name of
/// each pair, the first variant.
fn params(def: &Action) -> String {
    let mut members: Vec<String> = Vec::new();
    let skip: Vec<&str> = def.either.iter().map(|(_, b)| *b).collect();
    for f in def
        .params
        .iter()
        .filter(|f| f.required && !skip.contains(&f.name))
    {
        members.push(format!("\"{}\":{}", f.name, sample(f.kind).0));
    }
    for (a, _) in def.either {
        members.push(format!("\"{a}\":\"x\""));
    }
    if def.device {
        members.push("\"ProductId\":\"P\",\"DeviceName\":\"d\"".into());
    }
    if let Some(variants) = def.variants {
        if let Some((_, fields)) = variants.cases.first() {
            for f in *fields {
                members.push(format!("\"{}\":{}", f.name, sample(f.kind).0));
            }
        }
    }
    format!("{{{}}}", members.join(","))
}

/// A tree of JSON members from paths (`Data.Token`, `Users[].UserId`): an array holds one item.
#[derive(Default)]
struct Tree(Vec<(String, bool, Option<String>, Tree)>); // name, each, leaf value, inside

impl Tree {
    fn put(&mut self, path: &str, value: &str) {
        let (first, rest) = path.split_once('.').unwrap_or((path, ""));
        let (name, each) = match first.strip_suffix("[]") {
            Some(name) => (name, true),
            None => (first, false),
        };
        let at = match self.0.iter().position(|c| c.0 == name) {
            Some(at) => at,
            None => {
                self.0.push((name.into(), each, None, Tree::default()));
                self.0.len() - 1
            }
        };
        if let Some(child) = self.0.get_mut(at) {
            child.1 |= each;
            if rest.is_empty() {
                child.2 = Some(value.into());
            } else {
                child.3.put(rest, value);
            }
        }
    }

    fn json(&self) -> String {
        let members: Vec<String> = self
            .0
            .iter()
            .map(|(name, each, leaf, inside)| {
                // Members inside win over a sample of the container (`Users` and `Users[].UserID`).
                let value = match (leaf, inside.0.is_empty()) {
                    (Some(leaf), true) => leaf.clone(),
                    _ if *each => format!("[{}]", inside.json()),
                    _ => inside.json(),
                };
                format!("\"{name}\":{value}")
            })
            .collect();
        format!("{{{}}}", members.join(","))
    }
}

/// The answer with `moved` at `alternate` and every other required field at its own path.
/// The fields inside a moved list go inside it where it is seen (`Roomlist[].RoomId`).
fn answer(def: &Action, moved: &Field, alternate: &str) -> String {
    let mut tree = Tree::default();
    let list = format!("{}[].", moved.path());
    for f in def
        .result
        .iter()
        .filter(|f| f.required && f.name != moved.name)
    {
        let path = match f.path().strip_prefix(&list) {
            Some(rest) => format!("{alternate}[].{rest}"),
            None => f.path().to_owned(),
        };
        tree.put(&path, &sample(f.kind).0);
    }
    tree.put(alternate, &sample(moved.kind).0);
    tree.json()
}

pub fn result_shapes_json() -> String {
    let mut cases = Vec::new();
    for def in typed().filter(|d| !d.about.grant) {
        for field in def.result.iter().filter(|f| f.name.contains('|')) {
            // A field inside a list seen under another list's name moves with its list (that case).
            let list_of = |path: &str| {
                path.rfind("[]")
                    .and_then(|at| path.get(..at))
                    .map(str::to_owned)
            };
            for alternate in field
                .name
                .split('|')
                .skip(1)
                .filter(|a| list_of(a) == list_of(field.path()))
            {
                let (_, js_type) = sample(field.kind);
                let mut case = String::new();
                let _ = write!(
                    case,
                    "  {{ \"method\": \"{}\", \"params\": {}, \"answer\": {}, \"path\": \"{}\", \"seenAt\": \"{alternate}\", \"type\": \"{js_type}\" }}",
                    method_name(def),
                    params(def),
                    answer(def, field, alternate),
                    field.path()
                );
                cases.push(case);
            }
        }
    }
    format!("[\n{}\n]\n", cases.join(",\n"))
}
