// Loaded with --import before a README example runs: sends what the example addresses to the
// official host to the emulator instead, and resolves relative URLs (a page's `/api/login`)
// against the test backend. The example's code runs unchanged.
const official = 'https://iot.cloud.tencent.com/api/exploreropen';
const realFetch = globalThis.fetch;
globalThis.fetch = (url, init) => {
  let target = String(url);
  if (target.startsWith(official)) target = process.env.README_EMULATOR + target.slice(official.length);
  else if (target.startsWith('/')) target = process.env.README_BACKEND + target;
  return realFetch(target, init);
};
