//! The TypeScript types of an action's parameters and result, from its fields.

use std::fmt::Write as _;

use iot_explorer_app::actions::{Action, Field, Kind, Tagged};

/// Whether a type is written for what the caller passes (readonly arrays, objects for JSON
/// text) or for what the SDK resolves to.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Param,
    Result,
}

/// The type of a value of `kind`. `json` is what a JSON-text parameter also takes (the
/// method's type parameter, or a plain object type).
pub fn ts_of(kind: Kind, side: Side, json: &str) -> String {
    let readonly = if side == Side::Param { "readonly " } else { "" };
    match kind {
        Kind::Text | Kind::AnyText | Kind::DayMask | Kind::TimeOfDay => "string".into(),
        Kind::JsonText if side == Side::Param => format!("string | {json}"),
        Kind::TextOrJson if side == Side::Param => {
            format!("string | {json} | readonly JsonValue[]")
        }
        Kind::JsonText | Kind::TextOrJson => "string".into(),
        Kind::Integer | Kind::Positive | Kind::Number | Kind::IntOrDigits => "number".into(),
        Kind::Any => "JsonValue".into(),
        Kind::TextList => format!("{readonly}string[]"),
        Kind::Array | Kind::ArrayOrNull => format!("{readonly}JsonValue[]"),
        Kind::Id => "string | number".into(),
        Kind::Object => "{ [key: string]: JsonValue }".into(),
        Kind::Flag => "0 | 1".into(),
        Kind::Switch => "boolean".into(),
        Kind::IntText if side == Side::Param => "number | string".into(),
        Kind::IntText => "string | number".into(),
        Kind::OneOf(values) => values
            .iter()
            .map(|v| format!("'{v}'"))
            .collect::<Vec<_>>()
            .join(" | "),
        Kind::IntOneOf(values) => values
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(" | "),
        Kind::Struct(fields) => object_of(fields, side, json),
        Kind::ListOf(item) if side == Side::Param => {
            format!("ReadonlyArray<{}>", ts_of(*item, side, json))
        }
        Kind::ListOf(item) => format!("Array<{}>", ts_of(*item, side, json)),
        Kind::MapOf(member) => format!("{{ [key: string]: {} }}", ts_of(*member, side, json)),
        Kind::Tagged(tagged) if side == Side::Param => format!("{}Input", tagged.name),
        Kind::Tagged(tagged) => tagged.name.into(),
    }
}

/// The named types of the tagged unions that typed actions use (`SceneAction`, and
/// `SceneActionInput` for what a method takes), each once.
pub fn tagged_types(defs: &[&Action]) -> String {
    let mut named: Vec<&Tagged> = Vec::new();
    let fields = defs
        .iter()
        .flat_map(|d| d.params.iter().chain(d.result.iter()));
    for field in fields {
        collect_tagged(field.kind, &mut named);
    }
    let mut out = String::new();
    for tagged in named {
        let meanings: Vec<String> = tagged
            .variants
            .iter()
            .map(|(value, meaning, _)| format!("{value} {meaning}"))
            .collect();
        for (side, suffix, what) in [
            (Side::Result, "", ""),
            (Side::Param, "Input", ", as a typed method takes them"),
        ] {
            let cases: Vec<String> = tagged
                .variants
                .iter()
                .map(|(value, _, fields)| {
                    let tag = format!("{{ {}: {value}; ", tagged.tag);
                    object_of(fields, side, "JsonObject").replacen("{ ", &tag, 1)
                })
                .collect();
            let _ = writeln!(
                out,
                "/** The shapes told apart by `{}`: {}{what}. */\nexport type {}{suffix} =\n  | {};",
                tagged.tag,
                meanings.join(", "),
                tagged.name,
                cases.join("\n  | ")
            );
        }
    }
    out
}

fn collect_tagged(kind: Kind, named: &mut Vec<&'static Tagged>) {
    match kind {
        Kind::Tagged(tagged) => {
            if !named.iter().any(|t| t.name == tagged.name) {
                named.push(tagged);
            }
            for (_, _, fields) in tagged.variants {
                fields.iter().for_each(|f| collect_tagged(f.kind, named));
            }
        }
        Kind::ListOf(inner) | Kind::MapOf(inner) => collect_tagged(*inner, named),
        Kind::Struct(fields) => fields.iter().for_each(|f| collect_tagged(f.kind, named)),
        _ => {}
    }
}

/// `{ A: string; B?: number }`, a field's tag member left to `Tagged`.
fn object_of(fields: &[Field], side: Side, json: &str) -> String {
    let members: Vec<String> = fields
        .iter()
        .map(|f| {
            let mark = if f.required { "" } else { "?" };
            format!("{}{mark}: {}", f.name, ts_of(f.kind, side, json))
        })
        .collect();
    format!("{{ {} }}", members.join("; "))
}

/// What a typed method sends for the parameter `name` when it is left out, if anything.
pub fn default_of(def: &Action, name: &str) -> Option<&'static str> {
    def.defaults
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
}

/// Whether a parameter of this kind takes an object as JSON text (the method then has a type
/// parameter for it, so that interfaces are accepted).
pub fn takes_json(def: &Action) -> bool {
    def.params
        .iter()
        .any(|f| matches!(f.kind, Kind::JsonText | Kind::TextOrJson))
}

