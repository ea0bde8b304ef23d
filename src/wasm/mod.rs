//! JavaScript bindings. Signing and request building first try the fast paths (`prepared.rs`:
//! texts written straight into wasm memory, see `io.rs`). Everything else, and those calls when
//! a value is not a string, a number or a boolean, crosses as one JSON text per argument
//! (`JSON.stringify` on the JS side, one copy into wasm), results the same way: far cheaper than
//! walking JS objects property by property across the boundary.

mod allocator;
mod defaults;
mod input;
mod io;
mod js_error;
mod prepared;
mod push;

use wasm_bindgen::prelude::*;

use crate::actions::login::parse_token_grant;
use crate::actions::spec::check_result;
use crate::error::{Error, Result};
use crate::json::{self, write_string, LoneSurrogates, Value};
use crate::request::{
    build_app_api_request, build_token_api_request, AppApiCall, HttpRequest, TokenApiCall,
};
use crate::response::parse_response;
use crate::secret::AppSecret;
use crate::sign::sign;
use input::{from_js, string_arg, Fields};
use js_error::to_js_error;

type JsResult = core::result::Result<JsValue, JsValue>;

/// `signParams(params, appSecret, options?) → { stringToSign, signature }`
#[wasm_bindgen(js_name = signParams)]
pub fn sign_params_js(params: JsValue, app_secret: JsValue, options: JsValue) -> JsResult {
    finish(|| {
        let params = crate::Params::from_object(from_js(&params, "params")?, "params")?;
        let secret = AppSecret::new(string_arg(&app_secret, "appSecret")?);
        let options = input::signing_options(from_js_optional(&options, "options")?)?;
        let signed = sign(&params, &secret, options)?;
        let mut out = String::from("{\"stringToSign\":");
        write_string(&signed.string_to_sign, &mut out);
        out.push_str(",\"signature\":");
        write_string(&signed.signature, &mut out);
        out.push('}');
        Ok(out)
    })
}

/// `buildAppApiRequest({ action, params, appKey, appSecret, timestamp?, nonce?, requestId?,
/// endpoint?, signing? }) → { url, method, headers, body }`
#[wasm_bindgen(js_name = buildAppApiRequest)]
pub fn build_app_api_request_js(input: JsValue) -> JsResult {
    finish(|| {
        let mut f = Fields::new(from_js(&input, "request")?, "request")?;
        let action = f.string("action")?;
        let params = f.params()?;
        let app_key = f.string("appKey")?;
        let app_secret = AppSecret::new(f.string("appSecret")?);
        let timestamp = match f.optional_integer("timestamp")? {
            Some(t) => t,
            None => defaults::now_seconds(),
        };
        let nonce = match f.optional_integer("nonce")? {
            Some(n) => n,
            None => defaults::nonce()?,
        };
        let request_id = match f.optional_string("requestId")? {
            Some(id) => id,
            None => defaults::request_id()?,
        };
        let endpoint = f.endpoint()?;
        let signing = input::signing_options(f.optional("signing"))?;
        f.finish()?;
        let built = build_app_api_request(&AppApiCall {
            action: &action,
            params: &params,
            app_key: &app_key,
            app_secret: &app_secret,
            timestamp,
            nonce,
            request_id: &request_id,
            endpoint: &endpoint,
            signing,
        })?;
        Ok(request_json(&built.request))
    })
}

/// `buildTokenApiRequest({ action, params, accessToken, requestId?, endpoint? })
/// → { url, method, headers, body }`
#[wasm_bindgen(js_name = buildTokenApiRequest)]
pub fn build_token_api_request_js(input: JsValue) -> JsResult {
    finish(|| {
        let mut f = Fields::new(from_js(&input, "request")?, "request")?;
        let action = f.string("action")?;
        let params = f.params()?;
        let access_token = f.string("accessToken")?;
        let request_id = match f.optional_string("requestId")? {
            Some(id) => id,
            None => defaults::request_id()?,
        };
        let endpoint = f.endpoint()?;
        f.finish()?;
        let request = build_token_api_request(&TokenApiCall {
            action: &action,
            params: &params,
            access_token: &access_token,
            request_id: &request_id,
            endpoint: &endpoint,
        })?;
        Ok(request_json(&request))
    })
}

/// `parseResponse(status, bodyText) → { RequestId, Data?, …rest of the response }`
#[wasm_bindgen(js_name = parseResponse)]
pub fn parse_response_js(status: JsValue, body: JsValue) -> JsResult {
    finish(|| {
        let (status, body) = input::status_and_body(&status, &body)?;
        Ok(parse_response(status, &body)?.body.to_json())
    })
}

/// `parseActionResponse(action, status, bodyText)`: like `parseResponse`, and for the typed
/// actions the documented fields are checked and JSON-text `Data` is also given as `DataParsed`.
#[wasm_bindgen(js_name = parseActionResponse)]
pub fn parse_action_response_js(action: JsValue, status: JsValue, body: JsValue) -> JsResult {
    finish(|| {
        let action = string_arg(&action, "action")?;
        let (status, body) = input::status_and_body(&status, &body)?;
        let response = parse_response(status, &body)?;
        check_result(&action, &response)?;
        let mut out = response.body;
        if let (Some(Value::String(text)), Value::Object(entries)) =
            (out.get("Data").cloned(), &mut out)
        {
            if let Ok(parsed @ Value::Object(_)) = json::parse(&text, LoneSurrogates::Replace) {
                entries.push(("DataParsed".into(), parsed));
            }
        }
        Ok(out.to_json())
    })
}

/// `parseLoginResponse(status, bodyText) → { Token, ExpireAt, RequestId }` for
/// `AppGetTokenByWeiXin` and `AppGetToken`.
#[wasm_bindgen(js_name = parseLoginResponse)]
pub fn parse_login_response_js(status: JsValue, body: JsValue) -> JsResult {
    finish(|| {
        let (status, body) = input::status_and_body(&status, &body)?;
        let grant = parse_token_grant(&parse_response(status, &body)?)?;
        let out = Value::Object(vec![
            ("Token".into(), grant.token.into()),
            ("ExpireAt".into(), grant.expire_at.into()),
            (
                "RequestId".into(),
                grant.request_id.map_or(Value::Null, Value::String),
            ),
        ]);
        Ok(out.to_json())
    })
}

fn from_js_optional(value: &JsValue, what: &str) -> Result<Option<Value>> {
    if value.is_undefined() || value.is_null() {
        Ok(None)
    } else {
        from_js(value, what).map(Some)
    }
}

fn request_json(request: &HttpRequest) -> String {
    Value::Object(vec![
        ("url".into(), request.url.as_str().into()),
        ("method".into(), request.method.into()),
        (
            "headers".into(),
            Value::Object(vec![("content-type".into(), request.content_type.into())]),
        ),
        ("body".into(), request.body.as_str().into()),
    ])
    .to_json()
}

/// Runs a binding body and turns its JSON text into a JS value, or its error into a thrown one.
fn finish(body: impl FnOnce() -> Result<String>) -> JsResult {
    let json = body().map_err(|e| to_js_error(&e))?;
    js_sys::JSON::parse(&json)
        .map_err(|_| to_js_error(&Error::parse("internal: invalid result JSON", false)))
}
