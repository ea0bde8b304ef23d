//! `AppGetTokenByWeiXin` (WeChat login) and the token grant that `AppGetToken*` answer with.

use crate::prelude::*;

use crate::error::{Error, Result};
use crate::json::Value;
use crate::params::Params;
use crate::response::ApiResponse;

pub const ACTION: &str = "AppGetTokenByWeiXin";

/// The WeChat user to log in (registered on the first call).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeiXinLogin {
    /// The mini-program OpenID or the UnionID.
    pub wx_open_id: String,
    pub nick_name: String,
    pub avatar: String,
}

impl WeiXinLogin {
    /// The action parameters; every field is required and must not be empty.
    pub fn params(&self) -> Result<Params> {
        let params = Params::new()
            .with("WxOpenID", self.wx_open_id.as_str())
            .with("NickName", self.nick_name.as_str())
            .with("Avatar", self.avatar.as_str());
        super::params::check_params(ACTION, &params)?;
        Ok(params)
    }
}

/// An access token and when it stops working.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenGrant {
    pub token: String,
    /// UNIX seconds.
    pub expire_at: i64,
    pub request_id: Option<String>,
    /// UNIX seconds of an account cancellation this login revoked, when the service says so.
    pub cancel_account_time: Option<i64>,
}

/// `Data: {Token, ExpireAt}` of a successful login.
pub fn parse_token_grant(response: &ApiResponse) -> Result<TokenGrant> {
    let bad = |what: &str| {
        let mut e = Error::parse(["login response: ", what].concat(), false);
        e.request_id = response.request_id.clone();
        e
    };
    let data = response.data().ok_or_else(|| bad("no `Data`"))?;
    let token = match data.get("Token") {
        Some(Value::String(t)) if !t.is_empty() => t.clone(),
        _ => return Err(bad("`Data.Token` is not a non-empty string")),
    };
    let expire_at = match data.get("ExpireAt").and_then(Value::as_integer) {
        Some(n) if n >= 0 => n,
        _ => return Err(bad("`Data.ExpireAt` is not a non-negative integer")),
    };
    Ok(TokenGrant {
        token,
        expire_at,
        request_id: response.request_id.clone(),
        cancel_account_time: data
            .get("CancelAccountTime")
            .and_then(Value::as_integer)
            .filter(|t| *t > 0),
    })
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;
    use crate::response::parse_response;
    use crate::ErrorKind;

    #[test]
    fn params_require_an_open_id_and_take_an_empty_profile() {
        let login = WeiXinLogin {
            wx_open_id: "o1".into(),
            nick_name: "微信用户".into(),
            avatar: "https://a/b.png".into(),
        };
        assert_eq!(login.params().unwrap().len(), 3);
        // WeChat gives no nickname or avatar unless the user fills them in.
        let anonymous = WeiXinLogin {
            nick_name: String::new(),
            avatar: String::new(),
            ..login.clone()
        };
        assert_eq!(anonymous.params().unwrap().len(), 3);
        let e = WeiXinLogin {
            wx_open_id: String::new(),
            ..login
        }
        .params()
        .unwrap_err();
        assert_eq!(e.kind, ErrorKind::InvalidInput);
        assert_eq!(e.param.as_deref(), Some("WxOpenID"));
    }

    #[test]
    fn grant_from_both_envelopes() {
        let documented =
            r#"{"Response":{"Data":{"ExpireAt":1700007200,"Token":"tok"},"RequestId":"r1"}}"#;
        let wire = r#"{"code":0,"msg":"","data":{"Data":{"ExpireAt":1700007200,"Token":"tok"},"RequestId":"r1"}}"#;
        for body in [documented, wire] {
            let grant = parse_token_grant(&parse_response(200, body).unwrap()).unwrap();
            assert_eq!(
                grant,
                TokenGrant {
                    token: "tok".into(),
                    expire_at: 1700007200,
                    request_id: Some("r1".into()),
                    cancel_account_time: None,
                }
            );
        }
        // Both official apps read CancelAccountTime beside the token (no page lists it).
        let revoked = r#"{"Response":{"Data":{"ExpireAt":1,"Token":"t","CancelAccountTime":1699990000},"RequestId":"r"}}"#;
        let grant = parse_token_grant(&parse_response(200, revoked).unwrap()).unwrap();
        assert_eq!(grant.cancel_account_time, Some(1699990000));
    }

    #[test]
    fn grant_with_wrong_types_is_a_parse_error() {
        for body in [
            r#"{"Response":{"RequestId":"r"}}"#,
            r#"{"Response":{"Data":{"Token":"","ExpireAt":1},"RequestId":"r"}}"#,
            r#"{"Response":{"Data":{"Token":"t","ExpireAt":"1"},"RequestId":"r"}}"#,
            r#"{"Response":{"Data":{"Token":"t","ExpireAt":1.5},"RequestId":"r"}}"#,
            r#"{"Response":{"Data":{"Token":7,"ExpireAt":1},"RequestId":"r"}}"#,
        ] {
            let e = parse_token_grant(&parse_response(200, body).unwrap()).unwrap_err();
            assert_eq!(e.kind, ErrorKind::Parse, "{body}");
            assert_eq!(e.request_id.as_deref(), Some("r"));
        }
    }
}
