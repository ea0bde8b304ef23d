//! HTTP requests for the two endpoints: a POST with a JSON body carrying exactly the signed values.

use crate::prelude::*;

use crate::actions::{api_of, params::check_params as check_action_params};
use crate::endpoint::{Api, Endpoint};
use crate::error::{Error, Result};
use crate::json::{self, Value};
use crate::params::Params;
use crate::secret::AppSecret;
use crate::sign::{sign_of, Signed, SigningOptions, SIGNATURE};
use crate::text::int;

pub const METHOD: &str = "POST";
pub const CONTENT_TYPE: &str = "application/json";

/// Largest Nonce the API types as `Int`.
pub const MAX_NONCE: i64 = 2_147_483_647;
/// Seconds up to the year 2286; a millisecond time is caught here instead of at the server.
pub const MAX_TIMESTAMP: i64 = 9_999_999_999;
/// No App API request comes near this; a bigger body is a bug in the caller (a file by mistake).
pub const MAX_BODY_BYTES: usize = 1 << 20;

const APP_API_COMMON: &[&str] = &[
    "Action",
    "RequestId",
    "AppKey",
    "Timestamp",
    "Nonce",
    SIGNATURE,
];
const TOKEN_API_COMMON: &[&str] = &["Action", "RequestId", "AccessToken"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpRequest {
    pub url: String,
    pub method: &'static str,
    pub content_type: &'static str,
    pub body: String,
}

/// A signed (`appapi`) call. Time, nonce and request id are inputs: the core reads no clock or RNG.
#[derive(Debug, Clone)]
pub struct AppApiCall<'a> {
    pub action: &'a str,
    pub params: &'a Params,
    pub app_key: &'a str,
    pub app_secret: &'a AppSecret,
    /// UNIX seconds.
    pub timestamp: i64,
    /// 1..=2147483647.
    pub nonce: i64,
    pub request_id: &'a str,
    pub endpoint: &'a Endpoint,
    pub signing: SigningOptions,
}

/// An AccessToken (`tokenapi`) call; it is not signed.
#[derive(Debug, Clone)]
pub struct TokenApiCall<'a> {
    pub action: &'a str,
    pub params: &'a Params,
    pub access_token: &'a str,
    pub request_id: &'a str,
    pub endpoint: &'a Endpoint,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedRequest {
    pub request: HttpRequest,
    pub signed: Signed,
}

pub fn build_app_api_request(call: &AppApiCall<'_>) -> Result<SignedRequest> {
    check_action(call.action, Api::AppApi)?;
    check_params(call.action, call.params, APP_API_COMMON)?;
    check_text("appKey", call.app_key)?;
    if call.app_secret.is_empty() {
        return Err(Error::missing("appSecret"));
    }
    check_request_id(call.request_id)?;
    if !(0..=MAX_TIMESTAMP).contains(&call.timestamp) {
        return Err(Error::invalid(
            "timestamp",
            [
                "timestamp must be UNIX seconds (0..=",
                &int(MAX_TIMESTAMP),
                "), not ",
                &int(call.timestamp),
            ]
            .concat(),
        ));
    }
    if !(1..=MAX_NONCE).contains(&call.nonce) {
        return Err(Error::invalid(
            "nonce",
            [
                "nonce must be in 1..=",
                &int(MAX_NONCE),
                ", not ",
                &int(call.nonce),
            ]
            .concat(),
        ));
    }
    // check_params keeps the common names out of `params`, so the two lists never overlap.
    let common = Params::new()
        .with("Action", call.action)
        .with("RequestId", call.request_id)
        .with("AppKey", call.app_key)
        .with("Timestamp", call.timestamp)
        .with("Nonce", call.nonce);
    let mut all = Params::entries_of(&[&common, call.params]);
    let signed = sign_of(&all, call.app_secret, call.signing)?;
    let signature = Value::String(signed.signature.clone());
    all.push((SIGNATURE, &signature));
    Ok(SignedRequest {
        request: post(call.endpoint.url(Api::AppApi), &all)?,
        signed,
    })
}

