import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type OrderEvent, parseOrderEvent } from '../../../functions/core/events';
import { extractAliExpress } from '../../../functions/core/mail/extract/extract';
import { readMail } from '../../../functions/core/mail/read';
import { REAL_MAIL, SKIP_REAL_MAIL } from './fixture-helpers';
import { originalFromEml } from './original-from-eml';

/**
 * The 16 real, anonymised AliExpress mails in ../shared/real-mail/aliexpress (read in place, never copied
 * into the repo). Each must read exactly as below, through the whole `readMail` path and through the
 * extractor alone.
 */
const DIR = REAL_MAIL;

type Expected = Partial<OrderEvent> & Pick<OrderEvent, 'type' | 'orderIds'>;

interface RealCase {
  readonly file: string;
  readonly kind: 'aliexpress' | 'ignored';
  readonly language: string;
  readonly events: readonly Expected[];
}

const N = (tail: string) => `999999999999${tail}`;
const EUR = { value: 1.99, currency: 'EUR' };
const PLACED = { placedAt: '2026-01-01T12:00', store: 'Beispiel Store', amount: EUR };

const CASES: readonly RealCase[] = [
  {
    // Running index glued to each number: "Bestellung 19999999999990001", "Bestellung 29999999999990002".
    file: 'de_126_two_orders_confirmed.eml',
    kind: 'aliexpress',
    language: 'de',
    events: [
      { type: 'order_confirmed', orderIds: [N('0001')], amount: EUR, occurredAt: '2026-01-05T10:21:32.000Z' },
      { type: 'order_confirmed', orderIds: [N('0002')], amount: EUR },
    ],
  },
  {
    file: 'de_127_order_confirmed.eml',
    kind: 'aliexpress',
    language: 'de',
    events: [{ type: 'order_confirmed', orderIds: [N('0003')], amount: EUR }],
  },
  {
    file: 'de_128_ready_to_ship.eml',
    kind: 'aliexpress',
    language: 'de',
    events: [{ type: 'ready_to_ship', orderIds: [N('0004')], estimatedDelivery: '2024-08-30' }],
  },
  {
    file: 'de_129_shipped_via_apple_relay.eml',
    kind: 'aliexpress',
    language: 'de',
    events: [{ type: 'shipped', orderIds: [N('0005')], ...PLACED, items: ['Beispiel-Lampe LED flach...'] }],
  },
  {
    // "Wird zugestellt" = handed to the carrier, not delivered.
    file: 'de_130_handed_to_carrier.eml',
    kind: 'aliexpress',
    language: 'de',
    events: [{ type: 'shipped', orderIds: [N('0005')], ...PLACED }],
  },
  {
    file: 'de_131_in_transit.eml',
    kind: 'aliexpress',
    language: 'de',
    events: [{ type: 'in_transit', orderIds: [N('0006')], estimatedDelivery: '2024-08-30' }],
  },
  {
    file: 'de_132_arrived_in_country.eml',
    kind: 'aliexpress',
    language: 'de',
    events: [{ type: 'in_transit', orderIds: [N('0007')] }],
  },
  {
    file: 'de_133_combined_delivery_update.eml',
    kind: 'aliexpress',
    language: 'de',
    events: [
      { type: 'in_transit', orderIds: [N('0007')], parcelId: 'H9999702885602351723', ...PLACED },
      { type: 'in_transit', orderIds: [N('0008')], parcelId: 'H9999702885602351723', ...PLACED },
    ],
  },
  {
    file: 'de_134_parcel_left_departure_region.eml',
    kind: 'aliexpress',
    language: 'de',
    events: [{ type: 'in_transit', orderIds: [N('0011')], parcelId: '00340999999999990010' }],
  },
  {
    file: 'de_135_customs_cleared.eml',
    kind: 'aliexpress',
    language: 'de',
    events: [{ type: 'in_transit', orderIds: [N('0011')], parcelId: '00340999999999990010' }],
  },
  {
    file: 'de_136_parcel_in_country_multi_orders.eml',
    kind: 'aliexpress',
    language: 'de',
    events: ['0013', '0014', '0015'].map((t) => ({
      type: 'in_transit' as const,
      orderIds: [N(t)],
      parcelId: 'H9999207472066355373',
    })),
  },
  {
    file: 'de_137_parcel_picked_up_by_courier.eml',
    kind: 'aliexpress',
    language: 'de',
    events: ['0017', '0018', '0019', '0020'].map((t) => ({
      type: 'in_transit' as const,
      orderIds: [N(t)],
      parcelId: 'AP99995016711915',
    })),
  },
  { file: 'de_138_review_request.eml', kind: 'ignored', language: 'de', events: [] },
  {
    file: 'de_139_delivery_confirmed_dispute_15_days.eml',
    kind: 'aliexpress',
    language: 'de',
    events: [{ type: 'delivery_confirmed', orderIds: [N('0021')], disputeWindowDays: 15, ...PLACED }],
  },
  {
    file: 'de_140_awaiting_confirmation_soon_completed.eml',
    kind: 'aliexpress',
    language: 'de',
    events: [{ type: 'awaiting_confirmation', orderIds: [N('0008')] }],
  },
  {
    file: 'en_142_order_closed.eml',
    kind: 'aliexpress',
    language: 'en',
    events: [{ type: 'order_closed', orderIds: [N('0022')], occurredAt: '2024-12-02T22:03:25.000Z' }],
  },
];

