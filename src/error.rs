//! The one error type of the SDK: a kind plus the evidence (server code, request id, HTTP status).

use crate::prelude::*;

use core::fmt;

use crate::error_code::{is_auth_code, is_retryable_code};

/// What went wrong, at the level a caller branches on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The server answered with `Error.Code` (or a non-zero wire `code`).
    Api,
    /// The caller's input was rejected before anything was sent.
    InvalidInput,
    /// A non-2xx HTTP status without an API error in the body.
    Http,
    /// The body is not a response the API sends (HTML, empty, truncated, wrongly typed).
    Parse,
    /// The transport failed (no response at all).
    Transport,
    /// The transport gave up waiting.
    Timeout,
}

impl ErrorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Api => "Api",
            ErrorKind::InvalidInput => "InvalidInput",
            ErrorKind::Http => "Http",
            ErrorKind::Parse => "Parse",
            ErrorKind::Transport => "Transport",
            ErrorKind::Timeout => "Timeout",
        }
    }
}

/// Codes of `InvalidInput` errors (the server's own codes are kept verbatim for `Api`).
pub const INVALID_PARAMETER: &str = "InvalidParameter";
pub const MISSING_PARAMETER: &str = "MissingParameter";

#[derive(Debug, Clone, PartialEq)]
pub struct Error {
    pub kind: ErrorKind,
    /// The server's code (`InvalidParameterValue.InvalidAccessToken`), or the SDK's for `InvalidInput`.
    pub code: Option<String>,
    pub message: String,
    pub request_id: Option<String>,
    pub status: Option<u16>,
    pub retryable: bool,
    /// The parameter an `InvalidInput` error is about.
    pub param: Option<String>,
    /// The start of the response body, for `Http` and `Parse` errors.
    pub excerpt: Option<String>,
}

impl Error {
    fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            kind,
            code: None,
            message: message.into(),
            request_id: None,
            status: None,
            retryable: false,
            param: None,
            excerpt: None,
        }
    }

    /// True when only a new access token can fix the call: the server refused the token.
    pub fn is_auth_error(&self) -> bool {
        self.kind == ErrorKind::Api && self.code.as_deref().is_some_and(is_auth_code)
    }

    /// A value the caller passed is unusable; names the parameter.
    pub fn invalid(param: &str, message: impl Into<String>) -> Self {
        Error {
            code: Some(INVALID_PARAMETER.into()),
            param: Some(param.into()),
            ..Error::new(ErrorKind::InvalidInput, message)
        }
    }

    /// A required parameter is absent or empty.
    pub fn missing(param: &str) -> Self {
        Error {
            code: Some(MISSING_PARAMETER.into()),
            param: Some(param.into()),
            ..Error::new(
                ErrorKind::InvalidInput,
                [param, " is required and must not be empty"].concat(),
            )
        }
    }

    /// The server's own error; retryability follows the code.
    pub fn api(code: &str, message: impl Into<String>, request_id: Option<String>) -> Self {
        Error {
            code: Some(code.into()),
            request_id,
            retryable: is_retryable_code(code),
            ..Error::new(ErrorKind::Api, message)
        }
    }

    pub fn http(status: u16, excerpt: String) -> Self {
        Error {
            status: Some(status),
            retryable: is_retryable_status(status),
            excerpt: Some(excerpt),
            ..Error::new(
                ErrorKind::Http,
                ["HTTP status ", &crate::text::int(i64::from(status))].concat(),
            )
        }
    }

    pub fn parse(message: impl Into<String>, retryable: bool) -> Self {
        Error {
            retryable,
            ..Error::new(ErrorKind::Parse, message)
        }
    }

    pub fn transport(message: impl Into<String>) -> Self {
        Error {
            retryable: true,
            ..Error::new(ErrorKind::Transport, message)
        }
    }

    pub fn timeout(message: impl Into<String>) -> Self {
        Error {
            retryable: true,
            ..Error::new(ErrorKind::Timeout, message)
        }
    }

    pub(crate) fn with_status(mut self, status: u16) -> Self {
        self.status = Some(status);
        self
    }

    pub(crate) fn with_excerpt(mut self, excerpt: String) -> Self {
        self.excerpt = Some(excerpt);
        self
    }
}

/// 408, 429 and 5xx are worth another try; other statuses will fail the same way again.
pub fn is_retryable_status(status: u16) -> bool {
    status == 408 || status == 429 || (500..=599).contains(&status)
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.kind.as_str())?;
        if let Some(code) = &self.code {
            write!(f, " {code}")?;
        }
        write!(f, ": {}", self.message)?;
        if let Some(id) = &self.request_id {
            write!(f, " (RequestId {id})")?;
        }
        Ok(())
    }
}

impl core::error::Error for Error {}

pub type Result<T> = core::result::Result<T, Error>;
