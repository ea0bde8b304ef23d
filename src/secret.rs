//! The AppSecret: usable for signing, never printable.

use core::fmt;

/// Holds the AppSecret. `Debug` and `Display` print `[redacted]`, and nothing in the crate
/// copies it into an error, a request or a log line.
#[derive(Clone, PartialEq, Eq)]
pub struct AppSecret(String);

impl AppSecret {
    pub fn new(secret: impl Into<String>) -> Self {
        AppSecret(secret.into())
    }

    pub(crate) fn expose_bytes(&self) -> &[u8] {
        self.0.as_bytes()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
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
