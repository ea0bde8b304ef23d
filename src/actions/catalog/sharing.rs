//! Sharing a device with another user (1081/43156, 48183-48192). The docs name the device by
//! ProductId + DeviceName; the official demo sends DeviceId.

use super::devices::DEVICE;
use super::family::PAGE;
use crate::actions::definition::Action;
use crate::actions::kind::{opt, req, Kind::*};

pub const ACTIONS: &[Action] = &[
    Action::write("AppCreateShareDeviceToken")
        .page("1081/48183", "a ShareDeviceToken another user binds the device with")
        .device()
        // FamilyId is required in the table (the doc's example leaves it out; every client sends it).
        .params(&[
            req("FamilyId", Text),
            // String in the table; the official demo sends an object's JSON.stringify.
            opt("TokenContext", TextOrJson),
            DEVICE[0],
            DEVICE[1],
            DEVICE[2],
        ])
        .result(&[req("ShareDeviceToken", Text)]),
    Action::read("AppDescribeShareDeviceToken")
        .page("1081/48187", "what a ShareDeviceToken shares, from whom, and whether it was used")
        .params(&[req("ShareDeviceToken", Text)])
        // UserId and UserNick are empty until the token is used.
        .result(&[
            req("ShareDeviceTokenInfo", Object),
            req("ShareDeviceTokenInfo.ProductId", Text),
            req("ShareDeviceTokenInfo.DeviceName", Text),
            opt("ShareDeviceTokenInfo.FromUserId", Id),
            opt("ShareDeviceTokenInfo.UserId", AnyText),
            opt("ShareDeviceTokenInfo.ExpireTime", Integer),
        ]),
    Action::write("AppBindUserShareDevice")
        .page("1081/48188", "takes a device shared by its ShareDeviceToken")
        .device()
        .params(&[req("ShareDeviceToken", Text), DEVICE[0], DEVICE[1], DEVICE[2]])
        .result(&[opt("Status", AnyText)]),
    Action::read("AppListUserShareDevices")
        .page("1081/48189", "one page of the devices shared with the user")
        // Offset and Limit are "required" in the table (Limit at most 100); the iterator sends both.
        .params(&PAGE)
        .result(&[
            req("ShareDevices", Array),
            req("ShareDevices[].ProductId", Text),
            req("ShareDevices[].DeviceName", Text),
            req("Total", Integer),
        ]),
    Action::write("AppRemoveUserShareDevice")
        .page("1081/48190", "gives back a device shared with the user")
        .device()
        .params(&DEVICE)
        .result(&[opt("Status", AnyText)]),
    Action::read("AppListShareDeviceUsers")
        .client(
            "the official mini-program demo's models.js getDeviceShareUserList reads {Users, Total}; the iOS app's TIoTDeviceShareVC.m reads Users[].UserID (the catalog 1081/43200 lists the page, which is not retrievable)",
            "one page of the users a device is shared with",
        )
        .device()
        .params(&[DEVICE[0], DEVICE[1], DEVICE[2], PAGE[0], PAGE[1]])
        // `UserID` as the iOS app reads it, `UserId` as the other sharing answers spell it.
        .result(&[
            req("Users", Array),
            req("Users[].UserID|Users[].UserId", Id),
            opt("Users[].NickName", AnyText),
            opt("Users[].BindTime", Integer),
            opt("Total", Integer),
        ]),
    Action::write("AppRemoveShareDeviceUser")
        .page("1081/48192", "stops sharing a device with a user (RemoveUserId or RemoveUserID)")
        .device()
        // `RemoveUserId` in the doc, `RemoveUserID` in the demo and both apps.
        .params(&[opt("RemoveUserId", Text), opt("RemoveUserID", Text), DEVICE[0], DEVICE[1], DEVICE[2]])
        .either(&[("RemoveUserId", "RemoveUserID")])
        .result(&[opt("Status", AnyText)]),
    Action::write("AppSendShareDeviceInvite")
        .page("1081/43156", "offers a device to a user, by UserID")
        .device()
        .params(&[req("ToUserID", Text), DEVICE[0], DEVICE[1], DEVICE[2]])
        .result(&[opt("Status", AnyText)]),
];
