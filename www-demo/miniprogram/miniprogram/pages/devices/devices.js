// The user's devices with a power switch each, kept live by the push channel: a report or a
// control from anywhere (another phone, the device itself) updates the switch, and what was
// reported while the app was hidden or offline arrives as a Resync when the channel is back.
const { iot } = getApp();

Page({
  data: { user: '', devices: [], live: false, error: '' },

  onLoad() {
    return this.load();
  },

  onUnload() {
    if (this.unsubscribe) this.unsubscribe();
  },

  onPullDownRefresh() {
    return this.load().then(() => wx.stopPullDownRefresh());
  },

  async load() {
    try {
      const { Data } = await iot.getUser();
      const devices = [];
      for await (const family of iot.families()) {
        for await (const d of iot.familyDevices({ FamilyId: family.FamilyId })) {
          devices.push({ id: `${d.ProductId}/${d.DeviceName}`, product: d.ProductId, device: d.DeviceName, name: d.AliasName || d.DeviceName, online: false, hasSwitch: false, on: false });
        }
      }
      if (devices.length) {
        const { DeviceStatuses } = await iot.getDeviceStatuses({ DeviceIds: devices.map((d) => d.id) });
        for (const s of DeviceStatuses) this.patch(devices, s.DeviceId, { online: s.Online === 1 });
        for (const d of devices) {
          const { DataParsed } = await iot.getDeviceData({ ProductId: d.product, DeviceName: d.device });
          d.hasSwitch = 'power_switch' in DataParsed; // a sensor has none
          d.on = Boolean(d.hasSwitch && DataParsed.power_switch.Value);
        }
      }
      this.setData({ user: Data.NickName, devices, error: '' });
      if (devices.length && !this.unsubscribe) {
        this.unsubscribe = await iot.subscribe(devices.map((d) => d.id), (event) => this.onPush(event));
        this.setData({ live: true });
      }
    } catch (e) {
      this.setData({ error: `${e.code || e.kind}: ${e.message}` });
    }
  },

  onPush(event) {
    const devices = this.data.devices.slice();
    if (event.type === 'PropertyReport' || event.type === 'ControlPush') {
      if ('power_switch' in event.params) this.patch(devices, event.deviceId, { on: event.params.power_switch === 1 });
    } else if (event.type === 'StatusChange') {
      this.patch(devices, event.deviceId, { online: event.online });
    } else if (event.type === 'Resync') {
      const fields = event.online === null ? {} : { online: event.online };
      if (event.data.power_switch) fields.on = event.data.power_switch.Value === 1;
      this.patch(devices, event.deviceId, fields);
    } else {
      return;
    }
    this.setData({ devices });
  },

  patch(devices, id, fields) {
    const i = devices.findIndex((d) => d.id === id);
    if (i >= 0) devices[i] = Object.assign({}, devices[i], fields);
  },

  async toggle(e) {
    const d = this.data.devices.find((x) => x.id === e.currentTarget.dataset.id);
    try {
      await iot.controlDevice({ ProductId: d.product, DeviceName: d.device, Data: { power_switch: e.detail.value ? 1 : 0 } });
    } catch (err) {
      this.setData({ error: `${err.code || err.kind}: ${err.message}` });
    }
  },

  async logout() {
    if (this.unsubscribe) this.unsubscribe();
    this.unsubscribe = null;
    await iot.logout();
    wx.redirectTo({ url: '/pages/login/login' });
  },
});
