// 1. Signing throughput: this package's signParams and buildAppApiRequest (public API, the
// installed package) against crypto-js, jsSHA and node:crypto doing the official string
// building and signing, all on the same AppGetTokenByWeiXin parameters. Also a breakdown of
// where our signParams spends its time (the JS ↔ wasm boundary pieces measured on their own).
import { loadPackage } from './load-package.mjs';
import { APP_SECRET, requestInputOf, signParamsOf } from './inputs.mjs';
import { officialRequest, officialSign, officialStringToSign, reusedCryptoJsSigner, signers } from './official.mjs';
import { measure } from './timing.mjs';
import { int, ratio, table, us } from './format.mjs';
import { createHmac } from 'node:crypto';

function verify(pkg) {
  const params = signParamsOf(0);
  const ours = pkg.signParams(params, APP_SECRET);
  const stringBytes = Buffer.byteLength(ours.stringToSign);
  if (ours.stringToSign !== officialStringToSign(params)) throw new Error('string to sign differs from the official one');
  for (const [name, sign] of Object.entries({ ...signers, 'crypto-js (HMAC reused)': reusedCryptoJsSigner() })) {
    const theirs = officialSign(sign)(params, APP_SECRET).signature;
    if (theirs !== ours.signature) throw new Error(`${name} signs ${theirs}, ours ${ours.signature}`);
  }
  const request = pkg.buildAppApiRequest(requestInputOf(0));
  if (JSON.parse(request.body).Signature !== ours.signature) throw new Error('buildAppApiRequest signs differently');
  for (const name of ['crypto-js', 'node:crypto']) {
    const theirs = officialRequest(signers[name])(requestInputOf(0));
    if (theirs.body !== request.body || theirs.url !== request.url) throw new Error(`${name} request differs:\n${theirs.body}\n${request.body}`);
  }
  return { signature: ours.signature, stringToSign: ours.stringToSign, stringToSignBytes: stringBytes, bodyBytes: Buffer.byteLength(request.body) };
}

export function run({ runs = 5, runMs = 500 } = {}) {
  const { pkg, wasm } = loadPackage();
  const verified = verify(pkg);

  const [signCryptoJs, signJsSha, signNode] = ['crypto-js', 'jssha', 'node:crypto'].map((n) => officialSign(signers[n]));
  const signCryptoJsReused = officialSign(reusedCryptoJsSigner());
  const [requestCryptoJs, requestNode] = ['crypto-js', 'node:crypto'].map((n) => officialRequest(signers[n]));
  const sign = {
    'ours signParams': (i) => pkg.signParams(signParamsOf(i), APP_SECRET).signature,
    'crypto-js': (i) => signCryptoJs(signParamsOf(i), APP_SECRET).signature,
    'crypto-js (HMAC reused)': (i) => signCryptoJsReused(signParamsOf(i), APP_SECRET).signature,
    jssha: (i) => signJsSha(signParamsOf(i), APP_SECRET).signature,
    'node:crypto': (i) => signNode(signParamsOf(i), APP_SECRET).signature,
  };
  const request = {
    'ours buildAppApiRequest': (i) => pkg.buildAppApiRequest(requestInputOf(i)).body,
    'crypto-js + JSON body': (i) => requestCryptoJs(requestInputOf(i)).body,
    'node:crypto + JSON body': (i) => requestNode(requestInputOf(i)).body,
  };
  const cases = Object.entries({ ...sign, ...request }).map(([name, fn]) => ({ name, fn }));
  const results = measure(cases, { runs, runMs });

  // Where the time of one signParams goes: the steps of the JS ↔ wasm boundary, each alone.
  // (The binding joins keys and value texts into one string, writes it as UTF-8 straight into
  // the wasm's memory with one encodeInto, and reads back the 28-byte signature;
  // pkg-template/src/requests.ts.)
  const text = Object.entries(signParamsOf(0)).flat().join('');
  const enc = new TextEncoder();
  const dec = new TextDecoder();
  const buf = new Uint8Array(4096);
  const signatureBytes = enc.encode(verified.signature);
  const parts = {
    'make the params object (harness)': (i) => signParamsOf(i),
    'a wasm call that does next to nothing (ioText(0))': () => wasm.ioText(0),
    'signParams({}, secret): every fixed cost': () => pkg.signParams({}, APP_SECRET).signature,
    'TextEncoder.encodeInto of the keys and values (copy in)': (i) => enc.encodeInto(text, buf).written + i,
    'TextDecoder of the signature (copy out)': () => dec.decode(signatureBytes),
    'official string building alone (sort, join)': (i) => officialStringToSign(signParamsOf(i)),
    'node:crypto HMAC+Base64 alone (string given)': () => createHmac('sha1', APP_SECRET).update(verified.stringToSign, 'utf8').digest('base64'),
  };
  const breakdown = measure(Object.entries(parts).map(([name, fn]) => ({ name, fn })), { runs, runMs: runMs / 2, warmupMs: 150 });

  const ours = results['ours signParams'].opsPerSec;
  const oursReq = results['ours buildAppApiRequest'].opsPerSec;
  const row = (name, base) => {
    const r = results[name];
    return [name, int(r.opsPerSec), us(r.nsPerOp), base === null ? '' : ratio(base, r.opsPerSec)];
  };
  const lines = [
    `string to sign: ${verified.stringToSignBytes} bytes, 8 params; request body ${verified.bodyBytes} bytes; every implementation gives ${verified.signature} on op 0`,
    table(['signing (sort, join, HMAC-SHA1, Base64)', 'ops/s', 'per op', 'ours/this'], [
      row('ours signParams', null),
      ...['crypto-js', 'crypto-js (HMAC reused)', 'jssha', 'node:crypto'].map((n) => row(n, ours)),
    ]),
    "('crypto-js' re-keys the HMAC on every call, as the official code does; 'HMAC reused' keys it once.)",
    '',
    table(['full request (sign + JSON body)', 'ops/s', 'per op', 'ours/this'], [
      row('ours buildAppApiRequest', null),
      ...['crypto-js + JSON body', 'node:crypto + JSON body'].map((n) => row(n, oursReq)),
      ...['crypto-js', 'jssha', 'node:crypto'].map((n) => row(`${n}`, oursReq)).map((r) => [`${r[0]} (signing only)`, ...r.slice(1)]),
    ]),
    '',
    table(['where a signParams call goes (each step alone)', 'per op'], [
      ['ours signParams (whole call)', us(results['ours signParams'].nsPerOp)],
      ...Object.keys(parts).map((n) => [n, us(breakdown[n].nsPerOp)]),
    ]),
  ];
  const ratios = {};
  ratios['signParams / crypto-js (HMAC reused)'] = ours / results['crypto-js (HMAC reused)'].opsPerSec;
  for (const theirs of ['crypto-js', 'jssha', 'node:crypto']) {
    ratios[`signParams / ${theirs}`] = ours / results[theirs].opsPerSec;
    ratios[`buildAppApiRequest / ${theirs}`] = oursReq / results[theirs].opsPerSec;
  }
  for (const theirs of ['crypto-js + JSON body', 'node:crypto + JSON body']) ratios[`buildAppApiRequest / ${theirs}`] = oursReq / results[theirs].opsPerSec;
  return { json: { verified, results, ratios, breakdown }, text: lines.join('\n') };
}
