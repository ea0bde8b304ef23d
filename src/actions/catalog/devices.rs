//! A family's devices: listing, state, control, products (1081/40802-40807, 43201, 48492, 48764).

use super::family::PAGE;
use crate::actions::definition::{Action, Template};
use crate::actions::kind::{opt, req, Field, Kind::*};

/// The device as the docs name it; the typed methods also take `DeviceId` (`Action::device`).
pub const DEVICE: [Field; 3] = [
    opt("ProductId", Text),
    opt("DeviceName", Text),
    opt("DeviceId", Text),
];

/// A device as the binding actions answer it (`AppDeviceInfo`, 1081/50205, 43155).
pub const DEVICE_INFO: crate::actions::Kind = Struct(&[
    opt("DeviceId", Text),
    req("ProductId", Text),
    req("DeviceName", Text),
    opt("AliasName", AnyText),
    opt("IconUrl", AnyText),
    opt("FamilyId", AnyText),
    opt("RoomId", Id),
    // 0 a device, 1 a gateway, 2 a sub-device (1081/48130's example); text in the Android app.
    opt("DeviceType", Any),
    opt("CreateTime", Integer),
    opt("UpdateTime", Integer),
]);

/// A property's value as AppGetDeviceData's `Data` holds it.
const PROPERTY: crate::actions::Kind = Struct(&[req("Value", Any), opt("LastUpdate", Integer)]);

pub const ACTIONS: &[Action] = &[
    Action::read("AppGetFamilyDeviceList")
        .page("1081/40803", "one page of a family's devices (RoomId \"\" sent when left out: every room)")
        .params(&[
            req("FamilyId", Text),
            // `""`: every room, `"0"`: the default room. "Required" in the table, but the official
            // demo sends none and works: typed methods send `""` when it is left out.
            opt("RoomId", AnyText),
            PAGE[0],
            PAGE[1],
        ])
        .defaults(&[("RoomId", "")])
        .result(&[
            req("DeviceList", Array),
            req("DeviceList[].ProductId", Text),
            req("DeviceList[].DeviceName", Text),
            // "ProductId/DeviceName"
            opt("DeviceList[].DeviceId", Text),
            opt("DeviceList[].AliasName", AnyText),
            opt("DeviceList[].UserID", AnyText),
            opt("DeviceList[].RoomId", Id),
            opt("DeviceList[].IconUrl", AnyText),
            opt("DeviceList[].CreateTime", Integer),
            opt("DeviceList[].UpdateTime", Integer),
            req("Total", Integer),
        ]),
    Action::read("AppGetDeviceStatuses")
        .page("1081/40804", "online states of devices")
        .params(&[req("DeviceIds", TextList)])
        .result(&[
            req("DeviceStatuses", Array),
            req("DeviceStatuses[].DeviceId", Text),
            opt("DeviceStatuses[].ProductId", Text),
            opt("DeviceStatuses[].DeviceName", Text),
            // 1 online, 0 offline as every official client reads it (the doc's example comment
            // says the opposite); the official demo treats a negative value as abnormal.
            req("DeviceStatuses[].Online", Number),
        ]),
    Action::read("AppGetDeviceData")
        .page("1081/48492", "a device's property values (Data is JSON text; DataParsed is it parsed)")
        .device()
        .params(&DEVICE)
        // `Data` is JSON text; the official demo reads one that is empty or not JSON as {}
        // (models.js getDeviceDataMap): DataParsed is {} then, a device with no data yet.
        .result(&[req("Data", AnyText)])
        .parsed(&[("Data", MapOf(&PROPERTY))]),
    Action::write("AppControlDeviceData")
        .method("controlDevice")
        .page("1081/40805", "sends property values to a device (Data may be an object: sent as its JSON text)")
        .template(Template::Properties)
        .device()
        .params(&[DEVICE[0], DEVICE[1], DEVICE[2], req("Data", JsonText)])
        // A string (app-api.md §4.1); the documented example is "", the emulator echoes the values.
        .result(&[opt("Data", AnyText)])
        .parsed(&[("Data", Object)]),
    Action::read("AppGetDeviceInFamily")
        .page("1081/40807", "one device of a family")
        .device()
        .params(&[req("FamilyId", Text), DEVICE[0], DEVICE[1], DEVICE[2]])
        // Flat in the table, under `Data` in the example.
        .result(&[
            req("ProductId|Data.ProductId", Text),
            req("DeviceName|Data.DeviceName", Text),
            opt("AliasName|Data.AliasName", AnyText),
            opt("RoomId|Data.RoomId", Id),
        ]),
    Action::write("AppUpdateDeviceInFamily")
        .page("1081/40806", "sets a device's alias")
        .device()
        .params(&[DEVICE[0], DEVICE[1], DEVICE[2], req("AliasName", Text)]),
    Action::write("AppDeleteDeviceInFamily")
        .page("1081/40802", "removes a device from a family")
        .device()
        // RoomId is "required" in the table, but the example and every official client leave it out.
        .params(&[req("FamilyId", Text), opt("RoomId", AnyText), DEVICE[0], DEVICE[1], DEVICE[2]]),
    Action::write("AppModifyFamilyDeviceRoom")
        .page("1081/43201", "moves a device to another room")
        .device()
        .params(&[req("FamilyId", Text), req("RoomId", AnyText), DEVICE[0], DEVICE[1], DEVICE[2]]),
    Action::write("AppSetUserDeviceConfig")
        .client(
            "the official mini-program demo's models.js setUserDeviceConfig sends {DeviceId, DeviceKey, DeviceValue}",
            "stores a per-user device setting",
        )
        // The demo sends DeviceValue JSON.stringify'd when it is not a string.
        .params(&[req("DeviceId", Text), req("DeviceKey", Text), req("DeviceValue", TextOrJson)]),
    Action::read("AppGetProducts")
        .page("1081/48764", "products with their data templates")
        .params(&[req("ProductIds", TextList), opt("DeviceIds", TextList)])
        .result(&[
            req("Products", Array),
            req("Products[].ProductId", Text),
            opt("Products[].Name", AnyText),
            // The data template, as JSON text (parseDataTemplate reads it).
            opt("Products[].DataTemplate", AnyText),
        ]),
    Action::read("AppGetProductsConfig")
        .client(
            "tencentyun/iot-link-android HttpRequest.kt and the iOS app's TIoTConfigScanVC.m send {ProductIds} and read Data[].Config",
            "products' panel configurations",
        )
        .params(&[req("ProductIds", TextList)])
        // An array under `Data`; Config is the panel's JSON text.
        .result(&[req("Data", Array), req("Data[].ProductId", Text), opt("Data[].Config", AnyText)]),
];
