// Every typed action whose result fields sources put at more than one path, fed each other path
// through its typed method (the cases are generated from the definitions by `cargo xtask`): the
// result has the field where its type says, with a value of the declared type.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as sdk from 'iot-explorer-app';

const cases = JSON.parse(readFileSync(new URL('../fixtures/generated/result-shapes.json', import.meta.url), 'utf8'));

/** The value at `path` (`Data.Token`, `Users[].UserID`: a list's first item). */
const at = (value, path) => path.split('.').reduce((v, key) => (key.endsWith('[]') ? v?.[key.slice(0, -2)]?.[0] : v?.[key]), value);
const typeOf = (v) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);

test('each field seen at another path is where the typed result declares it', async () => {
  assert.ok(cases.length >= 15, `${cases.length} cases`);
  for (const { method, params, answer, path, seenAt, type } of cases) {
    const transport = async () => ({ status: 200, body: JSON.stringify({ Response: { ...answer, RequestId: 'r' } }) });
    const client = sdk.createClient({ getAccessToken: () => ({ Token: 't' }), transport, storage: sdk.memoryStorage() });
    const result = await client[method](params);
    assert.equal(typeOf(at(result, path)), type, `${method}: ${seenAt} → ${path} in ${JSON.stringify(result)}`);
    // Moved away, unless it moved inside its old place (48495's Data list → Data.Pos).
    if (!path.startsWith(`${seenAt}.`)) assert.equal(at(result, seenAt), undefined, `${method}: moved from ${seenAt}`);
  }
});
