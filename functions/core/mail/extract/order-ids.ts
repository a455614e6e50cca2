import { isOrderId } from '../../formats';
import { ALL_ORDER_WORDS } from './patterns';

/**
 * Order numbers: 16 digits in modern mail, 15 in older mail; real ids start with 1, 3 or 8 (anonymised
 * samples with 9), which only bare runs are held to. Only whole digit runs count, never a slice of a
 * longer run, so a 20-digit DHL id, an 18-digit tracking number or an `H`+19 Hermes id never yields an
 * order number.
 *
 * Where an id was found decides how much it is trusted:
 *  - strong: the subject, a label ("Bestell-Nr."), an order word right before it ("Bestellung N",
 *    "No. N"), `tradeOrderId=` and `o_ids=` links;
 *  - glued: a 17–18-digit run right after an order word, i.e. a running index glued to the id in a
 *    multi-order list ("Bestellung 1" + "9999999999990001" rendered as "Bestellung 19999999999990001");
 *  - weak: `orderId=` links (may carry a per-item sub-order id);
 *  - last resort (`bareOrderIds`): standalone runs in the text, only when nothing above names an order.
 */

export type IdSource = 'strong' | 'glued' | 'weak-link';

export interface IdCandidate {
  readonly id: string;
  readonly source: IdSource;
  /** For `glued`: the whole digit run. */
  readonly run?: string;
}

const WORDS = ALL_ORDER_WORDS.join('|');
/** Whole digit runs of order-number length, or of a glued index + order number. */
const RUN_RE = /(?<![0-9])[0-9]{15,18}(?![0-9])/g;
// What introduces a run: "Bestellung 9999…", "Order No. 9999…", "Bestell-Nr. 9999…", "(No. 9999… und
// weitere)". Anchored at the end: it is tested on the text right before each run.
const INTRO_RE = new RegExp(`(?:(?<![\\p{L}])(?:${WORDS})|\\bNo\\.|#) ?(?:No\\.|Nr\\.|#)? ?:? ?$`, 'iu');
// How much text before a run `INTRO_RE` sees: more than any introduction can be (order words are plain
// phrases without `+` or `*`, so a word's source is at least as long as the text it matches; then at most
// " No. : "), so the window's edge never decides whether a run counts.
const INTRO_WINDOW = Math.max(...ALL_ORDER_WORDS.map((w) => w.length)) + 16;
/**
 * A bare run is the weakest evidence, so it must also look like an order number: real ones lead with 1,
 * 3 or 8 (anonymised samples with 9); `0049151234567890`, a courier's phone number, is no order.
 */
const BARE_RE = /(?<![A-Za-z0-9])([1389][0-9]{14,15})(?![A-Za-z0-9])/g;
const LINK_PARAM_RE = /[?&](tradeOrderId|o_ids|orderIds|orderId|order_id)=([0-9%,A-Fa-f]{15,2000})/g;

/** The one order-number check (`formats.ts`), under the name the extraction code reads it by. */
export const isOrderNumber = isOrderId;

/** Every standalone 15/16-digit run shaped like an order number (subjects, and the last-resort scan of a body). */
export function bareOrderIds(text: string): string[] {
  return unique([...text.matchAll(BARE_RE)].map((m) => m[1] ?? ''));
}

/**
 * Ids introduced by an order word or label, plus glued index runs. Digit runs are rare and cheap to find,
 * so each run's introduction is checked, instead of searching the whole text for every word; an
 * introduction holds no digits, so the runs are independent of each other.
 */
export function mentionedOrderIds(text: string): IdCandidate[] {
  const out: IdCandidate[] = [];
  for (const m of text.matchAll(RUN_RE)) {
    if (!INTRO_RE.test(text.slice(Math.max(0, m.index - INTRO_WINDOW), m.index))) continue;
    const run = m[0];
    if (run.length <= 16) out.push({ id: run, source: 'strong' });
    else out.push({ id: run.slice(-16), source: 'glued', run });
  }
  return out;
}

export function linkOrderIds(urls: readonly string[]): IdCandidate[] {
  const out: IdCandidate[] = [];
  for (const url of urls) {
    for (const m of url.matchAll(LINK_PARAM_RE)) {
      const param = m[1] ?? '';
      const source: IdSource = param === 'orderId' || param === 'order_id' ? 'weak-link' : 'strong';
      for (const id of (m[2] ?? '').split(/%2C|,/i)) if (isOrderNumber(id)) out.push({ id, source });
    }
  }
  return out;
}

/** True when two ids of equal length differ in exactly one position (an order and one of its sub-orders). */
export function differsInOneDigit(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && ++diff > 1) return false;
  return diff === 1;
}

/**
 * Glued index rule: a glued run stands for its last 16 digits when those are confirmed elsewhere (the
 * subject, "No. N", a link), or when the digits before them equal the run's position in the list
 * (1, 2, … 10, …). Otherwise it is dropped: better an order missing than an invented one.
 */
function resolveGlued(glued: readonly IdCandidate[], confirmed: ReadonlySet<string>): string[] {
  return glued.flatMap((c, i) => {
    const index = (c.run ?? '').slice(0, -16);
    return confirmed.has(c.id) || Number(index) === i + 1 ? [c.id] : [];
  });
}

/**
 * The order ids a mail is about, in order of first appearance. Weak link ids that differ from a strong
 * id in one digit are sub-orders and dropped (two *strong* ids one digit apart are sibling orders of one
 * checkout and both kept). Bare runs are a last resort for mails that name no order any other way.
 */
export function selectOrderIds(
  subjectIds: readonly string[],
  bodyText: string,
  urls: readonly string[],
): string[] {
  const mentions = mentionedOrderIds(bodyText);
  const links = linkOrderIds(urls);
  const strong = [
    ...subjectIds,
    ...mentions.filter((c) => c.source === 'strong').map((c) => c.id),
    ...links.filter((c) => c.source === 'strong').map((c) => c.id),
  ];
  const confirmed = new Set([...strong, ...links.map((c) => c.id)]);
  const glued = resolveGlued(
    mentions.filter((c) => c.source === 'glued'),
    confirmed,
  );
  const sure = unique([...strong, ...glued]);
  const weak = links
    .filter((c) => c.source === 'weak-link' && !sure.some((s) => differsInOneDigit(s, c.id)))
    .map((c) => c.id);
  const ids = unique([...sure, ...weak]);
  return ids.length > 0 ? ids : bareOrderIds(bodyText);
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids.filter((id) => id.length > 0))];
}
