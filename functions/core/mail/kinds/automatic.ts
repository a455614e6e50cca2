/**
 * Is a mail itself automatic (an auto-reply, a bounce, list or bulk mail)? Such a mail is never a command:
 * answering it could start two robots replying to each other forever (RFC 3834 §2), and a vacation reply
 * to one of our alerts ("Re: protection ends in 3 days") would otherwise read as the command `protection`.
 * Each rule is one header and what gives it away; the first that matches names the reason.
 */
import type { ParsedLayer } from '../unwrap/mime';

interface AutomaticRule {
  readonly header: string;
  readonly matches: (value: string) => boolean;
  readonly reason: string;
}

const AUTOMATIC_RULES: readonly AutomaticRule[] = [
  // RFC 3834: any value but "no" marks a mail sent by a machine.
  { header: 'auto-submitted', matches: (v) => !/^\s*no\b/i.test(v), reason: 'an automatic reply' },
  {
    header: 'precedence',
    matches: (v) => /\b(bulk|junk|list|auto_reply)\b/i.test(v),
    reason: 'bulk or list mail',
  },
  { header: 'list-id', matches: () => true, reason: 'mailing-list mail' },
  // Microsoft Exchange and various responders mark out-of-office replies so.
  {
    header: 'x-auto-response-suppress',
    matches: (v) => /\b(all|oof|autoreply)\b/i.test(v),
    reason: 'an automatic reply',
  },
  { header: 'x-autoreply', matches: () => true, reason: 'an automatic reply' },
  { header: 'x-autorespond', matches: () => true, reason: 'an automatic reply' },
  // Bounces (delivery status notifications) have an empty envelope sender.
  { header: 'return-path', matches: (v) => /^\s*<\s*>\s*$/.test(v), reason: 'a bounce' },
];

const BOUNCE_SENDER = /^(mailer-daemon|postmaster)@/i;

/** Why the mail is automatic, or null when a person sent it. */
export function automaticReason(layer: ParsedLayer): string | null {
  for (const rule of AUTOMATIC_RULES) {
    const value = layer.header(rule.header);
    if (value !== null && rule.matches(value)) return rule.reason;
  }
  if (layer.from && BOUNCE_SENDER.test(layer.from.address)) return 'a bounce';
  return null;
}
