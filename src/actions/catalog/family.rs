//! Families, their rooms and members (1081/40808-40821, 43157).

use crate::actions::definition::Action;
use crate::actions::kind::{opt, req, Field, Kind::*};

/// The page of a paged list. The pages say how many a page holds at most (50; 100 for
/// AppListUserShareDevices), but the official clients ask for more (the mini-program SDK 100, the
/// Android app 999) and are answered: only a page of nothing is refused.
pub const PAGE: [Field; 2] = [opt("Offset", Integer), opt("Limit", Positive)];

pub const ACTIONS: &[Action] = &[
    Action::read("AppGetFamilyList")
        .page("1081/40811", "one page of the user's families")
        .params(&PAGE)
        .result(&[
            req("FamilyList", Array),
            req("FamilyList[].FamilyId", Text),
            req("FamilyList[].Name", AnyText),
            // 1 admin, 0 member.
            opt("FamilyList[].Role", Integer),
            opt("FamilyList[].CreateTime", Integer),
            opt("FamilyList[].UpdateTime", Integer),
            req("Total", Integer),
        ]),
    Action::write("AppCreateFamily")
        .page("1081/40808", "creates a family")
        // Address is "required" in the table; the official mini-program SDK sends only Name.
        .params(&[req("Name", Text), opt("Address", AnyText)])
        .result(&[req("Data.FamilyId", Text)]),
    Action::read("AppDescribeFamily")
        .page("1081/40812", "a family's name and address")
        .params(&[req("FamilyId", Text)])
        // Flat in the table, under `Data` in the example.
        .result(&[
            req("FamilyId|Data.FamilyId", Text),
            req("FamilyName|Data.FamilyName", AnyText),
            opt("Address|Data.Address", AnyText),
        ]),
    Action::write("AppModifyFamily")
        .page("1081/40810", "renames a family or changes its address")
        // Address is "required" in the table, as for AppCreateFamily, where no client sends it.
        .params(&[req("FamilyId", Text), req("Name", Text), opt("Address", AnyText)]),
    Action::write("AppDeleteFamily")
        .client(
            "tencentyun/iot-link-android HttpRequest.kt deleteFamily and the iOS app's TIoTCoreFamilySet.m send {FamilyId, Name}",
            "deletes a family (its admin only)",
        )
        .params(&[req("FamilyId", Text), opt("Name", AnyText)]),
    // ---- rooms (1081/40813-40816) ----
    Action::write("AppCreateRoom")
        .page("1081/40813", "creates a room in a family")
        .params(&[req("FamilyId", Text), req("Name", Text)])
        // The table has `RoomId` at the top; the example and the Android app under `Data`,
        // as a number in the example.
        .result(&[req("RoomId|Data.RoomId", Id)]),
    Action::write("AppModifyRoom")
        .page("1081/40814", "renames a room")
        .params(&[req("FamilyId", Text), req("RoomId", Text), opt("Name", Text)]),
    Action::write("AppDeleteRoom")
        .page("1081/40815", "deletes a room")
        .params(&[req("FamilyId", Text), req("RoomId", Text)]),
    Action::read("AppGetRoomList")
        .page("1081/40816", "one page of a family's rooms")
        // FamilyId is optional in the table.
        .params(&[opt("FamilyId", Text), PAGE[0], PAGE[1]])
        // `RoomList` in the docs, `Roomlist` in the Android app's model: the list moves whole.
        .result(&[
            req("RoomList|Roomlist", Array),
            req("RoomList[].RoomId", Id),
            req("RoomList[].RoomName", AnyText),
            opt("RoomList[].DeviceNum", Integer),
            opt("RoomList[].CreateTime", Integer),
            opt("RoomList[].UpdateTime", Integer),
            req("Total", Integer),
        ]),
    // ---- members (1081/40817-40821, 43157) ----
    Action::write("AppInviteMember")
        .page(
            "1081/40817",
            "a ShareToken another user joins the family with",
        )
        .params(&[req("FamilyId", Text)])
        .result(&[req("ShareToken", Text)]),
    Action::write("AppJoinFamily")
        .page("1081/40818", "joins a family by the ShareToken its admin made")
        .params(&[req("ShareToken", Text)]),
    Action::write("AppExitFamily")
        .page("1081/40820", "leaves a family")
        .params(&[req("FamilyId", Text)]),
    Action::write("AppDeleteFamilyMember")
        .page(
            "1081/40819",
            "removes a member (the family's admin only; MemberId or MemberID)",
        )
        // `MemberId` in the doc, `MemberID` in the Android app: one of the two.
        .params(&[opt("FamilyId", Text), opt("MemberId", Text), opt("MemberID", Text)])
        .either(&[("MemberId", "MemberID")]),
    Action::read("AppGetFamilyMemberList")
        .page("1081/40821", "one page of a family's members")
        .params(&[req("FamilyId", Text), PAGE[0], PAGE[1]])
        .result(&[
            req("MemberList", Array),
            req("MemberList[].UserID", Text),
            opt("MemberList[].NickName", AnyText),
            opt("MemberList[].Avatar", AnyText),
            opt("MemberList[].Role", Integer),
            req("Total", Integer),
        ]),
    Action::write("AppSendShareFamilyInvite")
        .page("1081/43157", "invites a user, by UserID, to a family")
        .params(&[req("FamilyId", Text), req("ToUserID", Text)]),
];
