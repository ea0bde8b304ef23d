//! Actions the SDK knows (endpoint, whether a retry is safe) but has no typed method for, each
//! with the reason: `client.call(action, params)` sends them unchecked.

use crate::actions::definition::Action;

const NOT_YET: &str = "not typed yet";

pub const ACTIONS: &[Action] = &[
    Action::read("AppGetGlobalConfig")
        .signed()
        .call_only(NOT_YET),
    Action::read("AppGetLatestVersion")
        .signed()
        .call_only(NOT_YET),
    Action::write("AppCheckInTokenTicket")
        .signed()
        .call_only(NOT_YET),
    Action::write("AppUpdateUserByWeiXin").call_only(NOT_YET),
    Action::write("AppUserResetPassword").call_only(NOT_YET),
    Action::read("AppFindUser").call_only(NOT_YET),
    Action::write("AppUserFeedBack").call_only(NOT_YET),
    Action::write("AppUserCancelAccount").call_only(NOT_YET),
    Action::read("AppGetTokenTicket").call_only(NOT_YET),
    Action::write("AppCosAuth").call_only(NOT_YET),
    Action::write("AppBindXgToken").call_only(NOT_YET),
    Action::write("AppUnBindXgToken").call_only(NOT_YET),
    Action::read("AppGetDeviceOnlineStatus").call_only(NOT_YET),
    Action::write("AppReportDeviceData").call_only(NOT_YET),
    Action::write("AppReportDataAsDevice").call_only(NOT_YET),
    Action::read("AppGetProductInfo").call_only(NOT_YET),
    Action::read("AppGetParentCategoryList").call_only(NOT_YET),
    Action::read("AppGetRecommList").call_only(NOT_YET),
    Action::read("AppGetVirtualBindDeviceList").call_only(NOT_YET),
    Action::write("AppCreateProductResource").call_only(NOT_YET),
    Action::read("AppGetMultiDeviceBindTokenState").call_only(NOT_YET),
    Action::write("App::IotRTC::InviteDevice").call_only(NOT_YET),
    Action::write("App::IotRTC::CallDevice").call_only(NOT_YET),
    Action::write("App::IotRTC::LeavelRoom").call_only(NOT_YET),
    Action::read("IotVideoDescribeCloudStorageEvents").call_only(NOT_YET),
    Action::read("IotVideoDescribeCloudStorageDate").call_only(NOT_YET),
    Action::read("IotVideoDescribeCloudStorageThumbnail").call_only(NOT_YET),
    Action::read("IotVideoDescribeCloudStorageStreamData").call_only(NOT_YET),
    Action::read("IotVideoDescribeCloudStorageTime").call_only(NOT_YET),
    Action::write("IotVideoGenerateSignedVideoURL").call_only(NOT_YET),
];
