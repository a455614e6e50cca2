/**
 * Reads the header block a client quotes at the top of a forwarded mail
 * (`From: AliExpress <transaction@notice.aliexpress.com>` / `Date: …` / `Subject: …` / `To: …`),
 * in any language of `HEADER_LABELS`, with the address spellings clients produce:
 * `Name <a@b>`, `Name [mailto:a@b]` (Outlook classic), `a@b<mailto:a@b>` (Outlook mobile).
 */

import type { Address } from '../types';
import { type HeaderField, headerFieldOf, normaliseLabel, type RunTogether } from './forward-markers';

export interface QuotedHeaders {
  readonly from: Address | null;
  readonly to: readonly Address[];
  readonly subject: string;
  readonly date: string | null;
}

export interface HeaderBlock {
  readonly headers: QuotedHeaders;
  /** Index of the first body line in `lines`. */
  readonly bodyStart: number;
}

/** `Label: value`, `Label : value` (French), `Label：value` (CJK), `*Label:* value` (Outlook text of bold). */
const LABEL_LINE = /^\s*\*?([^:：*]{1,24}?)\s*\*?\s*[:：]\s*\*?\s?(.*)$/;
/** Most lines a header block spans; clients write 4–6 (plus wrapped long subjects or recipient lists). */
const MAX_BLOCK_LINES = 30;

/**
 * An address: no part may hold `@`, and the domain is dot-separated labels, so a value of thousands of
 * `@` or dots is scanned in linear time per start (a class that admits `@` backtracks cubically).
 */
const EMAIL = /[^\s<>[\]"'(),;:@]+@[^\s<>[\]"'(),;:@.]+(?:\.[^\s<>[\]"'(),;:@.]+)+/g;

/** Longest quoted header value we read; a real one is under 1 KB, and address scanning is per character. */
const MAX_VALUE_CHARS = 4000;

export function labelOf(line: string): { field: HeaderField; value: string } | null {
  const m = LABEL_LINE.exec(line.length > MAX_VALUE_CHARS ? line.slice(0, MAX_VALUE_CHARS) : line);
  if (!m) return null;
  const label = normaliseLabel(m[1] ?? '');
  const field = headerFieldOf(label);
  if (field) return { field, value: (m[2] ?? '').trim() };
  // Other header-shaped labels (`Reply-To:`, `Importance:`) stay in the block as `other`.
  return /^[a-z]+(-[a-z]+)*$/.test(label) ? { field: 'other', value: (m[2] ?? '').trim() } : null;
}

/**
 * Parses the header block starting at `lines[start]` (blank lines before it skipped). Returns null when
 * the lines there are not a header block with at least a From or a Subject.
 */
export function readHeaderBlock(
  lines: readonly string[],
  start: number,
  options: { runTogether?: RunTogether; dateParser: (s: string) => string | null },
): HeaderBlock | null {
  let i = start;
  while (i < lines.length && (lines[i] ?? '').trim() === '') i++;
  const values: Partial<Record<HeaderField, string>> = {};
  let last: HeaderField | null = null;
  let seen = 0;
  const end = Math.min(lines.length, i + MAX_BLOCK_LINES);
  for (; i < end; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') break;
    const parts = options.runTogether ? splitRunTogether(line, options.runTogether) : [line];
    for (const part of parts) {
      const labelled = labelOf(part);
      if (labelled) {
        if (values[labelled.field] === undefined)
          values[labelled.field] = labelled.value.slice(0, MAX_VALUE_CHARS);
        last = labelled.field;
        seen++;
      } else if (last !== null && seen > 0) {
        values[last] = `${values[last] ?? ''} ${part.trim()}`.trim().slice(0, MAX_VALUE_CHARS);
      } else {
        return null;
      }
    }
    // Yahoo's whole header is this one line; its body may follow on the next without a blank line.
    if (parts.length > 1) {
      i++;
      break;
    }
  }
  if (values.from === undefined && values.subject === undefined) return null;
  const from = values.from === undefined ? null : (parseAddresses(values.from)[0] ?? null);
  return {
    headers: {
      from,
      to: values.to === undefined ? [] : parseAddresses(values.to),
      subject: values.subject ?? '',
      date: values.date === undefined ? null : options.dateParser(values.date),
    },
    bodyStart: i,
  };
}

/**
 * Yahoo's text part runs labels together: `From: A <a@b>To: x@ySent: …Subject: …`. The line is cut where
 * each label of `run` starts, in Yahoo's order, each searched after the previous one (a label is optional:
 * no Cc). A label counts only glued to the text before it and followed by its colon (`A:`, `À :`), or by a
 * space when Yahoo writes it bare; a bare label gets its colon back so the part reads as `Label: value`.
 * Plain `indexOf` scans: linear in the line, whatever it holds.
 */
export function splitRunTogether(line: string, run: RunTogether): string[] {
  const cuts: { at: number; label: string; colon: boolean }[] = [];
  let from = 1;
  for (const label of run.labels) {
    const found = findGluedLabel(line, label, from, run.bare?.includes(label) === true);
    if (found === null) continue;
    cuts.push({ at: found.at, label, colon: found.colon });
    from = found.at + label.length;
  }
  if (cuts.length === 0) return [line];
  const parts = [line.slice(0, cuts[0]?.at)];
  cuts.forEach((cut, k) => {
    const text = line.slice(cut.at, cuts[k + 1]?.at ?? line.length);
    parts.push(cut.colon ? text : `${cut.label}:${text.slice(cut.label.length)}`);
  });
  return parts;
}

function findGluedLabel(
  line: string,
  label: string,
  from: number,
  bare: boolean,
): { at: number; colon: boolean } | null {
  let at = line.indexOf(label, from);
  while (at > 0) {
    const before = line[at - 1] ?? ' ';
    if (before.trim() !== '') {
      let j = at + label.length;
      if (line[j] === ' ' || line[j] === '\u00a0') j++;
      if (line[j] === ':') return { at, colon: true };
      if (bare && line[at + label.length] === ' ') return { at, colon: false };
    }
    at = line.indexOf(label, at + 1);
  }
  return null;
}

/**
 * An address followed by `<…>` or `[mailto:…]` is a display name, not the sender: `"a@aliexpress.com"
 * <b@evil.net>` is from b@evil.net. Checked on the few characters after each address.
 */
const NAME_BEFORE_ADDRESS = /^["']?\s*(?:<|\[mailto:)/i;

/**
 * Addresses in a quoted From/To value. Names are read from `Name <a@b>` / `Name [mailto:a@b]`; an
 * address written twice (`a@b<mailto:a@b>`, `<a href>` text) is kept once, and an address used as the
 * display name of another is never taken for the address.
 */
export function parseAddresses(value: string): Address[] {
  const out: Address[] = [];
  const seen = new Set<string>();
  let nameStart = 0;
  for (const m of value.matchAll(EMAIL)) {
    const end = m.index + m[0].length;
    if (NAME_BEFORE_ADDRESS.test(value.slice(end, end + 12))) continue;
    const address = m[0].replace(/^mailto:/i, '').toLowerCase();
    const before = value.slice(nameStart, m.index);
    nameStart = end;
    if (seen.has(address)) continue;
    seen.add(address);
    out.push({ address, name: cleanName(before.replace(EMAIL, ' ')) });
  }
  return out;
}

function cleanName(s: string): string {
  return s
    .replace(/\[?mailto:?/gi, '')
    .replace(/^[\s,;>\]]+|[\s<[]+$/g, '')
    .replace(/^["']|["']$/g, '')
    .trim();
}
