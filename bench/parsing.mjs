// 2. Response parsing throughput: this package's parseLoginResponse and
// parseActionResponse('AppGetFamilyDeviceList', …) against JSON.parse plus the checks the
// official mini-program SDK makes, on the same body texts.
import { isDeepStrictEqual } from 'node:util';
import { loadPackage } from './load-package.mjs';
import { DEVICE_COUNT, DEVICE_LIST_RESPONSE, LOGIN_RESPONSE } from './inputs.mjs';
import { officialParse } from './official.mjs';
import { measure } from './timing.mjs';
import { int, ratio, table, us } from './format.mjs';

function verify(pkg) {
  const login = pkg.parseLoginResponse(200, LOGIN_RESPONSE);
  const { Data } = officialParse(LOGIN_RESPONSE);
  if (login.Token !== Data.Token || login.ExpireAt !== Data.ExpireAt) throw new Error('login results differ');
  const list = pkg.parseActionResponse('AppGetFamilyDeviceList', 200, DEVICE_LIST_RESPONSE);
  if (!isDeepStrictEqual(list, officialParse(DEVICE_LIST_RESPONSE))) throw new Error('device list results differ');
  if (list.DeviceList.length !== DEVICE_COUNT) throw new Error('device count');
}

export function run({ runs = 5, runMs = 500 } = {}) {
  const { pkg } = loadPackage();
  verify(pkg);
  const login = {
    'login: ours parseLoginResponse': () => pkg.parseLoginResponse(200, LOGIN_RESPONSE).Token,
    'login: JSON.parse + SDK checks': () => {
      const { Token, ExpireAt } = officialParse(LOGIN_RESPONSE).Data;
      return Token && ExpireAt;
    },
  };
  const list = {
    'list: ours parseActionResponse': () => pkg.parseActionResponse('AppGetFamilyDeviceList', 200, DEVICE_LIST_RESPONSE).Total,
    'list: ours parseResponse (no field checks)': () => pkg.parseResponse(200, DEVICE_LIST_RESPONSE).Total,
    'list: JSON.parse + SDK checks': () => officialParse(DEVICE_LIST_RESPONSE).Total,
  };
  const enc = new TextEncoder();
  const dec = new TextDecoder();
  const buf = new Uint8Array(DEVICE_LIST_RESPONSE.length * 3);
  const bytes = enc.encode(DEVICE_LIST_RESPONSE);
  const parts = {
    'TextEncoder.encodeInto of the body (copy in)': () => enc.encodeInto(DEVICE_LIST_RESPONSE, buf).written,
    'TextDecoder.decode of the same size (copy out)': () => dec.decode(bytes),
    'JSON.parse of the same size (result object)': () => JSON.parse(DEVICE_LIST_RESPONSE).code,
  };
  const cases = Object.entries({ ...login, ...list, ...parts }).map(([name, fn]) => ({ name, fn }));
  const results = measure(cases, { runs, runMs });
  const row = (name, base) => {
    const r = results[name];
    return [name.replace(/^\w+: /, ''), int(r.opsPerSec), us(r.nsPerOp), base === undefined ? '' : ratio(base, r.opsPerSec)];
  };
  const head = (what) => [what, 'ops/s', 'per op', 'ours/this'];
  const oursLogin = results['login: ours parseLoginResponse'].opsPerSec;
  const oursList = results['list: ours parseActionResponse'].opsPerSec;
  const lines = [
    `login body ${Buffer.byteLength(LOGIN_RESPONSE)} bytes; device list body ${bytes.length} bytes (${DEVICE_COUNT} devices); results checked equal before timing`,
    table(head('login response'), [row('login: ours parseLoginResponse'), row('login: JSON.parse + SDK checks', oursLogin)]),
    '',
    table(head(`${DEVICE_COUNT}-device AppGetFamilyDeviceList`), [
      row('list: ours parseActionResponse'),
      row('list: ours parseResponse (no field checks)'),
      row('list: JSON.parse + SDK checks', oursList),
    ]),
    '',
    table(['device list: JS-side boundary steps, each alone', 'per op'], Object.keys(parts).map((n) => [n, us(results[n].nsPerOp)])),
  ];
  const ratios = {
    'parseLoginResponse / JSON.parse + SDK checks': oursLogin / results['login: JSON.parse + SDK checks'].opsPerSec,
    'parseActionResponse(device list) / JSON.parse + SDK checks': oursList / results['list: JSON.parse + SDK checks'].opsPerSec,
  };
  return { json: { bodyBytes: { login: Buffer.byteLength(LOGIN_RESPONSE), deviceList: bytes.length }, results, ratios }, text: lines.join('\n') };
}