pub fn build_token_api_request(call: &TokenApiCall<'_>) -> Result<HttpRequest> {
    check_action(call.action, Api::TokenApi)?;
    check_params(call.action, call.params, TOKEN_API_COMMON)?;
    check_text("accessToken", call.access_token)?;
    check_request_id(call.request_id)?;
    let common = Params::new()
        .with("Action", call.action)
        .with("RequestId", call.request_id)
        .with("AccessToken", call.access_token);
    let all = Params::entries_of(&[&common, call.params]);
    post(call.endpoint.url(Api::TokenApi), &all)
}

/// A POST whose body is the JSON object of `entries`, in order.
fn post(url: String, entries: &[(&str, &Value)]) -> Result<HttpRequest> {
    let body = json::object_text(entries);
    if body.len() > MAX_BODY_BYTES {
        return Err(Error::invalid(
            "params",
            [
                "the request body would be ",
                &int(body.len() as i64),
                " bytes; the limit is ",
                &int(MAX_BODY_BYTES as i64),
            ]
            .concat(),
        ));
    }
    Ok(HttpRequest {
        url,
        method: METHOD,
        content_type: CONTENT_TYPE,
        body,
    })
}

fn check_action(action: &str, api: Api) -> Result<()> {
    check_text("action", action)?;
    // `Service*` actions are the service API's (…/serviceapi, app-api.md §2): signed alike, but
    // sent to appapi they would only be refused.
    if action.starts_with("Service") {
        return Err(Error::invalid(
            "action",
            [
                action,
                " is a service API action; this SDK builds appapi and tokenapi requests only",
            ]
            .concat(),
        ));
    }
    match api_of(action) {
        Some(home) if home != api => Err(Error::invalid(
            "action",
            [
                action,
                " is ",
                with_article(home),
                " action, not ",
                with_article(api),
                " one: ",
                match home {
                    Api::AppApi => {
                        "sign it with the AppSecret on your server or in a cloud function \
                        (createServerClient or buildAppApiRequest)"
                    }
                    Api::TokenApi => {
                        "send it with the user's access token \
                        (createClient or buildTokenApiRequest)"
                    }
                },
            ]
            .concat(),
        )),
        _ => Ok(()),
    }
}

/// "an appapi", "a tokenapi".
fn with_article(api: Api) -> &'static str {
    match api {
        Api::AppApi => "an appapi",
        Api::TokenApi => "a tokenapi",
    }
}

fn check_params(action: &str, params: &Params, common: &[&str]) -> Result<()> {
    if let Some(key) = common.iter().find(|k| params.contains(k)) {
        return Err(Error::invalid(
            key,
            [
                key,
                " is a common parameter the SDK sets; remove it from params",
            ]
            .concat(),
        ));
    }
    if let Some((key, value)) = params.iter().find(|(_, v)| is_non_finite(v)) {
        return Err(Error::invalid(
            key,
            [
                key,
                " is ",
                &value.to_json(),
                ", which cannot be sent as JSON",
            ]
            .concat(),
        ));
    }
    check_action_params(action, params)
}

fn is_non_finite(value: &Value) -> bool {
    matches!(value, Value::Number(n) if !n.is_finite())
}

/// A non-empty single-line string.
fn check_text(name: &str, value: &str) -> Result<()> {
    // Control characters are C0, DEL and C1 (U+0080..U+009F, UTF-8 lead byte C2): the bytes
    // find the texts worth decoding.
    let may_have_control = value.bytes().any(|b| b < 0x20 || b == 0x7f || b == 0xc2);
    if value.is_empty() {
        Err(Error::missing(name))
    } else if may_have_control && value.chars().any(char::is_control) {
        Err(Error::invalid(
            name,
            [name, " must not contain control characters"].concat(),
        ))
    } else {
        Ok(())
    }
}

