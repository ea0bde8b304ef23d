// A stand-in for wx-server-sdk, as far as the README's cloud function uses it. The cloud function
// runtime puts the caller's identity in the environment of each invocation (WX_OPENID, WX_APPID,
// WX_UNIONID; TCB_ENV, TCB_SOURCE) and getWXContext() reads it from there; the `event` holds only
// what the caller sent (plus `userInfo`), and `context` no OpenID at all.
'use strict';

const DYNAMIC_CURRENT_ENV = Symbol('DYNAMIC_CURRENT_ENV');
module.exports = {
  DYNAMIC_CURRENT_ENV,
  init() {},
  getWXContext() {
    const env = process.env;
    return {
      OPENID: env.WX_OPENID,
      APPID: env.WX_APPID,
      UNIONID: env.WX_UNIONID,
      ENV: env.TCB_ENV,
      SOURCE: env.TCB_SOURCE,
    };
  },
};
