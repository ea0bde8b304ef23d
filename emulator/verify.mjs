// The emulator's own check of `appapi` signatures, written from the official rules with
// node:crypto only (app-api.md §1): keys sorted by UTF-16 units, `Signature` left out, String(value),
// HMAC-SHA1 → base64. By default it takes the documented rule only (empty values are left out
// of the string to sign, 1081/40773 常见问题); `lenient` also takes the official Node SDK's
// (`Key=` kept), for the test that replays that SDK.
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

export function signatureMatches(body, secret, { lenient = false } = {}) {
  const given = Buffer.from(String(body.Signature));
  return (lenient ? [true, false] : [true]).some((dropEmpty) => {
    const want = Buffer.from(signatureOf(secret, stringToSign(body, { dropEmpty })));
    return want.length === given.length && timingSafeEqual(want, given);
  });
}
