//! What a device reported, and its actions (1081/43119, 60783, 61347, 61348).

use super::devices::DEVICE;
use crate::actions::definition::{Action, Template};
use crate::actions::kind::{opt, req, Kind::*};

pub const ACTIONS: &[Action] = &[
    Action::read("AppGetDeviceDataHistory")
        .page("1081/43119", "one page of a property's reported values between MinTime and MaxTime (ms)")
        .device()
        // MinTime and MaxTime in milliseconds; Context is the cursor of the previous page.
        .params(&[
            req("FieldName", Text),
            req("MinTime", Integer),
            req("MaxTime", Integer),
            req("Limit", Integer),
            opt("Context", AnyText),
            DEVICE[0],
            DEVICE[1],
            DEVICE[2],
        ])
        // Time and Value are strings in the example. Listover is not checked: this page says
        // true means more to read, the cloud API's DescribeDeviceDataHistory (1081/34978) that
        // true means all is read; the iterator goes by Context and empty pages instead. Results
        // may be null (the IoT Video twins say so): an empty page.
        .result(&[
            req("Results", ArrayOrNull),
            req("Results[].Time", Id),
            opt("Results[].Value", Any),
            opt("Context", AnyText),
            opt("FieldName", AnyText),
        ]),
    Action::read("AppListEventHistory")
        .page("1081/60783", "one page of a device's events between StartTime and EndTime (s)")
        .device()
        // StartTime and EndTime in seconds (0: now). The doc's example sends `ProductID`; its
        // table, every other action and the official clients say `ProductId`, taken here.
        .params(&[
            // alert, fault or info; empty: every type (1081/60783).
            opt("Type", OneOf(&["", "alert", "fault", "info"])),
            opt("StartTime", Integer),
            opt("EndTime", Integer),
            opt("Context", AnyText),
            opt("Size", Integer),
            opt("EventId", Text),
            DEVICE[0],
            DEVICE[1],
            DEVICE[2],
        ])
        .result(&[
            req("EventHistory", Array),
            opt("EventHistory[].TimeStamp", Integer),
            opt("EventHistory[].ProductId", AnyText),
            opt("EventHistory[].DeviceName", AnyText),
            opt("EventHistory[].EventId", AnyText),
            // alert, fault or info; Data is the event's parameters as JSON text.
            opt("EventHistory[].Type", AnyText),
            opt("EventHistory[].Data", AnyText),
            opt("Context", AnyText),
            opt("Total", Integer),
        ]),
    Action::write("AppCallDeviceActionSync")
        .page("1081/61347", "calls a device action and waits for its output (InputParams may be an object; OutputParams is also given parsed)")
        .template(Template::DeviceAction)
        .device()
        .params(&[req("ActionId", Text), opt("InputParams", JsonText), DEVICE[0], DEVICE[1], DEVICE[2]])
        // The example and the cloud API spell it `OutputParams`, the table `OutputParqams`.
        // OutputParams is the device's JSON text ("" in the example).
        .result(&[
            opt("ClientToken", AnyText),
            opt("Status", AnyText),
            opt("OutputParams|OutputParqams", AnyText),
        ])
        .parsed(&[("OutputParams", Object)])
        .failure("Status"),
    Action::write("AppCallDeviceActionAsync")
        .page("1081/61348", "calls a device action; the output comes as an ActionReport push with the same ClientToken")
        .template(Template::DeviceAction)
        .device()
        .params(&[req("ActionId", Text), opt("InputParams", JsonText), DEVICE[0], DEVICE[1], DEVICE[2]])
        // The device's answer comes later as an Action push (the ActionReport event) with
        // this ClientToken. A Status such as FailedOperation.ActionUnreachable (the device
        // cannot take it) is the action's failure.
        .result(&[req("ClientToken", Text), opt("Status", AnyText)])
        .failure("Status"),
    Action::read("AppGetDeviceAggsData")
        .client(
            "the official free panels (tencentyun/iotexplorer-h5-freepanels) send {DeviceId, AggMethod, Interval, FieldName, MinTime, MaxTime} and read Results[{Data, Date, TimestampMs}]",
            "a property's values between MinTime and MaxTime (ms) aggregated per Interval (1h, 1d, 7d...) by AggMethod (sum, avg...)",
        )
        .device_id()
        .params(&[
            DEVICE[0],
            DEVICE[1],
            DEVICE[2],
            req("FieldName", Text),
            req("AggMethod", Text),
            req("Interval", Text),
            req("MinTime", Integer),
            req("MaxTime", Integer),
        ])
        .result(&[
            req("Results", Array),
            opt("Results[].Data", Number),
            opt("Results[].Date", AnyText),
            opt("Results[].TimestampMs", Integer),
        ]),
];
