// The clock a signed request's Timestamp is read from, kept near the service's: learned from
// answers' `Date` header, or from a refusal that states the server's time.
import { IotExplorerError } from './errors.js';
import type { Answer } from './transport.js';

// A `Date` header has whole seconds, and the answer took some time to come: a clock within
// this of the server's is left alone, one further off is corrected.
const CLOCK_TOLERANCE_MS = 30 * 1000;
// How far a signed request's Timestamp may be from the service's clock: 5 minutes, as Tencent
// Cloud's signed APIs document it (the App API docs give no number). A refusal of a request
// further off than this is the clock's doing and is signed again; one closer than this was
// refused for something else, and is not sent twice.
const TIMESTAMP_WINDOW_MS = 300 * 1000;

/**
 * The server's time (UNIX seconds) from a refusal naming the Timestamp that states it, else null: the
 * first 10-digit number in the message that is not the Timestamp we sent (it may quote both).
 * Neither the code nor the time in the message is documented: only a fallback for answers that
 * carry no readable `Date` header.
 */
function serverTimeOf(e: IotExplorerError, sent: number): number | null {
  if (e.kind !== 'Api' || !/Timestamp/.test(`${e.code} ${e.message}`)) return null;
  const times = (e.message.match(/\b\d{10}\b/g) || []).map(Number).filter((t) => t !== sent);
  return times.length ? (times[0] as number) : null;
}

export interface ServerClock {
  /** The Timestamp to sign now (UNIX seconds). */
  timestamp(): number;
  /** Learns the offset from an answer's `Date` (its second's middle), when it is off. */
  learn(answer: Answer): void;
  /**
   * Whether `refusal`, of a request signed at `timestamp` and answered by `answer`, was the
   * clock's doing (the Timestamp outside the service's window): the clock is then corrected,
   * and the call may be signed again.
   */
  refusedForTime(refusal: unknown, timestamp: number, answer: Answer): boolean;
  readonly offsetMs: number;
}

export function serverClock(clock: () => number, offsetMs: number): ServerClock {
  let offset = offsetMs;
  return {
    timestamp: () => Math.floor((clock() + offset) / 1000),
    learn(answer) {
      if (answer.date === null) return;
      const learned = answer.date + 500 - clock();
      if (Math.abs(learned - offset) > CLOCK_TOLERANCE_MS) offset = learned;
    },
    refusedForTime(refusal, timestamp, answer) {
      if (!(refusal instanceof IotExplorerError) || refusal.kind !== 'Api') return false;
      if (answer.date !== null) return Math.abs(timestamp * 1000 - answer.date) > TIMESTAMP_WINDOW_MS;
      const serverSeconds = serverTimeOf(refusal, timestamp);
      if (serverSeconds === null) return false;
      offset = serverSeconds * 1000 - clock();
      return true;
    },
    get offsetMs() {
      return offset;
    },
  };
}
