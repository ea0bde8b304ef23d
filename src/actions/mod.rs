//! Every action the App API is known to have, each defined once (`catalog/`): its endpoint,
//! whether it may be retried, its parameters and result fields, and for the generator its
//! method, doc page and summary. Typed actions' parameters are prepared and checked
//! (`params.rs`) and their answers checked and shaped (`result.rs`) from the definition.

pub mod catalog;
pub mod definition;
pub mod kind;
pub mod login;
pub mod params;
pub mod result;

pub use definition::{Action, Template, Variants};
pub use kind::{Field, Kind, Tagged};

use crate::endpoint::Api;

/// The definition of `action`, if the SDK knows it.
pub fn find(action: &str) -> Option<&'static Action> {
    all().find(|a| a.name == action)
}

/// Every known action, in catalog order.
pub fn all() -> impl Iterator<Item = &'static Action> {
    catalog::CATALOG.iter().flat_map(|group| group.iter())
}

/// The endpoint a known action belongs to; `None` for actions the SDK has not heard of (they
/// can still be called).
pub fn api_of(action: &str) -> Option<Api> {
    find(action).map(|a| a.api)
}

/// Whether `action` may be sent again after a retryable failure: a known action that changes
/// nothing, or an unknown one whose name says it reads (`AppGet…`, `AppDescribe…`, `AppList…`,
/// `AppFind…`, `IotVideoDescribe…`).
pub fn is_idempotent(action: &str) -> bool {
    match find(action) {
        Some(def) => def.idempotent,
        None => [
            "AppGet",
            "AppDescribe",
            "AppList",
            "AppFind",
            "IotVideoDescribe",
        ]
        .iter()
        .any(|prefix| action.starts_with(prefix)),
    }
}

#[cfg(test)]
mod tests;
