//! The typed actions: which parameters each needs (checked before anything is sent) and what its
//! response must contain (checked before the caller sees it), from app-api.md §4.1.

use crate::prelude::*;

use crate::endpoint::Api;
use crate::error::{Error, Result};
use crate::json::{parse, LoneSurrogates, Value};
use crate::params::Params;
use crate::response::ApiResponse;

/// The shape a parameter or a response field must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A non-empty string.
    Text,
    /// A string, possibly empty.
    AnyText,
    Integer,
    /// An array of non-empty strings.
    TextList,
    Array,
    /// A string holding a JSON object (`Data` of device data calls).
    JsonText,
    /// A non-empty string or an integer: ids the docs type as String and show as numbers.
    Id,
    /// A JSON object.
    Object,
    /// Seven characters `0`/`1`, Sunday first: the days a timer runs on.
    DayMask,
    /// A time of day, `HH:mm` (or `H:mm`, as a doc example writes it).
    TimeOfDay,
    /// The integer 0 or 1.
    Flag,
}

/// `name` for a parameter; a path such as `Data.Token` or `FamilyList[].FamilyId` for a result.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub name: &'static str,
    pub kind: Kind,
    pub required: bool,
}

const fn req(name: &'static str, kind: Kind) -> Field {
    Field {
        name,
        kind,
        required: true,
    }
}

