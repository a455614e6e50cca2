/**
 * Finds an inline forward in a text body: the marker line a client writes (`forward-markers.ts`), the
 * quoted header block under it, and the original's body under that. Everything above the marker is the
 * forwarder's own words and is dropped: it must never be read as AliExpress content.
 */
import {
  DASHED_MARKERS,
  type ForwardMarker,
  type HeaderField,
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

/** Phrase (normalised) → its rows, first row first (the default when the dash count names none of them). */
const DASHED: ReadonlyMap<string, readonly ForwardMarker[]> = DASHED_MARKERS.reduce((map, m) => {
  const phrase = normalisePhrase(m.phrase);
  map.set(phrase, [...(map.get(phrase) ?? []), m]);
  return map;
}, new Map<string, ForwardMarker[]>());
const LINE: ReadonlyMap<string, ForwardMarker> = new Map(
  LINE_MARKERS.map((m) => [normalisePhrase(m.phrase).replace(/ :$/, ':'), m]),
);

/** Lowercased, no-break spaces as spaces, runs of spaces as one (Thunderbird ko/rm pad with several). */
function normalisePhrase(s: string): string {
  return s
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim()
    .toLowerCase();
}

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
  return findMarker(rawLine)?.marker ?? null;
}

interface MarkerLine {
  readonly marker: ForwardMarker;
  /** Header text after the marker on the same line (Yahoo), else null. */
  readonly rest: string | null;
}

/**
 * The marker a line is. Most lines fail `mayBeMarker` without being copied. A dashed marker is the whole
 * line (`-------- Phrase --------`), or, for Yahoo only, opens a line that goes on with the run-together
 * header (`----- Message transmis ----- De : …À : …`), which may be long: only its start is examined.
 */
function findMarker(rawLine: string): MarkerLine | null {
  if (!mayBeMarker(rawLine)) return null;
  let start = 0;
  while (
    start < rawLine.length &&
    (rawLine[start] === '>' || rawLine[start] === ' ' || rawLine[start] === '\t')
  ) {
    start++;
  }
  if (rawLine[start] === '-') return dashedMarker(rawLine, start);
  if (rawLine.length > MAX_MARKER_LINE) return null;
  const line = normalisePhrase(rawLine.slice(start));
  if (line[0] === '_') {
    return /^_+$/.test(line) && line.length >= MIN_UNDERSCORES
      ? { marker: UNDERSCORE_MARKER, rest: null }
      : null;
  }
  const marker = LINE.get(line.replace(/ :$/, ':'));
  return marker ? { marker, rest: null } : null;
}

/** A dashed marker starting at `start` of `line`; index arithmetic only, so a long line is not copied. */
function dashedMarker(line: string, start: number): MarkerLine | null {
  let left = start;
  while (line[left] === '-') left++;
  const dashes = left - start;
  if (dashes < 2) return null;
  let end = line.length;
  while (end > left && /\s/.test(line[end - 1] ?? '')) end--;
  if (end - start <= MAX_MARKER_LINE && line[end - 1] === '-' && line[end - 2] === '-') {
    let right = end;
    while (line[right - 1] === '-') right--;
    const marker = pick(DASHED.get(normalisePhrase(line.slice(left, right))), dashes);
    if (marker) return { marker, rest: null };
  }
  // Yahoo: the phrase ends at the next dashes, and the header follows on the same line.
  const close = line.indexOf('--', left);
  if (close === -1 || close - start > MAX_MARKER_LINE) return null;
  const rows = DASHED.get(normalisePhrase(line.slice(left, close)))?.filter((m) => m.runTogether);
  const marker = pick(rows, dashes);
  if (!marker) return null;
  let after = close;
  while (line[after] === '-') after++;
  const rest = line.slice(after).trim();
  return { marker, rest: rest === '' ? null : rest };
}

