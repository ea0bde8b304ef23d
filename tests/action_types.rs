//! The TypeScript side of every typed action, generated from its one definition
//! (`src/actions/spec.rs`: parameters and result fields, which the core checks) and the method
//! table below (the client method that sends it and its doc page). The generated block at the
//! end of `pkg-template/index.d.ts` and `pkg-template/src/action-methods.js` must be what this
//! writes: the test fails on any drift.
//!
//! After changing a spec or the table: `UPDATE_ACTION_TYPES=1 cargo test --test action_types`.
#![cfg(not(target_arch = "wasm32"))] // it reads and writes the repository's files
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::string_slice,
    clippy::panic
)]

use std::collections::BTreeSet;
use std::fmt::Write as _;

use iot_explorer_app::actions::spec::{Field, Kind, Spec, EITHER, SPECS};
use iot_explorer_app::Api;

/// action, client method (None: a method written by hand, or none), doc page, what it does.
const METHODS: &[(&str, Option<&str>, &str, &str)] = &[
    ("AppGetTokenByWeiXin", None, "1081/40781", "WeChat login: a token for an OpenID (registers the user on first call)"),
    ("AppGetToken", None, "1081/40786", "phone or e-mail login"),
    ("AppSendVerificationCode", Some("sendVerificationCode"), "1081/40785", "sends an SMS code for registration or a password reset"),
    ("AppCheckVerificationCode", Some("checkVerificationCode"), "1081/40785", "checks an SMS code"),
    ("AppSendEmailVerificationCode", Some("sendEmailVerificationCode"), "1081/40773", "sends an e-mail code"),
    ("AppCheckEmailVerificationCode", Some("checkEmailVerificationCode"), "1081/40773", "checks an e-mail code"),
    ("AppCreateCellphoneUser", Some("createCellphoneUser"), "1081/40783", "registers a phone user"),
    ("AppCreateEmailUser", Some("createEmailUser"), "1081/40773", "registers an e-mail user"),
    ("AppResetPasswordByCellphone", Some("resetPasswordByCellphone"), "1081/40773", "resets a phone user's password"),
    ("AppResetPasswordByEmail", Some("resetPasswordByEmail"), "1081/40773", "resets an e-mail user's password"),
    ("AppGetUser", Some("getUser"), "1081/67448", "the logged-in user"),
    ("AppUpdateUser", Some("updateUser"), "1081/40773", "changes the user's nickname or avatar"),
    ("AppLogoutUser", None, "1081/40787", "ends the token"),
    ("AppGetFamilyList", Some("getFamilyList"), "1081/40811", "one page of the user's families"),
    ("AppCreateFamily", Some("createFamily"), "1081/40773", "creates a family"),
    ("AppGetFamilyDeviceList", Some("getFamilyDeviceList"), "1081/40803", "one page of a family's devices (RoomId \"\" sent when left out: every room)"),
    ("AppGetDeviceStatuses", Some("getDeviceStatuses"), "1081/40804", "online states of devices"),
    ("AppGetDeviceData", Some("getDeviceData"), "1081/48492", "a device's property values"),
    ("AppControlDeviceData", Some("controlDevice"), "1081/40805", "sends property values to a device"),
    ("AppCreateRoom", Some("createRoom"), "1081/40813", "creates a room in a family"),
    ("AppModifyRoom", Some("modifyRoom"), "1081/40814", "renames a room"),
    ("AppDeleteRoom", Some("deleteRoom"), "1081/40815", "deletes a room"),
    ("AppGetRoomList", Some("getRoomList"), "1081/40816", "one page of a family's rooms"),
    ("AppGetDeviceInFamily", Some("getDeviceInFamily"), "1081/40807", "one device of a family"),
    ("AppUpdateDeviceInFamily", Some("updateDeviceInFamily"), "1081/40806", "sets a device's alias"),
    ("AppDeleteDeviceInFamily", Some("deleteDeviceInFamily"), "1081/40802", "removes a device from a family"),
    ("AppModifyFamilyDeviceRoom", Some("modifyFamilyDeviceRoom"), "1081/43201", "moves a device to another room"),
    ("AppSetUserDeviceConfig", Some("setUserDeviceConfig"), "1131/83099", "stores a per-user device setting (no doc page; as the official demo sends it)"),
    ("AppCreateDeviceBindToken", Some("createDeviceBindToken"), "1081/44044", "a token for provisioning a device"),
    ("AppGetDeviceBindTokenState", Some("getDeviceBindTokenState"), "1081/44045", "whether the device reported the token in (State 2)"),
    ("AppTokenBindDeviceFamily", Some("tokenBindDeviceFamily"), "1081/44046", "binds the device that reported the token to a family"),
    ("AppSigBindDeviceInFamily", Some("sigBindDeviceInFamily"), "1081/50205", "binds a device by its own signature"),
    ("AppSecureAddDeviceInFamily", Some("secureAddDeviceInFamily"), "1131/83099", "binds a device by the signature of its QR code (no doc page; as the official apps send it)"),
    ("AppGetProducts", Some("getProducts"), "1081/48764", "products with their data templates"),
    ("AppGetProductsConfig", Some("getProductsConfig"), "1131/83099", "products' panel configurations (no doc page; as the official apps read it)"),
    ("AppDescribeFamily", Some("describeFamily"), "1081/40812", "a family's name and address"),
    ("AppModifyFamily", Some("modifyFamily"), "1081/40810", "renames a family or changes its address"),
    ("AppDeleteFamily", Some("deleteFamily"), "1131/83099", "deletes a family (its admin only; no doc page; as the official apps send it)"),
    ("AppInviteMember", Some("inviteMember"), "1081/40817", "a ShareToken another user joins the family with"),
    ("AppJoinFamily", Some("joinFamily"), "1081/40818", "joins a family by the ShareToken its admin made"),
    ("AppExitFamily", Some("exitFamily"), "1081/40820", "leaves a family"),
    ("AppDeleteFamilyMember", Some("deleteFamilyMember"), "1081/40819", "removes a member (the family's admin only; MemberId or MemberID)"),
    ("AppGetFamilyMemberList", Some("getFamilyMemberList"), "1081/40821", "one page of a family's members"),
    ("AppSendShareFamilyInvite", Some("sendShareFamilyInvite"), "1081/43157", "invites a user, by UserID, to a family"),
    ("AppCreateShareDeviceToken", Some("createShareDeviceToken"), "1081/48183", "a ShareDeviceToken another user binds the device with"),
    ("AppDescribeShareDeviceToken", Some("describeShareDeviceToken"), "1081/48187", "what a ShareDeviceToken shares, from whom, and whether it was used"),
    ("AppBindUserShareDevice", Some("bindUserShareDevice"), "1081/48188", "takes a device shared by its ShareDeviceToken"),
    ("AppListUserShareDevices", Some("listUserShareDevices"), "1081/48189", "one page of the devices shared with the user"),
    ("AppRemoveUserShareDevice", Some("removeUserShareDevice"), "1081/48190", "gives back a device shared with the user"),
    ("AppListShareDeviceUsers", Some("listShareDeviceUsers"), "1081/43200", "one page of the users a device is shared with (no retrievable table; as the official apps read it)"),
    ("AppRemoveShareDeviceUser", Some("removeShareDeviceUser"), "1081/48192", "stops sharing a device with a user (RemoveUserId or RemoveUserID)"),
    ("AppSendShareDeviceInvite", Some("sendShareDeviceInvite"), "1081/43156", "offers a device to a user, by UserID"),
    ("AppCreateTimer", Some("createTimer"), "1081/40796", "schedules a control of a device (Data may be an object: sent as its JSON text)"),
    ("AppModifyTimer", Some("modifyTimer"), "1081/40797", "changes a timer (Data may be an object: sent as its JSON text)"),
    ("AppModifyTimerStatus", Some("modifyTimerStatus"), "1081/40799", "turns a timer on (1) or off (0)"),
    ("AppDeleteTimer", Some("deleteTimer"), "1081/40798", "deletes a timer"),
    ("AppGetTimerList", Some("getTimerList"), "1081/40800", "one page of a device's timers"),
    ("AppGetDeviceDataHistory", Some("getDeviceDataHistory"), "1081/43119", "one page of a property's reported values between MinTime and MaxTime (ms)"),
    ("AppListEventHistory", Some("listEventHistory"), "1081/60783", "one page of a device's events between StartTime and EndTime (s)"),
    ("AppCallDeviceActionSync", Some("callDeviceActionSync"), "1081/61347", "calls a device action and waits for its output (InputParams may be an object; OutputParams also parsed as OutputParamsParsed)"),
    ("AppCheckFirmwareUpdate", Some("checkFirmwareUpdate"), "876/47129", "the device's firmware version and the version it can upgrade to"),
    ("AppPublishFirmwareUpdateMessage", Some("publishFirmwareUpdateMessage"), "1081/47131", "tells the device to upgrade (the user confirmed)"),
    ("AppDescribeFirmwareUpdateStatus", Some("describeFirmwareUpdateStatus"), "1081/47128", "the upgrade's status and percent"),
    ("AppCallDeviceActionAsync", Some("callDeviceActionAsync"), "1081/61348", "calls a device action; the output comes as an ActionReport push with the same ClientToken"),
];

