#!/usr/bin/env node
// Writes tests/vectors/{string-to-sign,request-body}.json from the official Node SDK algorithm
// (String(value), Object.keys().sort(), node:crypto HMAC-SHA1), independently of the Rust code.
// The action is one whose parameters the SDK does not check (call()-only), so any set of them signs.
// scripts/gen-signature-vectors.py then signs every string with Python's hmac.
// Run: node scripts/gen-vectors.mjs && python3 scripts/gen-signature-vectors.py
import { createHmac } from 'node:crypto';
import { writeFileSync } from 'node:fs';

const common = { Action: 'AppUpdateUserByWeiXin', AppKey: 'VecAppKey', RequestId: 'vec-req', Timestamp: 1700000000, Nonce: 12345 };
const login = { ...common, WxOpenID: 'oVEC000111', NickName: 'Nick', Avatar: 'https://example.com/a.png' };

// [name, params, options?] — options default to { emptyValues: 'omit', values: 'strict' }.
const cases = [
  ['ascii_login', login],
  ['cjk_nickname', { ...login, NickName: '微信用户' }],
  ['emoji_nickname', { ...login, NickName: '😀🎉 party' }],
  ['combining_mark_nickname', { ...login, NickName: 'e\u0301' }],
  ['precomposed_nickname', { ...login, NickName: '\u00e9' }],
  ['rtl_and_zero_width', { ...login, NickName: 'مرحبا\u200bשלום' }],
  ['reserved_url_chars', { ...login, Avatar: 'https://x.com/a?b=1&c=2+3/4%205' }],
  ['quotes_and_backslash', { ...login, NickName: `it's "q" \\ back` }],
  ['whitespace_and_newlines', { ...login, NickName: ' a\tb\nc\r ' }],
  ['nul_and_control_chars', { ...login, NickName: 'a\u0000b\u001fc\u007f' }],
  ['line_separators', { ...login, NickName: 'a\u2028b\u2029c' }],
  ['empty_nickname_omitted', { ...login, NickName: '' }],
  ['empty_nickname_kept', { ...login, NickName: '' }, { emptyValues: 'keep' }],
  ['all_optional_empty_omitted', { ...common, WxOpenID: 'o1', NickName: '', Avatar: '' }],
  ['all_optional_empty_kept', { ...common, WxOpenID: 'o1', NickName: '', Avatar: '' }, { emptyValues: 'keep' }],
  ['integers', { ...common, A: 0, B: 86, C: -42, D: 2147483647, E: 9007199254740991 }],
  ['negative_zero', { ...common, Z: -0 }],
  ['float_simple', { ...common, F: 0.1, G: -2.5, H: 100.0 }],
  ['float_rounding', { ...common, F: 0.1 + 0.2, G: 1 / 3 }],
  ['exponent_large', { ...common, Big: 1e21, Bigger: 1.5e300, Max: Number.MAX_VALUE }],
  ['no_exponent_below_1e21', { ...common, Big: 1e20, Almost: 123456789012345680000 }],
  ['exponent_small', { ...common, Tiny: 1.5e-7, Tinier: 1e-7, Min: 5e-324 }],
  ['no_exponent_above_1e-7', { ...common, Small: 1e-6, Smaller: 0.000001234 }],
  ['beyond_safe_integer', { ...common, Unsafe: 9007199254740993, Neg: -1e-7 }],
  ['booleans', { ...common, On: true, Off: false }],
  ['utf16_vs_bytes_order', { ...common, '\uFF3A': 'fullwidth', '\u{1F600}': 'emoji', 'z': 'ascii' }],
  ['case_and_symbols_order', { ...common, a: '1', B: '2', _u: '3', '~t': '4', '0d': '5', 'Ab': '6', 'AB': '7' }],
  ['latin1_keys', { ...common, 'ä': 'a-umlaut', 'Ω': 'omega', 'é': 'e-acute' }],
  ['underscore_not_mapped_to_dot', { ...common, Device_Name: 'dev_1', 'Device.Name': 'x' }],
  ['signature_key_excluded', { ...login, Signature: 'SHOULD-NOT-BE-SIGNED' }],
  ['numeric_keys', { ...common, 10: 'ten', 2: 'two', 1: 'one' }],
  ['long_value_10k', { ...login, NickName: 'long-'.repeat(2000) }],
  ['many_params', { ...common, ...Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`P${String(i).padStart(2, '0')}`, `v${i}`])) }],
  ['value_with_equals_and_amp', { ...login, NickName: 'a=b&c=d' }],
  ['json_string_payload', { ...common, Action: 'AppControlDeviceData', Data: '{"power_switch":1,"color":"红"}' }],
  ['node_sdk_null', { ...login, Extra: null }, { values: 'node-sdk' }],
  ['node_sdk_array', { ...login, DeviceIds: ['p1/d1', 'p1/d2'] }, { values: 'node-sdk' }],
  ['node_sdk_nested_array', { ...login, Ids: [[1, 2], [3, [4, 'x']]] }, { values: 'node-sdk' }],
  ['node_sdk_array_with_nulls', { ...login, Ids: [1, null, 2, ''] }, { values: 'node-sdk' }],
  ['node_sdk_empty_array_omitted', { ...login, Ids: [] }, { values: 'node-sdk' }],
  ['node_sdk_empty_array_kept', { ...login, Ids: [] }, { values: 'node-sdk', emptyValues: 'keep' }],
  ['node_sdk_object', { ...login, Obj: { a: 1 } }, { values: 'node-sdk' }],
  ['node_sdk_array_of_objects', { ...login, Objs: [{ a: 1 }, { b: 2 }] }, { values: 'node-sdk' }],
  ['node_sdk_array_of_floats', { ...login, Nums: [0.1, 1e21, -0, 1.5e-7, true] }, { values: 'node-sdk' }],
  ['strict_rejects_null', { ...login, Extra: null }, {}, 'Extra'],
  ['strict_rejects_array', { ...login, DeviceIds: ['a'] }, {}, 'DeviceIds'],
  ['strict_rejects_empty_array', { ...login, DeviceIds: [] }, {}, 'DeviceIds'],
  ['strict_rejects_object', { ...login, Obj: {} }, {}, 'Obj'],
];

