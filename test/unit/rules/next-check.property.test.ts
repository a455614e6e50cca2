/**
 * The scheduler looks at an order again only at `nextCheckAt`, so an alert that becomes due before that
 * instant would be missed — the worst bug this engine can have. These properties simulate the clock hour by
 * hour over random histories and check that every alert that newly becomes due was announced.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, type OrderEvent } from '../../../functions/core/events';
import { type PlannedAlert, planAlerts } from '../../../functions/core/rules/alerts';
import { computeClocks } from '../../../functions/core/rules/clocks';
import { evaluateOrder, type Policy, resolvePolicy } from '../../../functions/core/rules/index';
import { alertsDue, nextCheckMs } from '../../../functions/core/rules/next-check';
import { DEFAULT_POLICY } from '../../../functions/core/rules/policy';
import { buildTimeline } from '../../../functions/core/rules/timeline';
import { ORDER } from './helpers';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Near the 2026 spring DST switches (New York 03-08, Berlin 03-29, Lord Howe 04-05).
const START = Date.parse('2026-03-01T00:00:00Z');
const ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'Asia/Kolkata',
  'Pacific/Kiritimati',
  'Australia/Lord_Howe',
];
const WARNINGS = new Set([
  'protection-lapsing',
  'dispute-window-closing',
  'negotiation-ending',
  'appeal-window-closing',
]);

const iso = (ms: number) => new Date(ms).toISOString();
const isoDate = (ms: number) => iso(ms).slice(0, 10);

/** A date or an instant within `days` of START. */
const dateOrInstant = (days: number) =>
  fc
    .tuple(fc.integer({ min: 0, max: days * 24 }), fc.boolean())
    .map(([h, dateOnly]) => (dateOnly ? isoDate(START + h * HOUR) : iso(START + h * HOUR)));

const eventArb = (spanDays: number): fc.Arbitrary<OrderEvent> =>
  fc
    .record({
      type: fc.constantFrom(...EVENT_TYPES),
      hour: fc.integer({ min: 0, max: spanDays * 24 }),
      minute: fc.constantFrom(0, 17, 30, 59),
      estimatedDelivery: fc.option(
        dateOrInstant(spanDays).map((v) => v.slice(0, 10)),
        { nil: undefined },
      ),
      protectionEndsAt: fc.option(dateOrInstant(spanDays * 2), { nil: undefined }),
      extensionDays: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
      disputeWindowDays: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
      negotiationEndsAt: dateOrInstant(spanDays * 2),
      outcome: fc.option(fc.constantFrom('won', 'partial', 'lost' as const), { nil: undefined }),
      paymentMethod: fc.option(fc.constantFrom('card', 'alipay', 'other' as const), { nil: undefined }),
    })
    .map((r) => {
      const event: OrderEvent = {
        type: r.type,
        orderIds: [ORDER],
        occurredAt: iso(START + r.hour * HOUR + r.minute * 60_000),
        source: { kind: 'manual' },
        ...(r.estimatedDelivery ? { estimatedDelivery: r.estimatedDelivery } : {}),
        ...(r.paymentMethod ? { paymentMethod: r.paymentMethod } : {}),
      };
      switch (r.type) {
        case 'protection_stated':
          return { ...event, protectionEndsAt: r.protectionEndsAt ?? r.negotiationEndsAt };
        case 'protection_extended':
          return r.protectionEndsAt
            ? { ...event, protectionEndsAt: r.protectionEndsAt }
            : { ...event, extensionDays: r.extensionDays ?? 5 };
        case 'negotiation_deadline':
          return { ...event, negotiationEndsAt: r.negotiationEndsAt };
        case 'dispute_closed':
          return r.outcome ? { ...event, outcome: r.outcome } : event;
        case 'delivery_confirmed':
          return r.disputeWindowDays ? { ...event, disputeWindowDays: r.disputeWindowDays } : event;
        default:
          return event;
      }
    });

/** Histories biased towards real lifecycles: usually paid and shipped, then anything. */
const historyArb = (spanDays: number) =>
  fc
    .tuple(
      fc.boolean(),
      fc.boolean(),
      fc.integer({ min: 0, max: 48 }),
      fc.array(eventArb(spanDays), { minLength: 0, maxLength: 7 }),
    )
    .map(([paid, shipped, shipHour, rest]) => {
      const base: OrderEvent[] = [];
      if (paid)
        base.push({
          type: 'payment_confirmed',
          orderIds: [ORDER],
          occurredAt: iso(START),
          source: { kind: 'manual' },
        });
      if (shipped)
        base.push({
          type: 'shipped',
          orderIds: [ORDER],
          occurredAt: iso(START + shipHour * HOUR),
          source: { kind: 'manual' },
        });
      return [...base, ...rest];
    })
    .filter((events) => events.length > 0);

