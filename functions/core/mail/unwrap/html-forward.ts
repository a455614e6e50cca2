/**
 * Cuts a forward's HTML down to the forwarded original: from the element the client wraps it in
 * (`forward-markers.ts` HTML_CONTAINERS) onward, minus the quoted header block. The forwarder's own words
 * come before that element and are dropped. Links with tradeOrderId live in this HTML, so extraction
 * needs it even when the text part already gave us the headers.
 */

import { decodeEntities, escapeHtml, indexOfEither } from '../text/html-text';
import { HTML_CONTAINERS, type HtmlContainer } from './forward-markers';
import { labelOf } from './quoted-headers';

/** How far past a container start we look for its header block; real ones are under 4 KB of markup. */
const HEADER_SEARCH_CHARS = 16_000;

export interface HtmlCut {
  readonly html: string;
  readonly client: HtmlContainer['client'] | 'address';
}

/** Index just after the end of the element whose opening tag contains `at`, counting nested `tag`s. */
export function endOfElement(html: string, at: number, tag: string): number {
  const open = html.lastIndexOf('<', at);
  if (open === -1) return -1;
  let depth = 0;
  let i = open;
  const openA = `<${tag}`;
  const openB = `<${tag.toUpperCase()}`;
  const closeA = `</${tag}`;
  const closeB = `</${tag.toUpperCase()}`;
  while (i < html.length) {
    const nextOpen = indexOfEither(html, openA, openB, i);
    const nextClose = indexOfEither(html, closeA, closeB, i);
    if (nextClose === -1) return -1;
    if (nextOpen !== -1 && nextOpen < nextClose) {
      depth++;
      i = nextOpen + openA.length;
      continue;
    }
    depth--;
    const gt = html.indexOf('>', nextClose);
    if (gt === -1) return -1;
    i = gt + 1;
    if (depth === 0) return i;
  }
  return -1;
}

/**
 * Finds `needle` (lowercase, attribute text like `class="gmail_quote`) case-insensitively enough for
 * what clients write: as is, or with the attribute value upper-cased (`id="divRplyFwdMsg"`).
 */
function findAttr(html: string, needle: string, from: number): number {
  const direct = html.indexOf(needle, from);
  if (direct !== -1) return direct;
  const eq = needle.indexOf('=');
  const name = needle.slice(0, eq + 1);
  const value = needle.slice(eq + 1).toLowerCase();
  let i = html.indexOf(name, from);
  while (i !== -1) {
    if (html.slice(i + name.length, i + name.length + value.length).toLowerCase() === value) return i;
    i = html.indexOf(name, i + 1);
  }
  return -1;
}

/**
 * The forwarded part of `html`, or null when no known container holds it. `subject` (the quoted subject
 * the text part gave) locates the end of the header block for clients without a header element, and
 * `fromAddress` is the last resort: the header block names the original sender, so the original starts
 * at or after it.
 */
export function cutForwardedHtml(html: string, subject: string, fromAddress: string | null): HtmlCut | null {
  let best: { at: number; container: HtmlContainer } | null = null;
  for (const container of HTML_CONTAINERS) {
    const at = findAttr(html, container.needle, 0);
    if (at !== -1 && (best === null || at < best.at)) best = { at, container };
  }
  if (best) {
    const start = html.lastIndexOf('<', best.at);
    const after = skipHeader(html, Math.max(start, 0), best.container, subject);
    return { html: html.slice(after), client: best.container.client };
  }
  if (fromAddress) {
    const at = html.toLowerCase().indexOf(fromAddress);
    if (at !== -1) {
      const after = afterSubject(html, at, subject);
      return { html: html.slice(after ?? Math.max(html.lastIndexOf('<', at), 0)), client: 'address' };
    }
  }
  return null;
}

/**
 * `html` (an original already cut out of its forward) up to where another forward container starts:
 * the HTML counterpart of `cutAtNextForward`.
 */
export function cutAtNextContainer(html: string): string {
  let end = html.length;
  for (const container of HTML_CONTAINERS) {
    const at = findAttr(html, container.needle, 0);
    if (at !== -1 && at < end) end = Math.max(html.lastIndexOf('<', at), 0);
  }
  return html.slice(0, end);
}

function skipHeader(html: string, start: number, container: HtmlContainer, subject: string): number {
  const { headerEnd } = container;
  if (headerEnd.kind === 'element') {
    const at = findAttr(html, headerEnd.needle, start);
    if (at !== -1 && at - start < HEADER_SEARCH_CHARS) {
      const end = endOfElement(html, at, headerEnd.tag);
      if (end !== -1) return end;
    }
    return start;
  }
  return afterSubject(html, start, subject) ?? start;
}

/** Just after the element (div, tr or line) that holds the quoted subject, when found near `start`. */
function afterSubject(html: string, start: number, subject: string): number | null {
  if (subject.length === 0) return null;
  const escaped = escapeHtml(subject);
  const at = html.indexOf(escaped, start);
  if (at === -1 || at - start > HEADER_SEARCH_CHARS) return null;
  let end = endOfLine(html, at + escaped.length);
  // Apple puts Date and To after the Subject: skip those header lines too.
  for (let lines = 0; end !== null && lines < MAX_TRAILING_HEADER_LINES; lines++) {
    const next = nextLineText(html, end);
    if (next === null || labelOf(next.text) === null) break;
    end = endOfLine(html, next.at) ?? end;
  }
  return end;
}

/** Quoted header lines that may follow the subject (Date, To, Cc, Reply-To). */
const MAX_TRAILING_HEADER_LINES = 4;

/** Index just after the `</div>`, `</tr>` or `<br>` that ends the line containing `from`. */
function endOfLine(html: string, from: number): number | null {
  const ends = [html.indexOf('</div>', from), html.indexOf('</tr>', from), html.indexOf('<br', from)].filter(
    (n) => n !== -1,
  );
  if (ends.length === 0) return null;
  const gt = html.indexOf('>', Math.min(...ends));
  return gt === -1 ? null : gt + 1;
}

/** The text of the next line of markup after `from` (tags dropped), and where its text starts. */
function nextLineText(html: string, from: number): { text: string; at: number } | null {
  let i = from;
  let text = '';
  let at = -1;
  while (i < html.length && i - from < 1_000) {
    if (html[i] === '<') {
      const tag = html.slice(i, i + 4).toLowerCase();
      if (text.trim() !== '' && (tag.startsWith('<br') || tag === '</di' || tag === '</tr')) break;
      const gt = html.indexOf('>', i);
      if (gt === -1) return null;
      i = gt + 1;
      continue;
    }
    if (at === -1 && html[i]?.trim()) at = i;
    text += html[i];
    i++;
  }
  return at === -1 ? null : { text: decodeEntities(text).trim(), at };
}
