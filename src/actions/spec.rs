//! The typed actions: which parameters each needs (checked before anything is sent) and what its
//! response must contain (checked before the caller sees it), from app-api.md §4.1.

use crate::endpoint::Api;
use crate::error::{Error, Result};
use crate::json::{parse, LoneSurrogates, Value};
use crate::params::Params;
use crate::response::ApiResponse;

/// The shape a parameter or a response field must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A non-empty string.
    Text,
    /// A string, possibly empty.
    AnyText,
    Integer,
    /// An array of non-empty strings.
    TextList,
    Array,
    /// A string holding a JSON object (`Data` of device data calls).
    JsonText,
}

/// `name` for a parameter; a path such as `Data.Token` or `FamilyList[].FamilyId` for a result.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub name: &'static str,
    pub kind: Kind,
    pub required: bool,
}

const fn req(name: &'static str, kind: Kind) -> Field {
    Field {
        name,
        kind,
        required: true,
    }
}

const fn opt(name: &'static str, kind: Kind) -> Field {
    Field {
        name,
        kind,
        required: false,
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Spec {
    pub action: &'static str,
    pub api: Api,
    pub params: &'static [Field],
    pub result: &'static [Field],
}

use Kind::*;

const PAGE: [Field; 2] = [opt("Offset", Integer), opt("Limit", Integer)];
const GRANT: &[Field] = &[req("Data.Token", Text), req("Data.ExpireAt", Integer)];
const PHONE: [Field; 2] = [req("CountryCode", Text), req("PhoneNumber", Text)];

pub const SPECS: &[Spec] = &[
    Spec {
        action: "AppGetTokenByWeiXin",
        api: Api::AppApi,
        params: &[
            req("WxOpenID", Text),
            // WeChat gives no nickname or avatar unless the user fills them in: empty is common,
            // and `emptyValues` decides whether they are signed (public vectors, app-api.md §1.7).
            req("NickName", AnyText),
            req("Avatar", AnyText),
        ],
        result: GRANT,
    },
    Spec {
        action: "AppGetToken",
        api: Api::AppApi,
        // Plus CountryCode+PhoneNumber or Email, by Type: see `check_params`.
        params: &[req("Type", Text), req("Password", Text)],
        result: GRANT,
    },
    Spec {
        action: "AppSendVerificationCode",
        api: Api::AppApi,
        params: &[req("Type", Text), PHONE[0], PHONE[1]],
        result: &[],
    },
    Spec {
        action: "AppCheckVerificationCode",
        api: Api::AppApi,
        params: &[
            req("Type", Text),
            PHONE[0],
            PHONE[1],
            req("VerificationCode", Text),
        ],
        result: &[],
    },
    Spec {
        action: "AppSendEmailVerificationCode",
        api: Api::AppApi,
        params: &[req("Type", Text), req("Email", Text)],
        result: &[],
    },
    Spec {
        action: "AppCheckEmailVerificationCode",
        api: Api::AppApi,
        params: &[
            req("Type", Text),
            req("Email", Text),
            req("VerificationCode", Text),
        ],
        result: &[],
    },
    Spec {
        action: "AppCreateCellphoneUser",
        api: Api::AppApi,
        params: &[
            PHONE[0],
            PHONE[1],
            req("Password", Text),
            req("VerificationCode", Text),
        ],
        result: &[req("Data.UserID", Text)],
    },
    Spec {
        action: "AppCreateEmailUser",
        api: Api::AppApi,
        params: &[
            req("Email", Text),
            req("Password", Text),
            req("VerificationCode", Text),
        ],
        result: &[req("Data.UserID", Text)],
    },
    Spec {
        action: "AppResetPasswordByCellphone",
        api: Api::AppApi,
        params: &[
            PHONE[0],
            PHONE[1],
            req("Password", Text),
            req("VerificationCode", Text),
        ],
        result: &[],
    },
    Spec {
        action: "AppResetPasswordByEmail",
        api: Api::AppApi,
        params: &[
            req("Email", Text),
            req("Password", Text),
            req("VerificationCode", Text),
        ],
        result: &[],
    },
    Spec {
        action: "AppGetUser",
        api: Api::TokenApi,
        params: &[],
        result: &[
            req("Data.UserID", Text),
            opt("Data.NickName", AnyText),
            opt("Data.Avatar", AnyText),
            opt("Data.PhoneNumber", AnyText),
            opt("Data.CountryCode", AnyText),
            opt("Data.Email", AnyText),
        ],
    },
    Spec {
        action: "AppUpdateUser",
        api: Api::TokenApi,
        params: &[opt("NickName", Text), opt("Avatar", Text)],
        result: &[],
    },
    Spec {
        action: "AppLogoutUser",
        api: Api::TokenApi,
        params: &[],
        result: &[],
    },
    Spec {
        action: "AppGetFamilyList",
        api: Api::TokenApi,
        params: &PAGE,
        result: &[
            req("FamilyList", Array),
            req("FamilyList[].FamilyId", Text),
            req("FamilyList[].Name", AnyText),
            opt("FamilyList[].Role", Integer),
            req("Total", Integer),
        ],
    },
    Spec {
        action: "AppCreateFamily",
        api: Api::TokenApi,
        params: &[req("Name", Text), opt("Address", AnyText)],
        result: &[req("Data.FamilyId", Text)],
    },
    Spec {
        action: "AppGetFamilyDeviceList",
        api: Api::TokenApi,
        params: &[
            req("FamilyId", Text),
            opt("RoomId", AnyText),
            PAGE[0],
            PAGE[1],
        ],
        result: &[
            req("DeviceList", Array),
            req("DeviceList[].ProductId", Text),
            req("DeviceList[].DeviceName", Text),
            req("Total", Integer),
        ],
    },
    Spec {
        action: "AppGetDeviceStatuses",
        api: Api::TokenApi,
        params: &[req("DeviceIds", TextList)],
        result: &[
            req("DeviceStatuses", Array),
            req("DeviceStatuses[].DeviceId", Text),
            req("DeviceStatuses[].Online", Integer),
        ],
    },
    Spec {
        action: "AppGetDeviceData",
        api: Api::TokenApi,
        params: &[req("ProductId", Text), req("DeviceName", Text)],
        result: &[req("Data", JsonText)],
    },
    Spec {
        action: "AppControlDeviceData",
        api: Api::TokenApi,
        params: &[
            req("ProductId", Text),
            req("DeviceName", Text),
            req("Data", JsonText),
        ],
        // The result `Data` is a string (app-api.md §4.1); the documented example is "".
        result: &[opt("Data", AnyText)],
    },
];

pub fn spec(action: &str) -> Option<&'static Spec> {
    SPECS.iter().find(|s| s.action == action)
}

/// Checks the parameters of a typed action; other actions pass unchecked.
pub fn check_params(action: &str, params: &Params) -> Result<()> {
    let Some(spec) = spec(action) else {
        return Ok(());
    };
    for field in spec.params {
        match params.get(field.name) {
            None | Some(Value::Null) if field.required => return Err(Error::missing(field.name)),
            None | Some(Value::Null) => {}
            Some(value) => check_param(field, value)?,
        }
    }
    if action == "AppGetToken" {
        match params.require_str("Type")? {
            "phone" => PHONE
                .iter()
                .try_for_each(|f| params.require_str(f.name).map(drop))?,
            "email" => drop(params.require_str("Email")?),
            _ => {
                return Err(Error::invalid(
                    "Type",
                    "Type must be \"phone\" or \"email\"",
                ))
            }
        }
    }
    Ok(())
}

fn check_param(field: &Field, value: &Value) -> Result<()> {
    match (field.kind, value) {
        (Text, Value::String(s)) if s.is_empty() => Err(Error::missing(field.name)),
        (Integer, Value::Number(n)) if n.as_integer().is_none_or(|i| i < 0) => Err(Error::invalid(
            field.name,
            format!("{} must be a non-negative integer", field.name),
        )),
        (TextList, Value::Array(items)) if items.is_empty() => Err(Error::missing(field.name)),
        (JsonText, Value::String(s)) if !is_json_object(s) => Err(Error::invalid(
            field.name,
            format!("{} must be the JSON text of an object", field.name),
        )),
        _ if fits(field.kind, value) => Ok(()),
        _ => Err(Error::invalid(
            field.name,
            format!(
                "{} must be {}, not {}",
                field.name,
                describe(field.kind),
                value.type_name()
            ),
        )),
    }
}

fn fits(kind: Kind, value: &Value) -> bool {
    match (kind, value) {
        (Text, Value::String(s)) => !s.is_empty(),
        (AnyText, Value::String(_)) | (Array, Value::Array(_)) => true,
        (Integer, Value::Number(n)) => n.as_integer().is_some(),
        (TextList, Value::Array(items)) => items
            .iter()
            .all(|i| matches!(i, Value::String(s) if !s.is_empty())),
        (JsonText, Value::String(s)) => is_json_object(s),
        _ => false,
    }
}

fn describe(kind: Kind) -> &'static str {
    match kind {
        Text => "a non-empty string",
        AnyText => "a string",
        Integer => "an integer",
        TextList => "an array of non-empty strings",
        Array => "an array",
        JsonText => "the JSON text of an object",
    }
}

