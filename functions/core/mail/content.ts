import type { OriginalMessage } from './types';

/**
 * Turns an `OriginalMessage` into what the extractor scans: a whitespace-collapsed subject, the body as
 * trimmed lines (and joined into one line, because mail clients and html-to-text wrap sentences at ~80
 * columns), and every link.
 */

// Real AliExpress notices are well under 200 kB of HTML and 20 kB of text, and every fact we read sits in
// them; capping keeps a hostile or broken multi-megabyte body from multiplying the cost of each pattern.
const MAX_HTML = 1_000_000;
const MAX_TEXT = 200_000;

export interface MailContent {
  readonly subject: string;
  readonly lines: readonly string[];
  /** `lines` joined with single spaces. */
  readonly flat: string;
  /** `flat` with links blanked, so item ids in URLs are never read as order numbers. */
  readonly flatWithoutUrls: string;
  readonly urls: readonly string[];
}

const URL_RE = /https?:\/\/[^\s<>"'\])]+/g;
const HREF_RE = /href\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
const BLOCK_END_RE =
  /<\/(?:p|div|tr|td|th|li|h[1-6]|table|tbody|section|article|header|footer|center)\s*>|<br\s*\/?>|<hr[^>]*>/gi;
const TAG_RE = /<[^>]*>/g;
const SPACES_RE = /[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000 ]+/g;
const INVISIBLE_RE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  euro: '€',
  pound: '£',
  yen: '¥',
  hellip: '…',
  ndash: '–',
  mdash: '—',
  laquo: '«',
  raquo: '»',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#[0-9]{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});/gi, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code =
        body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/**
 * Removes everything from `open` through `close` with indexOf, so an unclosed `<style>` or comment costs
 * one pass instead of the quadratic rescans a lazy regex would do.
 */
function dropBetween(html: string, open: string, close: string): string {
  const lower = html.toLowerCase();
  let out = '';
  let from = 0;
  for (;;) {
    const start = lower.indexOf(open, from);
    if (start < 0) return out + html.slice(from);
    out += `${html.slice(from, start)} `;
    const end = lower.indexOf(close, start + open.length);
    if (end < 0) return out;
    from = end + close.length;
  }
}

export function htmlToText(html: string): string {
  let s = dropBetween(html, '<!--', '-->');
  for (const tag of ['style', 'script', 'title']) s = dropBetween(s, `<${tag}`, `</${tag}>`);
  s = s.replace(BLOCK_END_RE, '\n').replace(TAG_RE, ' ');
  return decodeEntities(s);
}

export function normalizeSpaces(s: string): string {
  return s.normalize('NFC').replace(INVISIBLE_RE, '').replace(SPACES_RE, ' ');
}

function collectUrls(html: string, text: string): string[] {
  const urls: string[] = [];
  for (const m of html.matchAll(HREF_RE)) urls.push(decodeEntities(m[1] ?? m[2] ?? ''));
  for (const m of text.matchAll(URL_RE)) urls.push(m[0]);
  return urls;
}

export function prepareContent(msg: OriginalMessage): MailContent {
  const html = (msg.html ?? '').slice(0, MAX_HTML);
  const text = msg.text.slice(0, MAX_TEXT);
  // Our own HTML rendering keeps one paragraph per line (html-to-text wraps long item titles at 80
  // columns), so it wins when the HTML has any text; the plain text is the body otherwise.
  const fromHtml = html ? htmlToText(html) : '';
  const body = fromHtml.trim() ? fromHtml : text;
  const lines = normalizeSpaces(body)
    .split(/\r?\n|\r/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const flat = lines.join(' ');
  return {
    subject: normalizeSpaces(msg.subject).replace(/\s+/g, ' ').trim(),
    lines,
    flat,
    flatWithoutUrls: flat.replace(URL_RE, ' '),
    urls: collectUrls(html, text),
  };
}
