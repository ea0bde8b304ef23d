// A family's "smart" tab read item by item: its scenes (paged by Offset) and the log of what its
// scenes and automations ran (paged by the last entry's MsgId).
import type { AppGetSceneAndAutomationLogsResult, AppGetSceneListResult, TypedClientMethods } from './generated/actions.js';
import { cursorItems, type PageRequest, pageSizeOf, pages } from './iterators.js';

/** A scene of AppGetSceneList: `Flag` 1 when a device of it left the family, `Status` 1 while it runs. */
export type Scene = AppGetSceneListResult['SceneList'][number];
/** An entry of the run log: a scene's (SceneId, SceneName) or an automation's (AutomationId, AutomationName) run. */
export type SceneLogEntry = AppGetSceneAndAutomationLogsResult['Data']['Msgs'][number];

/** What the iterators over a family's scenes and run log take. */
export interface FamilyListOptions {
  FamilyId: string;
  pageSize?: number;
}

export function scenes(methods: Pick<TypedClientMethods, 'getSceneList'>, options: FamilyListOptions): AsyncGenerator<Scene, void, undefined> {
  const { FamilyId, pageSize } = options || ({} as Partial<FamilyListOptions>);
  return pages((page: PageRequest) => methods.getSceneList({ FamilyId: FamilyId as string, ...page }), 'SceneList', pageSize);
}

export async function* sceneLog(
  methods: Pick<TypedClientMethods, 'getSceneAndAutomationLogs'>,
  options: FamilyListOptions,
): AsyncGenerator<SceneLogEntry, void, undefined> {
  const { FamilyId, pageSize } = options || ({} as Partial<FamilyListOptions>);
  const Limit = pageSizeOf(pageSize, 20);
  const page = async (after: SceneLogEntry | null) =>
    (await methods.getSceneAndAutomationLogs({ FamilyId: FamilyId as string, Limit, MsgId: after ? String(after.MsgId) : '' })).Data.Msgs;
  yield* cursorItems(page, Limit, (entry) => String(entry.MsgId));
}
