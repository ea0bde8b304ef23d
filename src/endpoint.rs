//! Where requests go: the China or overseas service, or any base URL (an emulator, a proxy).

use crate::prelude::*;

use crate::error::{Error, Result};

pub const CHINA: &str = "https://iot.cloud.tencent.com/api/exploreropen";
pub const OVERSEA: &str = "https://oversea.iotcloud.tencentiotcloud.com/api/exploreropen";

/// The two App API paths under a base URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Api {
    /// Pre-login calls signed with AppKey/AppSecret.
    AppApi,
    /// Post-login calls carrying an AccessToken.
    TokenApi,
}

impl Api {
    pub fn path(self) -> &'static str {
        match self {
            Api::AppApi => "appapi",
            Api::TokenApi => "tokenapi",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint(String);

impl Default for Endpoint {
    fn default() -> Self {
        Endpoint(CHINA.into())
    }
}

impl Endpoint {
    /// `None`, `""` or `"china"` → the China service; `"oversea"` → the overseas one; otherwise an
    /// `http(s)://` base URL to which `/appapi` or `/tokenapi` is appended.
    pub fn parse(name: Option<&str>) -> Result<Self> {
        match name {
            None | Some("") | Some("china") => Ok(Endpoint::default()),
            Some("oversea") => Ok(Endpoint(OVERSEA.into())),
            Some(url) if is_base_url(url) => Ok(Endpoint(url.trim_end_matches('/').into())),
            Some(other) => Err(Error::invalid(
                "endpoint",
                [
                    "endpoint must be \"oversea\" or an http(s):// base URL, not \"",
                    other,
                    "\"",
                ]
                .concat(),
            )),
        }
    }

    pub fn url(&self, api: Api) -> String {
        let mut url = self.0.clone();
        url.push('/');
        url.push_str(api.path());
        url
    }

    pub fn base(&self) -> &str {
        &self.0
    }

    /// The push channel (WebSocket) that goes with this endpoint: `wss://host/ws/explorer` for
    /// `https://host/…` (the official one for the China service), `ws://` for `http://`. No
    /// document names an overseas push URL: the overseas API's host with the China path.
    pub fn push_url(&self) -> String {
        // An Endpoint is always http(s) (parse checks it), so the fallback is never taken.
        let (secure, host) = scheme_and_host(&self.0).unwrap_or((false, ""));
        [
            if secure { "wss://" } else { "ws://" },
            host,
            "/ws/explorer",
        ]
        .concat()
    }
}

/// Whether an http(s) URL is https, and its host; None for any other URL.
fn scheme_and_host(url: &str) -> Option<(bool, &str)> {
    let (secure, rest) = match url.strip_prefix("https://") {
        Some(rest) => (true, rest),
        None => (false, url.strip_prefix("http://")?),
    };
    Some((secure, rest.split('/').next().unwrap_or_default()))
}

fn is_base_url(url: &str) -> bool {
    scheme_and_host(url).is_some_and(|(_, host)| {
        !host.is_empty()
            && !url.contains(['?', '#'])
            && !url.chars().any(|c| c.is_whitespace() || c.is_control())
    })
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn names_and_urls() {
        assert_eq!(
            Endpoint::parse(None).unwrap().url(Api::AppApi),
            format!("{CHINA}/appapi")
        );
        assert_eq!(
            Endpoint::parse(Some("oversea")).unwrap().url(Api::TokenApi),
            format!("{OVERSEA}/tokenapi")
        );
        assert_eq!(
            Endpoint::parse(Some("http://127.0.0.1:8080/api/exploreropen/"))
                .unwrap()
                .url(Api::AppApi),
            "http://127.0.0.1:8080/api/exploreropen/appapi"
        );
        let push = |name: &str| Endpoint::parse(Some(name)).unwrap().push_url();
        assert_eq!(push("china"), "wss://iot.cloud.tencent.com/ws/explorer");
        assert_eq!(
            push("oversea"),
            "wss://oversea.iotcloud.tencentiotcloud.com/ws/explorer"
        );
        assert_eq!(
            push("http://127.0.0.1:8080/api/exploreropen"),
            "ws://127.0.0.1:8080/ws/explorer"
        );
        for bad in [
            "ftp://x",
            "iot.cloud.tencent.com",
            "https://",
            "https://a b",
            "https://x/?q=1",
        ] {
            assert_eq!(
                Endpoint::parse(Some(bad)).unwrap_err().param.as_deref(),
                Some("endpoint")
            );
        }
    }
}