const DOC_BASE: &str = "https://cloud.tencent.com/document/product/";
const BEGIN: &str = "// <generated by tests/action_types.rs from src/actions/spec.rs: do not edit>";
const END: &str = "// </generated>";

fn ts_of(kind: Kind, param: bool) -> &'static str {
    match kind {
        Kind::Text | Kind::AnyText | Kind::JsonText => "string",
        Kind::Integer => "number",
        Kind::TextList if param => "readonly string[]",
        Kind::TextList => "string[]",
        Kind::Array => "JsonValue[]",
        Kind::Id => "string | number",
        Kind::Object => "{ [key: string]: JsonValue }",
        Kind::DayMask | Kind::TimeOfDay => "string",
        Kind::Flag => "0 | 1",
    }
}

/// A result's fields as a tree: `Data.Token`, `RoomList[].RoomId` → nested object types.
#[derive(Default)]
struct Node {
    children: Vec<(String, bool, bool, Option<Kind>, Node)>, // name, required, each, kind, inside
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
        let at = match self.children.iter().position(|c| c.0 == name) {
            Some(at) => at,
            None => {
                self.children
                    .push((name.to_owned(), true, each, None, Node::default()));
                self.children.len() - 1
            }
        };
        let child = &mut self.children[at];
        child.2 |= each;
        if rest.is_empty() {
            child.1 = field.required;
            child.3 = Some(field.kind);
        } else {
            child.4.insert(rest, field);
        }
    }

    fn ts(&self, indent: usize) -> String {
        let pad = "  ".repeat(indent);
        let mut out = String::from("{\n");
        for (name, required, each, kind, inside) in &self.children {
            let inner = if inside.children.is_empty() {
                kind.map_or("JsonValue", |k| ts_of(k, false)).to_owned()
            } else {
                inside.ts(indent + 1)
            };
            let ty = match (each, kind) {
                (true, Some(Kind::Array) | None) if !inside.children.is_empty() => {
                    format!("Array<{inner}>")
                }
                _ => inner,
            };
            let (mark, null) = if *required {
                ("", "")
            } else {
                ("?", " | null")
            };
            let _ = writeln!(out, "{pad}  {name}{mark}: {ty}{null};");
        }
        out + &pad + "}"
    }
}

