// One fresh process of the cold-start benchmark (bench/cold-start.mjs starts it): loads one
// implementation, makes its first signing call and its first parse call, and prints the three
// durations as JSON. It is CommonJS so that `require` is what is measured, as a server does it.
'use strict';
const which = process.argv[2];
const t0 = process.hrtime.bigint();
let sign;
let parse;
if (which === 'ours') {
  const m = require('iot-explorer-app'); // bench/node_modules: the packed tarball
  sign = (p, s) => m.signParams(p, s).signature;
  parse = (text) => m.parseLoginResponse(200, text).Token;
} else if (which === 'ours-wasm-only') {
  // The part of our require that is the wasm alone: read, compile, instantiate (no-op imports).
  const { readFileSync } = require('node:fs');
  const { join, dirname } = require('node:path');
  const file = join(dirname(require.resolve('iot-explorer-app')), 'iot_explorer_app_bg.wasm');
  const module = new WebAssembly.Module(readFileSync(file));
  const imports = {};
  for (const i of WebAssembly.Module.imports(module)) (imports[i.module] ||= {})[i.name] = () => {};
  new WebAssembly.Instance(module, imports);
  sign = () => '';
  parse = () => '';
} else if (which === 'crypto-js') {
  const HmacSHA1 = require('crypto-js/hmac-sha1');
  const Base64 = require('crypto-js/enc-base64');
  sign = (p, s) => Base64.stringify(HmacSHA1(stringToSign(p), s));
  parse = officialParse;
} else if (which === 'node:crypto') {
  const { createHmac } = require('node:crypto');
  sign = (p, s) => createHmac('sha1', s).update(stringToSign(p), 'utf8').digest('base64');
  parse = officialParse;
} else {
  throw new Error(`unknown implementation ${which}`);
}
const t1 = process.hrtime.bigint();
const signature = sign(JSON.parse(process.argv[3]), process.argv[4]);
const t2 = process.hrtime.bigint();
const token = parse(process.argv[5]);
const t3 = process.hrtime.bigint();
process.stdout.write(
  JSON.stringify({ loadNs: Number(t1 - t0), firstSignNs: Number(t2 - t1), firstParseNs: Number(t3 - t2), signature, token }),
);

function stringToSign(params) {
  return Object.keys(params)
    .sort()
    .filter((key) => params[key] !== undefined && String(params[key]) !== '')
    .map((key) => `${key}=${params[key]}`)
    .join('&');
}
function officialParse(text) {
  const { code, msg, data = {} } = JSON.parse(text);
  if (code) throw { code, msg };
  if (data.Error) throw { code: data.Error.Code, msg: data.Error.Message };
  return data.Data.Token;
}