const fn opt(name: &'static str, kind: Kind) -> Field {
    Field {
        name,
        kind,
        required: false,
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Spec {
    pub action: &'static str,
    pub api: Api,
    pub params: &'static [Field],
    /// A result field named `A|B` may be at either path (sources disagree on where it is).
    pub result: &'static [Field],
    /// The device is named by `ProductId` + `DeviceName` (the docs) or by `DeviceId`,
    /// `"ProductId/DeviceName"` (what the official demo sends): one of the two is required.
    pub device: bool,
}

use Kind::*;

const PAGE: [Field; 2] = [opt("Offset", Integer), opt("Limit", Integer)];
const GRANT: &[Field] = &[req("Data.Token", Text), req("Data.ExpireAt", Integer)];
const PHONE: [Field; 2] = [req("CountryCode", Text), req("PhoneNumber", Text)];
/// One of the two is required (`Spec::device`).
const DEVICE: [Field; 3] = [
    opt("ProductId", Text),
    opt("DeviceName", Text),
    opt("DeviceId", Text),
];

/// A timer's definition (AppCreateTimer, AppModifyTimer): `Data` is the control sent when it fires.
const TIMER: [Field; 8] = [
    req("TimerName", Text),
    req("Days", DayMask),
    req("TimePoint", TimeOfDay),
    req("Repeat", Flag),
    req("Data", JsonText),
    DEVICE[0],
    DEVICE[1],
    DEVICE[2],
];

pub const SPECS: &[Spec] = &[
    Spec {
        action: "AppGetTokenByWeiXin",
        api: Api::AppApi,
        params: &[
            req("WxOpenID", Text),
            // WeChat gives no nickname or avatar unless the user fills them in: empty is common,
            // and `emptyValues` decides whether they are signed (public vectors, app-api.md §1.7).
            req("NickName", AnyText),
            req("Avatar", AnyText),
        ],
        result: GRANT,
        device: false,
    },
    Spec {
        action: "AppGetToken",
        api: Api::AppApi,
        // Plus CountryCode+PhoneNumber or Email, by Type: see `check_params`.
        params: &[req("Type", Text), req("Password", Text)],
        result: GRANT,
        device: false,
    },
    Spec {
        action: "AppSendVerificationCode",
        api: Api::AppApi,
        params: &[req("Type", Text), PHONE[0], PHONE[1]],
        result: &[],
        device: false,
    },
    Spec {
        action: "AppCheckVerificationCode",
        api: Api::AppApi,
        params: &[
            req("Type", Text),
            PHONE[0],
            PHONE[1],
            req("VerificationCode", Text),
        ],
        result: &[],
        device: false,
    },
    Spec {
        action: "AppSendEmailVerificationCode",
        api: Api::AppApi,
        params: &[req("Type", Text), req("Email", Text)],
        result: &[],
        device: false,
    },
    Spec {
        action: "AppCheckEmailVerificationCode",
        api: Api::AppApi,
        params: &[
            req("Type", Text),
            req("Email", Text),
            req("VerificationCode", Text),
        ],
        result: &[],
        device: false,
    },
    Spec {
        action: "AppCreateCellphoneUser",
        api: Api::AppApi,
        params: &[
            PHONE[0],
            PHONE[1],
            req("Password", Text),
            req("VerificationCode", Text),
        ],
        result: &[req("Data.UserID", Text)],
        device: false,
    },
    Spec {
        action: "AppCreateEmailUser",
        api: Api::AppApi,
        params: &[
            req("Email", Text),
            req("Password", Text),
            req("VerificationCode", Text),
        ],
        result: &[req("Data.UserID", Text)],
        device: false,
    },
    Spec {
        action: "AppResetPasswordByCellphone",
        api: Api::AppApi,
        params: &[
            PHONE[0],
            PHONE[1],
            req("Password", Text),
            req("VerificationCode", Text),
        ],
        result: &[],
        device: false,
    },
    Spec {
        action: "AppResetPasswordByEmail",
        api: Api::AppApi,
        params: &[
            req("Email", Text),
            req("Password", Text),
            req("VerificationCode", Text),
        ],
        result: &[],
        device: false,
    },
    Spec {
        action: "AppGetUser",
        api: Api::TokenApi,
        params: &[],
        result: &[
            req("Data.UserID", Text),
            opt("Data.NickName", AnyText),
            opt("Data.Avatar", AnyText),
            opt("Data.PhoneNumber", AnyText),
            opt("Data.CountryCode", AnyText),
            opt("Data.Email", AnyText),
        ],
        device: false,
    },
    Spec {
        action: "AppUpdateUser",
        api: Api::TokenApi,
        params: &[opt("NickName", Text), opt("Avatar", Text)],
        result: &[],
        device: false,
    },
    Spec {
        action: "AppLogoutUser",
        api: Api::TokenApi,
        params: &[],
        result: &[],
        device: false,
    },
    Spec {
        action: "AppGetFamilyList",
        api: Api::TokenApi,
        params: &PAGE,
        result: &[
            req("FamilyList", Array),
            req("FamilyList[].FamilyId", Text),
            req("FamilyList[].Name", AnyText),
            opt("FamilyList[].Role", Integer),
            req("Total", Integer),
        ],
        device: false,
    },
    Spec {
        action: "AppCreateFamily",
        api: Api::TokenApi,
        params: &[req("Name", Text), opt("Address", AnyText)],
        result: &[req("Data.FamilyId", Text)],
        device: false,
    },
    Spec {
        action: "AppGetFamilyDeviceList",
        api: Api::TokenApi,
        params: &[
            req("FamilyId", Text),
            opt("RoomId", AnyText),
            PAGE[0],
            PAGE[1],
        ],
        result: &[
            req("DeviceList", Array),
            req("DeviceList[].ProductId", Text),
            req("DeviceList[].DeviceName", Text),
            req("Total", Integer),
        ],
        device: false,
    },
    Spec {
        action: "AppGetDeviceStatuses",
        api: Api::TokenApi,
        params: &[req("DeviceIds", TextList)],
        result: &[
            req("DeviceStatuses", Array),
            req("DeviceStatuses[].DeviceId", Text),
            req("DeviceStatuses[].Online", Integer),
        ],
        device: false,
    },
    Spec {
        action: "AppGetDeviceData",
        api: Api::TokenApi,
        params: &DEVICE,
        result: &[req("Data", JsonText)],
        device: true,
    },
    Spec {
        action: "AppControlDeviceData",
        api: Api::TokenApi,
        params: &[DEVICE[0], DEVICE[1], DEVICE[2], req("Data", JsonText)],
        // The result `Data` is a string (app-api.md §4.1); the documented example is "".
        result: &[opt("Data", AnyText)],
        device: true,
    },
    // ---- rooms (1081/40813-40816) ----
    Spec {
        action: "AppCreateRoom",
        api: Api::TokenApi,
        params: &[req("FamilyId", Text), req("Name", Text)],
        // The table has `RoomId` at the top; the example and the Android app under `Data`,
        // as a number in the example.
        result: &[req("Data.RoomId|RoomId", Id)],
        device: false,
    },
    Spec {
        action: "AppModifyRoom",
        api: Api::TokenApi,
        params: &[
            req("FamilyId", Text),
            req("RoomId", Text),
            opt("Name", Text),
        ],
        result: &[],
        device: false,
    },
    Spec {
        action: "AppDeleteRoom",
        api: Api::TokenApi,
        params: &[req("FamilyId", Text), req("RoomId", Text)],
        result: &[],
        device: false,
    },
    Spec {
        action: "AppGetRoomList",
        api: Api::TokenApi,
        // FamilyId is optional in the table (876/40816).
        params: &[opt("FamilyId", Text), PAGE[0], PAGE[1]],
        // `RoomList` in the docs, `Roomlist` in the Android app's model.
        result: &[
            req("RoomList|Roomlist", Array),
            req("RoomList[].RoomId|Roomlist[].RoomId", Id),
            req("RoomList[].RoomName|Roomlist[].RoomName", AnyText),
            opt("RoomList[].DeviceNum|Roomlist[].DeviceNum", Integer),
            req("Total", Integer),
        ],
        device: false,
    },
    // ---- devices in a family (1081/40802, 40806, 40807, 43201) ----
    Spec {
        action: "AppGetDeviceInFamily",
        api: Api::TokenApi,
        params: &[req("FamilyId", Text), DEVICE[0], DEVICE[1], DEVICE[2]],
        // Flat in the table, under `Data` in the example.
        result: &[
            req("Data.ProductId|ProductId", Text),
            req("Data.DeviceName|DeviceName", Text),
            opt("Data.AliasName|AliasName", AnyText),
            opt("Data.RoomId|RoomId", Id),
        ],
        device: true,
    },
    Spec {
        action: "AppUpdateDeviceInFamily",
        api: Api::TokenApi,
        params: &[DEVICE[0], DEVICE[1], DEVICE[2], req("AliasName", Text)],
        result: &[],
        device: true,
    },
    Spec {
        action: "AppDeleteDeviceInFamily",
        api: Api::TokenApi,
        // RoomId is "required" in the table, but the example and every official client leave it out.
        params: &[
            req("FamilyId", Text),
            opt("RoomId", AnyText),
            DEVICE[0],
            DEVICE[1],
            DEVICE[2],
        ],
        result: &[],
        device: true,
    },
    Spec {
        action: "AppModifyFamilyDeviceRoom",
        api: Api::TokenApi,
        params: &[
            req("FamilyId", Text),
            req("RoomId", AnyText),
            DEVICE[0],
            DEVICE[1],
            DEVICE[2],
        ],
        result: &[],
        device: true,
    },
    Spec {
        action: "AppSetUserDeviceConfig",
        api: Api::TokenApi,
        // No doc page; the official demo sends these three, DeviceValue as JSON text.
        params: &[
            req("DeviceId", Text),
            req("DeviceKey", Text),
            req("DeviceValue", AnyText),
        ],
        result: &[],
        device: false,
    },
    // ---- adding a device (1081/44044-44046, 50205) ----
    Spec {
        action: "AppCreateDeviceBindToken",
        api: Api::TokenApi,
        params: &[opt("TokenLengthType", Text)],
        // Under `Data` in the doc example, at the top in the official demo and Android app.
        result: &[req("Token|Data.Token", Text)],
        device: false,
    },
    Spec {
        action: "AppGetDeviceBindTokenState",
        api: Api::TokenApi,
        params: &[req("Token", Text)],
        // 1: created, 2: the device reported in. The iOS app logs ProductId and DeviceName too.
        result: &[
            req("State|Data.State", Integer),
            opt("ProductId|Data.ProductId", Text),
            opt("DeviceName|Data.DeviceName", Text),
        ],
        device: false,
    },
    Spec {
        action: "AppTokenBindDeviceFamily",
        api: Api::TokenApi,
        // RoomId is "required" in the table; the Android app sends none, the iOS app "0".
        params: &[
            req("Token", Text),
            req("FamilyId", Text),
            opt("RoomId", AnyText),
            DEVICE[0],
            DEVICE[1],
            DEVICE[2],
        ],
        result: &[],
        device: true,
    },
    Spec {
        action: "AppSigBindDeviceInFamily",
        api: Api::TokenApi,
        // BindType is "required" in the table; the iOS Wi-Fi path sends none (the doc's
        // default is wifi_sign). The apps' BLE paths name the device by DeviceId.
        params: &[
            req("FamilyId", Text),
            opt("RoomId", AnyText),
            req("DeviceTimestamp", Integer),
            opt("ConnId", AnyText),
            req("Signature", Text),
            opt("BindType", Text),
            opt("SignMethod", Text),
            DEVICE[0],
            DEVICE[1],
            DEVICE[2],
        ],
        result: &[opt("Data.AppDeviceInfo|AppDeviceInfo", Object)],
        device: true,
    },
    Spec {
        action: "AppSecureAddDeviceInFamily",
        api: Api::TokenApi,
        // No doc page; the official demo, Android and iOS apps send these and read
        // Data.AppDeviceInfo.
        params: &[
            req("FamilyId", Text),
            opt("RoomId", AnyText),
            req("DeviceSignature", Text),
        ],
        result: &[req("Data.AppDeviceInfo|AppDeviceInfo", Object)],
        device: false,
    },
    // ---- products (1081/48764; AppGetProductsConfig has no doc page) ----
    Spec {
        action: "AppGetProducts",
        api: Api::TokenApi,
        params: &[req("ProductIds", TextList), opt("DeviceIds", TextList)],
        result: &[
            req("Products", Array),
            req("Products[].ProductId", Text),
            opt("Products[].Name", AnyText),
            // The data template, as JSON text (parseDataTemplate reads it).
            opt("Products[].DataTemplate", AnyText),
        ],
        device: false,
    },
    Spec {
        action: "AppGetProductsConfig",
        api: Api::TokenApi,
        params: &[req("ProductIds", TextList)],
        // An array under `Data` (Android and iOS apps); Config is the panel's JSON text.
        result: &[
            req("Data", Array),
            req("Data[].ProductId", Text),
            opt("Data[].Config", AnyText),
        ],
        device: false,
    },
    // ---- family and members (1081/40810-40821, 43157) ----
    Spec {
        action: "AppDescribeFamily",
        api: Api::TokenApi,
        params: &[req("FamilyId", Text)],
        // Flat in the table, under `Data` in the example.
        result: &[
            req("Data.FamilyId|FamilyId", Text),
            req("Data.FamilyName|FamilyName", AnyText),
            opt("Data.Address|Address", AnyText),
        ],
        device: false,
    },
    Spec {
        action: "AppModifyFamily",
        api: Api::TokenApi,
        // Address is "required" in the table, as for AppCreateFamily, where no client sends it.
        params: &[
            req("FamilyId", Text),
            req("Name", Text),
            opt("Address", AnyText),
        ],
        result: &[],
        device: false,
    },
    Spec {
        action: "AppDeleteFamily",
        api: Api::TokenApi,
        // No doc page; the Android and iOS apps send FamilyId and the family's Name.
        params: &[req("FamilyId", Text), opt("Name", AnyText)],
        result: &[],
        device: false,
    },
    Spec {
        action: "AppInviteMember",
        api: Api::TokenApi,
        params: &[req("FamilyId", Text)],
        result: &[req("ShareToken", Text)],
        device: false,
    },
    Spec {
        action: "AppJoinFamily",
        api: Api::TokenApi,
        params: &[req("ShareToken", Text)],
        result: &[],
        device: false,
    },
    Spec {
        action: "AppExitFamily",
        api: Api::TokenApi,
        params: &[req("FamilyId", Text)],
        result: &[],
        device: false,
    },
    Spec {
        action: "AppDeleteFamilyMember",
        api: Api::TokenApi,
        // `MemberId` in the doc, `MemberID` in the Android app: one of the two (`EITHER`).
        params: &[
            opt("FamilyId", Text),
            opt("MemberId", Text),
            opt("MemberID", Text),
        ],
        result: &[],
        device: false,
    },
    Spec {
        action: "AppGetFamilyMemberList",
        api: Api::TokenApi,
        params: &[req("FamilyId", Text), PAGE[0], PAGE[1]],
        result: &[
            req("MemberList", Array),
            req("MemberList[].UserID", Text),
            opt("MemberList[].NickName", AnyText),
            opt("MemberList[].Avatar", AnyText),
            opt("MemberList[].Role", Integer),
            req("Total", Integer),
        ],
        device: false,
    },
    Spec {
        action: "AppSendShareFamilyInvite",
        api: Api::TokenApi,
        params: &[req("FamilyId", Text), req("ToUserID", Text)],
        result: &[],
        device: false,
    },
    // ---- sharing a device (1081/43156, 48183-48192) ----
    // The doc names the device by ProductId + DeviceName; the official demo sends DeviceId.
    Spec {
        action: "AppCreateShareDeviceToken",
        api: Api::TokenApi,
        // FamilyId is required in the table (the doc's example leaves it out; every client sends it).
        params: &[
            req("FamilyId", Text),
            opt("TokenContext", AnyText),
            DEVICE[0],
            DEVICE[1],
            DEVICE[2],
        ],
        result: &[req("ShareDeviceToken", Text)],
        device: true,
    },
    Spec {
        action: "AppDescribeShareDeviceToken",
        api: Api::TokenApi,
        params: &[req("ShareDeviceToken", Text)],
        // UserId and UserNick are empty until the token is used.
        result: &[
            req("ShareDeviceTokenInfo", Object),
            req("ShareDeviceTokenInfo.ProductId", Text),
            req("ShareDeviceTokenInfo.DeviceName", Text),
            opt("ShareDeviceTokenInfo.FromUserId", Id),
            opt("ShareDeviceTokenInfo.UserId", AnyText),
            opt("ShareDeviceTokenInfo.ExpireTime", Integer),
        ],
        device: false,
    },
    Spec {
        action: "AppBindUserShareDevice",
        api: Api::TokenApi,
        params: &[
            req("ShareDeviceToken", Text),
            DEVICE[0],
            DEVICE[1],
            DEVICE[2],
        ],
        result: &[opt("Status", AnyText)],
        device: true,
    },
    Spec {
        action: "AppListUserShareDevices",
        api: Api::TokenApi,
        // Offset and Limit are "required" in the table (Limit at most 100); the iterator sends both.
        params: &PAGE,
        result: &[
            req("ShareDevices", Array),
            req("ShareDevices[].ProductId", Text),
            req("ShareDevices[].DeviceName", Text),
            req("Total", Integer),
        ],
        device: false,
    },
    Spec {
        action: "AppRemoveUserShareDevice",
        api: Api::TokenApi,
        params: &DEVICE,
        result: &[opt("Status", AnyText)],
        device: true,
    },
    Spec {
        action: "AppListShareDeviceUsers",
        api: Api::TokenApi,
        params: &[DEVICE[0], DEVICE[1], DEVICE[2], PAGE[0], PAGE[1]],
        // No retrievable doc table: `Users[].UserID` as the iOS app logs and reads it, `Total`
        // as the official demo reads it; `UserId` as the other sharing answers spell it.
        result: &[
            req("Users", Array),
            req("Users[].UserID|Users[].UserId", Id),
            opt("Users[].NickName", AnyText),
            opt("Users[].BindTime", Integer),
            opt("Total", Integer),
        ],
        device: true,
    },
    Spec {
        action: "AppRemoveShareDeviceUser",
        api: Api::TokenApi,
        // `RemoveUserId` in the doc, `RemoveUserID` in the demo and both apps (`EITHER`).
        params: &[
            opt("RemoveUserId", Text),
            opt("RemoveUserID", Text),
            DEVICE[0],
            DEVICE[1],
            DEVICE[2],
        ],
        result: &[opt("Status", AnyText)],
        device: true,
    },
    Spec {
        action: "AppSendShareDeviceInvite",
        api: Api::TokenApi,
        params: &[req("ToUserID", Text), DEVICE[0], DEVICE[1], DEVICE[2]],
        result: &[opt("Status", AnyText)],
        device: true,
    },
    // ---- timers (1081/40796-40800) ----
    Spec {
        action: "AppCreateTimer",
        api: Api::TokenApi,
        params: &TIMER,
        // `TimerId` at the top in the table, under `Data` in the example.
        result: &[
            req("Data.TimerId|TimerId", Text),
            opt("Data.TimerName|TimerName", AnyText),
        ],
        device: true,
    },
    Spec {
        action: "AppModifyTimer",
        api: Api::TokenApi,
        params: &[
            req("TimerId", Text),
            TIMER[0],
            TIMER[1],
            TIMER[2],
            TIMER[3],
            TIMER[4],
            TIMER[5],
            TIMER[6],
            TIMER[7],
        ],
        result: &[],
        device: true,
    },
    Spec {
        action: "AppModifyTimerStatus",
        api: Api::TokenApi,
        // Status is optional in the table; the Android app always sends it.
        params: &[
            req("TimerId", Text),
            opt("Status", Flag),
            DEVICE[0],
            DEVICE[1],
            DEVICE[2],
        ],
        result: &[],
        device: true,
    },
    Spec {
        action: "AppDeleteTimer",
        api: Api::TokenApi,
        params: &[req("TimerId", Text), DEVICE[0], DEVICE[1], DEVICE[2]],
        result: &[],
        device: true,
    },
    Spec {
        action: "AppGetTimerList",
        api: Api::TokenApi,
        params: &[DEVICE[0], DEVICE[1], DEVICE[2], PAGE[0], PAGE[1]],
        result: &[
            req("TimerList", Array),
            req("TimerList[].TimerId", Text),
            opt("TimerList[].TimerName", AnyText),
            req("TimerList[].Days", DayMask),
            req("TimerList[].TimePoint", TimeOfDay),
            opt("TimerList[].Repeat", Flag),
            opt("TimerList[].Data", JsonText),
            opt("TimerList[].Status", Flag),
            req("Total", Integer),
        ],
        device: true,
    },
    // ---- history (1081/43119, 60783) ----
    Spec {
        action: "AppGetDeviceDataHistory",
        api: Api::TokenApi,
        // MinTime and MaxTime in milliseconds; Context is the cursor of the previous page.
        params: &[
            req("FieldName", Text),
            req("MinTime", Integer),
            req("MaxTime", Integer),
            req("Limit", Integer),
            opt("Context", AnyText),
            DEVICE[0],
            DEVICE[1],
            DEVICE[2],
        ],
        // Time and Value are strings in the example. Listover is not checked: this page says
        // true means more to read, the cloud API's DescribeDeviceDataHistory (1081/34978) that
        // true means all is read; the iterator goes by Context and empty pages instead.
        result: &[
            req("Results", Array),
            req("Results[].Time", Id),
            opt("Context", AnyText),
            opt("FieldName", AnyText),
        ],
        device: true,
    },
    Spec {
        action: "AppListEventHistory",
        api: Api::TokenApi,
        // StartTime and EndTime in seconds (0: now). The doc's example sends `ProductID`; its
        // table, every other action and the official clients say `ProductId`, taken here.
        params: &[
            opt("Type", AnyText),
            opt("StartTime", Integer),
            opt("EndTime", Integer),
            opt("Context", AnyText),
            opt("Size", Integer),
            opt("EventId", Text),
            DEVICE[0],
            DEVICE[1],
            DEVICE[2],
        ],
        result: &[
            req("EventHistory", Array),
            opt("EventHistory[].TimeStamp", Integer),
            opt("EventHistory[].EventId", AnyText),
            opt("Context", AnyText),
            opt("Total", Integer),
        ],
        device: true,
    },
    // ---- device actions (1081/61347, 61348) ----
    Spec {
        action: "AppCallDeviceActionSync",
        api: Api::TokenApi,
        params: &[
            req("ActionId", Text),
            opt("InputParams", JsonText),
            DEVICE[0],
            DEVICE[1],
            DEVICE[2],
        ],
        // The table spells it `OutputParqams`, the example and the cloud API `OutputParams`:
        // either is accepted. OutputParams is the device's JSON text ("" in the example).
        result: &[
            opt("ClientToken", AnyText),
            opt("Status", AnyText),
            opt("OutputParams|OutputParqams", AnyText),
        ],
        device: true,
    },
    Spec {
        action: "AppCallDeviceActionAsync",
        api: Api::TokenApi,
        params: &[
            req("ActionId", Text),
            opt("InputParams", JsonText),
            DEVICE[0],
            DEVICE[1],
            DEVICE[2],
        ],
        // The device's answer comes later as an Action push (the ActionReport event) with
        // this ClientToken.
        result: &[req("ClientToken", Text), opt("Status", AnyText)],
        device: true,
    },
    // ---- firmware (876/47129, 1081/47131, 1081/47128) ----
    Spec {
        action: "AppCheckFirmwareUpdate",
        api: Api::TokenApi,
        params: &DEVICE,
        result: &[req("CurrentVersion", AnyText), opt("DstVersion", AnyText)],
        device: true,
    },
    Spec {
        action: "AppPublishFirmwareUpdateMessage",
        api: Api::TokenApi,
        params: &DEVICE,
        result: &[],
        device: true,
    },
    Spec {
        action: "AppDescribeFirmwareUpdateStatus",
        api: Api::TokenApi,
        params: &DEVICE,
        // Status (0 offline, 1 pending, 2 sent, 3 downloading, 4 burning, 5 failed, 6 done,
        // 7 processing, 8 awaiting the user, 10 timed out (the cloud API's table), 20
        // downloaded) is in the table but not in the example: optional.
        result: &[
            opt("Status", Integer),
            opt("Percent", Integer),
            opt("OriVersion", AnyText),
            opt("DstVersion", AnyText),
            opt("ErrMsg", AnyText),
        ],
        device: true,
    },
];

/// Parameters that sources name two ways: one of each pair is required.
pub const EITHER: &[(&str, &str, &str)] = &[
    ("AppDeleteFamilyMember", "MemberId", "MemberID"),
    ("AppRemoveShareDeviceUser", "RemoveUserId", "RemoveUserID"),
];

pub fn spec(action: &str) -> Option<&'static Spec> {
    SPECS.iter().find(|s| s.action == action)
}

/// Checks the parameters of a typed action; other actions pass unchecked.
pub fn check_params(action: &str, params: &Params) -> Result<()> {
    let Some(spec) = spec(action) else {
        return Ok(());
    };
    for field in spec.params {
        match params.get(field.name) {
            None | Some(Value::Null) if field.required => return Err(Error::missing(field.name)),
            None | Some(Value::Null) => {}
            Some(value) => check_param(field, value)?,
        }
    }
    if spec.device {
        check_device(params)?;
    }
    for (_, a, b) in EITHER.iter().filter(|e| e.0 == action) {
        if matches!(params.get(a), None | Some(Value::Null))
            && matches!(params.get(b), None | Some(Value::Null))
        {
            return Err(Error::missing(a));
        }
    }
    if action == "AppGetToken" {
        match params.require_str("Type")? {
            "phone" => PHONE
                .iter()
                .try_for_each(|f| params.require_str(f.name).map(drop))?,
            "email" => drop(params.require_str("Email")?),
            _ => {
                return Err(Error::invalid(
                    "Type",
                    "Type must be \"phone\" or \"email\"",
                ))
            }
        }
    }
    Ok(())
}

/// `ProductId/DeviceName`, both parts non-empty: the only form a device id has.
fn is_device_id(id: &str) -> bool {
    matches!(id.split_once('/'), Some((product, name)) if !product.is_empty() && !name.is_empty() && !name.contains('/'))
}

/// `DeviceId` ("ProductId/DeviceName"), or else both `ProductId` and `DeviceName`.
fn check_device(params: &Params) -> Result<()> {
    match params.get("DeviceId") {
        Some(Value::String(id)) if is_device_id(id) => Ok(()),
        Some(Value::String(_)) => Err(Error::invalid(
            "DeviceId",
            "DeviceId must be \"ProductId/DeviceName\"",
        )),
        _ => ["ProductId", "DeviceName"]
            .iter()
            .try_for_each(|name| params.require_str(name).map(drop)),
    }
}

fn check_param(field: &Field, value: &Value) -> Result<()> {
    match (field.kind, value) {
        (Text, Value::String(s)) if s.is_empty() => Err(Error::missing(field.name)),
        (Integer, Value::Number(n)) if n.as_integer().is_none_or(|i| i < 0) => Err(Error::invalid(
            field.name,
            [field.name, " must be a non-negative integer"].concat(),
        )),
        (TextList, Value::Array(items)) if items.is_empty() => Err(Error::missing(field.name)),
        (JsonText, Value::String(s)) if !is_json_object(s) => Err(Error::invalid(
            field.name,
            [field.name, " must be the JSON text of an object"].concat(),
        )),
        _ if fits(field.kind, value) => Ok(()),
        _ => Err(Error::invalid(
            field.name,
            [
                field.name,
                " must be ",
                describe(field.kind),
                ", not ",
                value.type_name(),
            ]
            .concat(),
        )),
    }
}

fn fits(kind: Kind, value: &Value) -> bool {
    match (kind, value) {
        (Text, Value::String(s)) => !s.is_empty(),
        (AnyText, Value::String(_)) | (Array, Value::Array(_)) => true,
        (Integer, Value::Number(n)) => n.as_integer().is_some(),
        (TextList, Value::Array(items)) => items
            .iter()
            .all(|i| matches!(i, Value::String(s) if !s.is_empty())),
        (JsonText, Value::String(s)) => is_json_object(s),
        (Id, Value::String(s)) => !s.is_empty(),
        (Id, Value::Number(n)) => n.as_integer().is_some(),
        (Object, Value::Object(_)) => true,
        (DayMask, Value::String(s)) => s.len() == 7 && s.bytes().all(|b| b == b'0' || b == b'1'),
        (TimeOfDay, Value::String(s)) => is_time_of_day(s),
        (Flag, Value::Number(n)) => matches!(n.as_integer(), Some(0 | 1)),
        _ => false,
    }
}

/// `HH:mm` or `H:mm`, 00:00 to 23:59.
fn is_time_of_day(s: &str) -> bool {
    let Some((h, m)) = s.split_once(':') else {
        return false;
    };
    let number = |t: &str| {
        t.bytes().try_fold(0u32, |n, b| {
            b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
        })
    };
    matches!((h.len(), m.len()), (1 | 2, 2))
        && number(h).is_some_and(|h| h < 24)
        && number(m).is_some_and(|m| m < 60)
}

fn describe(kind: Kind) -> &'static str {
    match kind {
        Text => "a non-empty string",
        AnyText => "a string",
        Integer => "an integer",
        TextList => "an array of non-empty strings",
        Array => "an array",
        JsonText => "the JSON text of an object",
        Id => "a non-empty string or an integer",
        Object => "an object",
        DayMask => "7 characters of 0 and 1, Sunday first",
        TimeOfDay => "a time of day, HH:mm",
        Flag => "0 or 1",
    }
}

