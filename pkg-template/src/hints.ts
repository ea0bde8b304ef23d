// The likely cause of a credential mistake, beside the server's own words (code and message
// kept): the service answers a wrong AppSecret or AppKey with the generic InvalidParameterValue
// (no page names a code for them), and a client on another endpoint than its backend with the
// token error that a new login does not cure.
import { type IotExplorerError, withFields } from './errors.js';

const WRONG_SECRET =
  "the service could not verify the signature: the AppSecret is likely not this AppKey's (or it has a character too many, such as a pasted newline)";
const WRONG_KEY = "the service does not know this AppKey: check it, and that the endpoint is its region's";
const OTHER_ENDPOINT =
  'the service refuses even a fresh token from getAccessToken: the backend that logs users in and this client likely use different endpoints (or apps)';

/** A signed call's error with a hint when its message points at the AppSecret or the AppKey. */
export function signedCallHint(e: unknown): unknown {
  if (!isGenericRefusal(e)) return e;
  const hint = /签名|signature/i.test(e.message) ? WRONG_SECRET : /AppKey/i.test(e.message) ? WRONG_KEY : null;
  return hint ? withFields(e, e.message, { hint }) : e;
}

/** A token call refused again after a new login: the client and its backend disagree. */
export const refusedTokenHint = (e: IotExplorerError): IotExplorerError => withFields(e, e.message, { hint: OTHER_ENDPOINT });

function isGenericRefusal(e: unknown): e is IotExplorerError {
  const error = e as IotExplorerError | null;
  return Boolean(error && error.name === 'IotExplorerError' && error.kind === 'Api' && error.code === 'InvalidParameterValue');
}
