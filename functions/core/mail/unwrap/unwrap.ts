/**
 * From a parsed mail to the innermost original it carries: the mail itself when AliExpress sent it (a
 * Gmail filter auto-forward or an Apple relay leaves the headers untouched), an attached `message/rfc822`,
 * or an inline forward of any client in `forward-markers.ts`; nesting is followed until an AliExpress
 * sender is reached ("the innermost AliExpress mail wins") or nothing more is wrapped.
 */
import { MailLimitError, UnreadableMailError } from '../errors';
import type { MailLimits } from '../limits';
import { parseMailDate } from '../text/dates';
import { htmlToText } from '../text/html-text';
import type { OriginalMessage } from '../types';
import { cutAtNextContainer, cutForwardedHtml } from './html-forward';
import { cutAtNextForward, findInlineForward } from './inline-forward';
import { type ParsedLayer, parseLayer } from './mime';
import { isAliExpressSender } from './sender';

export type Via = 'direct' | 'inline' | 'attachment';

export interface Unwrapped {
  /** The innermost message found; null when the mail neither is nor wraps another mail. */
  readonly original: OriginalMessage | null;
  readonly via: Via | null;
  /** True when text or HTML was longer than `maxScanChars` and was cut. */
  readonly truncated: boolean;
  /** True when another forwarded mail followed the original inline; it was not read. */
  readonly moreForwards: boolean;
}

interface Scan {
  truncated: boolean;
  moreForwards: boolean;
}

function cap(s: string, limits: MailLimits, scan: Pick<Scan, 'truncated'>): string {
  if (s.length <= limits.maxScanChars) return s;
  scan.truncated = true;
  return s.slice(0, limits.maxScanChars);
}

/**
 * The layer as a message of its own: its text, or the text of its HTML when it has no text part. That
 * conversion is deferred until someone reads `text`: for an AliExpress mail that arrives as is, only
 * extraction may need it, and it may prefer the HTML.
 */
export function layerMessage(
  layer: ParsedLayer,
  limits: MailLimits,
  scan: Pick<Scan, 'truncated'> = { truncated: false },
): OriginalMessage {
  const html = layer.html === null ? null : cap(layer.html, limits, scan);
  // `\S` is exactly what `trim` keeps: true without copying the text.
  const plain = /\S/.test(layer.text) ? cap(layer.text, limits, scan) : null;
  const { from, to, subject, date, messageId } = layer;
  // A plain data object when there is a text part: an object literal with a getter is built much more
  // slowly, and this runs for every mail.
  if (plain !== null) return { from, to, subject, date, messageId, text: plain, html };
  let derived: string | null = null;
  return {
    from,
    to,
    subject,
    date,
    messageId,
    get text(): string {
      derived ??= html ? htmlToText(html) : '';
      return derived;
    },
    html,
  };
}

type Found = Omit<Unwrapped, 'truncated' | 'moreForwards'>;

/**
 * `self`: the outer layer's `layerMessage`, when the caller already built it (it may have converted the
 * HTML to text, which is not worth doing twice).
 *
 * Synchronous unless a layer carries attached mails (which must be parsed, asynchronously): most mails, a
 * Gmail filter auto-forward or an inline forward, are read without a single await or promise.
 */
export function unwrap(
  layer: ParsedLayer,
  limits: MailLimits,
  self?: OriginalMessage,
): Unwrapped | Promise<Unwrapped> {
  const scan: Scan = { truncated: false, moreForwards: false };
  const done = ({ original, via }: Found): Unwrapped => ({
    original,
    via,
    truncated: scan.truncated,
    moreForwards: scan.moreForwards,
  });
  const found = unwrapLayer(layer, limits, 0, scan, self);
  return found instanceof Promise ? found.then(done) : done(found);
}

function unwrapLayer(
  layer: ParsedLayer,
  limits: MailLimits,
  depth: number,
  scan: Scan,
  given?: OriginalMessage,
): Found | Promise<Found> {
  const self = given ?? layerMessage(layer, limits, scan);
  if (isAliExpressSender(layer.from?.address)) return { original: self, via: 'direct' };
  if (layer.attachedMails.length === 0) return inlineOr(null, self, layer, limits, depth, scan);
  return unwrapAttached(self, layer, limits, depth, scan);
}

