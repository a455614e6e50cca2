/**
 * Mail arrives late, out of order and sometimes twice: dedupe and sort events so that the fold never
 * depends on arrival order.
 */
import { createHash } from 'node:crypto';
import { EVENT_TYPES, type EventType, type OrderEvent } from '../events';
import { sourceStrength } from './evidence';
import { parseInstant } from './time';

const TYPE_RANK = new Map<EventType, number>(EVENT_TYPES.map((t, i) => [t, i]));

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

type Facts = Omit<OrderEvent, 'source' | 'orderIds' | 'occurredAt'>;

/** What an event says, not how it reached us (the same mail forwarded twice, or forwarded and typed). */
function factsOf(event: OrderEvent): Facts {
  const { source: _source, orderIds: _orderIds, occurredAt: _occurredAt, ...facts } = event;
  return facts;
}

/**
 * Two reports of the same type at the same instant are copies of one fact unless they contradict each
 * other: one copy may have read more (store, items, amount, an estimate) than the other, and a detail one
 * copy lacks is not a second fact. Only a field both state differently makes two facts.
 */
function compatible(a: Facts, b: Facts): boolean {
  for (const [key, value] of Object.entries(a)) {
    const other = (b as Record<string, unknown>)[key];
    if (value !== undefined && other !== undefined && canonical(value) !== canonical(other)) return false;
  }
  return true;
}

interface Entry {
  event: OrderEvent;
  readonly at: number;
}

/** One event from two copies: every detail either read, and the strongest source (see evidence.ts). */
function merge(kept: OrderEvent, copy: OrderEvent): OrderEvent {
  const stronger = sourceStrength(copy.source) > sourceStrength(kept.source) ? copy : kept;
  return {
    ...factsOf(copy),
    ...factsOf(kept),
    orderIds: [...new Set([...kept.orderIds, ...copy.orderIds])],
    occurredAt: kept.occurredAt,
    source: stronger.source,
  };
}

/**
 * A stable id for one stored copy of a fact: the same mail delivered or forwarded twice gives the same id,
 * so storage keeps it once. It covers what the fact says, when, and how strong its source is (a command
 * confirming what an unverified mail said is kept beside it, so the confirmation is never lost); the
 * message id and language are left out. Two events with one id are always merged by `normaliseEvents`
 * too, so storage never keeps apart what the engine counts once, and never drops what it counts twice.
 * Unique within one order (order ids are not part of it): storage keys events by order and id.
 * 32 lowercase hex characters.
 */
export function eventId(event: OrderEvent): string {
  const key = `${parseInstant(event.occurredAt)}|${sourceStrength(event.source)}|${canonical(factsOf(event))}`;
  // 128 bits of SHA-256: short enough for a sort key, and no two facts of one order will ever collide.
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}

/**
 * Copies of one fact merged (see `compatible`; events with one `eventId` are always such copies) and
 * sorted: by instant, then lifecycle order, then content, so arrival order never matters.
 */
export function normaliseEvents(events: readonly OrderEvent[]): OrderEvent[] {
  // Copies are merged in content order (not arrival order), so which copies merge never depends on it.
  const candidates = events
    .map((event) => ({ event, at: parseInstant(event.occurredAt), key: canonical(factsOf(event)) }))
    .sort((a, b) => a.at - b.at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const merged: Entry[] = [];
  const byInstantAndType = new Map<string, Entry[]>();
  for (const { event, at } of candidates) {
    const bucketKey = `${at}|${event.type}`;
    const bucket = byInstantAndType.get(bucketKey) ?? [];
    const same = bucket.find((m) => compatible(factsOf(m.event), factsOf(event)));
    if (same) {
      same.event = merge(same.event, event);
      continue;
    }
    const entry = { event, at };
    bucket.push(entry);
    byInstantAndType.set(bucketKey, bucket);
    merged.push(entry);
  }
  return merged
    .map((m) => ({ ...m, key: canonical(factsOf(m.event)) }))
    .sort(
      (a, b) =>
        a.at - b.at ||
        (TYPE_RANK.get(a.event.type) ?? 0) - (TYPE_RANK.get(b.event.type) ?? 0) ||
        (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    )
    .map((m) => m.event);
}