fn check_request_id(id: &str) -> Result<()> {
    check_text("requestId", id)?;
    if id.len() > 128 {
        return Err(Error::invalid(
            "requestId",
            "requestId must be at most 128 bytes",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;
    use crate::ErrorKind;

    fn call<'a>(
        params: &'a Params,
        secret: &'a AppSecret,
        endpoint: &'a Endpoint,
    ) -> AppApiCall<'a> {
        AppApiCall {
            action: "AppGetTokenByWeiXin",
            params,
            app_key: "TestAppKey0000001",
            app_secret: secret,
            timestamp: 1700000000,
            nonce: 1,
            request_id: "req-0001",
            endpoint,
            signing: SigningOptions::default(),
        }
    }

    fn login_params() -> Params {
        Params::new()
            .with("WxOpenID", "oABCDEF1234567890")
            .with("NickName", "tests")
            .with("Avatar", "http://example.com/path/to/avatar.jpg")
    }

    #[test]
    fn signed_request_matches_public_vector() {
        let params = login_params();
        let secret = AppSecret::new("TestAppSecret00000000001");
        let endpoint = Endpoint::default();
        let built = build_app_api_request(&call(&params, &secret, &endpoint)).unwrap();
        assert_eq!(built.signed.signature, "k6gG9JD7S3vqUz17nfXSbpcynS4=");
        assert_eq!(
            built.request.url,
            "https://iot.cloud.tencent.com/api/exploreropen/appapi"
        );
        assert_eq!(built.request.method, "POST");
        assert_eq!(
            built.request.body,
            r#"{"Action":"AppGetTokenByWeiXin","RequestId":"req-0001","AppKey":"TestAppKey0000001","Timestamp":1700000000,"Nonce":1,"WxOpenID":"oABCDEF1234567890","NickName":"tests","Avatar":"http://example.com/path/to/avatar.jpg","Signature":"k6gG9JD7S3vqUz17nfXSbpcynS4="}"#
        );
        assert!(!built.request.body.contains("TestAppSecret"));
    }

    #[test]
    fn rejects_bad_common_inputs() {
        let secret = AppSecret::new("s");
        let endpoint = Endpoint::default();
        let params = login_params();
        let cases: Vec<(AppApiCall<'_>, &str)> = vec![
            (
                AppApiCall {
                    nonce: 0,
                    ..call(&params, &secret, &endpoint)
                },
                "nonce",
            ),
            (
                AppApiCall {
                    nonce: MAX_NONCE + 1,
                    ..call(&params, &secret, &endpoint)
                },
                "nonce",
            ),
            (
                AppApiCall {
                    timestamp: 1700000000000,
                    ..call(&params, &secret, &endpoint)
                },
                "timestamp",
            ),
            (
                AppApiCall {
                    timestamp: -1,
                    ..call(&params, &secret, &endpoint)
                },
                "timestamp",
            ),
            (
                AppApiCall {
                    app_key: "",
                    ..call(&params, &secret, &endpoint)
                },
                "appKey",
            ),
            (
                AppApiCall {
                    request_id: "",
                    ..call(&params, &secret, &endpoint)
                },
                "requestId",
            ),
            (
                AppApiCall {
                    action: "",
                    ..call(&params, &secret, &endpoint)
                },
                "action",
            ),
            (
                AppApiCall {
                    action: "AppGetUser",
                    ..call(&params, &secret, &endpoint)
                },
                "action",
            ),
        ];
        for (c, param) in cases {
            let e = build_app_api_request(&c).unwrap_err();
            assert_eq!(e.kind, ErrorKind::InvalidInput);
            assert_eq!(e.param.as_deref(), Some(param), "{e}");
        }
        let empty = AppSecret::new("");
        let e = build_app_api_request(&call(&params, &empty, &endpoint)).unwrap_err();
        assert_eq!(e.param.as_deref(), Some("appSecret"));
    }

    #[test]
    fn common_params_cannot_be_overridden() {
        let secret = AppSecret::new("s");
        let endpoint = Endpoint::default();
        let params = login_params().with("Timestamp", 5i64);
        let e = build_app_api_request(&call(&params, &secret, &endpoint)).unwrap_err();
        assert_eq!(e.param.as_deref(), Some("Timestamp"));
        // tokenapi has no signature, so a business parameter may be called Signature there.
        let params = Params::new()
            .with("FamilyId", "f")
            .with("DeviceId", "P/d")
            .with("DeviceTimestamp", 1i64)
            .with("Signature", "device-signature");
        let req = build_token_api_request(&TokenApiCall {
            action: "AppSigBindDeviceInFamily",
            params: &params,
            access_token: "tok",
            request_id: "r",
            endpoint: &endpoint,
        })
        .unwrap();
        assert_eq!(
            req.body,
            r#"{"Action":"AppSigBindDeviceInFamily","RequestId":"r","AccessToken":"tok","FamilyId":"f","DeviceId":"P/d","DeviceTimestamp":1,"Signature":"device-signature"}"#
        );
        assert!(req.url.ends_with("/tokenapi"));
    }

    #[test]
    fn service_api_actions_are_refused() {
        let secret = AppSecret::new("s");
        let endpoint = Endpoint::default();
        let params = Params::new();
        let mut c = call(&params, &secret, &endpoint);
        c.action = "ServiceDescribeDeviceData";
        let e = build_app_api_request(&c).unwrap_err();
        assert_eq!(e.param.as_deref(), Some("action"));
        assert!(e.message.contains("service API"), "{}", e.message);
    }

    #[test]
    fn weixin_login_requires_its_params() {
        let secret = AppSecret::new("s");
        let endpoint = Endpoint::default();
        let mut params = login_params();
        params.set("WxOpenID", "");
        let e = build_app_api_request(&call(&params, &secret, &endpoint)).unwrap_err();
        assert_eq!(e.code.as_deref(), Some("MissingParameter"));
        assert_eq!(e.param.as_deref(), Some("WxOpenID"));
        // An empty profile is sent, and signed or not as emptyValues says.
        let mut anonymous = login_params();
        anonymous.set("NickName", "");
        anonymous.set("Avatar", "");
        let built = build_app_api_request(&call(&anonymous, &secret, &endpoint)).unwrap();
        assert!(built.request.body.contains(r#""NickName":"""#));
        assert!(!built.signed.string_to_sign.contains("NickName"));
        let e = build_app_api_request(&call(
            &Params::new().with("WxOpenID", "o"),
            &secret,
            &endpoint,
        ))
        .unwrap_err();
        assert_eq!(e.param.as_deref(), Some("NickName"));
    }

    #[test]
    fn oversized_bodies_are_refused() {
        let secret = AppSecret::new("s");
        let endpoint = Endpoint::default();
        let params = login_params().with("Extra", "x".repeat(MAX_BODY_BYTES));
        let e = build_app_api_request(&call(&params, &secret, &endpoint)).unwrap_err();
        assert_eq!(e.param.as_deref(), Some("params"));
    }

    #[test]
    fn numbers_in_body_are_the_signed_text() {
        let secret = AppSecret::new("s");
        let endpoint = Endpoint::default();
        let params = Params::new()
            .with("Big", 1e21)
            .with("Small", 1.5e-7)
            .with("Flag", true);
        let c = AppApiCall {
            action: "AppSomethingNew",
            ..call(&params, &secret, &endpoint)
        };
        let built = build_app_api_request(&c).unwrap();
        assert!(built.signed.string_to_sign.contains("Big=1e+21&Flag=true"));
        assert!(built.signed.string_to_sign.contains("Small=1.5e-7"));
        assert!(built
            .request
            .body
            .contains(r#""Big":1e+21,"Small":1.5e-7,"Flag":true"#));
    }
}
