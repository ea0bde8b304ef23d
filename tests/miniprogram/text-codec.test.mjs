// The UTF-8 codec the mini-program build falls back to agrees with the platform's
// TextEncoder/TextDecoder (non-fatal), including lone surrogates and invalid bytes.
import test from 'node:test';
import assert from 'node:assert/strict';
import { glueModules } from '../fixtures/glue.mjs';

const { Utf8Decoder, Utf8Encoder } = await glueModules('entries/text-codec');

let seed = 12345;
const rand = (n) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);

test('encoder matches TextEncoder', () => {
  const ours = new Utf8Encoder();
  const theirs = new TextEncoder();
  const samples = ['', 'ascii', '微信用户', '😀🎉', 'e\u0301', '\ud800', 'a\udc00b', '\ud83d', '\u0000\u007f\u0080\u07ff\u0800\uffff'];
  for (let i = 0; i < 2000; i++) samples.push(String.fromCharCode(...Array.from({ length: rand(12) }, () => rand(0x10000))));
  for (const s of samples) assert.deepEqual(ours.encode(s), theirs.encode(s), JSON.stringify(s));
});

test('decoder matches TextDecoder on valid and invalid bytes', () => {
  const ours = new Utf8Decoder();
  const theirs = new TextDecoder('utf-8', { ignoreBOM: true });
  assert.equal(ours.decode(), '');
  const samples = [[0xef, 0xbb, 0xbf, 0x41], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe4, 0xbd], [0xff], [0xf0, 0x9f, 0x98, 0x80]];
  for (let i = 0; i < 3000; i++) samples.push(Array.from({ length: rand(10) }, () => (rand(3) ? rand(256) : 0x80 + rand(64))));
  for (const bytes of samples) {
    const view = new Uint8Array(bytes);
    assert.equal(ours.decode(view), theirs.decode(view), JSON.stringify(bytes));
  }
  const long = new TextEncoder().encode('长'.repeat(50000));
  assert.equal(ours.decode(long), '长'.repeat(50000));
});
