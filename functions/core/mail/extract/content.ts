import { decodeAttribute, htmlToText } from '../text/html-text';
import type { OriginalMessage } from '../types';

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
// Runs of these spaces other than a lone ' ', which `normalizeSpaces` would replace by itself (most of a
// body's matches, each a replacement step): same output as the plain `[…]+` run, in one linear pass.
const SPACES_RE =
  / [\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000 ]+|[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000][\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000 ]*/g;
/** `/\s+/g` as replaced by ' ', without matching (and replacing) the lone spaces between words. */
const WHITESPACE_RUNS = / \s+|[^\S ]\s*/g;
const INVISIBLE_RE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

export function normalizeSpaces(s: string): string {
  return s.normalize('NFC').replace(INVISIBLE_RE, '').replace(SPACES_RE, ' ');
}

/** Subjects as the wording tables expect them: a full-width colon (CJK input) is `: `, as it is followed by no space. */
function normalizeSubject(s: string): string {
  return normalizeSpaces(s)
    .replace(/ ?\uff1a ?/g, ': ')
    .replace(WHITESPACE_RUNS, ' ')
    .trim();
}

function collectUrls(html: string, text: string): string[] {
  const urls: string[] = [];
  for (const m of html.matchAll(HREF_RE)) urls.push(decodeAttribute(m[1] ?? m[2] ?? ''));
  // A text part may keep `&amp;` from the HTML it was made from: `&amp;o_ids=` is still a parameter.
  for (const m of text.matchAll(URL_RE)) urls.push(decodeAttribute(m[0]));
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
    subject: normalizeSubject(msg.subject),
    lines,
    flat,
    flatWithoutUrls: flat.replace(URL_RE, ' '),
    urls: collectUrls(html, text),
  };
}
