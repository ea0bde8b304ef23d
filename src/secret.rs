//! The AppSecret: usable for signing, never printable.

use core::fmt;

use iot_explorer_signing::KeyedHmac;

/// Holds the AppSecret as the HMAC-SHA1 state keyed with it, so signing many times with one
/// secret hashes the key blocks once, and the secret's own bytes are not kept. `Debug` and
/// `Display` print `[redacted]`, and nothing in the crate copies it into an error, a request
/// or a log line.
#[derive(Clone)]
pub struct AppSecret {
    keyed: KeyedHmac,
    empty: bool,
}

impl AppSecret {
    pub fn new(secret: impl AsRef<[u8]>) -> Self {
        let secret = secret.as_ref();
        AppSecret {
            keyed: KeyedHmac::new(secret),
            empty: secret.is_empty(),
        }
    }

    pub(crate) fn keyed(&self) -> &KeyedHmac {
        &self.keyed
    }

    pub fn is_empty(&self) -> bool {
        self.empty
    }
}

impl fmt::Debug for AppSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AppSecret([redacted])")
    }
}

impl fmt::Display for AppSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::AppSecret;

    #[test]
    fn never_prints_the_secret() {
        let s = AppSecret::new("SUPER-SECRET-42");
        assert_eq!(format!("{s}"), "[redacted]");
        assert_eq!(format!("{s:?}"), "AppSecret([redacted])");
        assert_eq!(format!("{s:#?}"), "AppSecret([redacted])");
    }
}
