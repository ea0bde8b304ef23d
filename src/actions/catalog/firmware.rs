//! Firmware upgrades (1081/47128, 47129, 47131).

use super::devices::DEVICE;
use crate::actions::definition::Action;
use crate::actions::kind::{opt, Kind::*};

pub const ACTIONS: &[Action] = &[
    Action::read("AppCheckFirmwareUpdate")
        .page(
            "1081/47129",
            "the device's firmware version and the version it can upgrade to",
        )
        .device()
        .params(&DEVICE)
        // The page does not say either is always there; the official demo copes with a missing
        // CurrentVersion (panel.js).
        .result(&[opt("CurrentVersion", AnyText), opt("DstVersion", AnyText)]),
    Action::write("AppPublishFirmwareUpdateMessage")
        .page(
            "1081/47131",
            "tells the device to upgrade (the user confirmed)",
        )
        .device()
        .params(&DEVICE),
    Action::read("AppDescribeFirmwareUpdateStatus")
        .page("1081/47128", "the upgrade's status and percent")
        .device()
        .params(&DEVICE)
        // Status (0 offline, 1 pending, 2 sent, 3 downloading, 4 burning, 5 failed, 6 done,
        // 7 processing, 8 awaiting the user, 10 timed out (the cloud API's table), 20
        // downloaded) is in the table but not in the example: optional.
        .result(&[
            opt("Status", Integer),
            opt("Percent", Integer),
            opt("OriVersion", AnyText),
            opt("DstVersion", AnyText),
            opt("ErrMsg", AnyText),
        ]),
];
