// The emulator's own check of `appapi` signatures, written from the official rules with
// node:crypto only (app-api.md §1): keys sorted by UTF-16 units, `Signature` left out, String(value),
// HMAC-SHA1 → base64. It accepts both empty-value policies, as the real service must for the
// official Node SDK (keeps `Key=`) and the official cloud function (drops it) to both work.
import { createHmac, timingSafeEqual } from 'node:crypto';

export function stringToSign(body, { dropEmpty }) {
  return Object.keys(body)
    .filter((k) => k !== 'Signature')
    .sort()
    .map((k) => [k, String(body[k])])
    .filter(([, text]) => !(dropEmpty && text === ''))
    .map(([k, text]) => `${k}=${text}`)
    .join('&');
}

export const signatureOf = (secret, text) => createHmac('sha1', secret).update(text, 'utf8').digest('base64');

export function signatureMatches(body, secret) {
  const given = Buffer.from(String(body.Signature));
  return [true, false].some((dropEmpty) => {
    const want = Buffer.from(signatureOf(secret, stringToSign(body, { dropEmpty })));
    return want.length === given.length && timingSafeEqual(want, given);
  });
}
