/**
 * The `delete` round-trip. `delete` erases everything held for a user, so it takes two mails: `delete`
 * gets a reply carrying a token, and only `delete <token>` erases. The token proves intent (the user read
 * our reply), not identity: identity is the verified sender address (SPF/DKIM) the shell already checked.
 *
 * Pure: the shell draws a random `nonce` (crypto in the shell, not here), stores it with the request time
 * on the user's profile, and mails `deleteToken(user, nonce)`. A later `delete <token>` is checked against
 * the stored nonce. The token is a short, typeable digest of (user, nonce); no secret is needed because
 * the nonce itself is never sent anywhere but to the user.
 */

/** Crockford base32: no I, L, O, U, so a token read aloud or retyped survives. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const DELETE_TOKEN_LENGTH = 8;
/** A confirmation is good for a day: long enough to read the mail, short enough that an old one is dead. */
export const DELETE_TOKEN_VALID_MS = 24 * 3_600_000;

function fnv1a(text: string, seed: number): number {
  let hash = seed >>> 0;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** The token to mail for a delete request: 8 Crockford base32 characters (40 bits). */
export function deleteToken(user: string, nonce: string): string {
  const input = `${user.trim().toLowerCase()}\n${nonce}`;
  // Two 32-bit FNV-1a runs with different offsets give 64 bits; 40 of them make the token.
  const high = fnv1a(input, 0x811c9dc5);
  const low = fnv1a(input, 0x050c5d1f);
  let bits = (BigInt(high) << 32n) | BigInt(low);
  let token = '';
  for (let i = 0; i < DELETE_TOKEN_LENGTH; i += 1) {
    token = (ALPHABET[Number(bits & 31n)] ?? '0') + token;
    bits >>= 5n;
  }
  return token;
}

/**
 * A typed token in canonical form: case and separators ignored, and the letters Crockford maps to digits
 * (O→0, I/L→1) read as digits. Null when it cannot be a token.
 */
export function normaliseDeleteToken(text: string): string | null {
  const token = text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (token.length !== DELETE_TOKEN_LENGTH) return null;
  return [...token].every((c) => ALPHABET.includes(c)) ? token : null;
}

export interface PendingDelete {
  /** The nonce the shell stored with the request. */
  readonly nonce: string;
  /** When the request was made (ISO instant). */
  readonly requestedAt: string;
}

export type DeleteCheck = 'confirmed' | 'no-request' | 'expired' | 'mismatch';

/** Whether `delete <token>` confirms the user's pending request at `now`. */
export function checkDeleteToken(
  token: string,
  user: string,
  pending: PendingDelete | null,
  now: string,
  validForMs: number = DELETE_TOKEN_VALID_MS,
): DeleteCheck {
  if (pending === null) return 'no-request';
  const age = Date.parse(now) - Date.parse(pending.requestedAt);
  if (!(age >= 0 && age <= validForMs)) return 'expired';
  return normaliseDeleteToken(token) === deleteToken(user, pending.nonce) ? 'confirmed' : 'mismatch';
}
