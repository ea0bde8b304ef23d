//! Arbitrary JSON params and secret, both value formats and empty-value policies → a signature
//! or a typed error naming a parameter, never a panic.
#![no_main]

use iot_explorer_app::json::{parse, LoneSurrogates};
use iot_explorer_app::{sign, AppSecret, EmptyValues, Params, SigningOptions, ValueFormat};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let (secret, json) = text.split_once('\n').unwrap_or(("secret", &text));
    let Ok(value) = parse(json, LoneSurrogates::Reject) else { return };
    let Ok(params) = Params::from_object(value, "params") else { return };
    let options = SigningOptions {
        empty_values: if flags & 1 == 0 { EmptyValues::Omit } else { EmptyValues::Keep },
        values: if flags & 2 == 0 { ValueFormat::Strict } else { ValueFormat::NodeSdk },
    };
    match sign(&params, &AppSecret::new(secret), options) {
        Ok(signed) => assert_eq!(signed.signature.len(), 28),
        Err(e) => assert!(e.param.is_some()),
    }
});
