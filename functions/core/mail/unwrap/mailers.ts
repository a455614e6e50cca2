/**
 * Which AliExpress mailer sent a message, as a table: only transaction mails carry order events.
 * Addresses come from MAIL-FACTS ("Senders").
 */
import { decodeAppleRelay } from './sender';

export type MailerKind = 'transaction' | 'seller-message' | 'ignored';

interface MailerRule {
  readonly address: RegExp;
  readonly kind: MailerKind;
  readonly reason: string;
}

const MAILERS: readonly MailerRule[] = [
  {
    address: /^transaction@notice\.aliexpress\.com$/,
    kind: 'transaction',
    reason: 'order and parcel notices',
  },
  {
    address: /^account@notice\.aliexpress\.com$/,
    kind: 'ignored',
    reason: 'an AliExpress login code, not an order event',
  },
  {
    address: /^aliexpress@notice\.aliexpress\.com$/,
    kind: 'ignored',
    reason: 'an AliExpress survey or coupon, not an order event',
  },
  {
    address: /@deals\.aliexpress\.com$/,
    kind: 'ignored',
    reason: 'AliExpress marketing, not an order event',
  },
  {
    address: /^message@info\.aliexpress\.com$/,
    kind: 'ignored',
    reason: 'AliExpress marketing, not an order event',
  },
  {
    address: /@newarrival\.aliexpress\.com$/,
    kind: 'ignored',
    reason: 'AliExpress marketing, not an order event',
  },
  // "The seller sent you a message" (and some marketing). A message to or from the seller does NOT pause
  // purchase protection, so it is no event; only dispute wording turns it into `seller_responded`.
  {
    address: /^notice@info\.aliexpress\.com$/,
    kind: 'seller-message',
    reason: 'a message from the seller (or marketing); a message does not pause buyer protection',
  },
];

/** The real sender behind an Apple relay address (lowercased), or the address itself. */
export function realSender(address: string): string {
  return decodeAppleRelay(address) ?? address.toLowerCase();
}

export interface Mailer {
  readonly kind: MailerKind;
  readonly reason: string;
}

/** Unknown or missing senders are read as transaction mail: the unwrapper already decided it is AliExpress. */
export function classifyMailer(address: string | null | undefined): Mailer {
  if (!address) return { kind: 'transaction', reason: 'sender unknown' };
  const real = realSender(address);
  const hit = MAILERS.find((m) => m.address.test(real));
  return hit ?? { kind: 'transaction', reason: 'unlisted AliExpress sender' };
}
