// Provisioning's errors: the SDK's IotExplorerError (the bundles of this entry take the class
// from the main entry, so `instanceof` holds across both), with a code and a hint for what users
// trip on.
import { IotExplorerError } from '../errors.js';

export { IotExplorerError };

/** Why provisioning failed: these codes, beside the SDK's own. */
export type ProvisioningCode =
  | 'DeviceNoReply'
  | 'DeviceError'
  | 'UdpError'
  | 'BluetoothError'
  | 'DeviceNotFound'
  | 'DeviceRefused'
  | 'WifiNotConnected'
  | 'WifiError'
  | 'Aborted';

type Kind = 'Transport' | 'Timeout';

/** What a radio API said: WeChat's errMsg and errCode (as `errno`), the thrown value. */
export interface RadioEvidence {
  hint?: string;
  cause?: unknown;
  errMsg?: string;
  errno?: number | null;
}

export function provisioningError(kind: Kind, code: ProvisioningCode, message: string, evidence: RadioEvidence = {}): IotExplorerError {
  return new IotExplorerError(message, { kind, code, retryable: true, ...evidence });
}

export const invalidOption = (param: string, message: string): IotExplorerError =>
  new IotExplorerError(message, { kind: 'InvalidInput', code: 'InvalidParameter', param });

/** `work`, or its rejection as Aborted once `signal` aborts (the work itself goes on). */
export function abortable<T>(work: Promise<T>, signal: AbortSignalLikeOrNone, what: string): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(aborted(what));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(aborted(what));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

export const aborted = (what: string): IotExplorerError => provisioningError('Transport', 'Aborted', `${what} was cancelled`);

/** What provisioning uses of an AbortSignal (an AbortController's is one). */
export type AbortSignalLikeOrNone =
  | {
      readonly aborted: boolean;
      addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
      removeEventListener(type: 'abort', listener: () => void): void;
    }
  | null
  | undefined;
