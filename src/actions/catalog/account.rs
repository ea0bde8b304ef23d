//! Logging in, registering, the user's own account (app-api.md §4).

use crate::actions::definition::{Action, Variants};
use crate::actions::kind::{opt, req, Field, Kind::*};

// CancelAccountTime: the UNIX seconds of an account cancellation this login revoked (no page
// lists it; both official apps read it under Data after AppGetToken and AppGetTokenByWeiXin).
const GRANT: &[Field] = &[
    req("Data.Token", Text),
    req("Data.ExpireAt", Integer),
    opt("Data.CancelAccountTime", Integer),
];
const PHONE: [Field; 2] = [req("CountryCode", Text), req("PhoneNumber", Text)];
/// What a verification code is for: register and resetpass in the SMS page (1081/40785), login
/// too in the e-mail page (56316) and in the Android app's SMS login (LoginModel.kt).
const CODE_TYPE: Field = req("Type", OneOf(&["register", "resetpass", "login"]));

pub const ACTIONS: &[Action] = &[
    Action::read("AppGetTokenByWeiXin")
        .signed()
        .grant()
        .page(
            "1081/40781",
            "WeChat login: a token for an OpenID (registers the user on first call)",
        )
        .params(&[
            req("WxOpenID", Text),
            // The service wants a NickName of 1 to 20 characters, and WeChat gives none unless
            // the user types one: 微信用户 is the name WeChat itself shows for such users.
            // Low-level builds sign what they are given (empty values omitted by default, as
            // the doc's example signature shows: app-api.md §1.7).
            req("NickName", AnyText),
            req("Avatar", AnyText),
        ])
        .defaults(&[("NickName", "微信用户"), ("Avatar", "")])
        .result(GRANT),
    Action::read("AppGetToken")
        .signed()
        .grant()
        .page("1081/40786", "phone or e-mail login")
        .params(&[req("Type", OneOf(&["phone", "email"])), req("Password", Text)])
        .variants(&Variants {
            tag: "Type",
            cases: &[("phone", &PHONE), ("email", &[req("Email", Text)])],
        })
        .result(GRANT),
    Action::write("AppSendVerificationCode")
        .signed()
        .page(
            "1081/40785",
            "sends an SMS code for registration or a password reset",
        )
        .params(&[CODE_TYPE, PHONE[0], PHONE[1]]),
    Action::write("AppCheckVerificationCode")
        .signed()
        .client(
            "tencentyun/iot-link-android HttpRequest.kt checkMobileCode sends {Type, CountryCode, PhoneNumber, VerificationCode}",
            "checks an SMS code",
        )
        .params(&[
            CODE_TYPE,
            PHONE[0],
            PHONE[1],
            req("VerificationCode", Text),
        ]),
    Action::write("AppSendEmailVerificationCode")
        .signed()
        .page("1081/56316", "sends an e-mail code")
        .params(&[CODE_TYPE, req("Email", Text)]),
    Action::write("AppCheckEmailVerificationCode")
        .signed()
        .client(
            "tencentyun/iot-link-android HttpRequest.kt checkEmailCode sends {Type, Email, VerificationCode}",
            "checks an e-mail code",
        )
        .params(&[
            CODE_TYPE,
            req("Email", Text),
            req("VerificationCode", Text),
        ]),
    Action::write("AppCreateCellphoneUser")
        .signed()
        .page("1081/40783", "registers a phone user")
        .params(&[
            PHONE[0],
            PHONE[1],
            req("Password", Text),
            req("VerificationCode", Text),
        ])
        .result(&[req("Data.UserID", Text)]),
    Action::write("AppCreateEmailUser")
        .signed()
        .page("1081/40784", "registers an e-mail user")
        .params(&[
            req("Email", Text),
            req("Password", Text),
            req("VerificationCode", Text),
        ])
        .result(&[req("Data.UserID", Text)]),
    Action::write("AppResetPasswordByCellphone")
        .signed()
        .page("1081/47613", "resets a phone user's password")
        .params(&[
            PHONE[0],
            PHONE[1],
            req("Password", Text),
            req("VerificationCode", Text),
        ]),
    Action::write("AppResetPasswordByEmail")
        .signed()
        .client(
            "tencentyun/iot-link-android HttpRequest.kt resetEmailPassword sends {Email, VerificationCode, Password}",
            "resets an e-mail user's password",
        )
        .params(&[
            req("Email", Text),
            req("Password", Text),
            req("VerificationCode", Text),
        ]),
    Action::read("AppGetUser")
        .client(
            "the official mini-program SDK reads Data from it (LoginManager.js); its SDK page 1081/67448 lists the fields",
            "the logged-in user",
        )
        .result(&[
            req("Data.UserID", Text),
            opt("Data.NickName", AnyText),
            opt("Data.Avatar", AnyText),
            opt("Data.PhoneNumber", AnyText),
            opt("Data.CountryCode", AnyText),
            opt("Data.Email", AnyText),
        ]),
    Action::write("AppUpdateUser")
        .client(
            "tencentyun/iot-link-ios TIoTModifyNameVC.m sends {NickName, Avatar}; the Android app's modifyAliasName {NickName}",
            "changes the user's nickname or avatar",
        )
        .params(&[opt("NickName", Text), opt("Avatar", Text)]),
    Action::read("AppGetUserSetting")
        .page("1081/40789", "the user's push and display settings")
        // The page shows the four Enable* flags (0 or 1); both official apps also read
        // TemperatureUnit ("C"/"F"), Region, AllowEditions and UsingEdition, which the Android
        // app types as strings.
        .result(&[
            req("UserSetting", Object),
            opt("UserSetting.EnableWechatPush", Id),
            opt("UserSetting.EnableDeviceMessagePush", Id),
            opt("UserSetting.EnableFamilyMessagePush", Id),
            opt("UserSetting.EnableNotifyMessagePush", Id),
            opt("UserSetting.TemperatureUnit", AnyText),
            opt("UserSetting.Region", AnyText),
        ]),
    Action::write("AppUpdateUserSetting")
        .page(
            "1081/40790",
            "changes some of the user's settings (each one left out stays as it is)",
        )
        // The page marks the four flags required, but both official apps send partial bodies,
        // only TemperatureUnit or only Region (which the page does not list): each is optional.
        .params(&[
            opt("EnableWechatPush", Flag),
            opt("EnableDeviceMessagePush", Flag),
            opt("EnableFamilyMessagePush", Flag),
            opt("EnableNotifyMessagePush", Flag),
            opt("TemperatureUnit", OneOf(&["C", "F"])),
            opt("Region", Text),
        ]),
    Action::write("AppLogoutUser")
        .page("1081/40787", "ends the token")
        .call_only("client.logout() sends it, and also ends the session"),
    Action::read("AppFindUser")
        .client(
            "tencentyun/iot-link-android HttpRequest.kt findPhoneUser/findEmailUser and the iOS app's TIoTInvitationVC.m send {Type, CountryCode, PhoneNumber} or {Type, Email} and read Data.UserID",
            "the UserID of a user by phone number or e-mail (to invite or share with)",
        )
        .params(&[req("Type", OneOf(&["phone", "email"]))])
        .variants(&Variants {
            tag: "Type",
            cases: &[("phone", &PHONE), ("email", &[req("Email", Text)])],
        })
        .result(&[req("Data.UserID", Text)]),
    Action::write("AppUserResetPassword")
        .client(
            "tencentyun/iot-link-android HttpRequest.kt resetPassword and the iOS app's TIoTResetPwdVC.m send {Password, NewPassword}",
            "changes the logged-in user's password (the current one and the new one)",
        )
        .params(&[req("Password", Text), req("NewPassword", Text)]),
    Action::write("AppUserCancelAccount")
        .client(
            "tencentyun/iot-link-android HttpRequest.kt cancelAccount and the iOS app's TIoTCancelAccountVC.m send {}; both say a login within 7 days revokes it",
            "asks for the account to be deleted in 7 days (a login before then revokes it: the grant's CancelAccountTime)",
        ),
    Action::write("AppUserFeedBack")
        .client(
            "tencentyun/iot-link-android HttpRequest.kt feedback and the iOS app's TIoTFeedBackViewController.m send {Type: \"advise\", Desc, Contact, LogUrl}",
            "sends feedback (LogUrl: image URLs joined by commas)",
        )
        .params(&[
            opt("Type", Text),
            req("Desc", Text),
            opt("Contact", AnyText),
            opt("LogUrl", AnyText),
        ])
        // The iOS app always sends the four; "advise" is the only Type either app sends.
        .defaults(&[("Type", "advise"), ("Contact", ""), ("LogUrl", "")]),
    Action::write("AppGetTokenTicket")
        .client(
            "tencentyun/iot-link-android HttpRequest.kt getOneTimeTokenTicket and the iOS app (TIoTTabBarViewController.m) read TokenTicket",
            "a one-time ticket an H5 page (a device panel) is opened with (`&ticket=`)",
        )
        .result(&[req("TokenTicket|Data.TokenTicket", Text)]),
    Action::write("AppCheckInTokenTicket")
        .signed()
        .client(
            "tencentyun/iot-link-android HttpRequest.kt ticketToToken sends {TokenTicket} signed; no official client reads its answer",
            "exchanges a TokenTicket for a token (where a grant is, it is read at Data.Token, as the logins' are)",
        )
        .params(&[req("TokenTicket", Text)])
        .result(&[opt("Data.Token", Text), opt("Data.ExpireAt", Integer)]),
    Action::read("AppGetGlobalConfig")
        .signed()
        .client(
            "tencentyun/iot-link-android HttpRequest.kt getGlobalConfig and the iOS app's TIoTChooseTimeZoneVC.m send {Keys} signed and read Configs[0].Value",
            "global settings by key (RegionListCN, RegionListEN: time zones; each Value is JSON text)",
        )
        .params(&[req("Keys", Text)])
        .result(&[
            req("Configs", Array),
            req("Configs[].Key", Text),
            // JSON text: for RegionListCN/EN an array of { TZ, Title }.
            req("Configs[].Value", AnyText),
        ]),
    Action::read("AppGetLatestVersion")
        .signed()
        .client(
            "tencentyun/iot-link-android HttpRequest.kt getLastVersion and the iOS app's TIoTAboutVC.m send {ClientVersion, AppPlatform, Channel} signed and read VersionInfo",
            "the newest release of the app (no VersionInfo: none)",
        )
        .params(&[
            opt("ClientVersion", Text),
            req("AppPlatform", Text),
            opt("Channel", Integer),
        ])
        .result(&[opt(
            "VersionInfo",
            Struct(&[
                opt("Title", AnyText),
                opt("AppVersion", AnyText),
                opt("DownloadURL", AnyText),
                // Bytes in the Android app, megabytes in the iOS app: a number either way.
                opt("PackageSize", Number),
                opt("Content", AnyText),
                opt("ReleaseTime", Integer),
                opt("Channel", Any),
                // 0: the user confirms, 1: forced, 2: silent.
                opt("UpgradeType", Integer),
            ]),
        )]),
    Action::write("AppUpdateUserByWeiXin")
        .signed()
        .call_only("binds a WeChat account with the OAuth code and busi of Tencent's own WeChat app registration; both official apps send it signed (appapi) with the user's AccessToken in the body; no page"),
];