function check(
  got: { kind: string; language: string | null; events: readonly OrderEvent[] },
  c: RealCase,
): void {
  expect({ kind: got.kind, language: got.language }).toEqual({ kind: c.kind, language: c.language });
  expect(got.events.map((e) => [e.type, e.orderIds])).toEqual(c.events.map((e) => [e.type, e.orderIds]));
  for (const [i, event] of got.events.entries()) {
    expect(parseOrderEvent(JSON.parse(JSON.stringify(event)))).toEqual(event);
    const { occurredAt, ...fields } = c.events[i] ?? { occurredAt: undefined };
    expect(event).toMatchObject(fields);
    // The same instant, whichever offset the reader kept.
    if (occurredAt) expect(Date.parse(event.occurredAt)).toBe(Date.parse(occurredAt));
    // Nothing but the stated parcel id may appear, and no field is invented for these mails.
    if (c.events[i]?.parcelId === undefined) expect(event.parcelId).toBeUndefined();
    expect(event.protectionEndsAt).toBeUndefined();
  }
}

describe.skipIf(SKIP_REAL_MAIL)('the 16 real AliExpress mails', () => {
  it('are all covered, and all there', async () => {
    expect(CASES).toHaveLength(16);
    const files = (await readdir(DIR)).filter((f) => f.endsWith('.eml')).sort();
    expect(files).toEqual(CASES.map((c) => c.file).sort());
  });

  it.each(CASES.map((c) => [c.file, c] as const))('readMail reads %s right', async (file, c) => {
    const reading = await readMail(new Uint8Array(await readFile(join(DIR, file))));
    check(reading, c);
    expect(reading.user).toBe('max@example.org');
  });

  it.each(CASES.map((c) => [c.file, c] as const))('extractAliExpress reads %s right', async (file, c) => {
    const x = extractAliExpress(await originalFromEml(join(DIR, file)), { receivedAt: null });
    check({ kind: x.kind, language: x.language, events: x.kind === 'aliexpress' ? x.events : [] }, c);
  });
});

/**
 * The same real mails under a generic subject (older or regional templates, a forward that lost the
 * subject): the German body sentences alone must read the same event for the same orders. Confirmations
 * and "ready to ship" carry no first sentence of their own, so they are left out; the review request and
 * the English "closed" mail are read from their subject only.
 */
const BODY_READABLE = CASES.filter(
  (c) => c.kind === 'aliexpress' && c.language === 'de' && !/_12[678]_/.test(c.file),
);

describe.skipIf(SKIP_REAL_MAIL)('the real German mails under a generic subject', () => {
  it.each(BODY_READABLE.map((c) => [c.file, c] as const))('read %s from the body alone', async (file, c) => {
    const msg = await originalFromEml(join(DIR, file));
    const x = extractAliExpress({ ...msg, subject: 'AliExpress' }, { receivedAt: null });
    expect(x.kind).toBe('aliexpress');
    const events = x.kind === 'aliexpress' ? x.events : [];
    expect(events.map((e) => [e.type, e.orderIds])).toEqual(c.events.map((e) => [e.type, e.orderIds]));
    expect(events.map((e) => e.source)).toEqual(
      events.map(() => ({ kind: 'mail', messageId: msg.messageId, language: 'de', evidence: 'verified' })),
    );
  });
});
