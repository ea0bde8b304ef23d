// Timeouts as setTimeout can hold them: a delay past 2^31 - 1 ms (or Infinity) would fire at
// once, so anything but a positive finite number below that means no timer at all.

/** The delay for setTimeout, or 0 for none. */
export const timerDelay = (ms) => (typeof ms === 'number' && ms > 0 && ms < 2 ** 31 ? ms : 0);

/** Marks a transport that enforces `timeoutMs` itself, so the client need not. */
export const HOLDS_TIMEOUT = Symbol('holdsTimeout');
