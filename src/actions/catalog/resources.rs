//! Files a vendor sends to its devices (1081/67570-67572, 60590): uploaded, registered, sent to a
//! device, looked up on it.

use super::devices::DEVICE;
use crate::actions::definition::Action;
use crate::actions::kind::{req, Kind::*};

pub const ACTIONS: &[Action] = &[
    Action::write("AppGetResourceUploadURL")
        .page("1081/67572", "an address to upload a file to, and its name on the vendor's side")
        .params(&[
            req("ProductId", Text),
            req("UserResourceName", Text),
            // Bytes.
            req("FileSize", Integer),
            req("ResourceVer", Text),
        ])
        .result(&[req("UploadUrl", Text), req("ResourceName", Text)]),
    Action::write("AppCreateProductResource")
        .page("1081/67570", "registers an uploaded file (FileHash: its MD5, 32 hex digits in the example)")
        .params(&[
            req("ProductId", Text),
            req("UserResourceName", Text),
            req("FileSize", Integer),
            req("ResourceVer", Text),
            req("FileHash", Text),
        ])
        .result(&[req("ResourceName", Text)]),
    Action::write("AppControlDeviceResource")
        .page("1081/60590", "sends a file to a device (update) or deletes it there (its table says AppCreateProductResource: the example is right)")
        .device_id()
        .params(&[
            DEVICE[0],
            DEVICE[1],
            DEVICE[2],
            req("ResourceName", Text),
            req("ResourceVer", Text),
            req("Method", OneOf(&["update", "delete"])),
        ]),
    Action::read("AppDescribeDeviceResource")
        .page("1081/67571", "a file on a device: its version, type and status")
        .device_id()
        .params(&[DEVICE[0], DEVICE[1], DEVICE[2], req("ResourceName", Text)])
        .result(&[
            req("Resource.ResourceName", Text),
            req("Resource.ProductId", Text),
            req("Resource.DeviceName", Text),
            req("Resource.ResourceVer", AnyText),
            req("Resource.ResourceType", AnyText),
            req("Resource.Status", Integer),
            req("Resource.CreateTime", Integer),
            req("Resource.UpdateTime", Integer),
        ]),
];
