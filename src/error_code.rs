//! The error codes the App API is known to return (reference: app-api.md §4.3).

/// A server error code the SDK knows, with what it means and whether a retry can help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KnownCode {
    pub code: &'static str,
    pub meaning: &'static str,
    pub retryable: bool,
}

const fn known(code: &'static str, meaning: &'static str, retryable: bool) -> KnownCode {
    KnownCode {
        code,
        meaning,
        retryable,
    }
}

/// Every code documented for the App API, plus the wire code and the official SDK's own codes.
pub const KNOWN_CODES: &[KnownCode] = &[
    known("InternalError", "internal error", true),
    known(
        "ErrorRequiredParamNotFound",
        "required parameter missing",
        false,
    ),
    known("InvalidAction", "invalid Action", false),
    known("InvalidParameterValue", "invalid parameter value", false),
    known(
        "InvalidParameterValue.InvalidJSON",
        "request body is not JSON",
        false,
    ),
    known(
        "InvalidParameterValue.NickNameLengthInvalid",
        "nickname length invalid",
        false,
    ),
    known(
        "InvalidParameterValue.ErrorUserNotExists",
        "account does not exist",
        false,
    ),
    known(
        "InvalidParameterValue.InvalidAccessToken",
        "access token invalid or expired: log in again",
        false,
    ),
    known(
        "InvalidParameterValue.PhoneNumberInvalid",
        "invalid phone number",
        false,
    ),
    known(
        "InvalidParameterValue.SendVerifyCodeTooQuick",
        "verification code sent too often",
        false,
    ),
    known(
        "InvalidParameterValue.UserLoginFailed",
        "login failed",
        false,
    ),
    known(
        "InvalidParameterValue.BindDeviceNotConnected",
        "device has not connected to the cloud recently",
        false,
    ),
    known(
        "UnauthorizedOperation.APPNoPermissionToStudioProduct",
        "the app has no permission for this product",
        false,
    ),
    known("-1000", "business error (wire code)", false),
    known(
        "VERIFY_LOGIN_FAIL",
        "login state invalid: log in again",
        false,
    ),
    known("INTERNAL_ERROR", "SDK internal error", false),
    known(
        "WX_API_NEED_AUTH",
        "WeChat API needs user authorisation",
        false,
    ),
    known(
        "GET_USERINFO_NEED_AUTH",
        "user info needs authorisation",
        false,
    ),
    known("WX_API_FAIL", "WeChat API failed", false),
    known("TIMEOUT", "timed out", true),
    known(
        "CLOUDFUNC_INVALID_APP_KEY_SECRET",
        "cloud function has an invalid AppKey/AppSecret",
        false,
    ),
    known("INVALID_APP_KEY", "invalid AppKey", false),
];

/// Looks a server code up; unknown codes are kept verbatim by the caller.
pub fn known_code(code: &str) -> Option<&'static KnownCode> {
    KNOWN_CODES.iter().find(|k| k.code == code)
}

/// Known codes decide for themselves; unknown ones are retryable only when they say the
/// server was busy or failed internally.
pub fn is_retryable_code(code: &str) -> bool {
    match known_code(code) {
        Some(k) => k.retryable,
        None => {
            code.starts_with("InternalError")
                || code.starts_with("RequestLimitExceeded")
                || code.starts_with("ResourceUnavailable")
        }
    }
}

/// The codes of a token that expired or was revoked (the official clients log in again on
/// these): `InvalidParameterValue.InvalidAccessToken`, and the official SDK's `VERIFY_LOGIN_FAIL`.
pub fn is_auth_code(code: &str) -> bool {
    // Byte windows: `str::contains` brings kilobytes of pattern search into the wasm.
    let has = |part: &[u8]| code.as_bytes().windows(part.len()).any(|w| w == part);
    has(b"InvalidAccessToken") || has(b"VERIFY_LOGIN_FAIL")
}

/// `InternalError` messages can carry the real code: `InvalidParameterValue.UserLoginFailed|用户登录失败`.
/// Returns that code when it is followed by `|` (or a full-width `｜`, blanks around either
/// allowed) and has the `Category.Name` shape of a server code: a bare word such as
/// `timeout|…` is part of the message, not a code.
pub fn sub_code(message: &str) -> Option<&str> {
    // Byte by byte: `str::find` and `split` bring kilobytes of pattern search into the wasm.
    let bytes = message.as_bytes();
    let end = bytes
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || b == b'_' || b == b'.'))
        .unwrap_or(bytes.len());
    let head = message.get(..end)?;
    let after = message.get(end..)?.trim_start();
    let piped = after.starts_with('|') || after.starts_with('｜');
    let parts = head.as_bytes();
    let looks_like_code = parts.contains(&b'.')
        && parts.first() != Some(&b'.')
        && parts.last() != Some(&b'.')
        && !parts.windows(2).any(|pair| pair == b"..");
    (piped && looks_like_code).then_some(head)
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn every_known_code_is_found() {
        for k in KNOWN_CODES {
            assert_eq!(known_code(k.code), Some(k));
        }
        assert_eq!(known_code("Something.New"), None);
    }

    #[test]
    fn retryability() {
        assert!(is_retryable_code("InternalError"));
        assert!(is_retryable_code("InternalError.DbFailure"));
        assert!(is_retryable_code("RequestLimitExceeded"));
        assert!(!is_retryable_code("InvalidParameterValue"));
        assert!(!is_retryable_code(
            "InvalidParameterValue.InvalidAccessToken"
        ));
        assert!(!is_retryable_code("Some.Unknown"));
    }

    #[test]
    fn sub_codes() {
        assert_eq!(
            sub_code("InvalidParameterValue.UserLoginFailed|用户登录失败"),
            Some("InvalidParameterValue.UserLoginFailed")
        );
        assert_eq!(
            sub_code("InvalidParameterValue.UserLoginFailed | 用户登录失败"),
            Some("InvalidParameterValue.UserLoginFailed")
        );
        assert_eq!(
            sub_code("FailedOperation.Busy｜繁忙"),
            Some("FailedOperation.Busy")
        );
        assert_eq!(sub_code("timeout|数据库超时"), None);
        assert_eq!(sub_code("Error|db"), None);
        assert_eq!(sub_code("plain message"), None);
        assert_eq!(sub_code("has space|x"), None);
        assert_eq!(sub_code("|x"), None);
        assert_eq!(sub_code("a..b|x"), None);
    }
}
