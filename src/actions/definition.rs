//! One action, defined once: everything the SDK knows about it. The core checks and prepares
//! its parameters and checks and normalises its result from this; `crates/xtask` generates the
//! typed method, its TypeScript types and the README's row from it. What only the generator
//! reads (`About`) is left out of the wasm build.

use crate::endpoint::Api;

use super::kind::{Field, Kind};

#[derive(Debug, Clone, Copy)]
pub struct Action {
    pub name: &'static str,
    pub api: Api,
    /// Safe to send again after a retryable failure: it changes nothing on the server (a read),
    /// or only issues a token (a login).
    pub idempotent: bool,
    pub params: &'static [Field],
    /// A result field named `A|B` may be at either path (sources disagree on where it is); the
    /// typed result has it at `A`.
    pub result: &'static [Field],
    /// The device is named by `ProductId` + `DeviceName` (the docs) or by `DeviceId`,
    /// `"ProductId/DeviceName"` (what the official demo sends): one of the two is required, and
    /// the typed method sends the documented pair.
    pub device: bool,
    /// With `device`: the page names the device by `DeviceId`, which the typed method sends
    /// (joining a pair it is given).
    pub device_as_id: bool,
    /// Pairs of names sources spell two ways (`MemberId`, `MemberID`): one of each is required.
    pub either: &'static [(&'static str, &'static str)],
    /// Parameters required by the value of another (`AppGetToken`'s `Type`).
    pub variants: Option<&'static Variants>,
    /// Parameters a typed method sends as this text when they are left out, null or empty.
    pub defaults: &'static [(&'static str, &'static str)],
    /// Result fields of JSON text also given parsed, as `<name>Parsed`, of this shape (`{}` when
    /// the text is empty or not an object's JSON).
    pub parsed: &'static [(&'static str, Kind)],
    /// A result field whose `FailedOperation.…` value means the action failed (a device action's
    /// `Status`): the answer is then that API error, not a result.
    pub failure: Option<&'static str>,
    #[cfg(not(target_arch = "wasm32"))]
    pub about: About,
}

/// Fields each value of the parameter `tag` requires as well.
#[derive(Debug, Clone, Copy)]
pub struct Variants {
    pub tag: &'static str,
    pub cases: &'static [(&'static str, &'static [Field])],
}

/// What the generator needs besides the rules: the method, the evidence, the summary.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug, Clone, Copy)]
pub struct About {
    /// The client method; `None`: the action's name without `App`, lower-case first.
    pub method: Option<&'static str>,
    pub source: Source,
    /// What it does, one line (a verb first: "creates a room").
    pub summary: &'static str,
    /// Only through `call()`, and why (no typed method).
    pub call_only: Option<&'static str>,
    /// What the typed method checks against a data template given in its options.
    pub template: Template,
    /// Answers a token grant: the method resolves to `{ Token, ExpireAt, RequestId }`.
    pub grant: bool,
}

/// Where the shape of an action comes from.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Its own doc page, `1081/40813` under https://cloud.tencent.com/document/product/.
    Page(&'static str),
    /// No doc page: the official client code that shows it.
    Client(&'static str),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Template {
    None,
    /// `Data`'s properties: present in the template, writable, in range.
    Properties,
    /// `ActionId` and `InputParams`: an action of the template and its inputs.
    DeviceAction,
    /// The `Data` of each device action in `Actions`, against its product's template.
    SceneActions,
}

// The wasm build keeps no `About`: the builder's setters of it change nothing there.
#[cfg_attr(target_arch = "wasm32", allow(unused_mut, unused_variables))]
impl Action {
    const fn new(name: &'static str, api: Api, idempotent: bool) -> Self {
        Action {
            name,
            api,
            idempotent,
            params: &[],
            result: &[],
            device: false,
            device_as_id: false,
            either: &[],
            variants: None,
            defaults: &[],
            parsed: &[],
            failure: None,
            #[cfg(not(target_arch = "wasm32"))]
            about: About {
                method: None,
                source: Source::Client(""),
                summary: "",
                call_only: None,
                template: Template::None,
                grant: false,
            },
        }
    }

    /// A `tokenapi` action that changes nothing: retried after a retryable failure.
    pub const fn read(name: &'static str) -> Self {
        Action::new(name, Api::TokenApi, true)
    }

    /// A `tokenapi` action that changes state: not retried unless the caller says so.
    pub const fn write(name: &'static str) -> Self {
        Action::new(name, Api::TokenApi, false)
    }

    /// Sent to `appapi`, signed with the AppSecret.
    pub const fn signed(mut self) -> Self {
        self.api = Api::AppApi;
        self
    }

    pub const fn params(mut self, params: &'static [Field]) -> Self {
        self.params = params;
        self
    }

    pub const fn result(mut self, result: &'static [Field]) -> Self {
        self.result = result;
        self
    }

    /// Names a device: `ProductId` + `DeviceName`, or `DeviceId`.
    pub const fn device(mut self) -> Self {
        self.device = true;
        self
    }

    /// Names a device as `device` does, sent as `DeviceId` (where the page names it so).
    pub const fn device_id(mut self) -> Self {
        self.device = true;
        self.device_as_id = true;
        self
    }

    pub const fn either(mut self, pairs: &'static [(&'static str, &'static str)]) -> Self {
        self.either = pairs;
        self
    }

    pub const fn variants(mut self, variants: &'static Variants) -> Self {
        self.variants = Some(variants);
        self
    }

    /// What a typed method sends for these parameters when they are left out, null or empty.
    pub const fn defaults(mut self, defaults: &'static [(&'static str, &'static str)]) -> Self {
        self.defaults = defaults;
        self
    }

    /// These JSON-text result fields are also given parsed, of this shape.
    pub const fn parsed(mut self, parsed: &'static [(&'static str, Kind)]) -> Self {
        self.parsed = parsed;
        self
    }

    /// The result field whose `FailedOperation.…` value means the action failed.
    pub const fn failure(mut self, field: &'static str) -> Self {
        self.failure = Some(field);
        self
    }

    /// Its own doc page (`"1081/40813"`) and what it does.
    pub const fn page(mut self, id: &'static str, summary: &'static str) -> Self {
        #[cfg(not(target_arch = "wasm32"))]
        {
            self.about.source = Source::Page(id);
            self.about.summary = summary;
        }
        self
    }

    /// No doc page: the official client code that shows its shape, and what it does.
    pub const fn client(mut self, evidence: &'static str, summary: &'static str) -> Self {
        #[cfg(not(target_arch = "wasm32"))]
        {
            self.about.source = Source::Client(evidence);
            self.about.summary = summary;
        }
        self
    }

    /// The typed method's name, where it is not the derived one.
    pub const fn method(mut self, name: &'static str) -> Self {
        #[cfg(not(target_arch = "wasm32"))]
        {
            self.about.method = Some(name);
        }
        self
    }

    /// No typed method: only `call()`, for this reason.
    pub const fn call_only(mut self, reason: &'static str) -> Self {
        #[cfg(not(target_arch = "wasm32"))]
        {
            self.about.call_only = Some(reason);
        }
        self
    }

    /// The typed method takes `{ template }` and checks this against it first.
    pub const fn template(mut self, template: Template) -> Self {
        #[cfg(not(target_arch = "wasm32"))]
        {
            self.about.template = template;
        }
        self
    }

    /// The answer is a token grant (the logins).
    pub const fn grant(mut self) -> Self {
        #[cfg(not(target_arch = "wasm32"))]
        {
            self.about.grant = true;
        }
        self
    }
}