/// The parameters' type: `type AppXParams<D extends object = JsonObject> = DeviceSelector & {…}`.
pub fn params_type(def: &Action) -> String {
    let generic = takes_json(def);
    let (declared, json) = if generic {
        ("<D extends object = JsonObject>", "(D & Jsonable<D>)")
    } else {
        ("", "JsonObject")
    };
    let special: Vec<&str> = def
        .either
        .iter()
        .flat_map(|(a, b)| [*a, *b])
        .chain(
            def.device
                .then_some(["ProductId", "DeviceName", "DeviceId"])
                .into_iter()
                .flatten(),
        )
        .chain(def.variants.map(|v| v.tag))
        .collect();
    let mut members = String::new();
    for f in def.params.iter().filter(|f| !special.contains(&f.name)) {
        let default = default_of(def, f.name);
        let optional = !f.required || default.is_some();
        let mark = if optional { "?" } else { "" };
        let note = match default {
            Some("") => " // sent as \"\" when left out".to_owned(),
            Some(text) => format!(" // sent as \"{text}\" when left out or empty"),
            None => String::new(),
        };
        let _ = writeln!(
            members,
            "  {}{mark}: {};{note}",
            f.name,
            ts_of(f.kind, Side::Param, json)
        );
    }
    let type_of = |name: &str| {
        def.params
            .iter()
            .find(|f| f.name == name)
            .map_or("string".into(), |f| ts_of(f.kind, Side::Param, json))
    };
    let mut parts: Vec<String> = def
        .either
        .iter()
        .map(|(a, b)| {
            let (ta, tb) = (type_of(a), type_of(b));
            format!("({{ {a}: {ta}; {b}?: undefined }} | {{ {b}: {tb}; {a}?: undefined }})")
        })
        .collect();
    if def.device {
        parts.push("DeviceSelector".into());
    }
    if let Some(variants) = def.variants {
        let cases: Vec<String> = variants
            .cases
            .iter()
            .map(|(value, fields)| {
                let mut case = format!("{{ {}: '{value}'", variants.tag);
                for f in *fields {
                    let _ = write!(case, "; {}: {}", f.name, ts_of(f.kind, Side::Param, json));
                }
                case + " }"
            })
            .collect();
        parts.push(format!("({})", cases.join(" | ")));
    }
    parts.push(format!("{{\n{members}}}"));
    format!(
        "/** The parameters of `{}`, as the core checks them. */\nexport type {}Params{declared} = {};\n",
        def.name,
        def.name,
        parts.join(" & ")
    )
}

/// A result's fields as a tree: `Data.Token`, `RoomList[].RoomId` → nested object types.
#[derive(Default)]
struct Node {
    children: Vec<Child>,
}

struct Child {
    name: String,
    required: bool,
    each: bool,
    kind: Option<Kind>,
    inside: Node,
}

impl Node {
    fn insert(&mut self, segments: &[&str], field: &Field) {
        let Some((first, rest)) = segments.split_first() else {
            return;
        };
        let (name, each) = match first.strip_suffix("[]") {
            Some(name) => (name, true),
            None => (*first, false),
        };
        let at = match self.children.iter().position(|c| c.name == name) {
            Some(at) => at,
            None => {
                self.children.push(Child {
                    name: name.to_owned(),
                    required: true,
                    each,
                    kind: None,
                    inside: Node::default(),
                });
                self.children.len() - 1
            }
        };
        let Some(child) = self.children.get_mut(at) else {
            return;
        };
        child.each |= each;
        if rest.is_empty() {
            child.required = field.required;
            child.kind = Some(field.kind);
        } else {
            child.inside.insert(rest, field);
        }
    }

    fn ts(&self, indent: usize) -> String {
        let pad = "  ".repeat(indent);
        let mut out = String::from("{\n");
        for child in &self.children {
            let inner = if child.inside.children.is_empty() {
                child
                    .kind
                    .map_or("JsonValue".into(), |k| ts_of(k, Side::Result, ""))
            } else {
                child.inside.ts(indent + 1)
            };
            let ty = if child.each && !child.inside.children.is_empty() {
                format!("Array<{inner}>")
            } else {
                inner
            };
            let (mark, null) = if child.required {
                ("", "")
            } else {
                ("?", " | null")
            };
            let _ = writeln!(out, "{pad}  {}{mark}: {ty}{null};", child.name);
        }
        out + &pad + "}"
    }
}

/// The result's type: each field at the path the core puts it, `<name>Parsed` beside JSON text.
pub fn result_type(def: &Action) -> String {
    let mut root = Node::default();
    root.children.push(Child {
        name: "RequestId".into(),
        required: false,
        each: false,
        kind: Some(Kind::Text),
        inside: Node::default(),
    });
    for f in def.result {
        root.insert(&f.path().split('.').collect::<Vec<_>>(), f);
    }
    for (name, shape) in def.parsed {
        root.children.push(Child {
            name: format!("{name}Parsed"),
            required: true,
            each: false,
            kind: Some(*shape),
            inside: Node::default(),
        });
    }
    let moved: Vec<String> = def
        .result
        .iter()
        .filter(|f| f.name.contains('|'))
        .map(|f| {
            let mut paths = f.name.split('|');
            let path = paths.next().unwrap_or_default();
            format!(
                "`{path}` (also seen at `{}`)",
                paths.collect::<Vec<_>>().join("`, `")
            )
        })
        .collect();
    let note = if moved.is_empty() {
        String::new()
    } else {
        format!(
            " Sources disagree on where some fields are; each is given at one path: {}.",
            moved.join("; ")
        )
    };
    format!(
        "/** What `{}` resolves to (the fields the core checks; others may be there too).{note} */\nexport interface {}Result {}\n",
        def.name,
        def.name,
        root.ts(0)
    )
}
