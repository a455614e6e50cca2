/**
 * `readMail`: raw bytes in, a `MailReading` out, for every mail that reaches orderwatch. It never throws
 * and never hangs: unreadable, oversized or too deeply nested input becomes `unrecognized` with a reason
 * a user understands.
 *
 * Trust: this pure core only checks that the sender *address* is AliExpress (`sender.ts`). Whether the
 * mail really comes from there (DKIM/SPF/DMARC) is decided by the ingest pipeline from SES's verdicts.
 */

import { MailLimitError, UnreadableMailError } from './errors';
import { type ExtractContext, extractAliExpress } from './extract/extract';
import { automaticReason } from './kinds/automatic';
import { findCommand } from './kinds/command';
import { readGmailConfirmation } from './kinds/gmail-confirmation';
import { DEFAULT_LIMITS, type MailLimits } from './limits';
import type { Extraction, MailReading, OriginalMessage } from './types';
import { type ParsedLayer, parseLayer } from './unwrap/mime';
import { isAliExpressSender, isGmailForwardingSender } from './unwrap/sender';
import { layerMessage, type Unwrapped, unwrap } from './unwrap/unwrap';

export interface ReadMailOptions {
  /** Override limits (tests use small ones); unspecified limits keep their defaults. */
  readonly limits?: Partial<MailLimits>;
  /** The extraction step; `extractAliExpress` unless swapped (the benchmark times the unwrap half alone). */
  readonly extract?: (msg: OriginalMessage, context: ExtractContext) => Extraction;
}

function reading(
  kind: MailReading['kind'],
  user: string | null,
  fields: Partial<MailReading> = {},
): MailReading {
  // Field by field, not `...fields` into defaults (a copy at run time, once per mail); same key order.
  return {
    kind,
    user,
    language: fields.language ?? null,
    events: fields.events ?? [],
    orderIds: fields.orderIds ?? [],
    forwardingConfirmation: fields.forwardingConfirmation ?? null,
    command: fields.command ?? null,
    reason: fields.reason ?? null,
  };
}

export async function readMail(raw: Uint8Array, options: ReadMailOptions = {}): Promise<MailReading> {
  const limits: MailLimits = { ...DEFAULT_LIMITS, ...options.limits };
  let outer: ParsedLayer;
  try {
    outer = await parseLayer(raw, limits);
  } catch (error) {
    return reading('unrecognized', null, { reason: reasonOf(error) });
  }
  try {
    // Synchronous for most mails (see `unwrap`): awaited only when it is a promise.
    const result = kindOf(outer, limits, options.extract ?? extractAliExpress);
    return result instanceof Promise ? await result : result;
  } catch (error) {
    return reading('unrecognized', userOf(outer), { reason: reasonOf(error) });
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof MailLimitError || error instanceof UnreadableMailError) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return `The mail could not be read because of an internal error (${detail.slice(0, 200)}).`;
}

/**
 * Who the mail is for: the person who forwarded it, or, when AliExpress itself is the sender (a Gmail
 * filter auto-forward keeps the original headers), the AliExpress mail's recipient.
 */
function userOf(outer: ParsedLayer): string | null {
  if (!isAliExpressSender(outer.from?.address)) return outer.from?.address ?? null;
  const to = outer.to[0]?.address;
  if (to) return to;
  // Gmail's auto-forward names the forwarding account here; only used when To is missing.
  const forwardedFor = outer.header('x-forwarded-for')?.split(/\s+/)[0]?.toLowerCase();
  return forwardedFor?.includes('@') ? forwardedFor : null;
}

type Extract = NonNullable<ReadMailOptions['extract']>;

function kindOf(
  outer: ParsedLayer,
  limits: MailLimits,
  extract: Extract,
): MailReading | Promise<MailReading> {
  const self = layerMessage(outer, limits);
  // Only Gmail's forwarding address sends confirmations; checked first because reading `text` may
  // render the HTML.
  const confirmation = isGmailForwardingSender(outer.from?.address)
    ? readGmailConfirmation({
        from: outer.from?.address ?? null,
        subject: outer.subject,
        text: self.text,
        html: self.html,
        hasConfirmationHeader: outer.header('x-google-address-confirmation') !== null,
        recipients: outer.to.map((a) => a.address),
      })
    : null;
  if (confirmation) {
    return reading('forwarding-confirmation', confirmation.requester, {
      forwardingConfirmation: confirmation,
    });
  }

  const unwrapped = unwrap(outer, limits, self);
  return unwrapped instanceof Promise
    ? unwrapped.then((u) => decide(outer, limits, extract, self, u))
    : decide(outer, limits, extract, self, unwrapped);
}

/** What the mail is, once the original it carries (if any) is known. */
function decide(
  outer: ParsedLayer,
  limits: MailLimits,
  extract: Extract,
  self: OriginalMessage,
  { original, truncated, moreForwards }: Unwrapped,
): MailReading {
  const user = userOf(outer);
  if (original === null && outer.from === null) {
    return reading('unrecognized', null, {
      reason: 'This does not look like an email: it has no sender (From) that could be read.',
    });
  }
  if (!isAliExpressSender(original?.from?.address)) {
    const automatic = automaticReason(outer);
    if (automatic !== null) {
      return reading('unrecognized', user, {
        reason: `This is ${automatic}, not a command or a forwarded AliExpress mail; orderwatch never answers automatic mail.`,
      });
    }
    // A user's own mail: a command, possibly a reply that quotes one of our mails under an Outlook
    // header block (which reads like a forward of a non-AliExpress mail).
    const command = findCommand(outer.subject, self.text);
    if (command !== null) return reading('command', user, { command });
  }
  if (original === null) {
    return reading('unrecognized', user, {
      reason: `This mail is not from AliExpress and has no forwarded AliExpress mail in it (it is from ${outer.from?.address ?? 'an unknown sender'}).`,
    });
  }
  if (!isAliExpressSender(original.from?.address)) {
    return reading('unrecognized', user, {
      reason: `The forwarded mail is from ${original.from?.address ?? 'an unknown sender'}, not from AliExpress.`,
    });
  }

  let extraction: Extraction;
  try {
    extraction = extract(original, { receivedAt: outer.date });
  } catch (error) {
    return reading('unrecognized', user, { reason: reasonOf(error) });
  }
  const notes = [
    truncated ? `Only the first ${limits.maxScanChars} characters of the mail were read.` : null,
    moreForwards
      ? 'Only the first forwarded mail was read; forward each AliExpress mail on its own to have the others read.'
      : null,
  ].filter((n): n is string => n !== null);
  const note = notes.length > 0 ? notes.join(' ') : null;
  if (extraction.kind === 'aliexpress') {
    return reading('aliexpress', user, {
      language: extraction.language,
      events: extraction.events,
      orderIds: [...new Set(extraction.events.flatMap((e) => e.orderIds))],
      reason: note,
    });
  }
  return reading(extraction.kind, user, {
    language: extraction.language,
    orderIds: (extraction.kind === 'unrecognized' && extraction.orderIds) || [],
    reason: note ? `${extraction.reason} ${note}` : extraction.reason,
  });
}
