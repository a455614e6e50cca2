/**
 * From a parsed mail to the innermost original it carries: the mail itself when AliExpress sent it (a
 * Gmail filter auto-forward or an Apple relay leaves the headers untouched), an attached `message/rfc822`,
 * or an inline forward of any client in `forward-markers.ts`; nesting is followed until an AliExpress
 * sender is reached ("the innermost AliExpress mail wins") or nothing more is wrapped.
 */
import { MailLimitError, UnreadableMailError } from './errors';
import { cutAtNextContainer, cutForwardedHtml } from './html-forward';
import { htmlToText } from './html-text';
import { cutAtNextForward, findInlineForward } from './inline-forward';
import type { MailLimits } from './limits';
import { type ParsedLayer, parseLayer } from './mime';
import { parseMailDate } from './quoted-dates';
import { isAliExpressSender } from './sender';
import type { OriginalMessage } from './types';

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
  const plain = layer.text.trim() !== '' ? cap(layer.text, limits, scan) : null;
  let derived: string | null = null;
  return {
    from: layer.from,
    to: layer.to,
    subject: layer.subject,
    date: layer.date,
    messageId: layer.messageId,
    get text(): string {
      if (plain !== null) return plain;
      derived ??= html ? htmlToText(html) : '';
      return derived;
    },
    html,
  };
}

/**
 * `self`: the outer layer's `layerMessage`, when the caller already built it (it may have converted the
 * HTML to text, which is not worth doing twice).
 */
export async function unwrap(
  layer: ParsedLayer,
  limits: MailLimits,
  self?: OriginalMessage,
): Promise<Unwrapped> {
  const scan: Scan = { truncated: false, moreForwards: false };
  const found = await unwrapLayer(layer, limits, 0, scan, self);
  return { ...found, truncated: scan.truncated, moreForwards: scan.moreForwards };
}

async function unwrapLayer(
  layer: ParsedLayer,
  limits: MailLimits,
  depth: number,
  scan: Scan,
  given?: OriginalMessage,
): Promise<Omit<Unwrapped, 'truncated' | 'moreForwards'>> {
  const self = given ?? layerMessage(layer, limits, scan);
  if (isAliExpressSender(layer.from?.address)) return { original: self, via: 'direct' };

  let fallback: Omit<Unwrapped, 'truncated' | 'moreForwards'> | null = null;
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
    const body = forward.body.trim() === '' && html ? htmlToText(html) : forward.body;
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
