/**
 * Finds an inline forward in a text body: the marker line a client writes (`forward-markers.ts`), the
 * quoted header block under it, and the original's body under that. Everything above the marker is the
 * forwarder's own words and is dropped: it must never be read as AliExpress content.
 */
import {
  DASHED_MARKERS,
  type ForwardMarker,
  LINE_MARKERS,
  MIN_UNDERSCORES,
  UNDERSCORE_MARKER,
} from './forward-markers';
import { labelOf, type QuotedHeaders, readHeaderBlock } from './quoted-headers';

export interface InlineForward {
  readonly marker: ForwardMarker | null;
  readonly headers: QuotedHeaders;
  /** The original's text, un-`>`-quoted. */
  readonly body: string;
}

/** Phrase → its rows, first row first (the default when the dash count names none of them). */
const DASHED: ReadonlyMap<string, readonly ForwardMarker[]> = DASHED_MARKERS.reduce((map, m) => {
  map.set(m.phrase, [...(map.get(m.phrase) ?? []), m]);
  return map;
}, new Map<string, ForwardMarker[]>());
const LINE: ReadonlyMap<string, ForwardMarker> = new Map(LINE_MARKERS.map((m) => [m.phrase, m]));

/** A marker line is short; longer lines are never compared (keeps the scan cheap on long paragraphs). */
const MAX_MARKER_LINE = 120;
/** Lines after a marker within which its header block must start and end (blank lines, then up to 30). */
const HEADER_WINDOW = 60;
/** Lines of the bare-header fallback within which a Subject must follow the From. */
const BARE_BLOCK_SPAN = 8;

/**
 * Cheap test before normalising a line: every marker starts with `-` or `_` or ends with `:` (Apple).
 * Most lines of a mail fail it, which keeps the scan allocation-free for them.
 */
function mayBeMarker(line: string): boolean {
  let i = 0;
  while (i < line.length && (line[i] === '>' || line[i] === ' ' || line[i] === '\t')) i++;
  const first = line[i];
  if (first === '-' || first === '_') return true;
  let j = line.length - 1;
  while (j > i && (line[j] === ' ' || line[j] === '\r' || line[j] === '\t')) j--;
  return line[j] === ':';
}

/** A header label line has its colon early (`From:`, `Betreff :`, `보낸 사람:`). */
function mayBeLabel(line: string): boolean {
  const colon = line.indexOf(':');
  const wide = line.indexOf('：');
  return (colon !== -1 && colon < 40) || (wide !== -1 && wide < 40);
}

interface Quoted {
  readonly depth: number;
  readonly line: string;
}

function unquoteLine(line: string): Quoted {
  let i = 0;
  let depth = 0;
  while (i < line.length && (line[i] === '>' || line[i] === ' ' || line[i] === '\t')) {
    if (line[i] === '>') depth++;
    i++;
  }
  return { depth, line: line.slice(i) };
}

export function markerOf(rawLine: string): ForwardMarker | null {
  if (rawLine.length > MAX_MARKER_LINE || !mayBeMarker(rawLine)) return null;
  const line = unquoteLine(rawLine)
    .line.replace(/[\u00a0\u202f]/g, ' ')
    .trim()
    .toLowerCase();
  if (line.length === 0) return null;
  if (line[0] === '_') return /^_+$/.test(line) && line.length >= MIN_UNDERSCORES ? UNDERSCORE_MARKER : null;
  if (line[0] === '-') {
    const m = /^(-{2,})\s*(.*?)\s*-{2,}$/.exec(line);
    const rows = m ? DASHED.get(m[2] ?? '') : undefined;
    if (!rows) return null;
    const dashes = m?.[1]?.length;
    return rows.find((r) => r.leftDashes === dashes) ?? rows[0] ?? null;
  }
  return LINE.get(line.replace(/\s+:$/, ':')) ?? null;
}

/**
 * The first inline forward in `text`, or null. `parseDate` turns a quoted date into an ISO instant.
 * Outlook classic sometimes writes no marker at all, so a `From:` line followed closely by a `Subject:`
 * line (both as labels, in any listed language) also opens a header block.
 */
export function findInlineForward(
  text: string,
  parseDate: (s: string) => string | null,
): InlineForward | null {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const marker = markerOf(line);
    if (marker) {
      const depth = unquoteLine(line).depth;
      const found = blockAfter(lines, i + 1, depth, marker, parseDate);
      if (found) return found;
      continue;
    }
    if (startsBareHeaderBlock(lines, i)) {
      const found = blockAfter(lines, i, unquoteLine(line).depth, null, parseDate);
      if (found) return found;
    }
  }
  return null;
}

function startsBareHeaderBlock(lines: readonly string[], i: number): boolean {
  const first = lines[i] ?? '';
  if (first.length > MAX_MARKER_LINE * 4 || !mayBeLabel(first)) return false;
  if (labelOf(unquoteLine(first).line)?.field !== 'from') return false;
  for (let j = i + 1; j < Math.min(lines.length, i + BARE_BLOCK_SPAN); j++) {
    const next = unquoteLine(lines[j] ?? '').line;
    if (next.trim() === '') return false;
    if (labelOf(next)?.field === 'subject') return true;
  }
  return false;
}

function blockAfter(
  lines: readonly string[],
  start: number,
  markerDepth: number,
  marker: ForwardMarker | null,
  parseDate: (s: string) => string | null,
): InlineForward | null {
  // The marker sits at some quote depth (0 normally; deeper when a forward was itself quoted); the
  // block under it is at that depth, or one deeper when Apple Mail `> `-quoted the forwarded text.
  // Only a short window is examined first, so a text full of marker lines without header blocks stays
  // linear; the body is built once, for the block that is found.
  const window = lines.slice(start, start + HEADER_WINDOW).map((l) => stripQuote(l, markerDepth));
  const firstContent = window.find((l) => l.trim() !== '');
  const appleQuoted = firstContent?.startsWith('>') === true;
  const unquote = (l: string): string => (appleQuoted ? stripQuote(l, 1) : l);
  const block = readHeaderBlock(window.map(unquote), 0, {
    runTogether: marker?.runTogetherLabels === true,
    dateParser: parseDate,
  });
  if (!block) return null;
  const body = lines
    .slice(start + block.bodyStart)
    .map((l) => unquote(stripQuote(l, markerDepth)))
    .join('\n')
    .replace(/^\s*\n/, '');
  return { marker, headers: block.headers, body };
}

/**
 * `text` up to the next forward (a marker line with a header block under it), and whether one was found.
 * An AliExpress notice holds no such thing, so one after its body starts another forwarded mail (a user
 * pasting a second notice under the first), whose orders and parcel ids must not be read as the first
 * notice's. A marker-shaped line alone (an `<hr>` rendered as underscores) does not cut.
 */
export function cutAtNextForward(text: string): { text: string; cut: boolean } {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const marker = markerOf(lines[i] ?? '');
    if (marker && blockAfter(lines, i + 1, unquoteLine(lines[i] ?? '').depth, marker, () => null)) {
      return { text: lines.slice(0, i).join('\n'), cut: true };
    }
  }
  return { text, cut: false };
}

/** Removes up to `levels` leading `>` (each with one following space). */
function stripQuote(line: string, levels: number): string {
  let out = line;
  for (let k = 0; k < levels && out.startsWith('>'); k++) out = out.slice(out[1] === ' ' ? 2 : 1);
  return out;
}
