//! Actions the SDK knows (endpoint, whether a retry is safe) but has no typed method for, each
//! with the reason: `client.call(action, params)` sends them unchecked. (AppCosAuth is not one:
//! both official apps post it to another service, …/api/studioapp/AppCosAuth.)

use crate::actions::definition::Action;

const TRTC: &str =
    "an audio or video call of a device, which takes Tencent's TRTC SDK on the phone; no page";
const TPNS: &str = "registers the phone's TPNS (信鸽) push token, which takes Tencent's push SDK on the phone; no page";

pub const ACTIONS: &[Action] = &[
    Action::write("AppBindXgToken").call_only(TPNS),
    Action::write("AppUnBindXgToken").call_only(TPNS),
    Action::write("App::IotRTC::InviteDevice").call_only(TRTC),
    Action::write("App::IotRTC::CallDevice").call_only(TRTC),
    Action::write("App::IotRTC::LeavelRoom")
        .call_only("only in the iOS app's history (2020-11-25 to 27), never shipped; no page"),
    Action::read("AppGetDeviceOnlineStatus").call_only(
        "no page; the Android app keeps it commented out and calls AppGetDeviceStatuses (getDeviceStatuses)",
    ),
    Action::write("AppReportDeviceData").call_only(
        "no page, and no client sends it (an iOS constant only): AppReportDataAsDevice reports for a device",
    ),
    Action::read("AppGetProductInfo").call_only(
        "no page (获取产品信息 is AppGetProducts: getProducts); only dead code in the official apps",
    ),
    Action::read("AppGetVirtualBindDeviceList").call_only(
        "takes a third-party platform's AccessToken and BindPlatformId, not the session's; no page",
    ),
];
