// The steps of a helper that makes several calls (adding a device, upgrading firmware): a
// failure names the step it happened in, an AbortSignal cancels at once whatever the step is
// waiting for (a provisioning plugin that ignores the signal included), waits are timers that
// cannot overflow, and the options are checked numbers of milliseconds.

import type { FailedStep } from './errors.js';
import { IotExplorerError, invalidInput, toIotExplorerError, withFields } from './errors.js';
import { MAX_TIMER_MS } from './timeouts.js';
import type { AbortSignalLike } from './types.js';

// setTimeout fires at once past this.

/** `e` (anything thrown) as an IotExplorerError that names the step it failed in. */
export function failedIn(step: FailedStep, e: unknown): IotExplorerError {
  const error = toIotExplorerError(e, 'Transport');
  if (error.step === undefined || error.step === null) return withFields(error, error.message, { step });
  return error;
}

/** `what` names the helper in messages ("adding the device"). */
export function stepRunner(signal: AbortSignalLike | undefined, what: string) {
  const cancelled = (step: FailedStep) => {
    const reason: unknown = signal && signal.reason && (signal.reason as { message?: unknown }).message;
    return new IotExplorerError(`${what} was cancelled${reason ? `: ${reason}` : ''}`, { kind: 'Transport', code: 'Aborted', step });
  };
  /** Runs `work()` as step `name`; rejects at once on abort. `cleanup` runs when it settles. */
  const run = <T>(name: FailedStep, work: () => T | PromiseLike<T>, cleanup: () => void = () => {}): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (signal && signal.aborted) return reject(cancelled(name));
      const onAbort = () => reject(cancelled(name));
      if (signal) signal.addEventListener('abort', onAbort, { once: true });
      const done = () => {
        if (signal) signal.removeEventListener('abort', onAbort);
        cleanup();
      };
      Promise.resolve()
        .then(work)
        .then(
          (value) => {
            done();
            resolve(value);
          },
          (e: unknown) => {
            done();
            reject(failedIn(name, e));
          },
        );
    });
  /** Waits `ms` as part of step `name`; cancelled like any step. */
  const sleep = (name: FailedStep, ms: number): Promise<void> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    return run(
      name,
      () => new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.min(ms, MAX_TIMER_MS)))),
      () => clearTimeout(timer),
    );
  };
  return { run, sleep };
}

/** The options named in `defaults` that are given: each a non-negative number of ms. */
export function durations<K extends string>(
  options: { readonly [key in NoInfer<K>]?: unknown } | null | undefined,
  defaults: { readonly [key in K]: number },
): { [key in K]: number } {
  const out: { [key in K]: number } = { ...defaults };
  for (const key of Object.keys(defaults) as K[]) {
    const v = options && options[key];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'number' || !(v >= 0)) throw invalidInput(key, `${key} must be a non-negative number of milliseconds`);
    out[key] = v;
  }
  return out;
}
