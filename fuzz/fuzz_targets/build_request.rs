//! Arbitrary action, params and common inputs → a request whose body is JSON carrying the
//! params, or a typed error; never a panic.
#![no_main]

use iot_explorer_app::json::{parse, LoneSurrogates};
use iot_explorer_app::{build_app_api_request, build_token_api_request, AppApiCall, AppSecret, Endpoint, Params, SigningOptions, TokenApiCall};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.splitn(5, '\n');
    let action = parts.next().unwrap_or_default();
    let nonce = parts.next().and_then(|n| n.parse::<i64>().ok()).unwrap_or(1);
    let timestamp = parts.next().and_then(|t| t.parse::<i64>().ok()).unwrap_or(1_700_000_000);
    let endpoint = Endpoint::parse(parts.next()).unwrap_or_default();
    let Ok(value) = parse(parts.next().unwrap_or("{}"), LoneSurrogates::Reject) else { return };
    let Ok(params) = Params::from_object(value, "params") else { return };
    let secret = AppSecret::new("fuzz-secret");
    let signed = build_app_api_request(&AppApiCall {
        action, params: &params, app_key: "k", app_secret: &secret, timestamp, nonce,
        request_id: "r", endpoint: &endpoint, signing: SigningOptions::default(),
    });
    let token = build_token_api_request(&TokenApiCall { action, params: &params, access_token: "t", request_id: "r", endpoint: &endpoint });
    for body in [signed.map(|s| s.request.body), token.map(|r| r.body)].into_iter().flatten() {
        assert!(matches!(parse(&body, LoneSurrogates::Reject), Ok(iot_explorer_app::Value::Object(_))));
    }
});
