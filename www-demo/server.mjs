#!/usr/bin/env node
// The demo's "app backend": holds the AppKey/AppSecret the way a cloud function does, signs
// AppGetTokenByWeiXin with the Node build of the package, and serves the page (which uses the
// browser build). Talks to the embedded emulator unless IOT_EXPLORER_ENDPOINT,
// IOT_EXPLORER_APP_KEY and IOT_EXPLORER_APP_SECRET name a real service.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator, DEMO_APP_KEY, DEMO_APP_SECRET } from '../emulator/server.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const pkgDist = join(here, '..', 'pkg', 'dist');
const sdk = createRequire(import.meta.url)(join(pkgDist, 'node.cjs'));
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.svg': 'image/svg+xml' };

async function readJson(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

const send = (res, status, value) => res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(value));

export async function startDemo({ port = 0, log = () => {}, tokenTtlSeconds = 3600 } = {}) {
  const real = process.env.IOT_EXPLORER_ENDPOINT && process.env.IOT_EXPLORER_APP_KEY && process.env.IOT_EXPLORER_APP_SECRET;
  const emulator = real ? null : await startEmulator({ tokenTtlSeconds, log: (line) => log(`emulator: ${line}`) });
  const endpoint = real ? process.env.IOT_EXPLORER_ENDPOINT : emulator.endpoint;
  const appKey = real ? process.env.IOT_EXPLORER_APP_KEY : DEMO_APP_KEY;
  const appSecret = real ? process.env.IOT_EXPLORER_APP_SECRET : DEMO_APP_SECRET;

  /** Signs and sends AppGetTokenByWeiXin; returns what the page shows (never the secret). */
  async function login(user) {
    const request = sdk.buildAppApiRequest({ action: 'AppGetTokenByWeiXin', params: user, appKey, appSecret, endpoint });
    const { Signature, ...signedParams } = JSON.parse(request.body);
    const { stringToSign } = sdk.signParams(signedParams, appSecret);
    const signed = { url: request.url, stringToSign, signature: Signature, body: request.body };
    const res = await sdk.fetchTransport()({ ...request, timeoutMs: 10000 });
    return { signed, response: { status: res.status, body: res.body }, grant: sdk.parseLoginResponse(res.status, res.body) };
  }

  let bob = null;
  /** The second user of the emulator's world, logged in by the backend like any app user. */
  const secondUser = () => {
    if (!bob) {
      const signer = sdk.createServerClient({ appKey, appSecret, endpoint });
      bob = sdk.createClient({ endpoint, getAccessToken: () => signer.getTokenByWeiXin({ WxOpenID: 'o-demo-second-user-bob', NickName: 'Bob', Avatar: '' }) });
    }
    return bob;
  };

  const server = createServer(async (req, res) => {
    const path = (req.url || '/').split('?')[0];
    try {
      if (path === '/api/config') return send(res, 200, { endpoint, emulator: !real });
      // The page hands a bind token "to the device": the emulator's simulated device takes it
      // and reports in a moment later. A real device gets it over Wi-Fi or BLE from the app.
      if (path === '/api/provision' && req.method === 'POST') {
        if (!emulator) return send(res, 501, { error: { kind: 'InvalidInput', message: 'only the emulator has a simulated device' } });
        const { Token, ProductId } = await readJson(req);
        const DeviceName = `${String(ProductId).slice(0, 5).toLowerCase()}_${Date.now().toString(36)}`;
        emulator.devices.provision(Token, { ProductId, DeviceName, delayMs: 800 });
        return send(res, 200, { ProductId, DeviceName });
      }
      // The emulated sensor reports a temperature (a real one reports by itself): its state, its
      // history, the pushes and the automations follow.
      if (path === '/api/sensor-report' && req.method === 'POST') {
        if (!emulator) return send(res, 501, { error: { kind: 'InvalidInput', message: 'only the emulator has a simulated sensor' } });
        const { DeviceId, temperature } = await readJson(req);
        if (!emulator.world.devices.has(DeviceId) || typeof temperature !== 'number') return send(res, 400, { error: { kind: 'InvalidInput', message: 'a sensor and a temperature' } });
        emulator.push.report(DeviceId, { temperature });
        return send(res, 200, {});
      }
      // The emulator's second user, Bob, takes a device Alice shares (through the public client).
      if (path === '/api/second-user/bind-share' && req.method === 'POST') {
        if (!emulator) return send(res, 501, { error: { kind: 'InvalidInput', message: 'only the emulator has a second user' } });
        const { ShareDeviceToken, DeviceId } = await readJson(req);
        try {
          const bob = secondUser();
          await bob.bindUserShareDevice({ ShareDeviceToken, DeviceId });
          const { Data } = await bob.getUser();
          return send(res, 200, { UserID: Data.UserID, NickName: Data.NickName });
        } catch (e) {
          if (!(e instanceof sdk.IotExplorerError)) throw e;
          return send(res, 400, { error: e.toJSON() });
        }
      }
      if (path === '/api/login' && req.method === 'POST') {
        const { WxOpenID, NickName, Avatar } = await readJson(req);
        try {
          return send(res, 200, await login({ WxOpenID, NickName, Avatar }));
        } catch (e) {
          if (!(e instanceof sdk.IotExplorerError)) throw e;
          log(`login failed: ${e.kind} ${e.code}`);
          return send(res, 400, { error: e.toJSON() });
        }
      }
      const file = path.startsWith('/pkg/') ? join(pkgDist, path.slice(5)) : join(here, path === '/' ? 'index.html' : path.slice(1));
      if (!file.startsWith(here) && !file.startsWith(pkgDist)) return res.writeHead(404).end();
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream' }).end(body);
    } catch (e) {
      if (e && e.code === 'ENOENT') return res.writeHead(404).end('not found');
      log(`error: ${e && e.message}`);
      send(res, 500, { error: { kind: 'Transport', message: 'demo server error' } });
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    endpoint,
    emulator,
    login,
    close: async () => {
      if (bob) await bob.logout().catch(() => {});
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      if (emulator) await emulator.close();
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const wanted = Number(process.env.PORT || 8080);
  const log = (line) => console.log(line);
  const demo = await startDemo({ port: wanted, log }).catch((e) => (e.code === 'EADDRINUSE' ? startDemo({ port: 0, log }) : Promise.reject(e)));
  console.log(`demo: IoT Explorer API at ${demo.endpoint}${demo.emulator ? ' (embedded emulator)' : ''}`);
  const { grant, signed } = await demo.login({ WxOpenID: 'o-terminal-demo', NickName: '终端用户', Avatar: 'https://example.com/avatar.png' });
  console.log(`demo: signed ${signed.stringToSign.split('&').length} parameters, Signature ${signed.signature}`);
  console.log('demo: login round trip OK →', { Token: `${grant.Token.slice(0, 8)}…`, ExpireAt: grant.ExpireAt, RequestId: grant.RequestId });
  console.log(`demo: open ${demo.url} (Ctrl-C to stop)`);
  const stop = () => demo.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
