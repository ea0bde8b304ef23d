// Where the App API is. Leave `endpoint` undefined for the real service (China); for the local
// emulator (`make emulator` in the iot-explorer-app repository), its endpoint, with
// 详情 → 本地设置 → 不校验合法域名 ticked in DevTools.
module.exports = {
  endpoint: 'http://127.0.0.1:8787/api/exploreropen',
};