async function unwrapAttached(
  self: OriginalMessage,
  layer: ParsedLayer,
  limits: MailLimits,
  depth: number,
  scan: Scan,
): Promise<Found> {
  let fallback: Found | null = null;
  for (const attached of layer.attachedMails) {
    checkDepth(depth + 1, limits);
    let inner: ParsedLayer;
    try {
      inner = await parseLayer(attached, limits);
    } catch (error) {
      // One unreadable attachment must not hide a readable one next to it.
      if (error instanceof UnreadableMailError) continue;
      throw error;
    }
    const result = await unwrapLayer(inner, limits, depth + 1, scan);
    if (result.original && isAliExpressSender(result.original.from?.address)) {
      return { original: result.original, via: 'attachment' };
    }
    fallback ??= result.original ? { original: result.original, via: 'attachment' } : null;
  }
  return inlineOr(fallback, self, layer, limits, depth, scan);
}

/** An inline forward in the layer's own body wins over an attached non-AliExpress mail (`fallback`). */
function inlineOr(
  fallback: Found | null,
  self: OriginalMessage,
  layer: ParsedLayer,
  limits: MailLimits,
  depth: number,
  scan: Scan,
): Found {
  const inline = unwrapInline(self, layer.offsetMinutes, limits, depth, scan);
  if (inline) return { original: inline, via: 'inline' };
  return fallback ?? { original: null, via: null };
}

function checkDepth(depth: number, limits: MailLimits): void {
  if (depth > limits.maxForwardDepth) {
    throw new MailLimitError(
      `The mail is forwarded inside other forwards too many times (more than ${limits.maxForwardDepth} levels). Forward the AliExpress mail itself.`,
    );
  }
}

/** Offset in minutes of an ISO instant's `±hh:mm` suffix (0 for `Z`). */
function offsetOf(iso: string | null, fallback: number): number {
  const m = iso ? /([+-])(\d{2}):(\d{2})$/.exec(iso) : null;
  if (!m) return iso?.endsWith('Z') ? 0 : fallback;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/**
 * Peels inline forwards off `message` until the sender is AliExpress or no marker is left. Each level's
 * quoted date without a zone borrows the offset of the level around it (see `parseMailDate`).
 */
function unwrapInline(
  message: OriginalMessage,
  offsetMinutes: number,
  limits: MailLimits,
  depth: number,
  scan: Scan,
): OriginalMessage | null {
  let current: OriginalMessage | null = null;
  let text = message.text;
  let html = message.html;
  let offset = offsetMinutes;
  let level = depth;
  for (;;) {
    const zone = offset;
    const forward = findInlineForward(text, (s) => parseMailDate(s, zone)?.iso ?? null);
    if (!forward) return current;
    level++;
    checkDepth(level, limits);
    const { headers } = forward;
    html =
      html === null
        ? null
        : (cutForwardedHtml(html, headers.subject, headers.from?.address ?? null)?.html ?? null);
    const body = !/\S/.test(forward.body) && html ? htmlToText(html) : forward.body;
    current = {
      from: headers.from,
      to: headers.to,
      subject: headers.subject,
      date: headers.date,
      // An inline forward keeps no Message-ID of the original; the id of the mail that carried it stands
      // in, so every event can still be traced to (and deduplicated by) the mail that brought it.
      messageId: message.messageId,
      text: body,
      html,
    };
    if (isAliExpressSender(headers.from?.address)) {
      // Only this notice: a second forwarded mail pasted under it is not part of it.
      const own = cutAtNextForward(body);
      if (!own.cut) return current;
      scan.moreForwards = true;
      return { ...current, text: own.text, html: html === null ? null : cutAtNextContainer(html) };
    }
    text = body;
    offset = offsetOf(headers.date, offset);
  }
}
