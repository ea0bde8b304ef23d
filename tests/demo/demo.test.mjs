// The web demo clicked through in real Chromium: login → devices → toggle → brightness →
// logout, and an error case. Screenshots land in target/screenshots/.
import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startDemo } from '../../www-demo/server.mjs';
import { launchChromium } from '../browser/chromium.mjs';

const shots = fileURLToPath(new URL('../../target/screenshots/', import.meta.url));

/** The demo (its backend on the embedded emulator) open in Chromium; both close with the test. */
async function openDemo(t, height) {
  mkdirSync(shots, { recursive: true });
  const demo = await startDemo({ port: 0 });
  const browser = await launchChromium();
  t.after(async () => {
    await browser.close();
    await demo.close();
  });
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height });
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(demo.url);
  await page.waitForSelector('body[data-ready="true"]');
  return { demo, browser, page, pageErrors };
}

test('login, devices, toggle, brightness, logout and an error, as a user clicks them', async (t) => {
  const { demo, browser, page, pageErrors } = await openDemo(t, 900);

  await page.fill('input[name=WxOpenID]', 'o-playwright-0001');
  await page.fill('input[name=NickName]', '测试用户');
  await page.click('#login');
  await page.waitForSelector('.device[data-device-id^="LIGHT0PROD/"]');
  assert.equal(await page.textContent('#state'), 'logged in');
  assert.match(await page.textContent('#countdown'), /^00:5\d:\d\d$|^01:00:00$/);
  assert.match(await page.textContent('#signature'), /^[A-Za-z0-9+/]{27}=$/);
  const pairs = await page.$$eval('.pair', (els) => els.map((e) => e.textContent));
  assert.ok(pairs.includes('NickName=测试用户'), pairs.join(' '));
  assert.ok(!(await page.content()).includes('DemoAppSecret'), 'the page never sees the AppSecret');
  assert.equal(await page.locator('.device').count(), 3);
  await page.screenshot({ path: `${shots}demo-logged-in.png`, fullPage: true });

  const light = page.locator('.device[data-device-id^="LIGHT0PROD/"]');
  const lightId = await light.getAttribute('data-device-id');
  await light.locator('.switch').click();
  await page.waitForSelector(`.device.on[data-device-id="${lightId}"] .switch[aria-checked="true"]`);
  assert.equal(demo.emulator.world.devices.get(lightId).props.power_switch.Value, 1);
  await page.locator(`.device[data-device-id="${lightId}"] input[type=range]`).fill('85');
  await page.waitForFunction((id) => document.querySelector(`.device[data-device-id="${id}"] label`).textContent.includes('85%'), lightId);
  assert.equal(demo.emulator.world.devices.get(lightId).props.brightness.Value, 85);
  await page.screenshot({ path: `${shots}demo-light-on.png`, fullPage: true });

  // A second tab of the same user (the session comes from localStorage) switches the light off:
  // the first tab follows live over the push channel.
  await page.waitForFunction(() => document.getElementById('live').textContent.startsWith('live'));
  const other = await browser.context.newPage();
  await other.goto(demo.url);
  await other.waitForSelector(`.device.on[data-device-id="${lightId}"] .switch`);
  await other.locator(`.device[data-device-id="${lightId}"] .switch`).click();
  await page.waitForSelector(`.device[data-device-id="${lightId}"] .switch[aria-checked="false"]`);
  assert.match(await page.textContent('#live'), /last push (ControlPush|PropertyReport)/);
  await other.close();
  await page.screenshot({ path: `${shots}demo-live-update.png`, fullPage: true });

  // Add a room, then a device into it with the bind-token flow (the emulator's simulated device
  // takes the token); the new light appears in that room and can be switched.
  await page.fill('#room-name', '书房');
  await page.click('#add-room');
  await page.waitForSelector('#target-room option:text("书房")', { state: 'attached' });
  await page.selectOption('#product', 'LIGHT0PROD');
  await page.selectOption('#target-room', { label: '书房' });
  await page.click('#add-device');
  const added = page.locator('.room[data-room-name="书房"] .device');
  await added.waitFor();
  assert.match(await page.textContent('#adding'), /^added LIGHT0PROD\//);
  const newId = await added.getAttribute('data-device-id');
  await added.locator('.switch').click();
  await page.waitForSelector(`.room[data-room-name="书房"] .device.on[data-device-id="${newId}"]`);
  assert.equal(demo.emulator.world.devices.get(newId).props.power_switch.Value, 1);
  await page.screenshot({ path: `${shots}demo-add-device.png`, fullPage: true });

  await page.click('#logout');
  await page.waitForFunction(() => document.getElementById('state').textContent === 'logged out');
  assert.equal(await page.locator('.device').count(), 0);

  await page.fill('input[name=NickName]', 'a name that is far too long for WeChat');
  await page.click('#login');
  await page.waitForSelector('#error:not([hidden])');
  const error = await page.textContent('#error');
  assert.match(error, /Api/);
  assert.match(error, /InvalidParameterValue\.NickNameLengthInvalid/);
  assert.match(error, /1–20 characters/);
  assert.equal(await page.textContent('#state'), 'logged out');
  await page.screenshot({ path: `${shots}demo-error.png`, fullPage: true });
  assert.deepEqual(pageErrors, []);
});

test("a device's timers, its last day of history, and sharing it with the emulator's second user", async (t) => {
  const { demo, page, pageErrors } = await openDemo(t, 1100);
  await page.fill('input[name=WxOpenID]', 'o-playwright-family-0001');
  await page.fill('input[name=NickName]', 'Alice');
  await page.click('#login');

  // The sensor's last day: hourly readings the emulator's simulated sensor reported.
  const sensor = page.locator('.device[data-device-id^="SENSORPROD/"]');
  await sensor.waitFor();
  const sensorId = await sensor.getAttribute('data-device-id');
  await sensor.locator('.details-button').click();
  await page.waitForSelector('#history svg polyline');
  assert.match(await page.textContent('#history-summary'), /^24 readings · min [\d.]+ · max [\d.]+ · last [\d.]+$/);
  assert.equal(await page.textContent('#history-field'), 'temperature');
  await page.locator('#details-card').screenshot({ path: `${shots}demo-history.png` });

  // The light's timers: one added from the page, listed with its days and control.
  const light = page.locator('.device[data-device-id^="LIGHT0PROD/"]');
  const lightId = await light.getAttribute('data-device-id');
  await light.locator('.details-button').click();
  await page.waitForFunction((id) => document.getElementById('details-name').textContent.includes(id), lightId);
  await page.fill('#timer-name', '下班开灯');
  await page.fill('#timer-time', '18:30');
  await page.click('#add-timer');
  await page.waitForSelector('#timers li[data-timer-id]');
  const timer = await page.textContent('#timers li[data-timer-id]');
  assert.match(timer, /18:30 下班开灯 Mon Tue Wed Thu Fri/);
  assert.match(timer, /power_switch/);
  const timers = [...demo.emulator.world.timers.values()].filter((x) => `${x.ProductId}/${x.DeviceName}` === lightId);
  assert.deepEqual(timers.map((x) => [x.TimePoint, x.Days, x.Data]), [['18:30', '0111110', '{"power_switch":1}']]);
  // A bad time is refused by the SDK before anything is sent.
  await page.fill('#timer-time', '25:00');
  await page.click('#add-timer');
  await page.waitForSelector('#error:not([hidden])');
  assert.match(await page.textContent('#error'), /InvalidInput.*TimePoint/s);
  await page.locator('#details-card').screenshot({ path: `${shots}demo-timers.png` });

  // Shared with the second user (Bob), who binds it through his own client; the list shows him.
  await page.click('#share');
  await page.waitForSelector('#shared-with li[data-user-id]');
  assert.match(await page.textContent('#shared-with'), /shared with Bob/);
  const bobId = await page.getAttribute('#shared-with li[data-user-id]', 'data-user-id');
  assert.ok(demo.emulator.world.shares.get(lightId).has(bobId));
  assert.notEqual(sensorId, lightId);
  await page.locator('#details-card').screenshot({ path: `${shots}demo-share.png` });
  assert.deepEqual(pageErrors, []);
});

test('Smart: a scene built and run (its delay, its notice), an automation that fires when the emulated sensor reports; the log and messages follow by themselves', async (t) => {
  const { demo, page, pageErrors } = await openDemo(t, 1300);
  await page.fill('input[name=WxOpenID]', 'o-playwright-smart-0001');
  await page.fill('input[name=NickName]', 'Smart');
  await page.click('#login');
  await page.waitForSelector('#smart-card:not([hidden]) #scenes li');
  const plug = page.locator('.device[data-device-id^="PLUG00PROD/"]');
  const plugId = await plug.getAttribute('data-device-id');

  await page.click('#create-scene');
  const scene = page.locator('#scenes li[data-scene-id]');
  await scene.waitFor();
  assert.match(await scene.textContent(), /Good night 4 actions/);
  await scene.locator('button').click();
  // The light goes off at once; the scene runs its two-second delay, then the plug goes off, a
  // push the page follows: the log and the notice appear without a click.
  await page.waitForSelector('#scenes li[data-status="running"]');
  await page.screenshot({ path: `${shots}demo-smart-scene-running.png`, fullPage: true });
  await page.waitForSelector('#run-log li[data-msg-id]', { timeout: 10_000 });
  await page.waitForSelector(`.device[data-device-id="${plugId}"]:not(.on)`);
  assert.match(await page.textContent('#run-log'), /Good night ✓/);
  assert.match(await page.textContent('#messages li[data-msg-type="302"]'), /Good night/);
  assert.equal(await page.getAttribute('#scenes li[data-scene-id]', 'data-status'), 'idle');

  await page.click('#create-automation');
  await page.waitForSelector('#automations li[data-automation-id] .switch[aria-checked="true"]');
  await page.click('#sensor-report');
  await page.waitForSelector(`.device.on[data-device-id="${plugId}"]`);
  await page.waitForFunction(() => document.querySelectorAll('#run-log li[data-msg-id]').length === 2);
  assert.match(await page.textContent('#run-log li[data-msg-id]'), /Sensor above 26 °C → plug on ✓/);
  assert.equal(demo.emulator.world.devices.get(plugId).props.power_switch.Value, 1);
  await page.locator('#smart-card').screenshot({ path: `${shots}demo-smart.png` });

  // Turned off from the page, it no longer fires.
  await page.click('#automations .switch');
  await page.waitForSelector('#automations .switch[aria-checked="false"]');
  await plug.locator('.switch').click();
  await page.waitForSelector(`.device[data-device-id="${plugId}"]:not(.on)`);
  // The sensor's report reaches the page as a push once the emulator has weighed the automations.
  const pushesBefore = await page.textContent('#live');
  await page.click('#sensor-report');
  await page.waitForFunction((before) => document.getElementById('live').textContent !== before, pushesBefore);
  assert.equal(demo.emulator.world.runLog.length, 2);
  assert.equal(demo.emulator.world.devices.get(plugId).props.power_switch.Value, 0);
  assert.deepEqual(pageErrors, []);
});
