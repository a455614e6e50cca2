import {
  type DisputeOutcome,
  dropUndefined,
  type EventType,
  isIsoInstant,
  type Money,
  type OrderEvent,
  type PaymentMethod,
} from '../../events';
import type { Extraction, OriginalMessage } from '../types';
import { classifyMailer } from '../unwrap/mailers';
import { type MailContent, prepareContent } from './content';
import {
  isPlacedLine,
  moneyAfter,
  parseEstimatedDelivery,
  parseItems,
  parsePlacedAt,
  parseStatedDate,
  parseStore,
} from './fields';
import { bareOrderIds, selectOrderIds } from './order-ids';
import { acceptSubjectParcelId, findParcelIds, parcelIdsFromUrls, parcelsByOrder } from './parcel-ids';
import { ALL_ORDER_WORDS, type CompiledTable, LABELS, type Phrases, phraseLookup } from './patterns';
import { matchWording, type WordingMatch } from './wording';

export interface ExtractContext {
  /** When the mail reached us (outer Date), used for occurredAt only if the original has no Date. */
  readonly receivedAt: string | null;
}

/** Fields that belong to one order (read from that order's block of a multi-order mail). */
interface OrderFields {
  placedAt?: string;
  store?: string;
  items?: readonly string[];
  amount?: Money;
  estimatedDelivery?: string;
}

/** Fields the whole mail states once, for every order it names. */
interface MailFields {
  disputeWindowDays?: number;
  protectionEndsAt?: string;
  extensionDays?: number;
  outcome?: DisputeOutcome;
  paymentMethod?: PaymentMethod;
  amount?: Money;
}

// A real notice names a handful of orders (a parcel holds 3–4, one checkout rarely more than 20); hundreds
// mean a mangled or hostile mail, whose events would flood the log (and per-order splitting is quadratic).
const MAX_ORDERS_PER_MAIL = 50;

const LIST_ENTRY_RE = new RegExp(`^(?:${ALL_ORDER_WORDS.join('|')}) ?[0-9]{15,18}$`, 'iu');

/** An ISO instant with its offset, or null: a time without a zone would depend on the server's zone. */
function toInstant(value: string | null): string | null {
  if (!value || !/(?:Z|[+-][0-9]{2}:[0-9]{2})$/.test(value)) return null;
  return isIsoInstant(value) ? value : null;
}

/**
 * A line that matches (a placed date, an item title ending in "…") matches in the joined text too, so the
 * line-by-line scans are skipped when the joined text has no match at all.
 */
function orderFields(lines: readonly string[]): OrderFields {
  const flat = lines.join(' ');
  const items = flat.includes('…') || flat.includes('...') ? parseItems(lines) : [];
  return {
    placedAt: parsePlacedAt(flat) ?? undefined,
    store: isPlacedLine(flat) ? (parseStore(lines) ?? undefined) : undefined,
    items: items.length > 0 ? items : undefined,
    amount: moneyAfter(LABELS.orderTotal, flat) ?? undefined,
    estimatedDelivery: parseEstimatedDelivery(flat) ?? undefined,
  };
}

/**
 * Per-order fields for a mail naming several orders: split the body at each placed-date line (combined
 * delivery) or each "Bestellung N" list line (multi-order confirmation); a block belongs to the one order
 * number it contains. Orders we cannot place in exactly one block get only mail-wide fields, so one
 * order's total is never pinned on another.
 */
function fieldsPerOrder(lines: readonly string[], ids: readonly string[]): Map<string, OrderFields> {
  const result = new Map<string, OrderFields>();
  if (ids.length === 1 && ids[0] !== undefined) {
    result.set(ids[0], orderFields(lines));
    return result;
  }
  const flat = lines.join(' ');
  let starts = isPlacedLine(flat) ? lines.flatMap((l, i) => (isPlacedLine(l) ? [i] : [])) : [];
  if (starts.length < 2) starts = lines.flatMap((l, i) => (LIST_ENTRY_RE.test(l) ? [i] : []));
  if (starts.length >= 2) {
    for (const [k, start] of starts.entries()) {
      const block = lines.slice(start, starts[k + 1] ?? lines.length);
      const text = block.join(' ');
      const inBlock = ids.filter((id) => text.includes(id));
      const id = inBlock[0];
      if (inBlock.length === 1 && id !== undefined && !result.has(id)) result.set(id, orderFields(block));
    }
  }
  // An estimate printed once in a parcel mail is the parcel's, so it holds for every order inside it.
  // Each two-line window is a substring of the flat body, so a body without any estimate skips the scan.
  const estimates = new Set(
    LABELS.estimatedDelivery?.test(flat)
      ? lines.flatMap((_, i) => parseEstimatedDelivery(lines.slice(i, i + 2).join(' ')) ?? [])
      : [],
  );
  const [estimate] = estimates;
  for (const id of ids) {
    const own = result.get(id) ?? {};
    result.set(id, {
      ...own,
      estimatedDelivery: own.estimatedDelivery ?? (estimates.size === 1 ? estimate : undefined),
    });
  }
  return result;
}

