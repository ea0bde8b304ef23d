//! Arbitrary status and body → a response or a typed error, never a panic.
#![no_main]

use iot_explorer_app::actions::spec::check_result;
use iot_explorer_app::parse_response;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (status, body) = match data {
        [a, b, rest @ ..] => (u16::from_le_bytes([*a, *b]) % 700, rest),
        _ => (200, data),
    };
    let body = String::from_utf8_lossy(body);
    if let Ok(response) = parse_response(status, &body) {
        for action in ["AppGetFamilyList", "AppGetDeviceData", "AppGetUser", "AppGetTokenByWeiXin"] {
            let _ = check_result(action, &response);
        }
        let _ = iot_explorer_app::actions::login::parse_token_grant(&response);
    }
});
