// FamilyId 'default' means the user's first family (one is created if there is none), as the
// official mini-program SDK resolves it; found once per login.
import type { Session } from './session.js';
import type { ApiResponse, Params } from './types.js';

type Send = (action: string, params: Params | undefined, prepare: boolean) => Promise<ApiResponse>;

export interface DefaultFamily {
  /** `send` with FamilyId 'default' resolved. */
  call: Send;
  /** The user's first family, created if there is none. */
  id(): Promise<string>;
}

export function defaultFamily(session: Session, send: Send): DefaultFamily {
  let found: { generation: number; id: Promise<string> } | null = null;

  function id(): Promise<string> {
    const generation = session.generation;
    if (!found || found.generation !== generation) {
      const lookup = (async () => {
        const { FamilyList } = (await send('AppGetFamilyList', { Offset: 0, Limit: 1 }, false)) as { FamilyList: { FamilyId: string }[] };
        if (FamilyList.length) return (FamilyList[0] as { FamilyId: string }).FamilyId;
        const created = (await send('AppCreateFamily', { Name: '我的家' }, false)) as { Data: { FamilyId: string } };
        return created.Data.FamilyId;
      })();
      found = { generation, id: lookup };
      lookup.catch(() => found && found.id === lookup && (found = null));
    }
    return found.id;
  }

  async function call(action: string, params: Params | undefined, prepare: boolean): Promise<ApiResponse> {
    const usesDefault = Boolean(params) && (params as Params).FamilyId === 'default';
    const sent = usesDefault ? { ...params, FamilyId: await id() } : params;
    try {
      const result = await send(action, sent, prepare);
      // The first family may now be another one: found again when next asked for.
      if (action === 'AppDeleteFamily' || action === 'AppExitFamily') found = null;
      return result;
    } catch (e) {
      if (usesDefault) found = null; // perhaps it is gone (deleted elsewhere)
      throw e;
    }
  }

  return { call, id };
}