/** A stated number of days, if plausible (the event schema allows 1–365). */
function dayCount(text: string | null): number | undefined {
  const n = Number(text);
  return text && Number.isInteger(n) && n >= 1 && n <= 365 ? n : undefined;
}

function firstCapture({ any, list }: Phrases, text: string): string | null {
  if (any === null || !any.test(text)) return null;
  for (const re of list) {
    const m = re.exec(text);
    const c = m?.slice(1).find((x): x is string => typeof x === 'string');
    if (c) return c;
  }
  return null;
}

const NO_PAIRS: ReadonlyMap<string, string> = new Map();

/** The word after "tracking number", when shaped like an id ("…number provided by…" is not one). */
function labelledParcelId(content: MailContent): string | null {
  const labelled = LABELS.trackingNumber?.exec(content.flat)?.[1];
  return labelled ? acceptSubjectParcelId(labelled) : null;
}

/** The one id in `ids`, or null when there are none or several (then which one is meant is unknown). */
function onlyOne(ids: readonly string[]): string | null {
  return ids.length === 1 ? (ids[0] ?? null) : null;
}

/**
 * The parcel id of each order. The subject's `<Package word> ID` names the mail's one parcel. Otherwise an
 * order takes the parcel its own link pairs it with (multi-package mails: one block per parcel, each with
 * `tradeOrderId=…&trackingNumber=…`); a mail whose links name several parcels gives an unpaired order
 * none, rather than another block's. Failing both, a single id the mail states ("…nummer lautet H…", a lone
 * `trackingNumber=` link, one id in the text) is the parcel of every order it names.
 */
function parcelIdsOf(
  c: WordingMatch & { kind: 'event' },
  content: MailContent,
  ids: readonly string[],
): Map<string, string> {
  const result = new Map<string, string>();
  const fromSubject = c.subjectParcelId ? acceptSubjectParcelId(c.subjectParcelId) : null;
  // The subject's parcel is every order's: nothing else is read then. Links name parcels only with a
  // `trackingNumber=` parameter (both link readers need it), so the links are read only when one has it.
  const trackingLinks = fromSubject === null && content.urls.some((u) => u.includes('trackingNumber='));
  const paired = trackingLinks ? parcelsByOrder(content.urls) : NO_PAIRS;
  const linked = trackingLinks ? parcelIdsFromUrls(content.urls) : [];
  const mailWide =
    fromSubject ??
    (new Set(paired.values()).size > 1 || linked.length > 1
      ? null
      : (labelledParcelId(content) ?? onlyOne(linked) ?? onlyOne(findParcelIds(content.flatWithoutUrls))));
  for (const id of ids) {
    const parcel = paired.get(id) ?? mailWide;
    if (parcel) result.set(id, parcel);
  }
  return result;
}

function mailFields(type: EventType, table: CompiledTable, content: MailContent): MailFields {
  const lookup = phraseLookup(table);
  const flat = content.flat;
  const days = firstCapture(lookup.disputeWindow, flat);
  const ends = firstCapture(
    type === 'protection_extended' ? lookup.protectionExtendedTo : lookup.protectionEnds,
    flat,
  );
  const extra = type === 'protection_extended' ? firstCapture(lookup.protectionExtendedBy, flat) : null;
  const fields: MailFields = {
    disputeWindowDays: dayCount(days),
    protectionEndsAt: ends ? (parseStatedDate(ends) ?? undefined) : undefined,
    extensionDays: dayCount(extra),
  };
  if (type === 'dispute_closed') {
    fields.outcome = lookup.outcomes.find((o) => o.regex.test(flat))?.rule.outcome;
  }
  if (type === 'refund_issued') {
    fields.paymentMethod = lookup.paymentMethods.find((p) => p.regex.test(flat))?.rule.method;
    fields.amount = moneyAfter(LABELS.refundAmount, flat) ?? undefined;
  }
  return fields;
}

function unknownWording(language: string | null, ids: readonly string[], why: string): Extraction {
  return {
    kind: 'unrecognized',
    language,
    orderIds: ids,
    reason:
      ids.length > 0
        ? `AliExpress mail about order ${ids.join(', ')}, but ${why}, so nothing was recorded; if it matters, record the event with a command`
        : `AliExpress mail, but ${why}`,
  };
}

/**
 * AliExpress sends marketing from its transaction address too ("Great finds await your return"), and its
 * marketing subjects say "order" ("Ihre Bestellung hat einen lokalen Boost erhalten!"). A mail of unknown
 * wording that names no order and no parcel anywhere is no notice about the user's orders: telling them
 * "couldn't read" would be wrong. A mail that names one stays unrecognized, so nothing real is dropped.
 */
