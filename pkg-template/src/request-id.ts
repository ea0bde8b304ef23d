// RequestIds: a UUID v4 per call, the same for all its retries.

/** Request ids only need to be unique: crypto.randomUUID where the runtime has it (not in mini-programs). */
export function newRequestId(): string {
  const c: Partial<Crypto> | null = typeof crypto === 'object' && crypto ? crypto : null;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(Math.random() * 4)]}${hex(3)}-${hex(12)}`;
}
