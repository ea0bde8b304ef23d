// A camera's cloud recordings (issue 28, group 5), through the public client against the
// emulator: its events page by page, its days and a day's time spans, a thumbnail, a picture
// stream, and a signed playback address that works until it expires; bad input refused first.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as sdk from 'iot-explorer-app';
import { assertIncompleteAnswersRefused, assertRefused, offlineClient } from '../fixtures/offline-client.mjs';
import { twoUsers } from './two-users.mjs';

const LIMIT = { timeout: 30_000 };

test("a camera's recordings: events page by page, days, a day's spans, a thumbnail, a stream, a signed URL until it expires", LIMIT, async (t) => {
  const { emulator, alice, bob } = await twoUsers(t);
  const camera = emulator.devices.camera('front_door_cam');
  const DeviceSignature = emulator.devices.qrSignature(camera.ProductId, camera.DeviceName);
  await alice.client.secureAddDeviceInFamily({ FamilyId: alice.FamilyId, DeviceSignature });
  const cam = { ProductId: camera.ProductId, DeviceName: camera.DeviceName };

  // The last day's events, newest first, by the Context cursor.
  const events = [];
  let Context = '';
  for (let pages = 0; pages < 20; pages++) {
    const page = await alice.client.describeCloudStorageEvents({ ...cam, Size: 30, Context });
    events.push(...page.Events);
    if (page.Listover) break;
    Context = page.Context ?? '';
  }
  // One every 20 minutes over the last 24 hours (71 or 72, as the hour falls).
  assert.ok(events.length >= 71 && events.length <= 72, `${events.length} events`);
  assert.ok(events.every((e) => e.StartTime >= Date.now() / 1000 - 86400 - 5));
  assert.ok(events.every((e, i) => i === 0 || events[i - 1].StartTime > e.StartTime), 'newest first');
  const onlyPeople = await alice.client.describeCloudStorageEvents({ ...cam, EventId: 'person', Size: 100 });
  assert.ok(onlyPeople.Events.length > 0 && onlyPeople.Events.every((e) => e.EventId === 'person'));

  const { ThumbnailURL } = await alice.client.describeCloudStorageThumbnail({ ...cam, Thumbnail: events[0].Thumbnail ?? '' });
  assert.equal((await fetch(ThumbnailURL)).status, 200);
  const stream = await alice.client.describeCloudStorageStreamData({ ...cam, StartTime: events[0].StartTime });
  assert.equal((await fetch(stream.VideoStream)).status, 200);

  const { Data: days } = await alice.client.describeCloudStorageDate(cam);
  assert.ok(days.length >= 2 && days.every((d) => /^\d{4}-\d\d-\d\d$/.test(d)));
  const { Data } = await alice.client.describeCloudStorageTime({ ...cam, Date: days[days.length - 1] });
  assert.ok(Data.TimeList.length > 0);
  const [span] = Data.TimeList;
  const VideoURL = `${Data.VideoURL}?starttime_epoch=${span.StartTime}&endtime_epoch=${span.EndTime}`;
  const now = Math.floor(Date.now() / 1000);
  const { SignedVideoURL } = await alice.client.generateSignedVideoURL({ ...cam, VideoURL, ExpireTime: now + 60 });
  const playlist = await fetch(SignedVideoURL);
  assert.deepEqual([playlist.status, (await playlist.text()).startsWith('#EXTM3U')], [200, true]);
  const expired = await alice.client.generateSignedVideoURL({ ProductId: cam.ProductId, VideoURL, ExpireTime: now - 1 });
  assert.equal((await fetch(expired.SignedVideoURL)).status, 403, 'expired');
  assert.equal((await fetch(SignedVideoURL.replace(/sign=\w+/, 'sign=0'))).status, 403, 'a forged signature');

  // Bob is not in the family; the light is no camera.
  await assert.rejects(bob.client.describeCloudStorageDate(cam), (e) => e.kind === 'Api');
  const light = (await alice.client.getFamilyDeviceList({ FamilyId: alice.FamilyId })).DeviceList.find((d) => d.ProductId === 'LIGHT0PROD');
  await assert.rejects(alice.client.describeCloudStorageDate({ DeviceId: light.DeviceId }), (e) => e.kind === 'Api');
});

test('cloud storage actions: bad input is a typed InvalidInput naming the parameter, nothing sent; answers without their documented fields are Parse errors', async () => {
  const { client, sent } = offlineClient(sdk);
  const cam = { ProductId: 'C', DeviceName: 'c' };
  await assertRefused(client, [
    ['describeCloudStorageEvents', { DeviceName: 'c' }, 'ProductId'],
    ['describeCloudStorageEvents', { ...cam, StartTime: '' }, 'StartTime'],
    ['describeCloudStorageEvents', { ...cam, Size: 0 }, 'Size'],
    ['describeCloudStorageThumbnail', cam, 'Thumbnail'],
    ['describeCloudStorageTime', cam, 'Date'],
    ['describeCloudStorageTime', { ...cam, Date: '2021-01-14', EndTime: 1.5 }, 'EndTime'],
    ['generateSignedVideoURL', { ...cam, ExpireTime: 1 }, 'VideoURL'],
    ['generateSignedVideoURL', { ...cam, VideoURL: 'u' }, 'ExpireTime'],
    ['describeCloudStorageStreamData', cam, 'StartTime'],
  ]);
  assert.equal(sent(), 0);
  await assertIncompleteAnswersRefused(client, [
    ['describeCloudStorageEvents', cam],
    ['describeCloudStorageThumbnail', { ...cam, Thumbnail: 't' }],
    ['describeCloudStorageDate', cam],
    ['describeCloudStorageTime', { ...cam, Date: '2021-01-14' }],
    ['generateSignedVideoURL', { ...cam, VideoURL: 'u', ExpireTime: 1 }],
    ['describeCloudStorageStreamData', { ...cam, StartTime: 1 }],
  ]);
});
