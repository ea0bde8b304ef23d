// Runs of scenes and automations, on the emulator's clock: their actions one after another. A
// device action controls the device as AppControlDeviceData does (an offline device, or one no
// longer in the family, fails it), a delay waits, a scene action runs that scene's actions in
// its place (never a scene already on the way: a cycle fails it), a notify action posts a message
// to every member of the family. Then the run log has the run, with a result per device action
// (what the official apps show of it).
import { postToFamily } from './messages.mjs';
import { deviceId } from './world.mjs';

// Memory stays bounded: the oldest entries go first; no run does more than this many actions.
const MAX_LOG = 10_000;
const MAX_STEPS = 1000;

const OK = '成功';

/**
 * Starts a run of `actions` for the family: `source` names it ({ SceneId, SceneName } or
 * { AutomationId, AutomationName }), `sceneIds` the scenes on its way, `cause` the automations
 * whose run led to it. Runs at once up to its first delay.
 */
export function startRun(world, { FamilyId, UserId, source, actions, sceneIds = [], cause = [] }) {
  const run = { FamilyId, UserId, source, cause, queue: actions.map((action) => ({ action, sceneIds })), results: [], failed: false, steps: 0, resumeAt: 0 };
  world.runs.push(run);
  advanceRuns(world);
  return run;
}

/** Whether a run of this scene or automation is under way. */
export const isRunning = (world, key, id) => world.runs.some((run) => run.source[key] === id);

// The worlds whose runs are being moved on: a run's report may start another run (an
// automation fires), which the loop under way then takes too.
const advancing = new WeakSet();

/** Moves every run on as far as the clock allows; those done go to the run log. */
export function advanceRuns(world) {
  if (advancing.has(world)) return;
  advancing.add(world);
  try {
    for (let i = 0; i < world.runs.length; ) {
      const run = world.runs[i];
      while (run.queue.length && run.resumeAt <= world.clock()) step(world, run);
      if (run.queue.length || run.resumeAt > world.clock()) {
        i++;
        continue;
      }
      world.runs.splice(i, 1);
      log(world, run);
    }
  } finally {
    advancing.delete(world);
  }
}

function step(world, run) {
  const { action, sceneIds } = run.queue.shift();
  if (++run.steps > MAX_STEPS) return fail(run);
  switch (action.ActionType) {
    case 0:
      return deviceAction(world, run, action);
    case 1:
      run.resumeAt = world.clock() + Number(action.Data) * 1000;
      return;
    case 2: {
      const scene = world.scenes.get(action.Data);
      if (!scene || scene.FamilyId !== run.FamilyId || sceneIds.includes(scene.SceneId)) return fail(run);
      const inner = [...sceneIds, scene.SceneId];
      run.queue.unshift(...scene.Actions.map((a) => ({ action: a, sceneIds: inner })));
      return;
    }
    case 3: {
      const name = run.source.SceneName ?? run.source.AutomationName;
      postToFamily(world, run.FamilyId, 'notice', { MsgTitle: name, MsgContent: `“${name}”已执行`, FromUserID: run.UserId });
      return;
    }
    default:
      fail(run);
  }
}

function fail(run) {
  run.failed = true;
}

function deviceAction(world, run, action) {
  const key = deviceId(action);
  const device = world.devices.get(key);
  const why = !device || device.FamilyId !== run.FamilyId ? '设备不在家庭中' : !device.online ? '设备离线' : null;
  run.results.push({ DeviceId: key, DeviceAliasName: device ? device.AliasName : action.AliasName || '', Result: why || OK });
  if (why) return fail(run);
  world.applyData(device, action.Data, run.cause);
}

function log(world, run) {
  world.runLog.push({
    MsgId: world.messageId(), ...run.source, FamilyId: run.FamilyId, UserId: run.UserId,
    Result: run.failed ? '失败' : OK, ResultCode: run.failed ? -1 : 0, CreateAt: new Date(world.clock()).toISOString(), ActionResults: run.results,
  });
  if (world.runLog.length > MAX_LOG) world.runLog.splice(0, world.runLog.length - MAX_LOG);
}

/** Whether a scene's device actions all name devices still in its family (else its Flag is 1). */
export function devicesInFamily(world, scene) {
  return scene.Actions.every((a) => a.ActionType !== 0 || world.devices.get(deviceId(a))?.FamilyId === scene.FamilyId);
}