/// The pairs of names of which one is required (`EITHER`), as a TypeScript union each.
fn either_types(spec: &Spec) -> String {
    EITHER
        .iter()
        .filter(|e| e.0 == spec.action)
        .map(|(_, a, b)| {
            format!("({{ {a}: string; {b}?: undefined }} | {{ {b}: string; {a}?: undefined }}) & ")
        })
        .collect()
}

/// Whether the method may be called without parameters: nothing in them is required.
fn params_optional(spec: &Spec) -> bool {
    !spec.device && either_types(spec).is_empty() && spec.params.iter().all(|f| !f.required)
}

fn params_type(spec: &Spec) -> String {
    let either = either_types(spec);
    let pairs: Vec<&str> = EITHER
        .iter()
        .filter(|e| e.0 == spec.action)
        .flat_map(|e| [e.1, e.2])
        .collect();
    let (open, close) = match (spec.device, either.is_empty()) {
        (false, true) => ("interface", " {".to_owned()),
        (true, _) => ("type", format!(" = {either}DeviceSelector & {{")),
        (false, false) => ("type", format!(" = {either}{{")),
    };
    let mut out = format!(
        "/** The parameters of `{}`, as the core checks them. */\nexport {open} {}Params{close}\n",
        spec.action, spec.action
    );
    let selector = ["ProductId", "DeviceName", "DeviceId"];
    for f in spec
        .params
        .iter()
        .filter(|f| !(pairs.contains(&f.name) || spec.device && selector.contains(&f.name)))
    {
        let mark = if f.required { "" } else { "?" };
        let _ = writeln!(out, "  {}{mark}: {};", f.name, ts_of(f.kind, true));
    }
    out + if open == "type" { "};\n" } else { "}\n" }
}

