//! Where a cellular device is and its geofences (the pages under 1081/48493: 48494, 48495,
//! 54140-54144): a fence's area is GeoJSON text, its alert a condition (enter, leave) and a
//! method (app push), its events listed by time.

use super::devices::DEVICE;
use super::family::PAGE;
use crate::actions::definition::Action;
use crate::actions::kind::{opt, req, Field, Kind, Kind::*};

/// 1: Baidu's coordinates, 2: AMap's or Tencent Maps', 3: WGS 84.
const COORD_TYPE: Field = opt("CoordType", IntOneOf(&[1, 2, 3]));

/// A position in the history (48495's example; its table names the type Position, not shown).
const POSITION: Kind = Struct(&[
    req(
        "Location",
        Struct(&[req("Longitude", Number), req("Latitude", Number)]),
    ),
    // Nanoseconds (1599013554000000000): beyond 2^53, exact in JS to the microsecond or so.
    opt("CreateTime", Number),
]);

/// What a fence is (54140, 54144): the area GeoJSON text (an object is sent as its JSON).
const FENCE: [Field; 6] = [
    req("FenceName", Text),
    req("FenceArea", JsonText),
    req("FenceDesc", AnyText),
    // enter or leave in the examples; no list is documented.
    req("AlertCondition", Text),
    req("FenceEnable", Switch),
    // "app push" in the examples.
    req("Method", Text),
];

const CREATE_FENCE: [Field; 9] = [
    DEVICE[0], DEVICE[1], DEVICE[2], FENCE[0], FENCE[1], FENCE[2], FENCE[3], FENCE[4], FENCE[5],
];
const MODIFY_FENCE: [Field; 10] = [
    req("FenceId", Integer),
    DEVICE[0],
    DEVICE[1],
    DEVICE[2],
    FENCE[0],
    FENCE[1],
    FENCE[2],
    FENCE[3],
    FENCE[4],
    FENCE[5],
];

pub const ACTIONS: &[Action] = &[
    Action::read("AppGetDeviceLocation")
        .page("1081/48494", "where a cellular device is now (Data: Longitude, Latitude, CreateTime in nanoseconds)")
        .device_id()
        .params(&[DEVICE[0], DEVICE[1], DEVICE[2], COORD_TYPE])
        .result(&[
            req("Data", Object),
            opt("Data.Ret", Number),
            opt("Data.ErrMsg", AnyText),
            opt("Data.CreateTime", Number),
            req("Data.Longitude", Number),
            req("Data.Latitude", Number),
        ]),
    Action::read("AppGetDeviceLocationHistory")
        .page("1081/48495", "where a cellular device was between MinTime and MaxTime (Unix milliseconds, within a month)")
        .device_id()
        // CoordType: not in the table; the official panel code sends it, as for 48494.
        .params(&[
            DEVICE[0],
            DEVICE[1],
            DEVICE[2],
            req("MinTime", Integer),
            req("MaxTime", Integer),
            COORD_TYPE,
        ])
        // The table: Data an array of Position; the example: Data {Ret, ErrMsg, Pos: [...]}. Both
        // are read; the typed result has the example's shape.
        .result(&[
            opt("Data.Ret", Number),
            opt("Data.ErrMsg", AnyText),
            req("Data.Pos|Data", ListOf(&POSITION)),
        ]),
    Action::write("AppCreateFence")
        .page("1081/54140", "creates a geofence of a device (FenceArea: GeoJSON, an object is sent as its JSON)")
        .device()
        .params(&CREATE_FENCE)
        // String in the table, the number 7 in the example; Int64 on the other pages.
        .result(&[req("FenceId", IntOrDigits)]),
    Action::read("AppGetFenceList")
        .page("1081/54142", "one page of a device's geofences")
        .device()
        .params(&[DEVICE[0], DEVICE[1], DEVICE[2], PAGE[0], PAGE[1]])
        .result(&[
            req("List", Array),
            req("List[].FenceId", IntOrDigits),
            opt("List[].FenceName", AnyText),
            opt("List[].FenceDesc", AnyText),
            opt("List[].FenceArea", AnyText),
            opt("List[].AlertCondition", AnyText),
            opt("List[].FenceEnable", Switch),
            opt("List[].Method", AnyText),
            opt("List[].CreateTime", Integer),
            opt("List[].UpdateTime", Integer),
            // Not in the table; the official panel code reads it.
            opt("Total", Integer),
        ]),
    Action::write("AppModifyFence")
        .page("1081/54144", "changes a geofence")
        .device()
        .params(&MODIFY_FENCE),
    Action::write("AppDeleteFence")
        .page("1081/54143", "deletes a geofence (the page asks for its AlertCondition, FenceEnable and Method too)")
        .device()
        .params(&[
            req("FenceId", Integer),
            DEVICE[0],
            DEVICE[1],
            DEVICE[2],
            FENCE[3],
            FENCE[4],
            FENCE[5],
        ]),
    Action::read("AppGetFenceEventList")
        .page("1081/54141", "one page of a geofence's alerts between StartTime and EndTime (seconds in the table, milliseconds in the example: sent as given)")
        .device()
        // FenceEnable is required in the table; the official panel code sends none.
        .params(&[
            req("FenceId", Integer),
            DEVICE[0],
            DEVICE[1],
            DEVICE[2],
            opt("FenceEnable", Switch),
            req("StartTime", Integer),
            req("EndTime", Integer),
            PAGE[0],
            PAGE[1],
        ])
        .result(&[
            req("List", Array),
            opt("List[].EventType", AnyText),
            opt("List[].CreateTime", Integer),
            opt("Total", Integer),
        ]),
    Action::write("AppModifyFenceStatus")
        .call_only("the index 1081/48493 lists 修改设备地理围栏启用状态 but its page could not be read; only a panel's code (not an official client) sends it"),
];
