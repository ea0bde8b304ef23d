// What hostile response bodies may cost: linear memory never shrinks, so after any 100 of them
// the wasm's memory must stay under 8 MiB (README, Reliability). The package is required by
// name, its wasm instance caught while it loads (as the memory benchmark does), to read the
// memory's size.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { loadPackage } from '../../bench/load-package.mjs';

const { pkg: sdk, wasm } = loadPackage(createRequire(import.meta.url));

const MiB = 1024 * 1024;
const memoryBytes = () => wasm.memory.buffer.byteLength;

/** Bodies a hostile or broken server could send, each at or past the limits. */
function hostileBodies() {
  const near = (unit, bytes) => unit.repeat(Math.floor(bytes / unit.length));
  const wrap = (inner) => `{"Response":{"RequestId":"r","Data":${inner}}}`;
  return [
    `[${near('1,', 8 * MiB)}1]`, // 8 MiB of tiny values
    wrap(`[${near('1,', MiB - 64)}1]`), // just under 1 MiB of tiny values
    wrap(`[${near('{},', MiB - 64)}{}]`),
    wrap(`[${near('[],', MiB - 64)}[]]`),
    wrap(`{${Array.from({ length: 40_000 }, (_, i) => `"k${i}":0`).join(',')}}`),
    wrap(`"${near('x', MiB - 64)}"`),
    wrap(`"${near('\\u0041', MiB - 64)}"`),
    wrap(`"${near('名', 340 * 1024)}"`), // ~1 MiB of UTF-8 in a third of the units
    `${'['.repeat(100_000)}`,
    `<html>${near('x', 8 * MiB)}</html>`,
  ];
}

test('any 100 hostile bodies leave the wasm memory under 8 MiB, each refused with a typed error', (t) => {
  const start = memoryBytes();
  const bodies = hostileBodies();
  for (let i = 0; i < 100; i++) {
    const body = bodies[i % bodies.length];
    const parse = i % 2 ? () => sdk.parseResponse(200, body) : () => sdk.parseActionResponse('AppGetDeviceData', 200, body);
    try {
      parse();
    } catch (e) {
      assert.ok(e instanceof sdk.IotExplorerError, String(e));
      assert.ok(e.kind === 'Parse' || e.kind === 'Api', `${e.kind}: ${e.message}`);
    }
  }
  const after = memoryBytes();
  t.diagnostic(`wasm memory ${start} B before, ${after} B after 100 hostile bodies`);
  assert.ok(after < 8 * MiB, `wasm memory ${(after / MiB).toFixed(2)} MiB after 100 hostile bodies (from ${(start / MiB).toFixed(2)} MiB)`);
  // And the limits refuse, rather than parse, what is past them.
  assert.throws(() => sdk.parseResponse(200, bodies[0]), (e) => e.kind === 'Parse' && /longer than|more than/.test(e.message));
  assert.throws(() => sdk.parseResponse(200, bodies[4]), (e) => e.kind === 'Parse' && /20000 values/.test(e.message));
});

test('a realistic large answer (a 100-device page) is still read', () => {
  const device = (i) => ({ ProductId: 'LIGHT0PROD', DeviceName: `d${i}`, DeviceId: `LIGHT0PROD/d${i}`, AliasName: `灯 ${i}`, UserID: 'u', RoomId: '0', IconUrl: '', CreateTime: 1, UpdateTime: 2 });
  const body = JSON.stringify({ code: 0, msg: '', data: { RequestId: 'r', DeviceList: Array.from({ length: 100 }, (_, i) => device(i)), Total: 100 } });
  assert.equal(sdk.parseActionResponse('AppGetFamilyDeviceList', 200, body).DeviceList.length, 100);
});
