#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use super::params::{check_params, prepare};
use super::result::{shape_result, Shaped};
use super::*;
use crate::json::{parse, LoneSurrogates, Value};
use crate::params::Params;
use crate::prelude::*;
use crate::response::parse_response;
use crate::ErrorKind;

fn params(json: &str) -> Params {
    Params::from_object(parse(json, LoneSurrogates::Reject).unwrap(), "params").unwrap()
}

fn json(text: &str) -> Value {
    parse(text, LoneSurrogates::Reject).unwrap()
}

#[test]
fn names_are_unique_and_placed() {
    let mut names: Vec<_> = all().map(|a| a.name).collect();
    let count = names.len();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), count);
    assert_eq!(api_of("AppGetTokenByWeiXin"), Some(Api::AppApi));
    assert_eq!(api_of("AppGetUser"), Some(Api::TokenApi));
    assert_eq!(api_of("AppSomethingNew"), None);
}

#[test]
fn idempotency_is_defined_per_action_and_guessed_for_unknown_ones() {
    assert!(is_idempotent("AppGetFamilyList"));
    assert!(is_idempotent("AppCheckFirmwareUpdate"));
    assert!(!is_idempotent("AppControlDeviceData"));
    assert!(!is_idempotent("AppCreateRoom"));
    assert!(is_idempotent("AppGetSomethingNew"));
    assert!(!is_idempotent("AppDoSomethingNew"));
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
            r#"{"FamilyId":"f","RoomId":"","Limit":2.5}"#,
            "Limit",
            "InvalidParameter",
        ),
        (
            "AppGetFamilyDeviceList",
            r#"{"FamilyId":"f","RoomId":"","Offset":-1}"#,
            "Offset",
            "InvalidParameter",
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
            "InvalidParameter",
        ),
        (
            "AppDeleteFamilyMember",
            r#"{"FamilyId":"f","MemberID":null}"#,
            "MemberId",
            "MissingParameter",
        ),
    ];
    let timer = |field: &str| {
        let mut t = String::from(
            r#"{"DeviceId":"P/d","TimerName":"t","Days":"1000001","TimePoint":"06:30","Repeat":1,"Data":"{}""#,
        );
        t.push_str(field);
        t + "}"
    };
    let mut cases: Vec<(&str, String, &str, &str)> = cases
        .iter()
        .map(|(a, j, p, c)| (*a, (*j).to_owned(), *p, *c))
        .collect();
    for (field, param) in [
        (r#","Days":"100000""#, "Days"),
        (r#","Days":"10000002""#, "Days"),
        (r#","Days":"1x00000""#, "Days"),
        (r#","TimePoint":"24:00""#, "TimePoint"),
        (r#","TimePoint":"6:3""#, "TimePoint"),
        (r#","TimePoint":"06:60""#, "TimePoint"),
        (r#","TimePoint":"+6:30""#, "TimePoint"),
        (r#","Repeat":2"#, "Repeat"),
        (r#","Data":"[1]""#, "Data"),
    ] {
        cases.push(("AppCreateTimer", timer(field), param, "InvalidParameter"));
    }
    for (action, json, param, code) in cases {
        let e = check_params(action, &params(&json)).unwrap_err();
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
        ("AppDeleteFamilyMember", r#"{"MemberID":"u"}"#),
        ("AppDeleteFamilyMember", r#"{"MemberId":"u"}"#),
        (
            "AppModifyTimer",
            r#"{"TimerId":"t","ProductId":"P","DeviceName":"d","TimerName":"t","Days":"0111110","TimePoint":"9:30","Repeat":0,"Data":"{\"a\":1}"}"#,
        ),
    ] {
        check_params(action, &params(json)).unwrap();
    }
}

#[test]
fn messages_name_the_value_and_what_it_must_be() {
    let message =
        |action: &str, json: &str| check_params(action, &params(json)).unwrap_err().message;
    assert_eq!(
        message("AppUpdateUser", r#"{"NickName":""}"#),
        "NickName must not be empty"
    );
    assert_eq!(
        message("AppGetToken", r#"{"Type":"qq","Password":"p"}"#),
        r#"Type must be one of "phone", "email", not "qq""#
    );
    assert_eq!(
        message("AppGetFamilyList", r#"{"Limit":-1}"#),
        "Limit must be an integer of at least 1, not -1"
    );
}

#[test]
fn typed_methods_send_defaults_json_text_and_the_documented_device_pair() {
    let prepared = |action: &str, json: &str| {
        let mut p = params(json);
        let before = p.clone();
        prepare(action, &mut p);
        (p != before).then(|| {
            Value::Object(p.iter().map(|(k, v)| (k.to_owned(), v.clone())).collect()).to_json()
        })
    };
    assert_eq!(
        prepared(
            "AppControlDeviceData",
            r#"{"DeviceId":"P1/lamp","Data":{"power":1,"n":1.50}}"#
        )
        .as_deref(),
        Some(r#"{"Data":"{\"power\":1,\"n\":1.50}","ProductId":"P1","DeviceName":"lamp"}"#)
    );
    assert_eq!(
        prepared(
            "AppGetFamilyDeviceList",
            r#"{"FamilyId":"f","RoomId":null}"#
        )
        .as_deref(),
        Some(r#"{"FamilyId":"f","RoomId":""}"#)
    );
    assert_eq!(
        prepared("AppGetTokenByWeiXin", r#"{"WxOpenID":"o","NickName":""}"#).as_deref(),
        Some(r#"{"WxOpenID":"o","NickName":"微信用户","Avatar":""}"#)
    );
    // Nothing to change, an invalid DeviceId (left for the check to name), an unknown action.
    assert_eq!(
        prepared(
            "AppControlDeviceData",
            r#"{"DeviceId":"P1/lamp/x","Data":"{}"}"#
        ),
        None
    );
    assert_eq!(
        prepared("AppGetFamilyDeviceList", r#"{"FamilyId":"f","RoomId":"0"}"#),
        None
    );
    assert_eq!(prepared("AppSomethingElse", r#"{"Data":{}}"#), None);
}

fn response(inner: &str) -> crate::response::ApiResponse {
    parse_response(
        200,
        &format!(r#"{{"Response":{{{inner},"RequestId":"r"}}}}"#),
    )
    .unwrap()
}

fn check_result(action: &str, mut response: crate::response::ApiResponse) -> crate::Result<Shaped> {
    shape_result(action, &mut response)
}

#[test]
fn a_field_at_either_of_two_paths_must_fit_where_it_is() {
    for inner in [
        r#""RoomList":[],"Total":0"#,
        r#""Roomlist":[{"RoomId":5,"RoomName":"a"}],"Total":1"#,
        r#""RoomList":[{"RoomId":"r","RoomName":"a","DeviceNum":2}],"Total":1"#,
    ] {
        check_result("AppGetRoomList", response(inner)).unwrap();
    }
    for inner in [
        r#""Total":0"#,
        r#""RoomList":[{"RoomId":"r","RoomName":"a","DeviceNum":"lots"}],"Total":1"#,
        r#""RoomList":[{"RoomName":"a"}],"Total":1"#,
        r#""RoomList":{},"Total":1"#,
    ] {
        let e = check_result("AppGetRoomList", response(inner)).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Parse, "{inner}");
    }
    check_result(
        "AppCreateDeviceBindToken",
        response(r#""Data":{"Token":"t"}"#),
    )
    .unwrap();
    check_result("AppCreateDeviceBindToken", response(r#""Token":"t""#)).unwrap();
    assert!(check_result("AppCreateDeviceBindToken", response(r#""Token":7"#)).is_err());
    assert!(check_result("AppCreateDeviceBindToken", response(r#""Data":{}"#)).is_err());
}

#[test]
fn results_are_checked_by_path() {
    let ok = |action: &str, inner: &str| check_result(action, response(inner));
    ok(
        "AppGetFamilyList",
        r#""FamilyList":[{"FamilyId":"f","Name":"n","Role":1}],"Total":1"#,
    )
    .unwrap();
    ok("AppGetDeviceData", r#""Data":"{\"a\":{\"Value\":1}}""#).unwrap();
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

/// Shapes `inner` as `action`'s answer: the body's JSON and what is left to parse.
fn shaped(action: &str, inner: &str) -> (String, Shaped) {
    let mut response = parse_response(200, &["{\"Response\":{", inner, "}}"].concat()).unwrap();
    let shaped = shape_result(action, &mut response).unwrap();
    (response.body.to_json(), shaped)
}

#[test]
fn a_typed_result_has_each_field_where_its_type_says() {
    assert_eq!(
        shaped("AppCreateDeviceBindToken", r#""Data":{"Token":"t"}"#).0,
        r#"{"Data":{},"Token":"t"}"#
    );
    assert_eq!(
        shaped("AppCreateDeviceBindToken", r#""Token":"t""#).0,
        r#"{"Token":"t"}"#
    );
    assert!(
        !shaped("AppCreateDeviceBindToken", r#""Token":"t""#)
            .1
            .rewritten
    );
    assert_eq!(
        shaped(
            "AppGetRoomList",
            r#""Roomlist":[{"RoomId":1,"RoomName":"a"}],"Total":1"#
        )
        .0,
        r#"{"Total":1,"RoomList":[{"RoomId":1,"RoomName":"a"}]}"#
    );
    assert_eq!(
        shaped(
            "AppListShareDeviceUsers",
            r#""Users":[{"UserId":"u"},{"UserID":"v"}]"#
        )
        .0,
        r#"{"Users":[{"UserID":"u"},{"UserID":"v"}]}"#
    );
    assert_eq!(
        shaped(
            "AppDescribeFamily",
            r#""Data":{"FamilyId":"f","FamilyName":"n","Address":"a"}"#
        )
        .0,
        r#"{"Data":{},"FamilyId":"f","FamilyName":"n","Address":"a"}"#
    );
    // Present at both: the typed path's value stays; a non-object in the way moves nothing.
    assert_eq!(
        shaped("AppCreateRoom", r#""RoomId":"r","Data":{"RoomId":"x"}"#).0,
        r#"{"RoomId":"r","Data":{"RoomId":"x"}}"#
    );
}

#[test]
fn json_text_fields_are_given_parsed() {
    let (body, shape) = shaped("AppGetDeviceData", r#""Data":"{\"a\":{\"Value\":1}}""#);
    assert_eq!(body, r#"{"Data":"{\"a\":{\"Value\":1}}"}"#);
    assert_eq!(shape.to_parse, ["Data"]);
    let (body, shape) = shaped("AppCallDeviceActionSync", r#""OutputParams":"""#);
    assert_eq!(body, r#"{"OutputParams":"","OutputParamsParsed":{}}"#);
    assert!(shape.rewritten && shape.to_parse.is_empty());
    let e = check_result("AppGetDeviceData", response(r#""Data":"{\"a\":1}""#)).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Parse);
    assert!(e.message.contains(".a must be an object"), "{}", e.message);
}

/// A value that fits `kind` (an object with each required member).
fn sample_of(kind: Kind) -> Value {
    match kind {
        Kind::Integer
        | Kind::Positive
        | Kind::Id
        | Kind::Flag
        | Kind::Number
        | Kind::IntText
        | Kind::IntOrDigits => json("1"),
        Kind::Switch => json("true"),
        Kind::Array | Kind::TextList | Kind::ListOf(_) => json("[]"),
        Kind::Struct(fields) => Value::Object(
            fields
                .iter()
                .filter(|f| f.required)
                .map(|f| (f.name.into(), sample_of(f.kind)))
                .collect(),
        ),
        Kind::Object | Kind::MapOf(_) => json("{}"),
        Kind::JsonText => json(r#""{}""#),
        _ => json(r#""x""#),
    }
}

/// Every action whose result field may be at two paths, fed the alternative path: the typed
/// result has the field at its own path, with a value that fits.
#[test]
fn every_alternative_wire_shape_becomes_the_typed_shape() {
    let mut seen = 0;
    for def in all() {
        for field in def
            .result
            .iter()
            .filter(|f| f.name.contains('|') && !f.name.contains("[]"))
        {
            for alternate in field.name.split('|').skip(1) {
                let (parent, last) = match alternate.rsplit_once('.') {
                    Some((parent, last)) => (Some(parent), last),
                    None => (None, alternate),
                };
                let member = Value::Object(vec![(last.into(), sample_of(field.kind))]);
                let body = match parent {
                    Some(parent) => Value::Object(vec![(parent.into(), member)]),
                    None => member,
                };
                let mut response = crate::response::ApiResponse {
                    request_id: None,
                    body,
                    body_span: None,
                };
                // Only this field is given: the action's other required ones may be missing.
                let _ = shape_result(def.name, &mut response);
                let body = response.body;
                let at = field.path().split('.').try_fold(&body, |v, k| v.get(k));
                assert!(
                    at.is_some_and(|v| kind::check_shape(field.kind, v).is_ok()),
                    "{} {alternate}: {}",
                    def.name,
                    body.to_json()
                );
                seen += 1;
            }
        }
    }
    assert!(seen >= 15, "{seen}");
}

/// Inputs the docs or the official clients show the service taking (issue 26): accepted.
#[test]
fn documented_inputs_are_taken() {
    for (action, json) in [
        // 1081/44044: empty is the default (a 32-character token), "1" six characters.
        ("AppCreateDeviceBindToken", r#"{"TokenLengthType":""}"#),
        ("AppCreateDeviceBindToken", r#"{"TokenLengthType":"1"}"#),
        ("AppGetDeviceStatuses", r#"{"DeviceIds":[]}"#),
        // 1081/61348: InputParams is an optional String.
        (
            "AppCallDeviceActionAsync",
            r#"{"ProductId":"P","DeviceName":"d","ActionId":"a","InputParams":""}"#,
        ),
        (
            "AppSigBindDeviceInFamily",
            r#"{"FamilyId":"f","DeviceTimestamp":1,"Signature":"s","ProductId":"P","DeviceName":"d","BindType":"bluetooth_sign","SignMethod":"hmacsha256"}"#,
        ),
        (
            "AppSendVerificationCode",
            r#"{"Type":"login","CountryCode":"86","PhoneNumber":"1"}"#,
        ),
        (
            "AppListEventHistory",
            r#"{"ProductId":"P","DeviceName":"d","Type":""}"#,
        ),
        ("AppGetFamilyDeviceList", r#"{"FamilyId":"f"}"#),
    ] {
        check_params(action, &params(json)).unwrap_or_else(|e| panic!("{action} {json}: {e:?}"));
    }
    // The official demo sends TokenContext (and DeviceValue) as JSON.stringify of an object.
    let mut p = params(r#"{"FamilyId":"f","DeviceId":"P/d","TokenContext":{"from":"a"}}"#);
    prepare("AppCreateShareDeviceToken", &mut p);
    assert_eq!(p.get("TokenContext"), Some(&json(r#""{\"from\":\"a\"}""#)));
}

/// Inputs the docs say the service refuses (issue 26): refused before sending, saying why.
#[test]
fn documented_enumerations_and_page_sizes_are_checked() {
    for (action, json, param, message) in [
        (
            "AppSigBindDeviceInFamily",
            r#"{"FamilyId":"f","DeviceTimestamp":1,"Signature":"s","ProductId":"P","DeviceName":"d","BindType":"qr"}"#,
            "BindType",
            r#"BindType must be one of "wifi_sign", "bluetooth_sign", "other_sign", not "qr""#,
        ),
        (
            "AppSigBindDeviceInFamily",
            r#"{"FamilyId":"f","DeviceTimestamp":1,"Signature":"s","ProductId":"P","DeviceName":"d","BindType":""}"#,
            "BindType",
            r#"BindType must be one of "wifi_sign", "bluetooth_sign", "other_sign", not an empty string"#,
        ),
        (
            "AppSigBindDeviceInFamily",
            r#"{"FamilyId":"f","DeviceTimestamp":1,"Signature":"s","ProductId":"P","DeviceName":"d","SignMethod":"md5"}"#,
            "SignMethod",
            r#"SignMethod must be one of "hmacsha1", "hmacsha256", not "md5""#,
        ),
        (
            "AppCreateDeviceBindToken",
            r#"{"TokenLengthType":"2"}"#,
            "TokenLengthType",
            r#"TokenLengthType must be one of "", "1", not "2""#,
        ),
        (
            "AppGetFamilyList",
            r#"{"Limit":0}"#,
            "Limit",
            "Limit must be an integer of at least 1, not 0",
        ),
    ] {
        let e = check_params(action, &params(json)).unwrap_err();
        assert_eq!(
            (e.param.as_deref(), e.message.as_str()),
            (Some(param), message),
            "{action}"
        );
    }
}

/// Answers the official clients take (issue 26): typed results, not Parse errors.
#[test]
fn answers_the_official_clients_take_are_results() {
    // The demo reads a Data that is empty or not JSON as {}: a device with no data yet.
    for data in [r#""""#, r#""-""#] {
        let (body, shape) = shaped("AppGetDeviceData", &["\"Data\":", data].concat());
        assert!(
            body.contains(r#""DataParsed":{}"#) && shape.rewritten,
            "{body}"
        );
    }
    check_result("AppCheckFirmwareUpdate", response(r#""DstVersion":"1.1""#)).unwrap();
    let (body, _) = shaped(
        "AppGetDeviceDataHistory",
        r#""Results":null,"Listover":false"#,
    );
    assert!(body.contains(r#""Results":[]"#), "{body}");
    let e = check_result(
        "AppCallDeviceActionAsync",
        response(r#""ClientToken":"c","Status":"FailedOperation.ActionUnreachable""#),
    )
    .unwrap_err();
    assert_eq!(
        (e.kind, e.code.as_deref(), e.request_id.as_deref()),
        (
            ErrorKind::Api,
            Some("FailedOperation.ActionUnreachable"),
            Some("r")
        )
    );
    check_result(
        "AppCallDeviceActionAsync",
        response(r#""ClientToken":"c","Status":"Sent""#),
    )
    .unwrap();
}

/// A scene's actions and an automation's conditions (issue 27): each checked by its tag, an
/// object given as a device action's Data sent as its JSON, a delay's number as its text.
#[test]
fn tagged_lists_are_checked_and_prepared_item_by_item() {
    let mut p = params(
        r#"{"SceneId":"s","SceneName":"n","SceneIcon":"","Actions":[
            {"ActionType":0,"ProductId":"P","DeviceName":"d","Data":{"power":0}},
            {"ActionType":1,"Data":60},{"ActionType":2,"Data":"s2"},{"ActionType":3,"Data":0}]}"#,
    );
    prepare("AppModifyScene", &mut p);
    check_params("AppModifyScene", &p).unwrap();
    assert_eq!(
        p.get("Actions").unwrap().to_json(),
        r#"[{"ActionType":0,"ProductId":"P","DeviceName":"d","Data":"{\"power\":0}"},{"ActionType":1,"Data":"60"},{"ActionType":2,"Data":"s2"},{"ActionType":3,"Data":0}]"#
    );
    let base = r#""AutomationId":"a","Name":"n","Icon":"","Status":1,"MatchType":0,"Actions":[{"ActionType":3,"Data":"消息中心"}],"EffectiveBeginTime":"00:00","EffectiveEndTime":"23:59","EffectiveDays":"1111111""#;
    for (conditions, param, says) in [
        (
            r#"[{"CondId":"c","CondType":2}]"#,
            "Conditions[0].CondType",
            "must be one of",
        ),
        (
            r#"[{"CondId":"c","CondType":0,"Property":{"ProductId":"P","DeviceName":"d","PropertyId":"t","Op":"above","Value":26}}]"#,
            "Conditions[0].Property.Op",
            "must be one of",
        ),
        (
            r#"[{"CondId":"c","CondType":1,"Timer":{"Days":"1111111","TimePoint":"25:00"}}]"#,
            "Conditions[0].Timer.TimePoint",
            "HH:mm",
        ),
        (
            r#"[{"CondType":1,"Timer":{"Days":"1","TimePoint":"07:00"}}]"#,
            "Conditions[0].CondId",
            "is required",
        ),
    ] {
        let e = check_params(
            "AppModifyAutomation",
            &params(&["{", base, ",\"Conditions\":", conditions, "}"].concat()),
        )
        .unwrap_err();
        assert_eq!(e.param.as_deref(), Some("Conditions"), "{}", e.message);
        assert!(
            e.message.starts_with(param) && e.message.contains(says),
            "{}",
            e.message
        );
    }
    let e = check_params(
        "AppCreateScene",
        &params(r#"{"FamilyId":"f","SceneName":"n","SceneIcon":"","Actions":[{"ActionType":1,"Data":"1.5"}]}"#),
    )
    .unwrap_err();
    assert_eq!(e.param.as_deref(), Some("Actions"), "{}", e.message);
    assert!(
        e.message
            .starts_with("Actions[0].Data must be a non-negative integer or its digits"),
        "{}",
        e.message
    );
}

/// Inside a list too: a fence's id as its digits (String in 1081/54142's table) and its switch as
/// 0 or 1 are the number and the boolean of the typed result.
#[test]
fn list_items_get_the_typed_value_of_their_kind() {
    let (body, shaped) = shaped(
        "AppGetFenceList",
        r#""List":[{"FenceId":"7","FenceEnable":1},{"FenceId":8,"FenceEnable":false}],"Total":2"#,
    );
    assert_eq!(
        body,
        r#"{"List":[{"FenceId":7,"FenceEnable":true},{"FenceId":8,"FenceEnable":false}],"Total":2}"#
    );
    assert!(shaped.rewritten);
    let e = check_result(
        "AppGetFenceList",
        response(r#""List":[{"FenceId":"x7"}],"Total":1"#),
    )
    .unwrap_err();
    assert!(e.message.contains("List[].FenceId"), "{}", e.message);
}

/// `Listover` is a boolean in the examples and the Android app, an integer in the iOS app and a
/// String in 40794's table: the typed result has the boolean.
#[test]
fn a_switch_is_a_boolean_in_the_typed_result() {
    for (wire, typed) in [
        ("true", "true"),
        ("1", "true"),
        ("\"false\"", "false"),
        ("0", "false"),
    ] {
        let (body, _) = shaped(
            "AppGetMessages",
            &[r#""Data":{"Msgs":[],"Listover":"#, wire, "}"].concat(),
        );
        assert_eq!(
            body,
            [r#"{"Data":{"Msgs":[],"Listover":"#, typed, "}}"].concat()
        );
    }
    let (body, _) = shaped("AppGetMessages", r#""Listover":"true","Data":{"Msgs":[]}"#);
    assert_eq!(body, r#"{"Data":{"Msgs":[],"Listover":true}}"#);
    let e = check_result(
        "AppGetMessages",
        response(r#""Data":{"Msgs":[],"Listover":2}"#),
    )
    .unwrap_err();
    assert!(e.message.contains("Listover"), "{}", e.message);
}
