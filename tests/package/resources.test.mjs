// Files a vendor sends to its devices (issue 28, group 6), through the public client against the
// emulator: an upload address (the file PUT there), the file registered, sent to a device, looked
// up on it and deleted there; bad input refused before anything is sent.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as sdk from 'iot-explorer-app';
import { assertIncompleteAnswersRefused, assertRefused, offlineClient } from '../fixtures/offline-client.mjs';
import { twoUsers } from './two-users.mjs';

test('a file uploaded, registered, sent to a device, looked up there and deleted', { timeout: 30_000 }, async (t) => {
  const { alice } = await twoUsers(t);
  const { client } = alice;
  const lamp = (await client.getFamilyDeviceList({ FamilyId: alice.FamilyId })).DeviceList.find((d) => d.ProductId === 'LIGHT0PROD');
  const file = Buffer.from('a voice prompt for the lamp');
  const upload = await client.getResourceUploadURL({ ProductId: lamp.ProductId, UserResourceName: 'prompt.mp3', FileSize: file.length, ResourceVer: '1.0.0' });
  assert.match(upload.ResourceName, /^USER_.+_RES_prompt\.mp3$/);
  assert.equal((await fetch(upload.UploadUrl, { method: 'PUT', body: file })).status, 200);
  const FileHash = createHash('md5').update(file).digest('hex');
  const { ResourceName } = await client.createProductResource({ ProductId: lamp.ProductId, UserResourceName: 'prompt.mp3', FileSize: file.length, ResourceVer: '1.0.0', FileHash });
  assert.equal(ResourceName, upload.ResourceName);

  await client.controlDeviceResource({ ProductId: lamp.ProductId, DeviceName: lamp.DeviceName, ResourceName, ResourceVer: '1.0.0', Method: 'update' });
  const { Resource } = await client.describeDeviceResource({ DeviceId: lamp.DeviceId, ResourceName });
  assert.deepEqual([Resource.ResourceName, Resource.ResourceVer, Resource.ResourceType, Resource.DeviceName], [ResourceName, '1.0.0', 'mp3', lamp.DeviceName]);
  await client.controlDeviceResource({ DeviceId: lamp.DeviceId, ResourceName, ResourceVer: '1.0.0', Method: 'delete' });
  await assert.rejects(client.describeDeviceResource({ DeviceId: lamp.DeviceId, ResourceName }), (e) => e.kind === 'Api');
});

test('resource actions: bad input is a typed InvalidInput naming the parameter, nothing sent; answers without their documented fields are Parse errors', async () => {
  const { client, sent } = offlineClient(sdk);
  const upload = { ProductId: 'P', UserResourceName: 'f', FileSize: 10, ResourceVer: '1' };
  await assertRefused(client, [
    ['getResourceUploadURL', { ...upload, FileSize: '10' }, 'FileSize'],
    ['getResourceUploadURL', { ...upload, ResourceVer: '' }, 'ResourceVer'],
    ['createProductResource', upload, 'FileHash'],
    ['controlDeviceResource', { DeviceId: 'P/d', ResourceName: 'r', ResourceVer: '1', Method: 'install' }, 'Method'],
    ['describeDeviceResource', { DeviceId: 'P/d' }, 'ResourceName'],
  ]);
  assert.equal(sent(), 0);
  await assertIncompleteAnswersRefused(client, [['getResourceUploadURL', upload], ['createProductResource', { ...upload, FileHash: 'h' }], ['describeDeviceResource', { DeviceId: 'P/d', ResourceName: 'r' }]]);
});
