//! Every action name the App API is known to have, with the endpoint it belongs to
//! (app-api.md §4.2), and the typed actions.

pub mod login;
pub mod spec;

use crate::endpoint::Api;

const APP_API: &[&str] = &[
    "AppGetToken",
    "AppGetTokenByWeiXin",
    "AppSendVerificationCode",
    "AppCheckVerificationCode",
    "AppCreateCellphoneUser",
    "AppResetPasswordByCellphone",
    "AppSendEmailVerificationCode",
    "AppCheckEmailVerificationCode",
    "AppCreateEmailUser",
    "AppResetPasswordByEmail",
    "AppGetGlobalConfig",
    "AppGetLatestVersion",
    "AppCheckInTokenTicket",
];

const TOKEN_API: &[&str] = &[
    // user
    "AppGetUser",
    "AppUpdateUser",
    "AppUpdateUserByWeiXin",
    "AppLogoutUser",
    "AppUserResetPassword",
    "AppGetUserSetting",
    "AppUpdateUserSetting",
    "AppFindUser",
    "AppUserFeedBack",
    "AppUserCancelAccount",
    "AppGetTokenTicket",
    "AppCosAuth",
    "AppBindXgToken",
    "AppUnBindXgToken",
    // messages
    "AppGetMessages",
    "AppDeleteMessage",
    // family, room, member
    "AppGetFamilyList",
    "AppCreateFamily",
    "AppDescribeFamily",
    "AppModifyFamily",
    "AppDeleteFamily",
    "AppCreateRoom",
    "AppGetRoomList",
    "AppModifyRoom",
    "AppDeleteRoom",
    "AppInviteMember",
    "AppJoinFamily",
    "AppExitFamily",
    "AppDeleteFamilyMember",
    "AppGetFamilyMemberList",
    "AppSendShareFamilyInvite",
    // devices
    "AppGetFamilyDeviceList",
    "AppGetDeviceStatuses",
    "AppGetDeviceOnlineStatus",
    "AppGetDeviceInFamily",
    "AppUpdateDeviceInFamily",
    "AppDeleteDeviceInFamily",
    "AppModifyFamilyDeviceRoom",
    "AppGetDeviceData",
    "AppControlDeviceData",
    // history (1081/43119, 60783) and device actions (1081/61347, 61348)
    "AppGetDeviceDataHistory",
    "AppListEventHistory",
    "AppCallDeviceActionSync",
    "AppCallDeviceActionAsync",
    "AppReportDeviceData",
    "AppReportDataAsDevice",
    "AppGetProducts",
    "AppGetProductsConfig",
    "AppGetProductInfo",
    "AppGetParentCategoryList",
    "AppGetRecommList",
    "AppGetVirtualBindDeviceList",
    "AppBindSubDeviceInFamily",
    "AppGetGatewayBindDeviceList",
    "AppSetUserDeviceConfig",
    "AppCreateProductResource",
    // binding and provisioning
    "AppCreateDeviceBindToken",
    "AppGetDeviceBindTokenState",
    // Named by the issue tracker's action list; no doc page or official client shows its shape,
    // so it is known (sent to tokenapi) but not typed.
    "AppGetMultiDeviceBindTokenState",
    "AppTokenBindDeviceFamily",
    "AppSigBindDeviceInFamily",
    "AppSecureAddDeviceInFamily",
    // sharing
    "AppSendShareDeviceInvite",
    "AppCreateShareDeviceToken",
    "AppDescribeShareDeviceToken",
    "AppBindUserShareDevice",
    "AppListUserShareDevices",
    "AppListShareDeviceUsers",
    "AppRemoveShareDeviceUser",
    "AppRemoveUserShareDevice",
    // timers, scenes, automations
    "AppGetTimerList",
    "AppCreateTimer",
    "AppModifyTimer",
    "AppModifyTimerStatus",
    "AppDeleteTimer",
    "AppCreateScene",
    "AppGetSceneList",
    "AppModifyScene",
    "AppDeleteScene",
    "AppRunScene",
    "AppCreateAutomation",
    "AppGetAutomationList",
    "AppDescribeAutomation",
    "AppModifyAutomation",
    "AppModifyAutomationStatus",
    "AppDeleteAutomation",
    "AppGetSceneAndAutomationLogs",
    // firmware
    "AppCheckFirmwareUpdate",
    "AppPublishFirmwareUpdateMessage",
    "AppDescribeFirmwareUpdateStatus",
    // video and RTC
    "App::IotRTC::InviteDevice",
    "App::IotRTC::CallDevice",
    "App::IotRTC::LeavelRoom",
    "IotVideoDescribeCloudStorageEvents",
    "IotVideoDescribeCloudStorageDate",
    "IotVideoDescribeCloudStorageThumbnail",
    "IotVideoDescribeCloudStorageStreamData",
    "IotVideoDescribeCloudStorageTime",
    "IotVideoGenerateSignedVideoURL",
];

/// The endpoint a known action belongs to; `None` for actions the SDK has not heard of (they
/// can still be called).
pub fn api_of(action: &str) -> Option<Api> {
    if APP_API.contains(&action) {
        Some(Api::AppApi)
    } else if TOKEN_API.contains(&action) {
        Some(Api::TokenApi)
    } else {
        None
    }
}

/// All known actions with their endpoint.
pub fn known_actions() -> impl Iterator<Item = (&'static str, Api)> {
    APP_API
        .iter()
        .map(|a| (*a, Api::AppApi))
        .chain(TOKEN_API.iter().map(|a| (*a, Api::TokenApi)))
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn names_are_unique_and_placed() {
        let mut all: Vec<_> = known_actions().map(|(a, _)| a).collect();
        let count = all.len();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), count);
        assert_eq!(api_of("AppGetTokenByWeiXin"), Some(Api::AppApi));
        assert_eq!(api_of("AppGetUser"), Some(Api::TokenApi));
        assert_eq!(api_of("AppSomethingNew"), None);
    }
}
