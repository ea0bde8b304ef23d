// Every type of the public API, for the entry points to export (the package's declarations are
// emitted from them): each is declared once, in the module that implements it.
export type { AddDeviceOptions, AddedDevice } from './add-device.js';
export type { Client, ClientOptions } from './app-client.js';
export type { DataTemplate, SceneTemplateOptions, TemplateOptions, TemplateType, TemplateValue } from './data-template.js';
export type {
  ApiError,
  ApiErrorCode,
  ErrorKind,
  FailedStep,
  HttpError,
  InvalidInputCode,
  InvalidInputError,
  IotExplorerErrorFields,
  ParseError,
  TimeoutError,
  TransportError,
} from './errors.js';
export type { FirmwareProgress, UpgradeFirmwareOptions } from './firmware.js';
export type * from './generated/actions.js';
export type { MiniProgramInitOptions, WasmResponseLike, WasmSource } from './init-options.js';
export type { Accepted, Message, MessageListOptions } from './message-center.js';
export type { PushOptions, PushState, SocketHandlers, SocketOpener, WxSocketTask } from './push.js';
export type { PushEvent } from './push-events.js';
export type { RetryOptions } from './retry.js';
export type { ServerClient, ServerClientOptions } from './server-client.js';
export type { AccessTokenGrant } from './session.js';
export type { FamilyListOptions, Scene, SceneLogEntry } from './smart.js';
export type { SessionStorage } from './storage.js';
export type { Transport, TransportRequest, TransportResponse } from './transport.js';
export type { FetchLike } from './transports/fetch.js';
export type { WxLike, WxRequestOptions } from './transports/wx-request.js';
export type * from './types.js';
