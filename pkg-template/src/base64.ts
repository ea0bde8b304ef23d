/** `Uint8Array.fromBase64`, where the runtime has it (not yet in every one ES2022 describes). */
type FromBase64 = { fromBase64?: (text: string) => Uint8Array };

/** The bytes of a Base64 text (Uint8Array.fromBase64 where the runtime has it, else atob). */
export function base64Bytes(text: string): Uint8Array {
  const fromBase64 = (Uint8Array as FromBase64).fromBase64;
  if (typeof fromBase64 === 'function') return fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
