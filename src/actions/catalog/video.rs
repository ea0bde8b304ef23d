//! A camera's cloud recordings (云存服务, 1081/106039-106044; each page's example says
//! AppDescribeTemplateBinding: the titles are right): its events, the days and hours recorded,
//! thumbnails, picture streams and signed playback URLs.

use super::devices::DEVICE;
use crate::actions::definition::Action;
use crate::actions::kind::{opt, req, Kind::*};

pub const ACTIONS: &[Action] = &[
    Action::read("IotVideoDescribeCloudStorageEvents")
        .method("describeCloudStorageEvents")
        .page("1081/106039", "one page of a camera's recorded events (StartTime, EndTime: Unix seconds; Context: the cursor)")
        .device()
        .params(&[
            DEVICE[0],
            DEVICE[1],
            DEVICE[2],
            // 0 or left out: now - 24 h, and now.
            opt("StartTime", Integer),
            opt("EndTime", Integer),
            opt("Context", AnyText),
            // Default 10; a page holds between half of it and it.
            opt("Size", Positive),
            opt("EventId", Text),
            opt("UserId", Text),
            // NVR devices only.
            opt("ChannelId", Integer),
        ])
        // The page's example shows StartTime, EndTime and Thumbnail of an event; EventId,
        // UploadStatus and Data as the cloud API's CloudStorageEvent has them.
        .result(&[
            req("Events", Array),
            req("Events[].StartTime", Integer),
            req("Events[].EndTime", Integer),
            opt("Events[].Thumbnail", AnyText),
            opt("Events[].EventId", AnyText),
            opt("Events[].UploadStatus", AnyText),
            opt("Events[].Data", AnyText),
            opt("Context", AnyText),
            opt("Listover", Switch),
            // Not the number of events ("内部结果数量").
            opt("Total", Integer),
            opt("VideoURL", AnyText),
        ]),
    Action::read("IotVideoDescribeCloudStorageThumbnail")
        .method("describeCloudStorageThumbnail")
        .page("1081/106040", "a signed address of an event's thumbnail (Thumbnail: the event's)")
        .device()
        .params(&[DEVICE[0], DEVICE[1], DEVICE[2], req("Thumbnail", Text)])
        .result(&[req("ThumbnailURL", Text)]),
    Action::read("IotVideoDescribeCloudStorageDate")
        .method("describeCloudStorageDate")
        .page("1081/106041", "the days a camera has recordings of (YYYY-MM-DD)")
        .device()
        .params(&[DEVICE[0], DEVICE[1], DEVICE[2], opt("UserId", Text)])
        .result(&[req("Data", TextList)]),
    Action::read("IotVideoDescribeCloudStorageTime")
        .method("describeCloudStorageTime")
        .page("1081/106042", "a day's recorded time spans and the address to play them from")
        .device()
        .params(&[
            DEVICE[0],
            DEVICE[1],
            DEVICE[2],
            // "2020-01-05"
            req("Date", Text),
            opt("StartTime", Integer),
            opt("EndTime", Integer),
            opt("UserId", Text),
        ])
        .result(&[
            req("Data.VideoURL", AnyText),
            req(
                "Data.TimeList",
                ListOf(&Struct(&[req("StartTime", Integer), req("EndTime", Integer)])),
            ),
        ]),
    Action::read("IotVideoGenerateSignedVideoURL")
        .method("generateSignedVideoURL")
        .page("1081/106043", "a playback address that stops working at ExpireTime (Unix seconds): VideoURL with ?starttime_epoch=…&endtime_epoch=…")
        // DeviceName is required on the page; the mini-program SDK guide (1081/80183) sends none.
        .params(&[
            req("ProductId", Text),
            opt("DeviceName", Text),
            req("VideoURL", Text),
            req("ExpireTime", Integer),
            opt("ChannelId", Integer),
        ])
        .result(&[req("SignedVideoURL", Text)]),
    Action::read("IotVideoDescribeCloudStorageStreamData")
        .method("describeCloudStorageStreamData")
        .page("1081/106044", "the video and audio addresses of a picture-stream event (StartTime: its start)")
        .device()
        .params(&[DEVICE[0], DEVICE[1], DEVICE[2], req("StartTime", Integer)])
        .result(&[req("VideoStream", AnyText), req("AudioStream", AnyText)]),
];
