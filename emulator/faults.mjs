// Fault injection: what a test asks the next answers to be instead of the service's (a delay, a
// dropped connection, a gateway's HTML page, a cut body, envelopes the service was never seen
// sending, any API error).

/**
 * A queue of faults, each `{ type, api?, action?, ms?, code?, message?, times? }` (type: delay,
 * drop, html502, truncate, empty, slowBody, codeWithoutError, errorWithCodeZero, apiError), taken
 * by the first request it matches.
 */
export function faultQueue() {
  const faults = [];
  return {
    add: (fault) => faults.push({ ...fault }),
    clear: () => faults.splice(0),
    /** The fault for this request, if one matches (used up after `times`, default 1). */
    take(api, action) {
      const i = faults.findIndex((f) => (!f.api || f.api === api) && (!f.action || f.action === action));
      if (i < 0) return null;
      const fault = faults[i];
      fault.times = (fault.times ?? 1) - 1;
      if (fault.times <= 0) faults.splice(i, 1);
      return fault;
    },
  };
}

const json = (res, status, value) => res.writeHead(status, { 'content-type': 'application/json' }).end(value === undefined ? undefined : JSON.stringify(value));

/**
 * Answers the request in place of the service when `fault` says so, before any handler runs;
 * true when it did. A delay is waited, then the request goes on.
 */
export async function answerBefore(fault, req, res, requestId) {
  if (!fault) return false;
  switch (fault.type) {
    case 'drop':
      req.socket.destroy();
      return true;
    case 'delay':
      await new Promise((resolve) => setTimeout(resolve, fault.ms ?? 1000));
      return false;
    case 'html502':
      res.writeHead(502, { 'content-type': 'text/html' }).end('<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>');
      return true;
    case 'empty':
      json(res, 200);
      return true;
    // Envelopes the service was never seen sending, which the official clients still handle.
    case 'codeWithoutError':
      json(res, 200, { code: fault.code ?? 1001, msg: fault.message ?? 'failed', data: { RequestId: requestId } });
      return true;
    case 'errorWithCodeZero':
      json(res, 200, { code: 0, msg: '', data: { Error: { Code: fault.code ?? 'InternalError', Message: fault.message ?? '内部错误' }, RequestId: requestId } });
      return true;
    default:
      return false;
  }
}

/** Sends the answer's JSON text, cut or slowed when `fault` says so. */
export function sendAnswer(fault, res, text) {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
  if (fault && fault.type === 'truncate') return res.end(text.slice(0, Math.floor(text.length / 2)));
  if (fault && fault.type === 'slowBody') {
    res.write(text.slice(0, 10));
    return setTimeout(() => res.end(text.slice(10)), fault.ms ?? 1000);
  }
  res.end(text);
}
