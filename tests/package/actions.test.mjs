// Every typed action end to end in Node, against the emulator.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as sdk from 'iot-explorer-app';
import { startEmulator, DEMO_APP_KEY, DEMO_APP_SECRET } from '../../emulator/server.mjs';
import { runAllActions, EXPECTED } from '../fixtures/all-actions.mjs';

test('every typed action, in Node', async (t) => {
  const emulator = await startEmulator();
  t.after(() => emulator.close());
  const getCode = async (type, to) => emulator.world.codes.get(`${type}:${to}`).code;
  const out = await runAllActions(sdk, { endpoint: emulator.endpoint, appKey: DEMO_APP_KEY, appSecret: DEMO_APP_SECRET, getCode });
  assert.deepEqual(out, EXPECTED);
});
