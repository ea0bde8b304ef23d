//! A family's "smart" tab: one-tap scenes (1081/50210-50214), automations (50215-50220), and the
//! log of what they ran. Their actions and conditions are documented on 1081/40780 (数据结构),
//! which is not retrievable: their shapes come from the per-action examples and the official
//! Android and iOS apps (tencentyun/iot-link-android, iot-link-ios).

use super::family::PAGE;
use crate::actions::definition::{Action, Template};
use crate::actions::kind::{opt, req, Field, Kind, Kind::*, Tagged};

/// What a scene or an automation does, told apart by `ActionType`.
pub const ACTION: Kind = Tagged(&Tagged {
    name: "SceneAction",
    tag: "ActionType",
    variants: &[
        // Control a device: Data is the JSON text of its property values (an object is sent
        // as its JSON).
        (
            0,
            "device",
            &[
                req("ProductId", Text),
                req("DeviceName", Text),
                opt("AliasName", AnyText),
                opt("IconUrl", AnyText),
                req("Data", JsonText),
            ],
        ),
        // Wait: Data is seconds, as text in the doc's example (50211), a number in the Android
        // app; a number is sent as its text.
        (1, "delay", &[req("Data", IntText)]),
        // Run a scene: Data is its SceneId (both apps also put its name in DeviceName).
        (2, "scene", &[req("Data", Text), opt("DeviceName", AnyText)]),
        // Notify: Data is the channel, 0 (the message center) in the Android app, "消息中心" in
        // the iOS app.
        (3, "notify", &[req("Data", Id)]),
    ],
});

/// When an automation fires, told apart by `CondType`. `CondId` is unique within it.
pub const CONDITION: Kind = Tagged(&Tagged {
    name: "AutomationCondition",
    tag: "CondType",
    variants: &[
        // A device's property: Value compared with Op (the doc's example a number, the
        // Android app a string).
        (
            0,
            "property",
            &[
                req("CondId", Text),
                req(
                    "Property",
                    Struct(&[
                        req("ProductId", Text),
                        req("DeviceName", Text),
                        opt("AliasName", AnyText),
                        opt("IconUrl", AnyText),
                        req("PropertyId", Text),
                        req("Op", OneOf(&["eq", "ne", "gt", "lt", "ge", "le"])),
                        req("Value", Any),
                    ]),
                ),
            ],
        ),
        // A time: Days seven 0/1 from Sunday ("0000000": once), TimePoint HH:mm.
        (
            1,
            "timer",
            &[
                req("CondId", Text),
                req(
                    "Timer",
                    Struct(&[req("Days", DayMask), req("TimePoint", TimeOfDay)]),
                ),
            ],
        ),
    ],
});

const ACTIONS_PARAM: Field = req("Actions", ListOf(&ACTION));

/// What an automation is, beyond its id (50219): on (1) or off (0), all (0) or any (1) of its
/// conditions, the hours and days it is in effect.
const AUTOMATION: [Field; 9] = [
    req("Name", Text),
    req("Icon", AnyText),
    req("Status", Flag),
    req("MatchType", Flag),
    req("Conditions", ListOf(&CONDITION)),
    ACTIONS_PARAM,
    req("EffectiveBeginTime", TimeOfDay),
    req("EffectiveEndTime", TimeOfDay),
    req("EffectiveDays", DayMask),
];

/// `first`, then what an automation is (for its create and modify actions).
#[allow(clippy::indexing_slicing)] // evaluated at compile time: out of bounds would not build
const fn automation_after(first: Field) -> [Field; 10] {
    let mut fields = [first; 10];
    let mut i = 0;
    while i < AUTOMATION.len() {
        fields[i + 1] = AUTOMATION[i];
        i += 1;
    }
    fields
}

