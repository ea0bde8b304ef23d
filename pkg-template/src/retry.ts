// Retries for retryable failures: bounded exponential backoff with jitter, and only for actions
// that are safe to repeat (the core's definition of each says so) unless the caller opts in.
import { IotExplorerError } from './errors.js';

export interface RetryOptions {
  /** Retries after the first attempt; default 2. */
  retries?: number;
  /** Backoff doubles from this (with jitter); default 200. */
  baseDelayMs?: number;
  /** Default 3000. */
  maxDelayMs?: number;
  /** Also retry actions that change state (control, create, update, …); default false. */
  retryNonIdempotent?: boolean;
}

export type RetryPolicy = Required<RetryOptions>;

export const DEFAULT_RETRY: RetryPolicy = { retries: 2, baseDelayMs: 200, maxDelayMs: 3000, retryNonIdempotent: false };

export function retryPolicy(option: RetryOptions | false | undefined): RetryPolicy {
  if (option === false) return { ...DEFAULT_RETRY, retries: 0 };
  const policy: RetryPolicy = { ...DEFAULT_RETRY };
  // A member left undefined keeps its default (a spread would put undefined, so NaN delays).
  for (const key of Object.keys(DEFAULT_RETRY) as (keyof RetryPolicy)[]) {
    if (option && option[key] !== undefined) (policy as Record<keyof RetryPolicy, unknown>)[key] = option[key];
  }
  return policy;
}

/** Delay before retry number `attempt` (0-based): half fixed, half random ("equal jitter"). */
export function backoffMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return ceiling / 2 + (random() * ceiling) / 2;
}

/**
 * Runs `attempt(n)` until it succeeds, fails for good, or the retries run out; `idempotent`:
 * whether the action is safe to send again (asked only when a retry is possible).
 */
export async function withRetry<T>(idempotent: () => boolean, policy: RetryPolicy, attempt: (n: number) => Promise<T>): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await attempt(n);
    } catch (e) {
      const again = e instanceof IotExplorerError && e.retryable && n < policy.retries && (policy.retryNonIdempotent || idempotent());
      if (!again) throw e;
      await new Promise((resolve) => setTimeout(resolve, backoffMs(n, policy)));
    }
  }
}