/** Short clocks, so a whole order lifetime fits in a few hundred simulated hours. */
const shortPolicyArb: fc.Arbitrary<Policy> = fc
  .record({
    protectionDays: fc.integer({ min: 3, max: 20 }),
    awaitingConfirmationDays: fc.integer({ min: 1, max: 4 }),
    disputeNotBeforeDays: fc.integer({ min: 1, max: 6 }),
    disputeWindowDays: fc.integer({ min: 2, max: 8 }),
    sellerResponseDays: fc.integer({ min: 2, max: 8 }),
    appealDays: fc.integer({ min: 2, max: 6 }),
    notShippedDays: fc.integer({ min: 1, max: 6 }),
    windowClosedNoticeDays: fc.integer({ min: 1, max: 3 }),
    sendHour: fc.integer({ min: 0, max: 23 }),
    protectionLeadDays: fc.constantFrom([7, 3, 1], [2, 1], [1]),
    refund: fc.integer({ min: 1, max: 6 }),
  })
  .map(({ refund, ...p }) =>
    resolvePolicy({ ...p, refundBusinessDays: { card: refund, alipay: 1, other: refund + 1 } }),
  );

/** The engine's internal plan (epoch-ms windows) for a fixed set of facts, whatever their dates. */
function planOf(events: readonly OrderEvent[], timeZone: string, policy = DEFAULT_POLICY): PlannedAlert[] {
  const timeline = buildTimeline(ORDER, events);
  return planAlerts(timeline, computeClocks(timeline, { policy, timeZone }), { policy, timeZone });
}

function dueKeys(plan: readonly PlannedAlert[], now: number): Set<string> {
  return new Set(alertsDue(plan, now).map((a) => a.key));
}

describe('nextCheckAt is never late', () => {
  it('full pipeline, every hour: nothing becomes due before the previous nextCheckAt (short policies)', () => {
    fc.assert(
      fc.property(historyArb(12), shortPolicyArb, fc.constantFrom(...ZONES), (events, policy, timeZone) => {
        const end = START + 40 * DAY;
        // From the last event on, the facts stand still (a new fact may make an alert due at once).
        const from = Math.max(...events.map((e) => Date.parse(e.occurredAt)));
        let previous = evaluateOrder(events, { now: iso(from), timeZone, policy, orderId: ORDER });
        let previousKeys = new Set(previous.alerts.map((a) => a.key));
        for (let h = from + HOUR; h <= end; h += HOUR) {
          const current = evaluateOrder(events, { now: iso(h), timeZone, policy, orderId: ORDER });
          const fresh = current.alerts.filter((a) => !previousKeys.has(a.key));
          if (fresh.length > 0) {
            expect(
              previous.nextCheckAt,
              `${fresh[0]?.key} became due at ${iso(h)} unannounced`,
            ).not.toBeNull();
            expect(
              Date.parse(previous.nextCheckAt ?? ''),
              `${fresh[0]?.key} at ${iso(h)}`,
            ).toBeLessThanOrEqual(h);
          }
          if (current.nextCheckAt !== null) expect(Date.parse(current.nextCheckAt)).toBeGreaterThan(h);
          previous = current;
          previousKeys = new Set(current.alerts.map((a) => a.key));
        }
      }),
      { numRuns: 10 },
    );
  });

  it('default policy, every hour over five months, plus the alert invariants', () => {
    fc.assert(
      fc.property(historyArb(40), fc.constantFrom(...ZONES), (events, timeZone) => {
        const plan = planOf(events, timeZone);
        for (const p of plan) {
          // Every warning goes out before the deadline it warns about.
          if (WARNINGS.has(p.alert.kind))
            expect(Date.parse(p.alert.sendAt), p.alert.key).toBeLessThan(Date.parse(p.alert.deadline));
          // A2's deadline is the estimate that passed; the protection it warns about ends its window.
          if (p.alert.kind === 'late') {
            expect(Date.parse(p.alert.sendAt), p.alert.key).toBeGreaterThanOrEqual(
              Date.parse(p.alert.deadline),
            );
            expect(Date.parse(p.alert.sendAt), p.alert.key).toBeLessThan(p.until ?? Number.NaN);
          }
          expect(Date.parse(p.alert.sendAt)).toBe(p.from);
        }
        let previousKeys = dueKeys(plan, START - DAY);
        let previousNext = nextCheckMs(plan, START - DAY);
        for (let h = START - DAY + HOUR; h <= START + 150 * DAY; h += HOUR) {
          const keys = dueKeys(plan, h);
          for (const key of keys) {
            if (!previousKeys.has(key)) {
              expect(previousNext, `${key} at ${iso(h)}`).not.toBeNull();
              expect(previousNext ?? Number.POSITIVE_INFINITY, key).toBeLessThanOrEqual(h);
            }
          }
          previousKeys = keys;
          previousNext = nextCheckMs(plan, h);
        }
        // And the full evaluation at any instant is the plan of the facts known then, read at it.
        for (const h of [START + 3 * DAY, START + 40 * DAY, START + 70 * DAY]) {
          const full = evaluateOrder(events, { now: iso(h), timeZone, orderId: ORDER });
          const known = events.filter((e) => Date.parse(e.occurredAt) <= h);
          expect(full.alerts.map((a) => a.key).sort()).toEqual(
            [...dueKeys(planOf(known, timeZone), h)].sort(),
          );
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a key is due in one unbroken stretch of time, so "send once" cannot drop a second chance', () => {
    fc.assert(
      fc.property(historyArb(40), fc.constantFrom(...ZONES), (events, timeZone) => {
        const keys = planOf(events, timeZone).map((p) => p.alert.key);
        expect(new Set(keys).size).toBe(keys.length);
      }),
      { numRuns: 200 },
    );
  });
});
