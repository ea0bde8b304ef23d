// Retries for retryable failures: bounded exponential backoff with jitter, and only for actions
// that are safe to repeat unless the caller opts in.
import { IotExplorerError } from './errors.js';

export const DEFAULT_RETRY = { retries: 2, baseDelayMs: 200, maxDelayMs: 3000, retryNonIdempotent: false };

/** Reads change nothing on the server, so repeating one is harmless. Logins only issue a token. */
export const isIdempotent = (action) => /^(AppGet|AppDescribe|AppList|AppFind|IotVideoDescribe)/.test(action);

export function retryPolicy(option) {
  if (option === false) return { ...DEFAULT_RETRY, retries: 0 };
  const policy = { ...DEFAULT_RETRY };
  // A member left undefined keeps its default (a spread would put undefined, so NaN delays).
  for (const key of Object.keys(DEFAULT_RETRY)) if (option && option[key] !== undefined) policy[key] = option[key];
  return policy;
}

/** Delay before retry number `attempt` (0-based): half fixed, half random ("equal jitter"). */
export function backoffMs(attempt, policy, random = Math.random) {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return ceiling / 2 + (random() * ceiling) / 2;
}

/** Runs `attempt(n)` until it succeeds, fails for good, or the retries run out. */
export async function withRetry(action, policy, attempt) {
  for (let n = 0; ; n++) {
    try {
      return await attempt(n);
    } catch (e) {
      const again = e instanceof IotExplorerError && e.retryable && n < policy.retries
        && (isIdempotent(action) || policy.retryNonIdempotent);
      if (!again) throw e;
      await new Promise((resolve) => setTimeout(resolve, backoffMs(n, policy)));
    }
  }
}
