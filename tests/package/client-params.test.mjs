// What the clients send for their helpers' parameters, and where: paging, an optional RoomId,
// the overseas push URL, an anonymous WeChat login, and service API actions.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as sdk from 'iot-explorer-app';

function recordingTransport(answer) {
  const bodies = [];
  const transport = async ({ body }) => {
    bodies.push(JSON.parse(body));
    return { status: 200, body: JSON.stringify({ Response: { RequestId: 'r', ...answer(bodies.at(-1)) } }) };
  };
  return { bodies, transport };
}

test('familyDevices and getFamilyDeviceList: RoomId "" (every room, as documented) is sent when none is given; pageSize null is the default, 0 a typed error', async () => {
  const { bodies, transport } = recordingTransport(() => ({ DeviceList: [], Total: 0 }));
  const client = sdk.createClient({ getAccessToken: async () => ({ Token: 't' }), transport });
  for await (const device of client.familyDevices({ FamilyId: 'f', RoomId: null, pageSize: null })) assert.fail(device);
  assert.equal(bodies[0].RoomId, '');
  assert.equal(bodies[0].Limit, 50);
  await client.getFamilyDeviceList({ FamilyId: 'f' });
  await client.getFamilyDeviceList({ FamilyId: 'f', RoomId: '0' });
  assert.deepEqual(bodies.slice(1).map((b) => b.RoomId), ['', '0']);
  await assert.rejects(client.families({ pageSize: 0 }).next(), (e) => e instanceof sdk.IotExplorerError && e.param === 'pageSize');
});

test("endpoint 'oversea' opens the push socket on the overseas host", async () => {
  const urls = [];
  const socket = (url) => {
    urls.push(url);
    return { send() {}, close() {} }; // never opens
  };
  const client = sdk.createClient({ getAccessToken: async () => ({ Token: 't' }), transport: recordingTransport(() => ({})).transport, endpoint: 'oversea', socket, push: { replyTimeoutMs: 50 } });
  await client.subscribe(['P/d'], () => {});
  await client.logout();
  assert.deepEqual(urls, ['wss://oversea.iotcloud.tencentiotcloud.com/ws/explorer']);
});

test('a WeChat login without nickname or avatar is built; service API actions are refused', () => {
  const input = { action: 'AppGetTokenByWeiXin', params: { WxOpenID: 'o', NickName: '', Avatar: '' }, appKey: 'k', appSecret: 's', timestamp: 1767225600, nonce: 1, requestId: 'r' };
  const body = JSON.parse(sdk.buildAppApiRequest(input).body);
  assert.deepEqual([body.NickName, body.Avatar], ['', '']);
  assert.equal(body.Signature, sdk.signParams({ Action: input.action, AppKey: 'k', Nonce: 1, RequestId: 'r', Timestamp: 1767225600, WxOpenID: 'o', NickName: '', Avatar: '' }, 's').signature);
  assert.throws(() => sdk.buildAppApiRequest({ ...input, action: 'ServiceDescribeDeviceData', params: {} }), (e) => e instanceof sdk.IotExplorerError && e.param === 'action');
});