/** The row written with `dashes` dashes, else the phrase's first row. */
function pick(rows: readonly ForwardMarker[] | undefined, dashes: number): ForwardMarker | null {
  if (!rows) return null;
  return rows.find((r) => r.leftDashes === dashes) ?? rows[0] ?? null;
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
  const labels = new LineLabels(lines);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const marker = findMarker(line);
    if (marker) {
      const depth = unquoteLine(line).depth;
      const found = blockAfter(lines, i + 1, depth, marker, parseDate);
      if (found) return found;
      continue;
    }
    if (startsBareHeaderBlock(lines, i, labels)) {
      const found = blockAfter(lines, i, unquoteLine(line).depth, null, parseDate);
      if (found) return found;
    }
  }
  return null;
}

/** What a line holds once unquoted, for the bare-header fallback: blank, or the field its label names. */
type LineLabel = HeaderField | 'blank' | null;

/**
 * `LineLabel`s of the lines of one text, each worked out once: the bare-header fallback looks at every line
 * as a possible `From` and at the `BARE_BLOCK_SPAN - 1` lines after it, so without this a text of label
 * lines (9 MB of `From: x`) labels each line that many times. A ring of the last `BARE_BLOCK_SPAN` lines
 * asked for is enough (the scan moves forward), so memory stays constant.
 */
class LineLabels {
  private readonly index = new Array<number>(BARE_BLOCK_SPAN).fill(-1);
  private readonly label = new Array<LineLabel>(BARE_BLOCK_SPAN).fill(null);
  constructor(private readonly lines: readonly string[]) {}

  of(j: number): LineLabel {
    const slot = j % BARE_BLOCK_SPAN;
    if (this.index[slot] === j) return this.label[slot] ?? null;
    const line = unquoteLine(this.lines[j] ?? '').line;
    const found: LineLabel = line.trim() === '' ? 'blank' : (labelOf(line)?.field ?? null);
    this.index[slot] = j;
    this.label[slot] = found;
    return found;
  }
}

function startsBareHeaderBlock(lines: readonly string[], i: number, labels: LineLabels): boolean {
  const first = lines[i] ?? '';
  if (first.length > MAX_MARKER_LINE * 4 || !mayBeLabel(first)) return false;
  // `mayBeLabel` holds, so the line has a colon: it is not blank.
  if (labels.of(i) !== 'from') return false;
  for (let j = i + 1; j < Math.min(lines.length, i + BARE_BLOCK_SPAN); j++) {
    const next = labels.of(j);
    if (next === 'blank') return false;
    if (next === 'subject') return true;
  }
  return false;
}

function blockAfter(
  lines: readonly string[],
  start: number,
  markerDepth: number,
  found: MarkerLine | null,
  parseDate: (s: string) => string | null,
): InlineForward | null {
  const marker = found?.marker ?? null;
  // Yahoo's header may start on the marker line itself: it is the window's first line.
  const head = found?.rest ? [found.rest] : [];
  // The marker sits at some quote depth (0 normally; deeper when a forward was itself quoted); the
  // block under it is at that depth, or one deeper when Apple Mail `> `-quoted the forwarded text.
  // Only a short window is examined first, so a text full of marker lines without header blocks stays
  // linear; the body is built once, for the block that is found.
  const window = [
    ...head,
    ...lines.slice(start, start + HEADER_WINDOW).map((l) => stripQuote(l, markerDepth)),
  ];
  const firstContent = window.find((l) => l.trim() !== '');
  const appleQuoted = firstContent?.startsWith('>') === true;
  const unquote = (l: string): string => (appleQuoted ? stripQuote(l, 1) : l);
  const block = readHeaderBlock(window.map(unquote), 0, {
    runTogether: marker?.runTogether,
    dateParser: parseDate,
  });
  if (!block) return null;
  const body = lines
    .slice(start + block.bodyStart - head.length)
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
    const marker = findMarker(lines[i] ?? '');
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
