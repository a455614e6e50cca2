/**
 * The one place that calls mailparser. It turns bytes into a `ParsedLayer`: the headers we need, the
 * text and HTML bodies, and attached `message/rfc822` mails (raw, to be parsed one level deeper).
 */
import { type ParsedMail, simpleParser } from 'mailparser';
import { EVENT_LIMITS } from '../../events';
import { MailLimitError, UnreadableMailError } from '../errors';
import type { MailLimits } from '../limits';
import { parseMailDate } from '../text/dates';
import type { Address } from '../types';

export interface ParsedLayer {
  readonly from: Address | null;
  readonly to: readonly Address[];
  readonly subject: string;
  /** The Date header as an ISO instant with the offset it was written with. */
  readonly date: string | null;
  /** Offset of the Date header in minutes; quoted dates without a zone borrow it. */
  readonly offsetMinutes: number;
  readonly messageId: string | null;
  /** The text/plain body; '' when the mail only has HTML (mailparser's html-to-text is off, see below). */
  readonly text: string;
  readonly html: string | null;
  readonly attachedMails: readonly Uint8Array[];
  /** The first header of that name (any case), as written but unfolded, for the few classification looks at. */
  readonly header: (name: string) => string | null;
}

/**
 * mailparser's derived outputs we never use are switched off: html-to-text builds a DOM (the single
 * biggest cost after MIME parsing), text-to-html and link detection are only for display.
 */
const PARSER_OPTIONS = {
  skipHtmlToText: true,
  skipTextToHtml: true,
  skipTextLinks: true,
  skipImageLinks: true,
} as const;

export { PARSER_OPTIONS };

const BOUNDARY_PARAM = Buffer.from('boundary=');

/** Counts `boundary=` in the raw bytes (case-insensitive enough: the parameter name is lowercase in practice). */
function countBoundaries(raw: Uint8Array, stopAt: number): number {
  const buf = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  let count = 0;
  let i = buf.indexOf(BOUNDARY_PARAM);
  while (i !== -1 && count <= stopAt) {
    count++;
    i = buf.indexOf(BOUNDARY_PARAM, i + BOUNDARY_PARAM.length);
  }
  return count;
}

export async function parseLayer(raw: Uint8Array, limits: MailLimits): Promise<ParsedLayer> {
  if (raw.byteLength > limits.maxRawBytes) {
    throw new MailLimitError(
      `The mail is too large to read (${formatMb(raw.byteLength)}; the limit is ${formatMb(limits.maxRawBytes)}). Forward the AliExpress mail on its own, without attachments.`,
    );
  }
  if (countBoundaries(raw, limits.maxMimeParts) > limits.maxMimeParts) {
    throw new MailLimitError(
      `The mail has too many nested parts to read (more than ${limits.maxMimeParts}). Forward the AliExpress mail on its own.`,
    );
  }
  const parsed = await withTimeout(
    simpleParser(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength), PARSER_OPTIONS),
    limits.parseTimeoutMs,
  );
  return toLayer(parsed);
}

/**
 * The parse, or a `MailLimitError` after `ms`. Wired with one promise and `then` rather than
 * `Promise.race` and an async wrapper: this runs once per parsed layer, and the race's extra promises and
 * hand-offs showed in the profile.
 */
function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new MailLimitError(`Reading the mail took longer than ${ms / 1000} s.`)),
      ms,
    );
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(parseError(error));
      },
    );
  });
}

/** mailparser's failure in words: a limit it hit, or input that is no mail. */
function parseError(error: unknown): Error {
  if (error instanceof MailLimitError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EMAXLEN') {
    return new MailLimitError('The mail has a header or structure too large to read.', { cause: error });
  }
  return new UnreadableMailError('The mail could not be read as an email message.', { cause: error });
}

function toLayer(parsed: ParsedMail): ParsedLayer {
  const rawDate = parsed.headerLines.find((h) => h.key === 'date')?.line.replace(/^date:\s*/i, '');
  const date = rawDate ? parseMailDate(rawDate.replace(/\s+/g, ' '), 0) : null;
  // Not `parsed.date`: for a Date header it cannot read, mailparser makes one up (the time of parsing),
  // which would date an old notice today and move its deadlines.
  const lenient = date === null && rawDate ? new Date(rawDate.replace(/\s+/g, ' ')) : null;
  const fallbackDate = lenient && !Number.isNaN(lenient.getTime()) ? lenient.toISOString() : null;
  return {
    from: firstAddress(parsed.from),
    to: addresses(parsed.to),
    subject: parsed.subject ?? '',
    date: date?.iso ?? fallbackDate,
    offsetMinutes: date?.offsetMinutes ?? 0,
    // A Message-ID longer than a header line can be (RFC 5322) is no real one; the event schema refuses it.
    messageId:
      parsed.messageId && parsed.messageId.length <= EVENT_LIMITS.messageIdChars ? parsed.messageId : null,
    text: parsed.text ?? '',
    html: typeof parsed.html === 'string' ? parsed.html : null,
    attachedMails: parsed.attachments
      .filter((a) => a.contentType.toLowerCase() === 'message/rfc822')
      .map((a) => new Uint8Array(a.content.buffer, a.content.byteOffset, a.content.byteLength)),
    header(name) {
      return rawHeader(parsed, name);
    },
  };
}

/**
 * The header's value as written (unfolded, still encoded): mailparser turns some headers into objects
 * (Return-Path into addresses, List-Id into parts), which would hide what the rules need, e.g. `<>`.
 */
function rawHeader(parsed: ParsedMail, name: string): string | null {
  const key = name.toLowerCase();
  const line = parsed.headerLines.find((h) => h.key === key)?.line;
  if (line === undefined) return null;
  return line
    .slice(line.indexOf(':') + 1)
    .replace(/\r?\n[ \t]+/g, ' ')
    .trim();
}

type AddressHeader = ParsedMail['from'] | ParsedMail['to'];

interface RawAddress {
  readonly address?: string;
  readonly name?: string;
  readonly group?: readonly RawAddress[];
}

function addresses(header: AddressHeader): Address[] {
  if (!header) return [];
  const out: Address[] = [];
  for (const o of Array.isArray(header) ? header : [header]) collect(o.value, out);
  return out;
}

function collect(list: readonly RawAddress[], out: Address[]): void {
  for (const a of list) {
    if (a.address) out.push({ address: a.address.toLowerCase(), name: a.name ?? '' });
    if (a.group) collect(a.group, out);
  }
}

function firstAddress(header: AddressHeader): Address | null {
  return addresses(header)[0] ?? null;
}

function formatMb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
