/**
 * What the validator accepts, the engine can always evaluate: the schema is the one gate between
 * untrusted input (mail, NDJSON, commands, the event log read back) and the engine, so an event that
 * passes it and then makes `evaluateOrder` throw would take a user's whole order down with it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DISPUTE_OUTCOMES,
  EVENT_TYPES,
  EVIDENCE_LEVELS,
  InvalidEventError,
  type OrderEvent,
  PAYMENT_METHODS,
  parseOrderEvent,
} from '../../../functions/core/events';
import { evaluateOrder, evaluateOrders } from '../../../functions/core/rules/index';

const ORDER = '8123456789012345';
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Dates near and at the edges of what the schema allows, some impossible on purpose. */
const date = fc
  .tuple(
    fc.oneof(fc.integer({ min: 2020, max: 2030 }), fc.constantFrom(1969, 1970, 2999, 3000)),
    fc.integer({ min: 0, max: 13 }),
    fc.integer({ min: 0, max: 32 }),
  )
  .map(([y, m, d]) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`);
const time = fc
  .tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }))
  .map(([h, m, s]) => `${pad(h)}:${pad(m)}:${pad(s)}`);
const offset = fc.oneof(
  fc.constant('Z'),
  fc
    .tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 15 }), fc.constantFrom(0, 30, 45, 60))
    .map(([s, h, m]) => `${s}${pad(h)}:${pad(m)}`),
);
const instant = fc.tuple(date, time, offset).map(([d, t, o]) => `${d}T${t}${o}`);
const localDateTime = fc.tuple(date, time).map(([d, t]) => `${d}T${t.slice(0, 5)}`);
const dateOrInstant = fc.oneof(date, instant);
const nullish = <T>(a: fc.Arbitrary<T>) => fc.option(fc.oneof(a, fc.constant(null)), { nil: undefined });

const source = fc.oneof(
  fc.record({
    kind: fc.constant('mail'),
    messageId: fc.option(fc.string({ minLength: 1, maxLength: 20 }), { nil: null }),
    language: fc.option(fc.constantFrom('en', 'de'), { nil: null }),
    evidence: fc.constantFrom(...EVIDENCE_LEVELS),
  }),
  fc.record({ kind: fc.constant('command'), messageId: fc.constant(null) }),
  fc.record({ kind: fc.constant('manual') }),
);

const rawEvent = fc.record(
  {
    type: fc.constantFrom(...EVENT_TYPES),
    orderIds: fc.constant([ORDER]),
    occurredAt: instant,
    source,
    parcelId: nullish(fc.constantFrom('LP00123456789012', 'LP00123456789013')),
    placedAt: nullish(fc.oneof(localDateTime, date, instant)),
    estimatedDelivery: nullish(date),
    protectionEndsAt: nullish(dateOrInstant),
    extensionDays: nullish(fc.integer({ min: 0, max: 400 })),
    disputeWindowDays: nullish(fc.integer({ min: 0, max: 400 })),
    negotiationEndsAt: nullish(dateOrInstant),
    outcome: nullish(fc.constantFrom(...DISPUTE_OUTCOMES)),
    paymentMethod: nullish(fc.constantFrom(...PAYMENT_METHODS)),
  },
  { requiredKeys: ['type', 'orderIds', 'occurredAt'] },
);

/** The events of `raws` the schema accepts (most of them: the arbitraries aim at valid values). */
function accepted(raws: readonly unknown[]): OrderEvent[] {
  return raws.flatMap((raw) => {
    try {
      return [parseOrderEvent(raw)];
    } catch (error) {
      if (!(error instanceof InvalidEventError)) throw error;
      return [];
    }
  });
}

const ZONES = ['UTC', 'Europe/Berlin', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/St_Johns'];

describe('what the validator accepts, the engine can always evaluate', () => {
  it('evaluateOrder and evaluateOrders never throw on schema-valid events', () => {
    let evaluated = 0;
    fc.assert(
      fc.property(
        fc.array(rawEvent, { minLength: 1, maxLength: 8 }),
        instant,
        fc.constantFrom(...ZONES),
        fc.boolean(),
        (raws, nowRaw, timeZone, muted) => {
          const events = accepted(raws);
          const [now] = accepted([{ type: 'shipped', orderIds: [ORDER], occurredAt: nowRaw }]).map(
            (e) => e.occurredAt,
          );
          if (events.length === 0 || now === undefined) return;
          evaluated += 1;
          const result = evaluateOrder(events, { now, timeZone, orderId: ORDER, muted });
          expect(result.orderId).toBe(ORDER);
          evaluateOrders(events, { now, timeZone });
        },
      ),
      { numRuns: 600 },
    );
    // The property means little if the validator refused nearly everything.
    expect(evaluated).toBeGreaterThan(100);
  });
});
