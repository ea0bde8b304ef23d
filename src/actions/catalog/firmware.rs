//! Firmware upgrades (1081/47128, 47129, 47131), and those a Bluetooth device gets through the app,
//! which downloads the firmware and reports its progress (86901, 86902).

use super::devices::DEVICE;
use crate::actions::definition::{Action, Variants};
use crate::actions::kind::{opt, req, Kind::*};

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
    Action::read("AppGetDeviceOTAInfo")
        .page("1081/86901", "where to download the firmware of the device's upgrade task (ResourceNotFound.DeviceFirmwareTaskNotExist: none)")
        // The page names the device ProductId + DeviceName (sent so); the iOS app and the H5
        // panel SDK send DeviceId.
        .device()
        .params(&DEVICE)
        .result(&[
            req("FirmwareURL", Text),
            req("TargetVersion", AnyText),
            opt("UploadVersion", AnyText),
        ]),
    Action::write("AppReportOTAStatus")
        .page("1081/86902", "reports the progress of an upgrade the app carries out (Persent, as the page spells it)")
        .device()
        .params(&[
            DEVICE[0],
            DEVICE[1],
            DEVICE[2],
            req("Version", Text),
            req("State", OneOf(&["downloading", "fail", "done", "burning", "updating"])),
            // 0 ok, -1 download timed out, -2 no such file, -3 signature expired, -4 MD5
            // mismatch, -5 the update failed.
            req("ResultCode", IntOneOf(&[0, -1, -2, -3, -4, -5])),
            opt("ResultMsg", AnyText),
            opt("Persent", Integer),
        ])
        // "当 State 取值为 fail 时必填".
        .variants(&Variants {
            tag: "State",
            cases: &[("fail", &[req("ResultMsg", Text)])],
        }),
    Action::write("AppReportFirmwareVersion")
        .client(
            "the iOS app (reportFirmwareVersionWithVersion) and the H5 panel SDK send {Version, DeviceId}",
            "reports the firmware version a device runs (a Bluetooth device, through the app)",
        )
        .device_id()
        .params(&[DEVICE[0], DEVICE[1], DEVICE[2], req("Version", Text)]),
];
