// The client is made at once, before the wasm has loaded: every page can use getApp().iot in its
// first onLoad, and calls wait for init().
const { init, createClient } = require('iot-explorer-app');
const { endpoint } = require('./config.js');

init();

App({
  nickName: '', // what the login page asked for, sent to the cloud function
  iot: createClient({
    endpoint,
    getAccessToken() {
      const { nickName } = getApp();
      return wx.cloud.callFunction({ name: 'login', data: { nickName } }).then((r) => r.result);
    },
  }),
  onLaunch() {
    wx.cloud.init(); // before the first wx.cloud.callFunction
  },
});
