//! Gateways and their sub-devices (1081/43155, 48129, 48130, 65842, 65843): the sub-devices a
//! gateway has bound (the device side's topology), bound into the gateway's family, listed there.

use super::devices::DEVICE_INFO;
use super::family::PAGE;
use crate::actions::definition::Action;
use crate::actions::kind::{opt, req, Field, Kind::*};

const GATEWAY: [Field; 2] = [
    req("GatewayProductId", Text),
    req("GatewayDeviceName", Text),
];
const SUB_DEVICE: [Field; 2] = [req("ProductId", Text), req("DeviceName", Text)];

pub const ACTIONS: &[Action] = &[
    Action::read("AppGetGatewayBindDeviceList")
        .page(
            "1081/48129",
            "one page of the sub-devices a gateway has bound, each with whether it is in a family",
        )
        // ProductId (the sub-devices' product) is required in the table; no official client
        // sends it (the Android app, the iOS app, the H5 panel SDK): optional, a filter.
        .params(&[
            GATEWAY[0],
            GATEWAY[1],
            opt("ProductId", Text),
            PAGE[0],
            PAGE[1],
        ])
        .result(&[
            req("DeviceList", Array),
            req("DeviceList[].ProductId", Text),
            req("DeviceList[].DeviceName", Text),
            opt("DeviceList[].DeviceId", Text),
            opt("DeviceList[].AliasName", AnyText),
            opt("DeviceList[].IconUrl", AnyText),
            // The Android app also reads it (not in the table).
            opt("DeviceList[].IconUrlGrid", AnyText),
            // 0: in no family yet, 1: bound to one.
            opt("DeviceList[].BindStatus", Flag),
            // String in the table, a number in the example and the Android app.
            req("Total", IntOrDigits),
        ]),
    Action::write("AppBindSubDeviceInFamily")
        .page(
            "1081/43155",
            "adds a sub-device the gateway has bound to the gateway's family",
        )
        .params(&[GATEWAY[0], GATEWAY[1], SUB_DEVICE[0], SUB_DEVICE[1]])
        // At the top in the table, under Data in the example and the H5 panel SDK.
        .result(&[req("AppDeviceInfo|Data.AppDeviceInfo", DEVICE_INFO)]),
    Action::read("AppGetFamilySubDeviceList")
        .page(
            "1081/48130",
            "one page of a gateway's sub-devices in its family",
        )
        // The Java device SDK names the gateway ProductId and DeviceName; the page, the H5 panel
        // SDK and the official free panels GatewayProductId and GatewayDeviceName: either pair.
        .params(&[
            opt("GatewayProductId", Text),
            opt("GatewayDeviceName", Text),
            opt("ProductId", Text),
            opt("DeviceName", Text),
            PAGE[0],
            PAGE[1],
        ])
        .either(&[
            ("GatewayProductId", "ProductId"),
            ("GatewayDeviceName", "DeviceName"),
        ])
        .result(&[
            req("DeviceList", Array),
            req("DeviceList[].ProductId", Text),
            req("DeviceList[].DeviceName", Text),
            opt("DeviceList[].DeviceId", Text),
            opt("DeviceList[].FamilyId", AnyText),
            opt("DeviceList[].AliasName", AnyText),
            opt("DeviceList[].RoomId", Id),
            opt("DeviceList[].IconUrl", AnyText),
            opt("DeviceList[].DeviceType", Any),
            opt("DeviceList[].CreateTime", Integer),
            opt("DeviceList[].UpdateTime", Integer),
            req("Total", IntOrDigits),
        ]),
    Action::write("AppSigGatewayBindDevice")
        .page(
            "1081/65842",
            "binds a sub-device to a gateway by the sub-device's dynamic signature",
        )
        // The signature: Base64 of HMAC-SHA1, keyed with the product's ProductSecret, over
        // deviceName=…&nonce=…&productId=…&timestamp=… (made on the device side, never in an app).
        .params(&[
            SUB_DEVICE[0],
            SUB_DEVICE[1],
            GATEWAY[0],
            GATEWAY[1],
            req("DeviceTimestamp", Integer),
            req("Nonce", Text),
            req("Signature", Text),
        ]),
    Action::write("AppGatewayUnbindDevice")
        .page("1081/65843", "unbinds a sub-device from its gateway")
        .params(&[SUB_DEVICE[0], SUB_DEVICE[1], GATEWAY[0], GATEWAY[1]]),
];
