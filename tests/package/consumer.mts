// Uses every export of the package with the types a user writes; compiled by types.test.mjs with
// `tsc --noEmit --strict`. A type error here is a bug in index.d.ts.
import init, {
  buildAppApiRequest,
  buildTokenApiRequest,
  createClient,
  createServerClient,
  fetchTransport,
  IotExplorerError,
  localStorageStorage,
  memoryStorage,
  parseLoginResponse,
  parseActionResponse,
  parseResponse,
  signParams,
  wxRequestTransport,
  wxSocketOpener,
  wxStorage,
  type ApiErrorCode,
  type ApiResponse,
  type Client,
  type ErrorKind,
  type HttpRequest,
  type JsonValue,
  type PushEvent,
  type ServerClient,
  type Signed,
  type TokenGrant,
  type Transport,
} from 'iot-explorer-app';
import initInline, { createClient as createInlineClient } from 'iot-explorer-app/inline';

export async function everything(): Promise<string[]> {
  await init();
  await initInline();
  const inlineClient: Client = createInlineClient({ getAccessToken: async () => ({ Token: 't' }) });
  const signed: Signed = signParams({ Action: 'AppGetUser', Nonce: 1, Flag: true, Skip: undefined }, 'secret', { emptyValues: 'keep', values: 'node-sdk' });
  const req: HttpRequest = buildAppApiRequest({
    action: 'AppGetTokenByWeiXin',
    params: { WxOpenID: 'o', NickName: 'n', Avatar: 'a' },
    appKey: 'k',
    appSecret: 's',
    endpoint: 'oversea',
    signing: { emptyValues: 'omit' },
  });
  const tokenReq: HttpRequest = buildTokenApiRequest({ action: 'AppGetUser', accessToken: 't', endpoint: 'http://127.0.0.1:1/api' });
  const parsed: ApiResponse = parseResponse(200, '{"Response":{"RequestId":"r"}}');
  const grant: TokenGrant = parseLoginResponse(200, '{"Response":{"Data":{"Token":"t","ExpireAt":1},"RequestId":"r"}}');

  const transport: Transport = async (r) => ({ status: 200, body: r.body });
  const server: ServerClient = createServerClient({ appKey: 'k', appSecret: 's', transport, timeoutMs: 5000 });
  const login: TokenGrant = await server.getTokenByWeiXin({ WxOpenID: 'o', NickName: 'n', Avatar: 'a' }, { nonce: 5 });
  const client: Client = createClient({
    getAccessToken: async () => ({ Token: login.Token, ExpireAt: login.ExpireAt }),
    transport: fetchTransport(),
    storage: memoryStorage(),
    clock: () => Date.now(),
    refreshMarginMs: 60_000,
  });
  const restored: boolean = await client.ready();
  const off: () => void = client.onLoginStateChange((loggedIn: boolean) => void loggedIn);
  off();
  const res: ApiResponse = await client.call('AppGetFamilyList', { Offset: 0, Limit: 10 });
  const total: number | undefined = typeof res.Total === 'number' ? res.Total : undefined;
  const user: string = (await client.getUser()).Data.UserID;
  const fams: number = (await client.getFamilyList({ Offset: 0, Limit: 50 })).Total;
  for await (const family of client.families({ pageSize: 10 })) {
    for await (const device of client.familyDevices({ FamilyId: family.FamilyId })) {
      const data = await client.getDeviceData({ ProductId: device.ProductId, DeviceName: device.DeviceName });
      const power: JsonValue = data.DataParsed.power_switch.Value;
      await client.controlDevice({ ProductId: device.ProductId, DeviceName: device.DeviceName, Data: { power_switch: power === 1 ? 0 : 1 } });
    }
  }
  const online: number[] = (await client.getDeviceStatuses({ DeviceIds: ['p/d'] })).DeviceStatuses.map((d) => d.Online);
  const stop: () => void = await client.subscribe(['p/d'], (event: PushEvent) => {
    if (event.type === 'PropertyReport') void event.params;
    else if (event.type === 'StatusChange') void event.online;
    else if (event.type === 'Unknown') void event.raw;
  });
  stop();
  createClient({ getAccessToken: () => ({ Token: 't' }), pushUrl: 'wss://x/ws', push: { heartbeatMs: 1000 }, socket: wxSocketOpener(), onPushError: (e) => void e.code });
  await client.createFamily({ Name: 'n' });
  await client.updateUser({ NickName: 'x' });
  await client.logout();
  const phoneGrant: TokenGrant = await server.getToken({ Type: 'phone', CountryCode: '86', PhoneNumber: '1', Password: 'p' });
  await server.sendVerificationCode({ Type: 'register', CountryCode: '86', PhoneNumber: '1' });
  const created: string = (await server.createEmailUser({ Email: 'e', Password: 'p', VerificationCode: '1' })).Data.UserID;
  const checked: ApiResponse = parseActionResponse('AppGetUser', 200, '{}');
  const noRetry: ServerClient = createServerClient({ appKey: 'k', appSecret: 's', retry: false });

  const wxTransport: Transport = wxRequestTransport({ maxInFlight: 5 });
  const storages = [memoryStorage(), localStorageStorage(), wxStorage()];

  try {
    parseResponse(502, '<html>');
  } catch (e) {
    if (e instanceof IotExplorerError) {
      const kind: ErrorKind = e.kind;
      const code: string | null = e.code;
      const retry: boolean = e.retryable && !e.isAuthError;
      const status: number | null = e.status;
      return [kind, String(code), String(retry), String(status), signed.signature, req.url, tokenReq.body,
        String(parsed.RequestId), grant.Token, String(total), String(client.loggedIn && restored), typeof wxTransport, String(storages.length),
        user, String(fams), String(online), phoneGrant.Token, created, String(checked.RequestId), typeof noRetry];
    }
  }
  return [];
}

