/**
 * A simulated season of orders (issue 8): realistic event histories in the shapes the fixture mails
 * produce (test/fixtures/mail/events: shipped, in transit with an estimate, delivered, awaiting
 * confirmation, disputes and their outcomes, refunds), spread over users in several zones, generated from
 * a seed so a failure can be replayed. Used by test/integration/season.test.ts and `npm run bench`.
 */
import type { EventType, OrderEvent, PaymentMethod } from '../../functions/core/events';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Zones that meet the send hour at different UTC hours, UTC+13 and DST changes included. */
export const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'Pacific/Auckland'] as const;

export type Scenario =
  | 'delivered'
  | 'delivered-late-confirmation'
  | 'lost-parcel'
  | 'last-call'
  | 'not-shipped-cancelled'
  | 'dispute-won'
  | 'dispute-lost'
  | 'seller-silent'
  | 'negotiation'
  | 'refund-overdue';

const SCENARIOS: readonly Scenario[] = [
  'delivered',
  'delivered',
  'delivered-late-confirmation',
  'lost-parcel',
  'last-call',
  'not-shipped-cancelled',
  'dispute-won',
  'dispute-lost',
  'seller-silent',
  'negotiation',
  'refund-overdue',
];

export interface SeasonOrder {
  readonly user: string;
  readonly orderId: string;
  readonly scenario: Scenario;
  /** In the order they happen. */
  readonly events: readonly OrderEvent[];
}

export interface SeasonUser {
  readonly email: string;
  readonly timeZone: string;
}

export interface Season {
  readonly start: string;
  readonly end: string;
  readonly users: readonly SeasonUser[];
  readonly orders: readonly SeasonOrder[];
}

/** mulberry32: small, fast, good enough to spread instants; seeded so a season replays exactly. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SeasonOptions {
  readonly orders: number;
  /** Orders per user on average (several per user make digests). */
  readonly ordersPerUser?: number;
  readonly seed?: number;
  readonly start?: string;
  readonly days?: number;
}

export function generateSeason(options: SeasonOptions): Season {
  const rnd = random(options.seed ?? 8);
  const start = Date.parse(options.start ?? '2026-01-01T00:00:00Z');
  const end = start + (options.days ?? 150) * DAY;
  const userCount = Math.max(1, Math.round(options.orders / (options.ordersPerUser ?? 3)));
  const users: SeasonUser[] = Array.from({ length: userCount }, (_, i) => ({
    email: `buyer${i}@example.org`,
    timeZone: ZONES[i % ZONES.length] ?? 'UTC',
  }));
  const between = (lo: number, hi: number) => lo + rnd() * (hi - lo);
  // Mail arrives at any minute; whole minutes keep the logs readable.
  const instant = (ms: number) => new Date(Math.floor(ms / 60_000) * 60_000).toISOString();
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

  const orders: SeasonOrder[] = [];
  for (let n = 0; n < options.orders; n += 1) {
    const user = users[Math.floor(rnd() * users.length)] ?? users[0];
    if (!user) throw new RangeError('no users');
    const orderId = `8${String(100_000_000_000_000 + n * 7919).padStart(15, '0')}`;
    const scenario = SCENARIOS[Math.floor(rnd() * SCENARIOS.length)] ?? 'delivered';
    const method: PaymentMethod = rnd() < 0.8 ? 'card' : 'alipay';
    const events: OrderEvent[] = [];
    const add = (type: EventType, at: number, extra: Partial<OrderEvent> = {}) => {
      if (at >= end) return;
      const source = {
        kind: 'mail',
        messageId: `<${orderId}.${events.length}@aliexpress.test>`,
        language: 'en',
        evidence: 'verified',
      } as const;
      events.push({ type, orderIds: [orderId], occurredAt: instant(at), source, ...extra });
    };

    const paid = start + between(0, 70) * DAY;
    add('payment_confirmed', paid, {
      paymentMethod: method,
      amount: { value: Math.round(between(3, 80)), currency: 'EUR' },
    });
    if (scenario === 'not-shipped-cancelled') {
      const cancelled = paid + between(11, 16) * DAY;
      add('order_cancelled', cancelled);
      if (rnd() < 0.5) add('refund_received', cancelled + between(2, 8) * DAY);
      orders.push({ user: user.email, orderId, scenario, events });
      continue;
    }
    const shipped = paid + between(1, 6) * DAY;
    add('shipped', shipped, rnd() < 0.3 ? { protectionEndsAt: day(shipped + 75 * DAY) } : {});
    const estimate = shipped + between(15, 30) * DAY;
    add('in_transit', shipped + between(2, 5) * DAY, { estimatedDelivery: day(estimate) });

    const disputeAt = shipped + between(30, 45) * DAY;
    switch (scenario) {
      case 'delivered': {
        const delivered = shipped + between(8, 25) * DAY;
        add('delivered', delivered);
        if (rnd() < 0.5) add('receipt_confirmed', delivered + between(0.1, 6) * DAY);
        break;
      }
      case 'delivered-late-confirmation': {
        const delivered = estimate + between(5, 20) * DAY;
        add('delivered', delivered);
        add('delivery_confirmed', delivered + between(3, 9) * DAY, { disputeWindowDays: 15 });
        break;
      }
      case 'lost-parcel':
        break; // nothing more ever comes: late, protection lapsing, window closed
      case 'last-call': {
        const lastCall = shipped + between(56, 58.5) * DAY;
        add('awaiting_confirmation', lastCall);
        if (rnd() < 0.5) add('protection_extended', lastCall + between(2, 20) * HOUR, { extensionDays: 15 });
        break;
      }
      case 'dispute-won': {
        add('dispute_opened', disputeAt);
        add('seller_responded', disputeAt + between(1, 6) * DAY);
        const closed = disputeAt + between(7, 12) * DAY;
        add('dispute_closed', closed, { outcome: 'won' });
        add('refund_issued', closed + between(0.1, 1) * DAY, { paymentMethod: method });
        add('refund_received', closed + between(3, 9) * DAY);
        break;
      }
      case 'dispute-lost': {
        add('dispute_opened', disputeAt);
        add('seller_responded', disputeAt + between(1, 6) * DAY);
        add('dispute_escalated', disputeAt + between(7, 10) * DAY);
        add('dispute_closed', disputeAt + between(12, 16) * DAY, { outcome: 'lost' });
        break;
      }
      case 'seller-silent':
        add('dispute_opened', disputeAt);
        add('dispute_escalated', disputeAt + between(16, 20) * DAY);
        break;
      case 'negotiation': {
        add('dispute_opened', disputeAt);
        const stated = disputeAt + between(3, 6) * DAY;
        add('negotiation_deadline', stated, { negotiationEndsAt: instant(stated + between(4, 7) * DAY) });
        break;
      }
      case 'refund-overdue': {
        add('dispute_opened', disputeAt);
        const closed = disputeAt + between(5, 10) * DAY;
        add('dispute_closed', closed, { outcome: 'won' });
        add('refund_issued', closed + between(0.1, 1) * DAY, { paymentMethod: method });
        break; // the refund never arrives
      }
    }
    events.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
    orders.push({ user: user.email, orderId, scenario, events });
  }
  return { start: new Date(start).toISOString(), end: new Date(end).toISOString(), users, orders };
}
