/**
 * Mail arrives late, out of order and sometimes twice: dedupe and sort events so that the fold never
 * depends on arrival order.
 */
import { createHash } from 'node:crypto';
import { EVENT_TYPES, type EventType, type OrderEvent } from '../events';
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

/**
 * Identity of an event for dedupe: what it says, not how it reached us (the same mail forwarded twice, or
 * forwarded once and typed once, is one fact). Order ids are left out because the fold is per order.
 */
function factKey(event: OrderEvent): string {
  const { source: _source, orderIds: _orderIds, occurredAt, ...facts } = event;
  return `${parseInstant(occurredAt)}|${canonical(facts)}`;
}

/**
 * The fact key and its digest, from one function: `eventId` and `normaliseEvents` both go through it, so
 * what storage dedupes and what the engine dedupes can never drift apart.
 */
function identify(event: OrderEvent): { key: string; id: string } {
  const key = factKey(event);
  // 128 bits of SHA-256: short enough for a sort key, and no two facts of one order will ever collide.
  return { key, id: createHash('sha256').update(key).digest('hex').slice(0, 32) };
}

/**
 * A stable id for an event: two events have the same id exactly when the engine treats them as one fact
 * (the same mail forwarded twice, or forwarded once and typed once). Unique within one order (order ids
 * are not part of the fact), so storage keys events by order and id. 32 lowercase hex characters.
 */
export function eventId(event: OrderEvent): string {
  return identify(event).id;
}

/** Deduped by `eventId` and sorted: by instant, then lifecycle order, then content, so arrival order never matters. */
export function normaliseEvents(events: readonly OrderEvent[]): OrderEvent[] {
  const unique = new Map<string, { event: OrderEvent; at: number; key: string }>();
  for (const event of events) {
    const { key, id } = identify(event);
    if (!unique.has(id)) unique.set(id, { event, at: parseInstant(event.occurredAt), key });
  }
  return [...unique.values()]
    .sort(
      (a, b) =>
        a.at - b.at ||
        (TYPE_RANK.get(a.event.type) ?? 0) - (TYPE_RANK.get(b.event.type) ?? 0) ||
        (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    )
    .map((e) => e.event);
}
