/**
 * One received mail as the ingest handler takes it: what the receiving side (SES's receipt rule in AWS,
 * the local SMTP listener in `orderwatch local`) knows before anyone opened the raw bytes — the id under
 * which the raw mail is stored, the envelope, the authentication verdicts and the top-level headers.
 * `../aws/ses-event.ts` builds it from a validated SES event.
 */

/** SES's verdict values; anything but PASS counts as not passing (GRAY: no policy, not a pass). */
export type VerdictStatus = 'PASS' | 'FAIL' | 'GRAY' | 'PROCESSING_FAILED' | 'DISABLED';
export const VERDICT_STATUSES = [
  'PASS',
  'FAIL',
  'GRAY',
  'PROCESSING_FAILED',
  'DISABLED',
] as const satisfies readonly VerdictStatus[];

export interface Verdicts {
  readonly spam: VerdictStatus;
  readonly virus: VerdictStatus;
  readonly spf: VerdictStatus;
  readonly dkim: VerdictStatus;
  readonly dmarc: VerdictStatus;
}

export interface MailHeader {
  readonly name: string;
  readonly value: string;
}

export interface InboundMail {
  /** SES's message id: the raw mail's key below the prefix, and the mail record's key. */
  readonly messageId: string;
  /** When the mail arrived (ISO): the same on every redelivery, so retries write the same record. */
  readonly receivedAt: string;
  /** The envelope sender (SMTP MAIL FROM); empty for bounces (the null reverse-path). */
  readonly envelopeSender: string;
  /** The envelope recipients the receipt rule accepted. */
  readonly recipients: readonly string[];
  readonly verdicts: Verdicts;
  /**
   * The domains whose DKIM signatures the receiving side verified. SES's verdict says only that *some*
   * signature passed, so for SES this is absent and ingest reads SES's own Authentication-Results from
   * the stored raw mail (`receiverDkimPasses`); local mode sets it.
   */
  readonly dkimPassDomains?: readonly string[];
  /** Top-level headers in order (SES: `mail.headers`; may be truncated, see `headersTruncated`). */
  readonly headers: readonly MailHeader[];
  readonly headersTruncated: boolean;
  /** The Subject, decoded (SES: `commonHeaders.subject`); null when it has none. */
  readonly subject: string | null;
}

/** Every value of a header, case-insensitively by name, in order. */
export function headerValues(mail: Pick<InboundMail, 'headers'>, name: string): string[] {
  const wanted = name.toLowerCase();
  return mail.headers.filter((h) => h.name.toLowerCase() === wanted).map((h) => h.value);
}

/**
 * The first address in an address header value (`Ana <ana@x.org>`, `ana@x.org`), lowercased. Quoted
 * display names and comments are dropped first: `"<a@evil.example>" <ana@x.org>` is ana's.
 */
export function firstAddress(value: string | undefined): string | null {
  if (value === undefined) return null;
  value = value.replace(/"(?:[^"\\]|\\.)*"/g, ' ').replace(/\([^()]*\)/g, ' ');
  const angled = /<([^<>\s]+@[^<>\s]+)>/.exec(value);
  const bare = angled ? angled[1] : /[^\s<>",;:()]+@[^\s<>",;:()]+/.exec(value)?.[0];
  return bare ? bare.toLowerCase() : null;
}

/** The mail's own Message-ID, when it is a well-formed one (it goes into our In-Reply-To). */
export function messageIdOf(mail: Pick<InboundMail, 'headers'>): string | null {
  const value = headerValues(mail, 'message-id')[0]?.trim();
  return value !== undefined && /^<[^<>\s]{1,900}>$/.test(value) ? value : null;
}

/**
 * The top-level headers as SES lists them (`mail.headers`): in order, folded lines joined, values not
 * decoded. Only the header block is looked at (up to the first empty line).
 */
export function topLevelHeaders(raw: Uint8Array): MailHeader[] {
  // Headers are 7-bit (or UTF-8 at worst); latin1 keeps every byte as one character either way.
  const text = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  const block = end === -1 ? text : text.slice(0, end);
  const headers: MailHeader[] = [];
  for (const line of block.split(/\r?\n/)) {
    const last = headers[headers.length - 1];
    if (/^[ \t]/.test(line) && last !== undefined) {
      headers[headers.length - 1] = { name: last.name, value: `${last.value} ${line.trim()}` };
      continue;
    }
    const colon = line.indexOf(':');
    if (colon < 1) continue;
    headers.push({ name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() });
  }
  return headers;
}

/**
 * The `d=` domains the mail's DKIM-Signature headers claim, lowercased. Claims only: whether a signature
 * verified is the receiving side's word (`InboundMail.dkimPassDomains`, `receiverDkimPasses`).
 */
export function claimedDkimSigners(headers: readonly MailHeader[]): string[] {
  return headerValues({ headers }, 'dkim-signature')
    .map((signature) => /(?:^|;)\s*d\s*=\s*([^;\s]+)/i.exec(signature)?.[1]?.toLowerCase())
    .filter((d): d is string => d !== undefined && d !== '');
}