fn is_json_object(text: &str) -> bool {
    matches!(parse(text, LoneSurrogates::Replace), Ok(Value::Object(_)))
}

/// Checks that a typed action's response has the documented fields; other actions pass.
pub fn check_result(action: &str, response: &ApiResponse) -> Result<()> {
    let Some(spec) = spec(action) else {
        return Ok(());
    };
    for field in spec.result {
        if let Err(what) = check_field(&response.body, field) {
            let mut e = Error::parse([action, " response: ", &what].concat(), false);
            e.request_id = response.request_id.clone();
            return Err(e);
        }
    }
    Ok(())
}

/// One result field. `A|B` (sources disagree on the path): what is present at either path must
/// fit, and one of them must be present when the field is required.
fn check_field(body: &Value, field: &Field) -> core::result::Result<(), String> {
    let mut first_error = None;
    let mut found = false;
    for path in field.name.split('|') {
        let segments: Vec<&str> = path.split('.').collect();
        if !is_present(body, &segments) {
            continue;
        }
        found = true;
        match check_path(body, &segments, field) {
            Ok(()) => return Ok(()),
            Err(e) => drop(first_error.get_or_insert(e)),
        }
    }
    match first_error {
        Some(e) => Err(e),
        None if found || !field.required => Ok(()),
        None => Err(missing(field)),
    }
}

