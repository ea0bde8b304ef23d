//! A device's timers (1081/40796-40800).

use super::devices::DEVICE;
use super::family::PAGE;
use crate::actions::definition::Action;
use crate::actions::kind::{opt, req, Field, Kind::*};

/// A timer's definition: `Data` is the control sent when it fires.
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

pub const ACTIONS: &[Action] = &[
    Action::write("AppCreateTimer")
        .page(
            "1081/40796",
            "schedules a control of a device (Data may be an object: sent as its JSON text)",
        )
        .device()
        .params(&TIMER)
        // `TimerId` at the top in the table, under `Data` in the example.
        .result(&[
            req("TimerId|Data.TimerId", Text),
            opt("TimerName|Data.TimerName", AnyText),
        ]),
    Action::write("AppModifyTimer")
        .page(
            "1081/40797",
            "changes a timer (Data may be an object: sent as its JSON text)",
        )
        .device()
        .params(&[
            req("TimerId", Text),
            TIMER[0],
            TIMER[1],
            TIMER[2],
            TIMER[3],
            TIMER[4],
            TIMER[5],
            TIMER[6],
            TIMER[7],
        ]),
    Action::write("AppModifyTimerStatus")
        .page("1081/40799", "turns a timer on (1) or off (0)")
        .device()
        // Status is optional in the table; the Android app always sends it.
        .params(&[
            req("TimerId", Text),
            opt("Status", Flag),
            DEVICE[0],
            DEVICE[1],
            DEVICE[2],
        ]),
    Action::write("AppDeleteTimer")
        .page("1081/40798", "deletes a timer")
        .device()
        .params(&[req("TimerId", Text), DEVICE[0], DEVICE[1], DEVICE[2]]),
    Action::read("AppGetTimerList")
        .page("1081/40800", "one page of a device's timers")
        .device()
        .params(&[DEVICE[0], DEVICE[1], DEVICE[2], PAGE[0], PAGE[1]])
        .result(&[
            req("TimerList", Array),
            req("TimerList[].TimerId", Text),
            opt("TimerList[].TimerName", AnyText),
            req("TimerList[].Days", DayMask),
            req("TimerList[].TimePoint", TimeOfDay),
            opt("TimerList[].Repeat", Flag),
            opt("TimerList[].Data", JsonText),
            opt("TimerList[].Status", Flag),
            req("Total", Integer),
        ]),
];