fn result_type(spec: &Spec) -> String {
    let mut root = Node::default();
    for f in spec.result {
        // `A|B` (sources disagree on the path): either may be there, so each is optional.
        let alternatives: Vec<&str> = f.name.split('|').collect();
        for path in &alternatives {
            let field = Field {
                required: f.required && alternatives.len() == 1,
                ..*f
            };
            root.insert(&path.split('.').collect::<Vec<_>>(), &field);
        }
    }
    root.children.insert(
        0,
        (
            "RequestId".into(),
            false,
            false,
            Some(Kind::Text),
            Node::default(),
        ),
    );
    let disagreements: Vec<String> = spec
        .result
        .iter()
        .filter(|f| f.name.contains('|'))
        .map(|f| format!("`{}`", f.name.replace('|', "` or `")))
        .collect();
    let note = if disagreements.is_empty() {
        String::new()
    } else {
        format!(
            " Sources disagree on where some fields are, so each shape seen is accepted: {}.",
            disagreements.join("; ")
        )
    };
    format!(
        "/** What `{}` answers (the fields the core checks; others may be there too).{note} */\nexport interface {}Result {}\n",
        spec.action,
        spec.action,
        root.ts(0)
    )
}

fn methods(api: Api) -> String {
    let (name, options) = match api {
        Api::TokenApi => ("TypedClientMethods", ""),
        _ => ("TypedServerMethods", ", options?: CallOptions"),
    };
    let mut out = format!("/** The typed methods generated from the action definitions; each sends the action it names. */\nexport interface {name} {{\n");
    for (action, method, doc, what) in METHODS {
        let (Some(method), Some(spec)) = (method, SPECS.iter().find(|s| s.action == *action))
        else {
            continue;
        };
        if spec.api != api {
            continue;
        }
        let optional = if params_optional(spec) { "?" } else { "" };
        let _ = writeln!(out, "  /** Sends `{action}` ({DOC_BASE}{doc}): {what}. */");
        let _ = writeln!(
            out,
            "  {method}(params{optional}: {action}Params{options}): Promise<{action}Result>;"
        );
    }
    out + "}\n"
}

fn generated_dts() -> String {
    let mut out = format!("{BEGIN}\n");
    out += "/** A device, as the docs name it or as the official demo does (`\"ProductId/DeviceName\"`). */\n";
    out += "export type DeviceSelector = { ProductId: string; DeviceName: string; DeviceId?: undefined } | { DeviceId: string; ProductId?: undefined; DeviceName?: undefined };\n";
    for spec in SPECS {
        out += &params_type(spec);
        out += &result_type(spec);
    }
    out += &methods(Api::TokenApi);
    out += &methods(Api::AppApi);
    out + END + "\n"
}

fn generated_js() -> String {
    let mut out = String::from(
        "// Generated by tests/action_types.rs from src/actions/spec.rs: do not edit.\n\
         // The typed actions of the two clients, without their \"App\" prefix; `*` marks those that\n\
         // name a device (ProductId + DeviceName, or DeviceId). A method is the action's name with\n\
         // a lower-case first letter, unless RENAMED names it.\n",
    );
    let mut renamed = Vec::new();
    for (name, api) in [
        ("CLIENT_ACTIONS", Api::TokenApi),
        ("SERVER_ACTIONS", Api::AppApi),
    ] {
        let mut entries = Vec::new();
        for (action, method, _, _) in METHODS {
            let Some(method) = method else { continue };
            let Some(spec) = SPECS.iter().find(|s| s.action == *action && s.api == api) else {
                continue;
            };
            let short = action.strip_prefix("App").unwrap_or_default();
            assert!(!short.is_empty(), "{action}: the JS table adds App back");
            let mut derived = short.to_owned();
            derived[..1].make_ascii_lowercase();
            if derived != *method {
                renamed.push(format!("{short}: '{method}'"));
            }
            entries.push(format!("{short}{}", if spec.device { "*" } else { "" }));
        }
        let _ = writeln!(out, "export const {name} = '{}';", entries.join(" "));
    }
    let _ = writeln!(out, "export const RENAMED = {{ {} }};", renamed.join(", "));
    out
}

