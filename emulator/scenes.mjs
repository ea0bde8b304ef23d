// One-tap scenes (1081/50210-50214; AppDeleteScene as the official apps send it) and the log of
// what scenes and automations ran (AppGetSceneAndAutomationLogs, as both apps read it). A
// handler gets { body, user, world } and returns the response content, or throws an ApiError.
import { memberFamily } from './families.mjs';
import { ApiError, integer, invalid, page, paging, text } from './params.mjs';
import { devicesInFamily, isRunning, startRun } from './runs.mjs';
import { checkActions } from './smart-params.mjs';

const inProgress = () => new ApiError('UnsupportedOperation.SceneRunInProgress', '场景执行中。');

/** The scene named by `SceneId`, in a family of the user's. */
function sceneOf(body, user, world) {
  const scene = world.scenes.get(text(body, 'SceneId'));
  if (!scene || !world.families.get(scene.FamilyId)?.Members.has(user.UserID)) throw invalid('场景不存在');
  return scene;
}

function sceneFields(body, context) {
  return { SceneName: text(body, 'SceneName'), SceneIcon: text(body, 'SceneIcon', { empty: true }), Actions: checkActions(body, context) };
}

/** A scene as the list shows it: Flag 1 when a device of it left the family, Status 1 while it runs. */
const sceneView = (world, { Actions, ...scene }) => ({
  ...scene, Actions, Flag: devicesInFamily(world, { Actions, ...scene }) ? 0 : 1, Status: isRunning(world, 'SceneId', scene.SceneId) ? 1 : 0,
});

export const sceneActions = {
  AppCreateScene({ body, user, world }) {
    const family = memberFamily(body, user, world);
    const now = world.now();
    const scene = { SceneId: world.id('s_'), FamilyId: family.FamilyId, ...sceneFields(body, { world, user, family }), UserId: user.UserID, CreateTime: now, UpdateTime: now };
    world.scenes.set(scene.SceneId, scene);
    return { SceneId: scene.SceneId };
  },
  AppGetSceneList({ body, user, world }) {
    const family = memberFamily(body, user, world);
    const scenes = [...world.scenes.values()].filter((s) => s.FamilyId === family.FamilyId);
    return { SceneList: page(scenes, paging(body)).map((s) => sceneView(world, s)), Total: scenes.length };
  },
  AppModifyScene({ body, user, world }) {
    const scene = sceneOf(body, user, world);
    if (isRunning(world, 'SceneId', scene.SceneId)) throw inProgress();
    Object.assign(scene, sceneFields(body, { world, user, family: world.families.get(scene.FamilyId) }), { UpdateTime: world.now() });
    return {};
  },
  AppRunScene({ body, user, world }) {
    const scene = sceneOf(body, user, world);
    if (isRunning(world, 'SceneId', scene.SceneId)) throw inProgress();
    startRun(world, {
      FamilyId: scene.FamilyId, UserId: user.UserID, source: { SceneId: scene.SceneId, SceneName: scene.SceneName }, actions: scene.Actions, sceneIds: [scene.SceneId],
    });
    return {};
  },
  AppDeleteScene({ body, user, world }) {
    // No page: a run under way goes on to its end.
    world.scenes.delete(sceneOf(body, user, world).SceneId);
    return {};
  },
  AppGetSceneAndAutomationLogs({ body, user, world }) {
    const family = memberFamily(body, user, world);
    const Limit = Math.min(integer(body, 'Limit', { min: 1, fallback: 20 }), 50);
    const after = text(body, 'MsgId', { required: false, empty: true }) || '';
    const entries = world.runLog.filter((e) => e.FamilyId === family.FamilyId).reverse();
    const from = after ? entries.findIndex((e) => e.MsgId === after) + 1 : 0;
    if (after && from === 0) throw invalid('MsgId 非法');
    const rest = entries.slice(from);
    return { Data: { Listover: rest.length <= Limit, Msgs: rest.slice(0, Limit) } };
  },
};
