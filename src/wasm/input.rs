//! The parsing calls' arguments: texts and the HTTP status.

use crate::prelude::*;

use super::io::{layout, Area, Lengths};
use super::is_whole;

use crate::error::{Error, Result};

/// The arguments of a call: pieces of the text area (byte lengths in the word area), and what
/// each one is, 3 bits per argument in `kinds`: a string, missing (`undefined` or `null`), or
/// another type.
pub struct Args<'a> {
    pieces: Vec<&'a [u8]>,
    kinds: u32,
}

use crate::abi::arg::{MISSING, STRING};

impl<'a> Args<'a> {
    pub fn read(area: &'a Area, count: usize, bytes: u32, kinds: u32) -> Result<Self> {
        match layout(area, Lengths::Bytes, count, 0, bytes) {
            Some(layout) => Ok(Args {
                pieces: layout.fields,
                kinds,
            }),
            None => Err(Error::invalid(
                "arguments",
                "internal: arguments out of place",
            )),
        }
    }

    fn kind(&self, index: usize) -> u32 {
        self.kinds.checked_shr(3 * index as u32).unwrap_or(MISSING) & 7
    }

    fn text(&self, index: usize, what: &str) -> Result<&'a str> {
        let piece = self.pieces.get(index).copied().unwrap_or_default();
        core::str::from_utf8(piece)
            .map_err(|_| Error::invalid(what, [what, " is not UTF-8"].concat()))
    }

    /// A string, or `None` for `undefined` and `null`.
    pub fn optional_string(&self, index: usize, what: &str) -> Result<Option<&'a str>> {
        match self.kind(index) {
            MISSING => Ok(None),
            _ => self.string(index, what).map(Some),
        }
    }

    pub fn string(&self, index: usize, what: &str) -> Result<&'a str> {
        match self.kind(index) {
            STRING => self.text(index, what),
            MISSING => Err(Error::missing(what)),
            _ => Err(Error::invalid(what, [what, " must be a string"].concat())),
        }
    }
}

/// An HTTP status code (100..=599), as JS passes it. 0 is what fetch and many transports give
/// when no response came: a transport failure, worth a retry.
pub fn status_code(status: f64) -> Result<u16> {
    if status == 0.0 {
        return Err(Error::transport("no HTTP response (status 0)"));
    }
    if is_whole(status) && (100.0..=599.0).contains(&status) {
        Ok(status as u16)
    } else {
        Err(Error::invalid(
            "status",
            "status must be an HTTP status code (100..=599)",
        ))
    }
}
