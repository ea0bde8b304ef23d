//! What a Bluetooth device reports through the app, which acts for it (1081/50202-50204): its
//! property values, its events, its replies to actions.

use super::devices::DEVICE;
use crate::actions::definition::Action;
use crate::actions::kind::{opt, req, Kind::*};

pub const ACTIONS: &[Action] = &[
    Action::write("AppReportDataAsDevice")
        .page("1081/50202", "reports a device's property values for it (Data: an object is sent as its JSON text)")
        // The page names the device by DeviceId (sent so) and the time TimeStamp; the iOS app and
        // the H5 panel SDK send ProductId + DeviceName (or DeviceId) and DataTimeStamp: either
        // name of the time (Unix milliseconds) is taken and sent as given.
        .device_id()
        .params(&[
            DEVICE[0],
            DEVICE[1],
            DEVICE[2],
            req("Data", JsonText),
            opt("TimeStamp", Integer),
            opt("DataTimeStamp", Integer),
        ])
        .either(&[("TimeStamp", "DataTimeStamp")])
        // "" in the example; the iOS app reads it as the JSON of {code, status}.
        .result(&[opt("Data", AnyText)])
        .parsed(&[("Data", Object)]),
    Action::write("AppReportDeviceEvent")
        .page("1081/50204", "reports a device's event for it (Params: an object is sent as its JSON text)")
        // Method and EventTimeStamp are required in the table; the example and both clients send
        // no EventTimeStamp, and the clients send Method ReportEventAsDevice.
        .device_id()
        .params(&[
            DEVICE[0],
            DEVICE[1],
            DEVICE[2],
            req("EventId", Text),
            req("Params", JsonText),
            opt("Method", OneOf(&["ReportEventAsDevice", "reported"])),
            opt("EventTimeStamp", Integer),
        ])
        .defaults(&[("Method", "ReportEventAsDevice")]),
    Action::write("AppPublishMsgAsDevice")
        .page("1081/50203", "publishes a device's message for it, such as its reply to an action (Payload as the topic wants it)")
        // The example's Payload is Base64, the iOS app and the H5 SDK send JSON text: as given.
        .device()
        .params(&[DEVICE[0], DEVICE[1], DEVICE[2], req("Topic", Text), req("Payload", Text)]),
];