/// Whether anything (not null) is at the path; a path through `list[]` is there when the list
/// is (its items are then checked one by one, an empty list passing).
fn is_present(value: &Value, segments: &[&str]) -> bool {
    let Some((first, rest)) = segments.split_first() else {
        return !matches!(value, Value::Null);
    };
    let (name, each) = match first.strip_suffix("[]") {
        Some(name) => (name, true),
        None => (*first, false),
    };
    match value.get(name) {
        None | Some(Value::Null) => false,
        Some(_) if each => true, // a list (or not: check_path says so)
        Some(inner) => is_present(inner, rest),
    }
}

fn missing(field: &Field) -> String {
    ["`", field.name, "` is missing"].concat()
}

fn check_path(value: &Value, segments: &[&str], field: &Field) -> core::result::Result<(), String> {
    let Some((first, rest)) = segments.split_first() else {
        return if fits(field.kind, value) {
            Ok(())
        } else {
            Err(["`", field.name, "` is not ", describe(field.kind)].concat())
        };
    };
    let (name, each) = match first.strip_suffix("[]") {
        Some(name) => (name, true),
        None => (*first, false),
    };
    match value.get(name) {
        None | Some(Value::Null) if field.required => Err(missing(field)),
        None | Some(Value::Null) => Ok(()),
        Some(Value::Array(items)) if each => items
            .iter()
            .try_for_each(|item| check_path(item, rest, field)),
        Some(_) if each => Err(["`", name, "` is not an array"].concat()),
        Some(inner) => check_path(inner, rest, field),
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;
    use crate::response::parse_response;
    use crate::ErrorKind;

    fn params(json: &str) -> Params {
        Params::from_object(parse(json, LoneSurrogates::Reject).unwrap(), "params").unwrap()
    }

    #[test]
    fn every_spec_is_a_known_action_of_its_endpoint() {
        for s in SPECS {
            assert_eq!(super::super::api_of(s.action), Some(s.api), "{}", s.action);
        }
    }

    #[test]
    fn params_are_checked_by_kind() {
        let cases = [
            (
                "AppGetFamilyDeviceList",
                r#"{}"#,
                "FamilyId",
                "MissingParameter",
            ),
            (
                "AppGetFamilyDeviceList",
                r#"{"FamilyId":"f","Limit":2.5}"#,
                "Limit",
                "InvalidParameter",
            ),
            (
                "AppGetFamilyDeviceList",
                r#"{"FamilyId":"f","Offset":-1}"#,
                "Offset",
                "InvalidParameter",
            ),
            (
                "AppGetDeviceStatuses",
                r#"{"DeviceIds":[]}"#,
                "DeviceIds",
                "MissingParameter",
            ),
            (
                "AppGetDeviceStatuses",
                r#"{"DeviceIds":"a/b"}"#,
                "DeviceIds",
                "InvalidParameter",
            ),
            (
                "AppGetDeviceStatuses",
                r#"{"DeviceIds":["a",""]}"#,
                "DeviceIds",
                "InvalidParameter",
            ),
            (
                "AppControlDeviceData",
                r#"{"ProductId":"p","DeviceName":"d","Data":"[1]"}"#,
                "Data",
                "InvalidParameter",
            ),
            (
                "AppControlDeviceData",
                r#"{"ProductId":"p","DeviceName":"d","Data":{"a":1}}"#,
                "Data",
                "InvalidParameter",
            ),
            (
                "AppGetToken",
                r#"{"Type":"phone","Password":"p","CountryCode":"86"}"#,
                "PhoneNumber",
                "MissingParameter",
            ),
            (
                "AppGetToken",
                r#"{"Type":"email","Password":"p"}"#,
                "Email",
                "MissingParameter",
            ),
            (
                "AppGetToken",
                r#"{"Type":"qq","Password":"p"}"#,
                "Type",
                "InvalidParameter",
            ),
            (
                "AppUpdateUser",
                r#"{"NickName":""}"#,
                "NickName",
                "MissingParameter",
            ),
            (
                "AppDeleteFamilyMember",
                r#"{"FamilyId":"f","MemberID":null}"#,
                "MemberId",
                "MissingParameter",
            ),
        ];
        let timer = |field: &str| {
            let mut t = String::from(
                r#"{"DeviceId":"P/d","TimerName":"t","Days":"1000001","TimePoint":"06:30","Repeat":1,"Data":"{}""#,
            );
            t.push_str(field);
            t + "}"
        };
        let mut cases: Vec<(&str, String, &str, &str)> = cases
            .iter()
            .map(|(a, j, p, c)| (*a, (*j).to_owned(), *p, *c))
            .collect();
        for (field, param) in [
            (r#","Days":"100000""#, "Days"),
            (r#","Days":"10000002""#, "Days"),
            (r#","Days":"1x00000""#, "Days"),
            (r#","TimePoint":"24:00""#, "TimePoint"),
            (r#","TimePoint":"6:3""#, "TimePoint"),
            (r#","TimePoint":"06:60""#, "TimePoint"),
            (r#","TimePoint":"+6:30""#, "TimePoint"),
            (r#","Repeat":2"#, "Repeat"),
            (r#","Data":"[1]""#, "Data"),
        ] {
            cases.push(("AppCreateTimer", timer(field), param, "InvalidParameter"));
        }
        for (action, json, param, code) in cases {
            let e = check_params(action, &params(&json)).unwrap_err();
            assert_eq!(
                (e.param.as_deref(), e.code.as_deref()),
                (Some(param), Some(code)),
                "{action} {json}"
            );
        }
        for (action, json) in [
            (
                "AppGetFamilyDeviceList",
                r#"{"FamilyId":"f","RoomId":"","Offset":0,"Limit":50}"#,
            ),
            (
                "AppControlDeviceData",
                r#"{"ProductId":"p","DeviceName":"d","Data":"{\"power_switch\":1}"}"#,
            ),
            (
                "AppGetToken",
                r#"{"Type":"email","Password":"p","Email":"a@b.c"}"#,
            ),
            ("AppSomethingElse", r#"{"Anything":[1,{"x":null}]}"#),
            ("AppDeleteFamilyMember", r#"{"MemberID":"u"}"#),
            ("AppDeleteFamilyMember", r#"{"MemberId":"u"}"#),
            (
                "AppModifyTimer",
                r#"{"TimerId":"t","ProductId":"P","DeviceName":"d","TimerName":"t","Days":"0111110","TimePoint":"9:30","Repeat":0,"Data":"{\"a\":1}"}"#,
            ),
        ] {
            check_params(action, &params(json)).unwrap();
        }
    }

    #[test]
    fn a_field_at_either_of_two_paths_must_fit_where_it_is() {
        let check = |action: &str, inner: &str| {
            let body = format!(r#"{{"Response":{{{inner},"RequestId":"r"}}}}"#);
            check_result(action, &parse_response(200, &body).unwrap())
        };
        for inner in [
            r#""RoomList":[],"Total":0"#,
            r#""Roomlist":[{"RoomId":5,"RoomName":"a"}],"Total":1"#,
            r#""RoomList":[{"RoomId":"r","RoomName":"a","DeviceNum":2}],"Total":1"#,
            r#""RoomList":[{"RoomId":"r","RoomName":"a"}],"Total":1"#,
        ] {
            check("AppGetRoomList", inner).unwrap();
        }
        for inner in [
            r#""Total":0"#,
            r#""RoomList":[{"RoomId":"r","RoomName":"a","DeviceNum":"lots"}],"Total":1"#,
            r#""RoomList":[{"RoomName":"a"}],"Total":1"#,
            r#""RoomList":{},"Total":1"#,
        ] {
            let e = check("AppGetRoomList", inner).unwrap_err();
            assert_eq!(e.kind, ErrorKind::Parse, "{inner}");
        }
        check("AppCreateDeviceBindToken", r#""Data":{"Token":"t"}"#).unwrap();
        check("AppCreateDeviceBindToken", r#""Token":"t""#).unwrap();
        assert!(check("AppCreateDeviceBindToken", r#""Token":7"#).is_err());
        assert!(check("AppCreateDeviceBindToken", r#""Data":{}"#).is_err());
    }

    #[test]
    fn results_are_checked_by_path() {
        let ok = |action: &str, inner: &str| {
            let body = format!(r#"{{"Response":{{{inner},"RequestId":"r"}}}}"#);
            check_result(action, &parse_response(200, &body).unwrap())
        };
        ok(
            "AppGetFamilyList",
            r#""FamilyList":[{"FamilyId":"f","Name":"n","Role":1}],"Total":1"#,
        )
        .unwrap();
        ok("AppGetDeviceData", r#""Data":"{\"a\":{\"Value\":1}}""#).unwrap();
        // The documented AppControlDeviceData answer (1081/40805), and other strings.
        for data in [r#""Data":"""#, r#""Data":"OK""#, r#""Data":"{}""#] {
            ok("AppControlDeviceData", data).unwrap();
        }
        ok(
            "AppGetFamilyList",
            r#""FamilyList":[],"Total":0.0e-999999999999999999"#,
        )
        .unwrap();
        for (action, inner) in [
            (
                "AppGetFamilyList",
                r#""FamilyList":[{"Name":"n"}],"Total":1"#,
            ),
            ("AppGetFamilyList", r#""FamilyList":{},"Total":1"#),
            ("AppGetFamilyList", r#""FamilyList":[],"Total":"1""#),
            ("AppGetDeviceData", r#""Data":"not json""#),
            ("AppGetDeviceData", r#""Data":{"a":1}"#),
            ("AppGetUser", r#""Data":{"NickName":"x"}"#),
            (
                "AppGetDeviceStatuses",
                r#""DeviceStatuses":[{"DeviceId":"a/b","Online":true}]"#,
            ),
        ] {
            let e = ok(action, inner).unwrap_err();
            assert_eq!(e.kind, ErrorKind::Parse, "{action} {inner}");
            assert_eq!(e.request_id.as_deref(), Some("r"));
            assert!(e.message.starts_with(action), "{}", e.message);
        }
    }
}
