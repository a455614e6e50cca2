import { decodeHTML, decodeHTMLAttribute } from 'entities';

/**
 * A small, linear HTML-to-text pass. mailparser's own conversion (html-to-text) builds a DOM and costs
 * more than the MIME parse itself; we turn it off and convert only the part of the HTML we keep, once.
 * Hand-written scanning (indexOf, no backtracking regexes) keeps it linear on hostile input such as a
 * megabyte of `<` without a `>`.
 */

/** Tags that end a line of text. */
const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'br',
  'p',
  'div',
  'tr',
  'li',
  'ul',
  'ol',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'blockquote',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
  'section',
  'article',
  'header',
  'footer',
  'center',
  'dd',
  'dt',
]);
const CELL_TAGS: ReadonlySet<string> = new Set(['td', 'th']);
/** Tags whose content is never text. */
const SKIP_TAGS: ReadonlySet<string> = new Set(['style', 'script', 'head', 'title', 'template']);

/** Outlook's HTML forward puts `<hr>` where its text part has a line of underscores; keep the marker. */
const HR_LINE = '________________________________';

/**
 * Character references as a browser reads them, from the `entities` package's full HTML5 table. The hand
 * table it replaces knew some sixty names: anything else (`&oslash;`, `&Agrave;`, `&rsaquo;`, names with
 * digits such as `&frac12;`, long ones such as `&NonBreakingSpace;`, legacy `&nbsp` without `;`) stayed in
 * the text as written, where a pattern then failed to match. Spaces and invisible characters it yields are
 * folded later (`tidy`, `normalizeSpaces`).
 */
export function decodeEntities(s: string): string {
  return s.includes('&') ? decodeHTML(s) : s;
}

/**
 * An attribute value (a link): as in a browser, a legacy reference without `;` followed by `=` or a letter
 * stays as written, so `?a=1&copy=2` keeps its `&copy=` parameter while `&amp;o_ids=` becomes `&o_ids=`.
 */
export function decodeAttribute(s: string): string {
  return s.includes('&') ? decodeHTMLAttribute(s) : s;
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Lowercase tag name at `html[start]` (just after `<` or `</`). */
function tagName(html: string, start: number): string {
  let end = start;
  while (end < html.length && end - start < 12) {
    const c = html.charCodeAt(end);
    const isNameChar = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
    if (!isNameChar) break;
    end++;
  }
  return html.slice(start, end).toLowerCase();
}

/** First index of `a` or `b` from `from`; both spellings because lowercasing the whole HTML per tag is quadratic. */
export function indexOfEither(s: string, a: string, b: string, from: number): number {
  const x = s.indexOf(a, from);
  const y = a === b ? -1 : s.indexOf(b, from);
  if (x === -1) return y;
  return y === -1 ? x : Math.min(x, y);
}

const NON_SPACE = /\S/;
// Whitespace runs that are not already a single space: replacing every lone space between words with
// itself cost more than the rest of the conversion. Same output as `/\s+/g` → ' '; linear (each run is
// matched once, from its first character).
const SPACE_RUNS = / \s+|[^\S ]\s*/g;

/** The text being built, and whether its current line has any text yet. */
class TextOut {
  readonly parts: string[] = [];
  private atLineStart = true;

  text(s: string): void {
    // Most chunks between tags are indentation: whitespace only, which collapses to one space (or to
    // nothing when empty) and leaves the line empty. `trim` and `\s` agree on what whitespace is, so
    // testing for `\S` tells the same without copying the chunk.
    if (!NON_SPACE.test(s)) {
      if (s !== '') this.parts.push(' ');
      return;
    }
    this.parts.push(s.replace(SPACE_RUNS, ' '));
    this.atLineStart = false;
  }

  newline(always: boolean): void {
    if (always || !this.atLineStart) this.parts.push('\n');
    this.atLineStart = true;
  }
}

/**
 * Text as a reader sees it: whitespace in the source is one space, block elements start a new line
 * (several closing/opening blocks in a row make one line break), `<br>` always breaks, so `<br><br>`
 * leaves the blank line that ends a quoted header block.
 */
export function htmlToText(html: string): string {
  if (html !== lastHtml) {
    lastText = render(html);
    lastHtml = html;
  }
  return lastText;
}

// The last rendering, kept for the next call: an HTML-only mail is rendered for its `text` (unwrap, the
// Gmail confirmation check) and again by `prepareContent` for lines and links; the pure function's answer
// for the same string is reused instead. One entry holds only the mail being read; the comparison is by
// reference first, so a hit costs nothing and a miss at most one pass over equal-length strings.
let lastHtml: string | null = null;
let lastText = '';

function render(html: string): string {
  const out = new TextOut();
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      out.text(html.slice(i));
      break;
    }
    if (lt > i) out.text(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      if (end === -1) break;
      i = end + 3;
      continue;
    }
    const gt = html.indexOf('>', lt + 1);
    // No `>` anywhere after: the rest is not markup we can read; stop rather than rescan it.
    if (gt === -1) break;
    const closing = html[lt + 1] === '/';
    const name = tagName(html, lt + (closing ? 2 : 1));
    i = gt + 1;
    if (!closing && SKIP_TAGS.has(name)) {
      const end = indexOfEither(html, `</${name}`, `</${name.toUpperCase()}`, i);
      if (end === -1) break;
      const endGt = html.indexOf('>', end);
      i = endGt === -1 ? html.length : endGt + 1;
    } else if (name === 'br') {
      out.newline(true);
    } else if (name === 'hr') {
      out.newline(false);
      out.parts.push(`${HR_LINE}\n`);
    } else if (BLOCK_TAGS.has(name)) {
      out.newline(false);
    } else if (CELL_TAGS.has(name) && !closing) {
      out.parts.push(' ');
    }
  }
  return tidy(decodeEntities(out.parts.join('')));
}

/** Runs of `[ \t\r\f\v\u00a0]` other than a lone space (which would be replaced by itself, see `SPACE_RUNS`). */
const LINE_SPACE_RUNS = / [ \t\r\f\v\u00a0]+|[\t\r\f\v\u00a0][ \t\r\f\v\u00a0]*/g;

/** Collapse runs of spaces, trim lines, keep at most one blank line in a row. */
function tidy(text: string): string {
  // One replace for the whole text (the class holds no '\n', so no run crosses a line end).
  const lines = text.replace(LINE_SPACE_RUNS, ' ').split('\n');
  const kept: string[] = [];
  let blank = true;
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') {
      if (!blank) kept.push('');
      blank = true;
    } else {
      kept.push(line);
      blank = false;
    }
  }
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  return kept.join('\n');
}
