//! Core errors → thrown JS `Error`s carrying the fields of `IotExplorerError`; the package
//! wraps them into that class.

use js_sys::Reflect;
use wasm_bindgen::JsValue;

use crate::error::Error;

pub fn to_js_error(e: &Error) -> JsValue {
    let js = js_sys::Error::new(&e.message);
    js.set_name("IotExplorerError");
    let opt = |v: &Option<String>| v.as_deref().map_or(JsValue::NULL, JsValue::from_str);
    let fields = [
        ("kind", JsValue::from_str(e.kind.as_str())),
        ("code", opt(&e.code)),
        ("requestId", opt(&e.request_id)),
        (
            "status",
            e.status
                .map_or(JsValue::NULL, |s| JsValue::from_f64(f64::from(s))),
        ),
        ("retryable", JsValue::from_bool(e.retryable)),
        ("param", opt(&e.param)),
        ("excerpt", opt(&e.excerpt)),
    ];
    for (name, value) in fields {
        // Setting a data property on a fresh Error cannot fail.
        let _ = Reflect::set(&js, &JsValue::from_str(name), &value);
    }
    js.into()
}
