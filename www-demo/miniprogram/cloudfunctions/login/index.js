// The "login" cloud function: the only place that holds the AppSecret. It signs
// AppGetTokenByWeiXin for the caller WeChat vouches for and answers { Token, ExpireAt }.
// Set IOT_EXPLORER_APP_KEY and IOT_EXPLORER_APP_SECRET (and IOT_EXPLORER_ENDPOINT for the
// emulator) in the function's environment variables.
const cloud = require('wx-server-sdk');
const { createServerClient } = require('iot-explorer-app');

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });

const iot = createServerClient({
  appKey: process.env.IOT_EXPLORER_APP_KEY,
  appSecret: process.env.IOT_EXPLORER_APP_SECRET,
  endpoint: process.env.IOT_EXPLORER_ENDPOINT,
});

exports.main = async (event) => {
  const { OPENID } = cloud.getWXContext();
  const { Token, ExpireAt } = await iot.getTokenByWeiXin({ WxOpenID: OPENID, NickName: event.nickName, Avatar: event.avatarUrl });
  return { Token, ExpireAt };
};