fn check_or_update(path: &str, want: &str, splice: impl Fn(&str, &str) -> String) {
    let full = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    let have = std::fs::read_to_string(&full).unwrap_or_default();
    let next = splice(&have, want);
    if std::env::var_os("UPDATE_ACTION_TYPES").is_some() {
        std::fs::write(&full, next).unwrap();
        return;
    }
    assert!(have == next, "{path} is not what src/actions/spec.rs defines: run UPDATE_ACTION_TYPES=1 cargo test --test action_types");
}

#[test]
fn index_d_ts_declares_every_typed_action_as_defined() {
    check_or_update("pkg-template/index.d.ts", &generated_dts(), |have, want| {
        let kept = match have.find(BEGIN) {
            Some(at) => &have[..at],
            None => have,
        };
        format!("{kept}{want}")
    });
}

#[test]
fn the_method_table_is_generated_too() {
    check_or_update(
        "pkg-template/src/action-methods.js",
        &generated_js(),
        |_, want| want.to_owned(),
    );
}

const README_BEGIN: &str = "<!-- generated by tests/action_types.rs: typed methods -->";
const README_END: &str = "<!-- /generated -->";

/// The README's table of typed methods and the list of actions that go only through `call()`.
fn generated_readme() -> String {
    let mut out =
        format!("{README_BEGIN}\n| Method | Action | Doc | What it does |\n|---|---|---|---|\n");
    let mut typed = BTreeSet::new();
    for (action, method, doc, what) in METHODS {
        let Some(spec) = SPECS.iter().find(|s| s.action == *action) else {
            continue;
        };
        typed.insert(*action);
        let receiver = match spec.api {
            Api::TokenApi => "client",
            _ => "server",
        };
        // Written by hand: the two logins and the logout.
        let by_hand = match *action {
            "AppGetTokenByWeiXin" => "`server.getTokenByWeiXin()`",
            "AppGetToken" => "`server.getToken()`",
            "AppLogoutUser" => "`client.logout()`",
            _ => "(none)",
        };
        let call = method.map_or_else(|| by_hand.to_owned(), |m| format!("`{receiver}.{m}()`"));
        let _ = writeln!(
            out,
            "| {call} | `{action}` | [{doc}]({DOC_BASE}{doc}) | {what} |"
        );
    }
    let untyped: Vec<String> = iot_explorer_app::actions::known_actions()
        .filter(|(a, _)| !typed.contains(a))
        .map(|(a, _)| format!("`{a}`"))
        .collect();
    let _ = writeln!(
        out,
        "\nOnly through `call(action, params)` ({} actions, sent to the right endpoint, unchecked): {}.",
        untyped.len(),
        untyped.join(", ")
    );
    out + README_END
}

#[test]
fn the_readme_lists_every_typed_method_with_its_action() {
    check_or_update("README.md", &generated_readme(), |have, want| {
        match (have.find(README_BEGIN), have.find(README_END)) {
            (Some(start), Some(end)) if end > start => {
                format!(
                    "{}{want}{}",
                    &have[..start],
                    &have[end + README_END.len()..]
                )
            }
            _ => panic!("README.md has no {README_BEGIN} … {README_END} block"),
        }
    });
}

#[test]
fn every_typed_action_has_a_doc_page_and_at_most_one_method() {
    let listed: BTreeSet<&str> = METHODS.iter().map(|m| m.0).collect();
    for spec in SPECS {
        assert!(
            listed.contains(spec.action),
            "{} has no entry in METHODS",
            spec.action
        );
    }
    let methods: Vec<&str> = METHODS.iter().filter_map(|m| m.1).collect();
    assert_eq!(
        methods.len(),
        methods.iter().collect::<BTreeSet<_>>().len(),
        "a method name used twice"
    );
}