const NO_ORDER_REASON =
  'an AliExpress mail that names no order or parcel (an advertisement or a general notice), not an order event';

function namesParcel(content: MailContent): boolean {
  return (
    parcelIdsFromUrls(content.urls).length > 0 ||
    findParcelIds(content.subject).length > 0 ||
    findParcelIds(content.flatWithoutUrls).length > 0
  );
}

/** Reads one AliExpress message (already unwrapped from any forward) into typed events. */
export function extractAliExpress(msg: OriginalMessage, context: ExtractContext): Extraction {
  const mailer = classifyMailer(msg.from?.address);
  if (mailer.kind === 'ignored') return { kind: 'ignored', language: null, reason: mailer.reason };

  const content = prepareContent(msg);
  const c = matchWording(content.subject, content.flat);
  const language = c.table?.table.code ?? null;
  if (c.kind === 'ignored') return { kind: 'ignored', language, reason: c.reason };

  const subjectIds =
    c.kind === 'event' && c.subjectOrderId ? [c.subjectOrderId] : bareOrderIds(content.subject);
  const ids = selectOrderIds(subjectIds, content.flatWithoutUrls, content.urls);

  if (mailer.kind === 'seller-message' && !(c.kind === 'event' && SELLER_DISPUTE_EVENTS.has(c.type))) {
    return { kind: 'ignored', language, reason: mailer.reason };
  }
  if (c.kind === 'unknown' && ids.length === 0 && !namesParcel(content)) {
    return { kind: 'ignored', language, reason: NO_ORDER_REASON };
  }
  if (c.kind === 'unknown')
    return unknownWording(
      language,
      ids,
      'orderwatch cannot read its wording (a language or notice it does not know yet)',
    );

  const occurredAt = toInstant(msg.date) ?? toInstant(context.receivedAt);
  if (!occurredAt)
    return unknownWording(language, ids, 'neither the mail nor its delivery has a readable date');
  if (ids.length === 0) {
    return unknownWording(language, ids, `it reads as "${c.type}" yet names no order number`);
  }
  if (ids.length > MAX_ORDERS_PER_MAIL) {
    return unknownWording(language, [], `it names ${ids.length} order numbers, more than any real notice`);
  }

  const shared = mailFields(c.type, c.table, content);
  if (c.type === 'protection_extended' && !shared.protectionEndsAt && !shared.extensionDays) {
    return unknownWording(language, ids, 'it extends protection without a readable new date');
  }
  if (c.type === 'protection_stated' && !shared.protectionEndsAt) {
    return unknownWording(language, ids, 'it states protection without a readable date');
  }

  const parcelIds = parcelIdsOf(c, content, ids);
  const perOrder = fieldsPerOrder(content.lines, ids);
  const source = { kind: 'mail', messageId: msg.messageId, language, evidence: c.evidence } as const;
  // The stated end comes from a protection phrase, not from the wording that named the event: no
  // protection-end phrase has a public sample (every `protectionEnds` entry is a guess), so the stated
  // fact is unverified even inside a verified "order shipped" mail.
  const statedSource = { ...source, evidence: 'unverified' } as const;
  const events: OrderEvent[] = [];
  // A stated "Refund if no delivery before …" inside another notice is a fact of its own.
  const alsoStated =
    c.type !== 'protection_stated' && c.type !== 'protection_extended' && shared.protectionEndsAt;
  for (const id of ids) {
    const own = perOrder.get(id) ?? {};
    const parcelId = parcelIds.get(id);
    const base = { orderIds: [id], occurredAt, source, ...(parcelId ? { parcelId } : {}) };
    const amount = c.type === 'refund_issued' ? shared.amount : own.amount;
    events.push(
      dropUndefined({
        type: c.type,
        ...base,
        ...own,
        amount,
        disputeWindowDays: shared.disputeWindowDays,
        protectionEndsAt: alsoStated ? undefined : shared.protectionEndsAt,
        extensionDays: shared.extensionDays,
        outcome: shared.outcome,
        paymentMethod: shared.paymentMethod,
      }),
    );
    if (alsoStated)
      events.push(
        dropUndefined({
          type: 'protection_stated',
          ...base,
          source: statedSource,
          protectionEndsAt: shared.protectionEndsAt,
        }),
      );
  }
  return { kind: 'aliexpress', language, events };
}

// A seller's message only counts when the wording is about a dispute (see mailers.ts).
const SELLER_DISPUTE_EVENTS: ReadonlySet<EventType> = new Set([
  'seller_responded',
  'dispute_opened',
  'dispute_escalated',
  'dispute_closed',
]);

/** The event without its undefined fields, keys in the same order (a loop: this runs per event). */
