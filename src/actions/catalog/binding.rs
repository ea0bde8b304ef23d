//! Adding a device to a family (1081/44044-44046, 50205), several at once with one token (as the
//! H5 panel SDK does), and the catalog of products an app offers to add.

use super::devices::{DEVICE, DEVICE_INFO};
use crate::actions::definition::Action;
use crate::actions::kind::{opt, req, Kind, Kind::*};

/// A category of products (AppGetParentCategoryList, AppGetRecommList).
const CATEGORY: Kind = Struct(&[
    req("CategoryKey", Text),
    opt("CategoryId", Integer),
    opt("CategoryName", AnyText),
    opt("IconUrl", AnyText),
    opt("ListOrder", Integer),
]);

pub const ACTIONS: &[Action] = &[
    Action::write("AppCreateDeviceBindToken")
        .page("1081/44044", "a token for provisioning a device")
        // Empty (the default): a 32-character token; "1": 6 characters.
        .params(&[opt("TokenLengthType", OneOf(&["", "1"]))])
        // At the top in the table, the official demo and the Android app; under `Data` in the
        // doc's example.
        .result(&[req("Token|Data.Token", Text)]),
    Action::read("AppGetDeviceBindTokenState")
        .page("1081/44045", "whether the device reported the token in (State 2)")
        .params(&[req("Token", Text)])
        // 1: created, 2: the device reported in. The iOS app logs ProductId and DeviceName too.
        .result(&[
            req("State|Data.State", Integer),
            opt("ProductId|Data.ProductId", Text),
            opt("DeviceName|Data.DeviceName", Text),
        ]),
    Action::write("AppTokenBindDeviceFamily")
        .page("1081/44046", "binds the device that reported the token to a family")
        .device()
        // RoomId is "required" in the table; the Android app sends none, the iOS app "0".
        .params(&[
            req("Token", Text),
            req("FamilyId", Text),
            opt("RoomId", AnyText),
            DEVICE[0],
            DEVICE[1],
            DEVICE[2],
        ]),
    Action::write("AppSigBindDeviceInFamily")
        .page("1081/50205", "binds a device by its own signature")
        .device()
        // BindType is "required" in the table; the iOS Wi-Fi path sends none (the doc's
        // default is wifi_sign). The apps' BLE paths name the device by DeviceId.
        .params(&[
            req("FamilyId", Text),
            opt("RoomId", AnyText),
            req("DeviceTimestamp", Integer),
            opt("ConnId", AnyText),
            req("Signature", Text),
            opt("BindType", OneOf(&["wifi_sign", "bluetooth_sign", "other_sign"])),
            opt("SignMethod", OneOf(&["hmacsha1", "hmacsha256"])),
            DEVICE[0],
            DEVICE[1],
            DEVICE[2],
        ])
        .result(&[opt("AppDeviceInfo|Data.AppDeviceInfo", DEVICE_INFO)]),
    Action::write("AppSecureAddDeviceInFamily")
        .client(
            "the official mini-program demo (models.js), tencentyun/iot-link-android HttpRequest.kt and the iOS app's TIoTScanlViewController.m send {FamilyId, RoomId, DeviceSignature} and read Data.AppDeviceInfo",
            "binds a device by the signature of its QR code",
        )
        .params(&[req("FamilyId", Text), opt("RoomId", AnyText), req("DeviceSignature", Text)])
        .result(&[req("Data.AppDeviceInfo|AppDeviceInfo", DEVICE_INFO)]),
    Action::write("AppCreateMultiDeviceBindToken")
        .client(
            "the H5 panel SDK (qcloud-iotexplorer-h5-panel-sdk createWifiBindToken) sends {FamilyId, RoomId, ProductId, DeviceName} and reads Token at the top",
            "a token several devices can be provisioned with at once, into a family and room",
        )
        // ProductId and DeviceName: the panel's device, which the H5 SDK sends.
        .params(&[
            req("FamilyId", Text),
            opt("RoomId", AnyText),
            opt("ProductId", Text),
            opt("DeviceName", Text),
        ])
        .result(&[req("Token|Data.Token", Text)]),
    Action::read("AppGetMultiDeviceBindTokenState")
        .client(
            "the H5 panel SDK (getDevicesByBindToken) and the Wi-Fi provisioning plugin (qcloud-iotexplorer-appdev-plugin-wificonf-core) send {Token} and read Data as a list",
            "the devices that reported a multi-device token in (State 2: bound)",
        )
        .params(&[req("Token", Text)])
        // The H5 SDK reads `Data || []`.
        .result(&[
            opt("Data", ArrayOrNull),
            req("Data[].ProductId", Text),
            req("Data[].DeviceName", Text),
            req("Data[].State", Integer),
        ]),
    Action::read("AppGetParentCategoryList")
        .client(
            "tencentyun/iot-link-android HttpRequest.kt getParentCategoryList and the iOS app's TIoTNewAddEquipmentViewController.m read List",
            "the top categories of products an app offers to add",
        )
        .result(&[req("List", ListOf(&CATEGORY))]),
    Action::read("AppGetRecommList")
        .client(
            "tencentyun/iot-link-android HttpRequest.kt getRecommList and the iOS app's TIoTNewAddEquipmentViewController.m send {CategoryKey} and read CategoryList and ProductList",
            "a category's sub-categories and the products recommended in it",
        )
        .params(&[req("CategoryKey", Text)])
        .result(&[
            req("CategoryList", ListOf(&CATEGORY)),
            req(
                "ProductList",
                ListOf(&Struct(&[
                    req("ProductId", Text),
                    opt("ProductName", AnyText),
                    opt("IconUrl", AnyText),
                    opt("ListOrder", Integer),
                ])),
            ),
        ]),
];