const secrets = {
  ascii: 'VecAppSecret-0123456789',
  empty: '',
  exactly64: 'k'.repeat(64),
  over64: 'S'.repeat(100),
  cjk: '密钥-秘密-🔑',
};

const textOf = (v) => String(v);

function stringToSign(params, { emptyValues = 'omit', values = 'strict' } = {}) {
  const keys = Object.keys(params).filter((k) => k !== 'Signature').sort();
  const pairs = [];
  for (const key of keys) {
    const v = params[key];
    if (values === 'strict' && (v === null || typeof v === 'object')) return { errorParam: key };
    const text = textOf(v);
    if (emptyValues === 'omit' && text === '') continue;
    pairs.push(`${key}=${text}`);
  }
  return { text: pairs.join('&') };
}

const hmac = (secret, text) => createHmac('sha1', secret).update(text, 'utf8').digest('base64');

const stringCases = cases.map(([name, params, options = {}, errorParam]) => {
  const result = stringToSign(params, options);
  if (errorParam !== undefined && result.errorParam !== errorParam) throw new Error(`${name}: expected error`);
  return result.errorParam !== undefined
    ? { name, params, options, error: { kind: 'InvalidInput', code: 'InvalidParameter', param: result.errorParam } }
    : { name, params, options, string_to_sign: result.text, signature_node_crypto: hmac(secrets.ascii, result.text) };
});

// Full request bodies: what JSON.stringify sends for the same object (common params first).
const bodyCases = cases
  // Not sendable: errors, keys JSON.stringify reorders, a reserved key, empty required login fields.
  .filter(([name, params, , errorParam]) => errorParam === undefined
    && !['numeric_keys', 'signature_key_excluded'].includes(name)
    && !(params.Action === 'AppGetTokenByWeiXin' && [params.WxOpenID, params.NickName, params.Avatar].includes('')))
  .slice(0, 24)
  .map(([name, params, options = {}]) => {
    const { Action, RequestId, AppKey, Timestamp, Nonce, ...rest } = params;
    const ordered = { Action, RequestId, AppKey, Timestamp, Nonce, ...rest };
    const { text } = stringToSign(ordered, options);
    const Signature = hmac(secrets.ascii, text);
    return {
      name, action: Action, params: rest, app_key: AppKey, app_secret: secrets.ascii, timestamp: Timestamp,
      nonce: Nonce, request_id: RequestId, options, body: JSON.stringify({ ...ordered, Signature }),
    };
  });

const dir = new URL('../tests/vectors/', import.meta.url);
const header = 'generated by scripts/gen-vectors.mjs (official Node SDK algorithm, node:crypto); do not edit';
writeFileSync(new URL('string-to-sign.json', dir), JSON.stringify({ generated: header, secret: secrets.ascii, cases: stringCases }, null, 1) + '\n');
writeFileSync(new URL('request-body.json', dir), JSON.stringify({ generated: header, cases: bodyCases }, null, 1) + '\n');
// Strings for the signature stage; the Python script adds the signatures.
const texts = stringCases.filter((c) => c.string_to_sign !== undefined).map((c) => ({ name: c.name, text: c.string_to_sign }));
writeFileSync(new URL('signature-input.json', dir), JSON.stringify({ secrets, texts }, null, 1) + '\n');
console.log(`${stringCases.length} string-to-sign cases, ${bodyCases.length} body cases`);
