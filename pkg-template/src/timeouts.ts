// Timeouts as setTimeout can hold them: a delay past 2^31 - 1 ms (or Infinity) would fire at
// once, so anything but a positive finite number below that means no timer at all.

/** The longest delay setTimeout holds. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** The delay for setTimeout, or 0 for none. */
export const timerDelay = (ms: unknown): number => (typeof ms === 'number' && ms > 0 && ms < 2 ** 31 ? ms : 0);

/**
 * The delay of a backstop behind a timer of `ms` (for work that may never call back): a second
 * later, so the timer it backs reports first, with its own evidence; 0 for none.
 */
export function backstopDelay(ms: unknown): number {
  const delay = timerDelay(ms);
  return delay && (timerDelay(delay + 1000) || delay);
}

/** Marks a transport that enforces `timeoutMs` itself, so the client need not. */
export const HOLDS_TIMEOUT: unique symbol = Symbol('holdsTimeout');

/**
 * `promise`, or after `ms` (as timerDelay reads it; none for 0) the error `timedOut()` makes;
 * then `cancel()`, if given, stops the work (after the rejection, so whatever the cancelling
 * makes the work report cannot win, and a cancel that throws changes nothing). The timer is
 * cleared either way; a late settling of `promise` is handled, never an unhandled rejection.
 */
export async function withTimeout<T>(promise: Promise<T>, ms: unknown, timedOut: () => unknown, cancel?: () => unknown): Promise<T> {
  const delay = timerDelay(ms);
  if (delay === 0) return promise;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(timedOut());
      try {
        if (cancel) cancel();
      } catch {
        // the call has already failed as a timeout
      }
    }, delay);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer!); // set by now: the executor above ran at once
  }
}