fn is_json_object(text: &str) -> bool {
    matches!(parse(text, LoneSurrogates::Replace), Ok(Value::Object(_)))
}

/// Checks that a typed action's response has the documented fields; other actions pass.
pub fn check_result(action: &str, response: &ApiResponse) -> Result<()> {
    let Some(spec) = spec(action) else {
        return Ok(());
    };
    for field in spec.result {
        let segments: Vec<&str> = field.name.split('.').collect();
        if let Err(what) = check_path(&response.body, &segments, field) {
            let mut e = Error::parse(format!("{action} response: {what}"), false);
            e.request_id = response.request_id.clone();
            return Err(e);
        }
    }
    Ok(())
}

fn check_path(value: &Value, segments: &[&str], field: &Field) -> core::result::Result<(), String> {
    let Some((first, rest)) = segments.split_first() else {
        return if fits(field.kind, value) {
            Ok(())
        } else {
            Err(format!("`{}` is not {}", field.name, describe(field.kind)))
        };
    };
    let (name, each) = match first.strip_suffix("[]") {
        Some(name) => (name, true),
        None => (*first, false),
    };
    match value.get(name) {
        None | Some(Value::Null) if field.required => Err(format!("`{}` is missing", field.name)),
        None | Some(Value::Null) => Ok(()),
        Some(Value::Array(items)) if each => items
            .iter()
            .try_for_each(|item| check_path(item, rest, field)),
        Some(_) if each => Err(format!("`{name}` is not an array")),
        Some(inner) => check_path(inner, rest, field),
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;
    use crate::response::parse_response;
    use crate::ErrorKind;

    fn params(json: &str) -> Params {
        Params::from_object(parse(json, LoneSurrogates::Reject).unwrap(), "params").unwrap()
    }

    #[test]
    fn every_spec_is_a_known_action_of_its_endpoint() {
        for s in SPECS {
            assert_eq!(super::super::api_of(s.action), Some(s.api), "{}", s.action);
        }
    }

    #[test]
    fn params_are_checked_by_kind() {
        let cases = [
            (
                "AppGetFamilyDeviceList",
                r#"{}"#,
                "FamilyId",
                "MissingParameter",
            ),
            (
                "AppGetFamilyDeviceList",
                r#"{"FamilyId":"f","Limit":2.5}"#,
                "Limit",
                "InvalidParameter",
            ),
            (
                "AppGetFamilyDeviceList",
                r#"{"FamilyId":"f","Offset":-1}"#,
                "Offset",
                "InvalidParameter",
            ),
            (
                "AppGetDeviceStatuses",
                r#"{"DeviceIds":[]}"#,
                "DeviceIds",
                "MissingParameter",
            ),
            (
                "AppGetDeviceStatuses",
                r#"{"DeviceIds":"a/b"}"#,
                "DeviceIds",
                "InvalidParameter",
            ),
            (
                "AppGetDeviceStatuses",
                r#"{"DeviceIds":["a",""]}"#,
                "DeviceIds",
                "InvalidParameter",
            ),
            (
                "AppControlDeviceData",
                r#"{"ProductId":"p","DeviceName":"d","Data":"[1]"}"#,
                "Data",
                "InvalidParameter",
            ),
            (
                "AppControlDeviceData",
                r#"{"ProductId":"p","DeviceName":"d","Data":{"a":1}}"#,
                "Data",
                "InvalidParameter",
            ),
            (
                "AppGetToken",
                r#"{"Type":"phone","Password":"p","CountryCode":"86"}"#,
                "PhoneNumber",
                "MissingParameter",
            ),
            (
                "AppGetToken",
                r#"{"Type":"email","Password":"p"}"#,
                "Email",
                "MissingParameter",
            ),
            (
                "AppGetToken",
                r#"{"Type":"qq","Password":"p"}"#,
                "Type",
                "InvalidParameter",
            ),
            (
                "AppUpdateUser",
                r#"{"NickName":""}"#,
                "NickName",
                "MissingParameter",
            ),
        ];
        for (action, json, param, code) in cases {
            let e = check_params(action, &params(json)).unwrap_err();
            assert_eq!(
                (e.param.as_deref(), e.code.as_deref()),
                (Some(param), Some(code)),
                "{action} {json}"
            );
        }
        for (action, json) in [
            (
                "AppGetFamilyDeviceList",
                r#"{"FamilyId":"f","RoomId":"","Offset":0,"Limit":50}"#,
            ),
            (
                "AppControlDeviceData",
                r#"{"ProductId":"p","DeviceName":"d","Data":"{\"power_switch\":1}"}"#,
            ),
            (
                "AppGetToken",
                r#"{"Type":"email","Password":"p","Email":"a@b.c"}"#,
            ),
            ("AppSomethingElse", r#"{"Anything":[1,{"x":null}]}"#),
        ] {
            check_params(action, &params(json)).unwrap();
        }
    }

    #[test]
    fn results_are_checked_by_path() {
        let ok = |action: &str, inner: &str| {
            let body = format!(r#"{{"Response":{{{inner},"RequestId":"r"}}}}"#);
            check_result(action, &parse_response(200, &body).unwrap())
        };
        ok(
            "AppGetFamilyList",
            r#""FamilyList":[{"FamilyId":"f","Name":"n","Role":1}],"Total":1"#,
        )
        .unwrap();
        ok("AppGetDeviceData", r#""Data":"{\"a\":{\"Value\":1}}""#).unwrap();
        // The documented AppControlDeviceData answer (1081/40805), and other strings.
        for data in [r#""Data":"""#, r#""Data":"OK""#, r#""Data":"{}""#] {
            ok("AppControlDeviceData", data).unwrap();
        }
        ok(
            "AppGetFamilyList",
            r#""FamilyList":[],"Total":0.0e-999999999999999999"#,
        )
        .unwrap();
        for (action, inner) in [
            (
                "AppGetFamilyList",
                r#""FamilyList":[{"Name":"n"}],"Total":1"#,
            ),
            ("AppGetFamilyList", r#""FamilyList":{},"Total":1"#),
            ("AppGetFamilyList", r#""FamilyList":[],"Total":"1""#),
            ("AppGetDeviceData", r#""Data":"not json""#),
            ("AppGetDeviceData", r#""Data":{"a":1}"#),
            ("AppGetUser", r#""Data":{"NickName":"x"}"#),
            (
                "AppGetDeviceStatuses",
                r#""DeviceStatuses":[{"DeviceId":"a/b","Online":true}]"#,
            ),
        ] {
            let e = ok(action, inner).unwrap_err();
            assert_eq!(e.kind, ErrorKind::Parse, "{action} {inner}");
            assert_eq!(e.request_id.as_deref(), Some("r"));
            assert!(e.message.starts_with(action), "{}", e.message);
        }
    }
}