// @ts-expect-error: the params of a request are JSON values only
buildTokenApiRequest({ action: 'A', accessToken: 't', params: { When: new Date() } });
// @ts-expect-error: emptyValues takes "omit" or "keep"
signParams({}, 's', { emptyValues: 'drop' });
// @ts-expect-error: AppGetToken by email needs Email
void createServerClient({ appKey: 'k', appSecret: 's' }).getToken({ Type: 'email', Password: 'p' });
// @ts-expect-error: DeviceIds is a list
void createClient({ getAccessToken: () => ({ Token: 't' }) }).getDeviceStatuses({ DeviceIds: 'p/d' });

// What a strict TypeScript app writes without casts (issue 16, item 8).
interface LightState {
  power_switch: number;
  color: { r: number; g: number; b: number };
  note?: string;
}
interface FamilyPage {
  Offset: number;
  Limit: number;
}
export async function withoutCasts(client: Client, server: ServerClient, state: LightState, page: FamilyPage): Promise<string[]> {
  const ids = ['LIGHT0PROD/a', 'LIGHT0PROD/b'] as const;
  const off: () => void = await client.subscribe(ids, () => {});
  off();
  const statuses = await client.getDeviceStatuses({ DeviceIds: ids });
  await client.controlDevice({ ProductId: 'P', DeviceName: 'D', Data: state });
  await client.controlDevice({ ProductId: 'P', DeviceName: 'D', Data: '{"power_switch":1}' });
  const families: ApiResponse = await client.call('AppGetFamilyList', page);
  await server.call('AppGetUser', page);
  const fromEnv: ServerClient = createServerClient({
    appKey: process.env.IOT_EXPLORER_APP_KEY,
    appSecret: process.env.IOT_EXPLORER_APP_SECRET,
    endpoint: process.env.IOT_EXPLORER_ENDPOINT,
  });
  const appClient: Client = createClient({ getAccessToken: () => ({ Token: 't' }), endpoint: process.env.IOT_EXPLORER_ENDPOINT });
  const out: string[] = [String(statuses.DeviceStatuses.length), String(families.RequestId), typeof fromEnv, typeof appClient];
  try {
    await client.getUser();
  } catch (e) {
    if (e instanceof IotExplorerError) {
      // `kind` narrows the other fields.
      if (e.kind === 'Api') {
        const code: string = e.code;
        if (e.code === 'InvalidParameterValue.InvalidAccessToken') out.push('log in again');
        out.push(code);
      } else if (e.kind === 'Http') {
        const status: number = e.status;
        const excerpt: string = e.excerpt;
        out.push(String(status), excerpt);
      } else if (e.kind === 'InvalidInput') {
        if (e.code === 'NotInitialized' || e.code === 'MissingParameter') out.push(String(e.param));
      } else if (e.kind === 'Transport' && e.code === 'LoggedOut') {
        out.push('logged out');
      }
    }
  }
  return out;
}

// The known codes are a union (editors complete them), and any other string is still allowed.
const knownCode: ApiErrorCode = 'InvalidParameterValue.InvalidAccessToken';
const otherCode: ApiErrorCode = 'FailedOperation.SomethingNew';
void [knownCode, otherCode];
// @ts-expect-error: Data must be JSON values, interface or not
void createClient({ getAccessToken: () => ({ Token: 't' }) }).controlDevice({ ProductId: 'P', DeviceName: 'D', Data: { when: new Date() } });
// @ts-expect-error: an interface with a member JSON cannot carry is refused too
void createClient({ getAccessToken: () => ({ Token: 't' }) }).call('AppGetUser', {} as { at: Date });
// @ts-expect-error: the firmware check needs its device
void createClient({ getAccessToken: () => ({ Token: 't' }) }).checkFirmwareUpdate();
// @ts-expect-error: a member is named by MemberId or MemberID
void createClient({ getAccessToken: () => ({ Token: 't' }) }).deleteFamilyMember({ FamilyId: 'f' });
void createClient({ getAccessToken: () => ({ Token: 't' }) }).deleteFamilyMember({ FamilyId: 'f', MemberID: 'u' });
