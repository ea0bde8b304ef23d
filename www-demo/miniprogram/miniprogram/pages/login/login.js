// Login: the cloud function signs AppGetTokenByWeiXin; the client keeps the token in wx storage
// and refreshes it, so a user who logged in before goes straight to the devices.
Page({
  data: { nickName: '', busy: false, error: '' },

  async onLoad() {
    if (await getApp().iot.ready()) wx.redirectTo({ url: '/pages/devices/devices' });
  },

  onNickName(e) {
    this.setData({ nickName: e.detail.value });
  },

  async login() {
    const app = getApp();
    app.nickName = this.data.nickName;
    this.setData({ busy: true, error: '' });
    try {
      await app.iot.login();
      wx.redirectTo({ url: '/pages/devices/devices' });
    } catch (e) {
      this.setData({ error: `${e.code || e.kind || 'Error'}: ${e.message}` });
    } finally {
      this.setData({ busy: false });
    }
  },
});
