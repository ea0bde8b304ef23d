//! The message center: device alarms, family and sharing news, invitations (1081/40794, 40795;
//! the message types on 1081/40780, which is not retrievable, as the official apps read them).

use crate::actions::definition::Action;
use crate::actions::kind::{opt, req, Kind::*};

pub const ACTIONS: &[Action] = &[
    Action::read("AppGetMessages")
        .page("1081/40794", "one page of a category of messages, newest first (MsgID and MsgTimestamp: the last one read)")
        // The required column is not legible: every client sends Category and Limit.
        .params(&[
            req("Category", IntOneOf(&[1, 2, 3])),
            opt("MsgID", IntText),
            opt("MsgTimestamp", Integer),
            req("Limit", Positive),
        ])
        // The table puts a String Listover at the top and no messages; the example and both
        // apps read a boolean Data.Listover and Data.Msgs. 1081/40780 spells MsgId, UserId;
        // 40794 MsgID, UserID.
        .result(&[
            req("Data.Msgs", Array),
            req("Data.Msgs[].MsgID|Data.Msgs[].MsgId", IntText),
            opt("Data.Msgs[].UserID|Data.Msgs[].UserId", AnyText),
            opt("Data.Msgs[].FromUserID", AnyText),
            // 1 device, 2 family, 3 notify.
            req("Data.Msgs[].Category", Integer),
            // 100-199 device (alarms), 200 member joined, 201 left, 204 family invitation,
            // 300 share result, 301 device-share invitation, 302, 303 notices.
            req("Data.Msgs[].MsgType", Integer),
            opt("Data.Msgs[].MsgTitle", AnyText),
            opt("Data.Msgs[].MsgContent", AnyText),
            // Milliseconds.
            opt("Data.Msgs[].MsgTimestamp", Integer),
            opt("Data.Msgs[].ProductId", AnyText),
            opt("Data.Msgs[].DeviceName", AnyText),
            opt("Data.Msgs[].DeviceAlias", AnyText),
            opt("Data.Msgs[].FamilyId", AnyText),
            opt("Data.Msgs[].FamilyName", AnyText),
            opt("Data.Msgs[].RelateUserID", AnyText),
            // ShareToken: what AppJoinFamily (204) or AppBindUserShareDevice (301) takes.
            opt("Data.Msgs[].Attachments", Struct(&[opt("ShareToken", AnyText)])),
            opt("Data.Msgs[].CreateAt", AnyText),
            opt("Data.Listover|Listover", Switch),
        ]),
    Action::write("AppDeleteMessage")
        .page("1081/40795", "deletes a message")
        // String in the table; the example sends a number (a number is sent as its text).
        .params(&[req("MsgID", IntText)])
        .result(&[opt("Data", AnyText)]),
];
