// What the official clients do, written once so each library gets exactly the same work:
// the string to sign of the official cloud-function demo (keys sorted by UTF-16 units,
// `key=value` joined by `&`, undefined and empty values left out, as this package's default),
// then HMAC-SHA1 → Base64 by crypto-js, jsSHA or node:crypto; and the mini-program SDK's
// response handling (requestTokenApi: JSON.parse, then `code` and `data.Error` checks).
import { createRequire } from 'node:module';
import { createHmac } from 'node:crypto';

const require = createRequire(import.meta.url);
const HmacSHA1 = require('crypto-js/hmac-sha1'); // the two modules the official JS imports
const Base64 = require('crypto-js/enc-base64');
const CryptoJS = require('crypto-js/core');
require('crypto-js/sha1');
require('crypto-js/hmac');
const JsSHA = require('jssha');

export function officialStringToSign(params) {
  return Object.keys(params)
    .sort()
    .filter((key) => params[key] !== undefined && String(params[key]) !== '')
    .map((key) => `${key}=${params[key]}`)
    .join('&');
}

export const signers = {
  'crypto-js': (str, secret) => Base64.stringify(HmacSHA1(str, secret)),
  jssha: (str, secret) => {
    const h = new JsSHA('SHA-1', 'TEXT', { hmacKey: { value: secret, format: 'TEXT' } });
    h.update(str);
    return h.getHash('B64');
  },
  'node:crypto': (str, secret) => createHmac('sha1', secret).update(str, 'utf8').digest('base64'),
};

/**
 * crypto-js with its HMAC object kept between calls (keyed once per secret), as a program that
 * signs many requests could do. The official code re-keys on every call (`HmacSHA1(str, secret)`),
 * which the 'crypto-js' row measures.
 */
export function reusedCryptoJsSigner() {
  let keyed = null;
  return (str, secret) => {
    if (!keyed || keyed.secret !== secret) keyed = { secret, hmac: CryptoJS.algo.HMAC.create(CryptoJS.algo.SHA1, secret) };
    keyed.hmac.reset();
    return Base64.stringify(keyed.hmac.finalize(str));
  };
}

/** Sign like the official JS: `{ stringToSign, signature }` as signParams answers. */
export const officialSign = (sign) => (params, secret) => {
  const stringToSign = officialStringToSign(params);
  return { stringToSign, signature: sign(stringToSign, secret) };
};

/**
 * The whole request as the official Node SDK / cloud function makes it: the common parameters
 * merged in, signed, `Signature` added, the body JSON text (axios / wx.request stringify it).
 */
export const officialRequest = (sign) => (input) => {
  const data = {
    Action: input.action,
    RequestId: input.requestId,
    AppKey: input.appKey,
    Timestamp: input.timestamp,
    Nonce: input.nonce,
    ...input.params,
  };
  data.Signature = sign(officialStringToSign(data), input.appSecret);
  return {
    url: 'https://iot.cloud.tencent.com/api/exploreropen/appapi',
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(data),
  };
};

/** The mini-program SDK's response handling (requestTokenApi), on the body text. */
export function officialParse(text) {
  const { code, msg, data = {} } = JSON.parse(text);
  if (code) throw { code, msg };
  if (data.Error) throw { code: data.Error.Code, msg: data.Error.Message };
  return data;
}