pub const ACTIONS: &[Action] = &[
    Action::write("AppCreateScene")
        .page("1081/50210", "creates a one-tap scene in a family (a device action's Data may be an object: sent as its JSON text)")
        .template(Template::SceneActions)
        .params(&[req("FamilyId", Text), req("SceneName", Text), req("SceneIcon", AnyText), ACTIONS_PARAM])
        .result(&[req("SceneId", Text)]),
    Action::read("AppGetSceneList")
        .page("1081/50211", "one page of a family's scenes")
        .params(&[req("FamilyId", Text), PAGE[0], PAGE[1]])
        .result(&[
            req("SceneList", Array),
            req("SceneList[].SceneId", Text),
            opt("SceneList[].FamilyId", AnyText),
            req("SceneList[].SceneName", AnyText),
            opt("SceneList[].SceneIcon", AnyText),
            opt("SceneList[].Actions", ListOf(&ACTION)),
            opt("SceneList[].UserId", AnyText),
            opt("SceneList[].CreateTime", Integer),
            opt("SceneList[].UpdateTime", Integer),
            // 1: a device of it is not in the family any more.
            opt("SceneList[].Flag", Flag),
            // 1: running.
            opt("SceneList[].Status", Flag),
            req("Total", Integer),
        ]),
    Action::write("AppModifyScene")
        .page("1081/50213", "changes a scene (refused while it runs: UnsupportedOperation.SceneRunInProgress)")
        .template(Template::SceneActions)
        .params(&[req("SceneId", Text), req("SceneName", Text), req("SceneIcon", AnyText), ACTIONS_PARAM]),
    Action::write("AppRunScene")
        .page("1081/50214", "runs a scene (refused while it runs: UnsupportedOperation.SceneRunInProgress)")
        .params(&[req("SceneId", Text)]),
    Action::write("AppDeleteScene")
        .client(
            "tencentyun/iot-link-android HttpRequest.kt delManualTask and the iOS app's TIoTIntelligentVC.m send {SceneId}",
            "deletes a scene",
        )
        .params(&[req("SceneId", Text)]),
    Action::write("AppCreateAutomation")
        .page("1081/50215", "creates an automation: actions run when its conditions are met")
        .template(Template::SceneActions)
        .params(&automation_after(req("FamilyId", Text)))
        // At the top, as AppCreateScene's SceneId (no official client reads it).
        .result(&[req("AutomationId|Data.AutomationId", Text)]),
    Action::read("AppGetAutomationList")
        .page("1081/50216", "a family's automations (one list, no pages)")
        .params(&[req("FamilyId", Text)])
        .result(&[
            req("List", Array),
            req("List[].AutomationId", Text),
            opt("List[].Name", AnyText),
            opt("List[].Icon", AnyText),
            opt("List[].Status", Flag),
        ]),
    Action::read("AppDescribeAutomation")
        .page("1081/50217", "an automation: its conditions, actions and when it is in effect")
        .params(&[req("AutomationId", Text)])
        .result(&[
            req("Data", Object),
            req("Data.AutomationId", Text),
            opt("Data.Name", AnyText),
            opt("Data.Icon", AnyText),
            opt("Data.Status", Flag),
            opt("Data.MatchType", Flag),
            opt("Data.Conditions", ListOf(&CONDITION)),
            opt("Data.Actions", ListOf(&ACTION)),
            opt("Data.EffectiveBeginTime", AnyText),
            opt("Data.EffectiveEndTime", AnyText),
            opt("Data.EffectiveDays", AnyText),
        ]),
    Action::write("AppModifyAutomation")
        .page("1081/50219", "changes an automation (its example says AppCreateAutomation: the title is right)")
        .template(Template::SceneActions)
        .params(&automation_after(req("AutomationId", Text))),
    Action::write("AppModifyAutomationStatus")
        .page("1081/50220", "turns an automation on (1) or off (0)")
        .params(&[req("AutomationId", Text), req("Status", Flag)]),
    Action::write("AppDeleteAutomation")
        .client(
            "tencentyun/iot-link-android HttpRequest.kt delAutomicTask and the iOS app's TIoTIntelligentVC.m send {AutomationId}",
            "deletes an automation",
        )
        .params(&[req("AutomationId", Text)]),
    Action::read("AppGetSceneAndAutomationLogs")
        .client(
            "tencentyun/iot-link-android HttpRequest.kt (FamilyId, Limit, MsgId) and the iOS app's TIoTIntelligentLogVC.m read Data.Listover and Data.Msgs",
            "one page of what a family's scenes and automations ran, newest first (MsgId: the last one read)",
        )
        .params(&[req("FamilyId", Text), opt("Limit", Positive), opt("MsgId", AnyText)])
        .result(&[
            req("Data.Msgs", Array),
            req("Data.Msgs[].MsgId", Id),
            opt("Data.Msgs[].SceneId", AnyText),
            opt("Data.Msgs[].SceneName", AnyText),
            opt("Data.Msgs[].AutomationId", AnyText),
            opt("Data.Msgs[].AutomationName", AnyText),
            opt("Data.Msgs[].FamilyId", AnyText),
            opt("Data.Msgs[].UserId", AnyText),
            opt("Data.Msgs[].Result", AnyText),
            // 0 success, -1 failure (the iOS app).
            opt("Data.Msgs[].ResultCode", Number),
            opt("Data.Msgs[].CreateAt", AnyText),
            opt(
                "Data.Msgs[].ActionResults",
                ListOf(&Struct(&[
                    opt("DeviceId", AnyText),
                    opt("DeviceAliasName", AnyText),
                    opt("Result", AnyText),
                ])),
            ),
            // A boolean in the Android app, an integer in the iOS app.
            opt("Data.Listover", Switch),
        ]),
];
