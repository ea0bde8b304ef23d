// The inputs every implementation gets: one AppGetTokenByWeiXin parameter set (a fresh
// Timestamp and Nonce for every operation), a login response and a 50-device list response,
// both in the wire envelope ({"code","msg","data"}) the service answers with.

export const APP_KEY = 'aBcDeFgHiJkLmNoPq';
export const APP_SECRET = 'KxDsqgSCfCAtjtsewcmX3pLq';
export const ACTION = 'AppGetTokenByWeiXin';
const TIMESTAMP0 = 1767225600; // 2026-01-01T00:00:00Z

/** The caller's part of the parameters (what buildAppApiRequest takes as `params`). */
export const USER_PARAMS = Object.freeze({
  WxOpenID: 'oAbCd5Kx9Qm3Rt7Yz1Wn8Pq2Ls4U',
  NickName: '小明的智能家居',
  Avatar: 'https://thirdwx.qlogo.cn/mmopen/vi_32/Q0j4TwGTfTK1x9aVb3/132',
});
export const REQUEST_ID = '8b8d499bbba1ac28b6da21b4';

/** Operation i's Timestamp and Nonce: both change from one operation to the next. */
export const timestampOf = (i) => TIMESTAMP0 + i;
export const nonceOf = (i) => ((i * 7919) % 10000) + 1; // 1..10000, as the official JS draws it

/** All 8 signed parameters of operation i, as a new object (what signParams and the others get). */
export function signParamsOf(i) {
  return {
    Action: ACTION,
    AppKey: APP_KEY,
    RequestId: REQUEST_ID,
    Timestamp: timestampOf(i),
    Nonce: nonceOf(i),
    WxOpenID: USER_PARAMS.WxOpenID,
    NickName: USER_PARAMS.NickName,
    Avatar: USER_PARAMS.Avatar,
  };
}

/** buildAppApiRequest's input for operation i: the same 8 parameters. */
export function requestInputOf(i) {
  return {
    action: ACTION,
    params: { WxOpenID: USER_PARAMS.WxOpenID, NickName: USER_PARAMS.NickName, Avatar: USER_PARAMS.Avatar },
    appKey: APP_KEY,
    appSecret: APP_SECRET,
    timestamp: timestampOf(i),
    nonce: nonceOf(i),
    requestId: REQUEST_ID,
    endpoint: 'china',
  };
}

export const LOGIN_RESPONSE = JSON.stringify({
  code: 0,
  msg: '',
  data: {
    Data: {
      Token: 'a3b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9',
      ExpireAt: 1767832400,
    },
    RequestId: REQUEST_ID,
  },
});

function device(n) {
  const id = String(n).padStart(3, '0');
  return {
    ProductId: 'AB1CD2EF3G',
    DeviceName: `light_${id}`,
    DeviceId: `AB1CD2EF3G/light_${id}`,
    AliasName: `客厅灯 ${id}`,
    UserID: '136251239851802624',
    RoomId: n % 5 === 0 ? '0' : `room_${n % 5}`,
    IconUrl: 'https://main.qcloudimg.com/raw/3a1b2c3d4e5f60718293a4b5c6d7e8f9/light.png',
    CreateTime: 1735689600 + n * 60,
    UpdateTime: 1767225600 + n * 60,
  };
}

export const DEVICE_COUNT = 50;
export const DEVICE_LIST_RESPONSE = JSON.stringify({
  code: 0,
  msg: '',
  data: {
    RequestId: REQUEST_ID,
    DeviceList: Array.from({ length: DEVICE_COUNT }, (_, n) => device(n + 1)),
    Total: DEVICE_COUNT,
  },
});
