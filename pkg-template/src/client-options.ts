// The options both clients take, checked when a client is made.
import { IotExplorerError, invalidInput } from './errors.js';

export const DEFAULT_TIMEOUT_MS = 10000;

/** How long a client's call waits for init() to be called before failing (NotInitialized). */
export const DEFAULT_INIT_TIMEOUT_MS = 10000;

/** `timeoutMs` as the clients take it: a number of ms, 0 or Infinity for none; else a typed error. */
export function timeoutOf(options: { timeoutMs?: unknown }): number {
  const { timeoutMs = DEFAULT_TIMEOUT_MS } = options;
  if (typeof timeoutMs === 'number' && timeoutMs >= 0) return timeoutMs;
  throw invalidInput('timeoutMs', `timeoutMs must be a number of milliseconds (0 or Infinity: none), not ${String(timeoutMs)}`);
}

/** requiredText, refusing a value with spaces or line breaks around it (a pasted newline). */
export function credentialText(options: { [name: string]: unknown }, name: string, factory: string): string {
  const value = requiredText(options, name, factory);
  if (value.trim() !== value) {
    throw invalidInput(name, `${name} has a space or a line break at its start or end (pasted with a newline?)`);
  }
  return value;
}

/** A string option a client cannot work without: checked when the client is made. */
function requiredText(options: { [name: string]: unknown }, name: string, factory: string): string {
  const value = options[name];
  if (typeof value === 'string' && value !== '') return value;
  const missing = value === undefined || value === null || value === '';
  throw new IotExplorerError(
    missing ? `${factory} needs ${name} (is the environment variable that should hold it set?)` : `${name} must be a string, not ${typeof value}`,
    { kind: 'InvalidInput', code: missing ? 'MissingParameter' : 'InvalidParameter', param: name },
  );
}
