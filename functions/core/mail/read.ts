/**
 * `readMail`: raw bytes in, a `MailReading` out, for every mail that reaches orderwatch. It never throws
 * and never hangs: unreadable, oversized or too deeply nested input becomes `unrecognized` with a reason
 * a user understands. A bug in the reader (an exception nobody expected, or an event the schema refuses)
 * becomes `failed` with a `MailReaderError`: the handler logs it and retries, and tells the user nothing.
 *
 * Trust: this pure core only checks that the sender *address* is AliExpress (`sender.ts`). Whether the
 * mail really comes from there (DKIM/SPF/DMARC) is decided by the ingest pipeline from SES's verdicts.
 */

import { InvalidEventError, parseOrderEvent } from '../events';
import { MailLimitError, MailReaderError, UnreadableMailError } from './errors';
import { type ExtractContext, extractAliExpress } from './extract/extract';
import { automaticReason } from './kinds/automatic';
import { findCommand } from './kinds/command';
import { readGmailConfirmation } from './kinds/gmail-confirmation';
import { DEFAULT_LIMITS, type MailLimits } from './limits';
import type { Extraction, MailKind, MailRead, MailReading, OriginalMessage } from './types';
import { type ParsedLayer, parseLayer } from './unwrap/mime';
import { isAliExpressSender, isGmailForwardingSender } from './unwrap/sender';
import { layerMessage, type Unwrapped, unwrap } from './unwrap/unwrap';

export interface ReadMailOptions {
  /** Override limits (tests use small ones); unspecified limits keep their defaults. */
  readonly limits?: Partial<MailLimits>;
  /** The extraction step; `extractAliExpress` unless swapped (the benchmark times the unwrap half alone). */
  readonly extract?: (msg: OriginalMessage, context: ExtractContext) => Extraction;
}

function reading(kind: MailKind, user: string | null, fields: Partial<MailRead> = {}): MailRead {
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
    error: null,
  };
}

function failed(user: string | null, cause: unknown): MailReading {
  const detail = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
  const error =
    cause instanceof MailReaderError
      ? cause
      : new MailReaderError(`the mail reader failed (${detail.slice(0, 300)})`, { cause });
  return {
    kind: 'failed',
    user,
    language: null,
    events: [],
    orderIds: [],
    forwardingConfirmation: null,
    command: null,
    reason: null,
    error,
  };
}

/** A known condition of the mail (a limit, bad bytes) is the user's to know; anything else is our bug. */
function isAboutTheMail(error: unknown): error is MailLimitError | UnreadableMailError {
  return error instanceof MailLimitError || error instanceof UnreadableMailError;
}

export async function readMail(raw: Uint8Array, options: ReadMailOptions = {}): Promise<MailReading> {
  const limits: MailLimits = { ...DEFAULT_LIMITS, ...options.limits };
  let outer: ParsedLayer;
  try {
    outer = await parseLayer(raw, limits);
  } catch (error) {
    return isAboutTheMail(error)
      ? reading('unrecognized', null, { reason: error.message })
      : failed(null, error);
  }
  let user: string | null = null;
  try {
    user = userOf(outer);
    // Synchronous for most mails (see `unwrap`): awaited only when it is a promise.
    const result = kindOf(outer, limits, options.extract ?? extractAliExpress);
    return checkedEvents(result instanceof Promise ? await result : result);
  } catch (error) {
    return isAboutTheMail(error)
      ? reading('unrecognized', user, { reason: error.message })
      : failed(user, error);
  }
}

/**
 * Every event the reader hands out passes the event schema, the same one the event log reads back with:
 * an event it refuses is a bug in the reader (thrown here, so it becomes `failed`), never stored.
 */
function checkedEvents(r: MailReading): MailReading {
  for (const event of r.events) {
    try {
      parseOrderEvent(event);
    } catch (error) {
      if (!(error instanceof InvalidEventError)) throw error;
      throw new MailReaderError(`the reader produced an invalid ${event.type} event: ${error.message}`, {
        cause: error,
      });
    }
  }
  return r;
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

  // A throw here (a limit, or a bug) is sorted out by `readMail`.
  const extraction: Extraction = extract(original, { receivedAt: outer.date });
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
