import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOrderEvent } from '../../../functions/core/events';
import { extractAliExpress } from '../../../functions/core/mail/extract/extract';
import { LANGUAGES } from '../../../functions/core/mail/extract/languages/index';
import { DEFAULT_LIMITS } from '../../../functions/core/mail/limits';
import type { OriginalMessage } from '../../../functions/core/mail/types';
import { parseLayer } from '../../../functions/core/mail/unwrap/mime';
import { unwrap } from '../../../functions/core/mail/unwrap/unwrap';
import { CASES } from './extract-cases';
import { originalFromEml } from './original-from-eml';

async function unwrappedOriginal(path: string): Promise<OriginalMessage> {
  const raw = await readFile(path);
  const { original } = await unwrap(await parseLayer(raw, DEFAULT_LIMITS), DEFAULT_LIMITS);
  if (!original) throw new Error(`${path}: no original found in the forward`);
  return original;
}

const DIR = join(import.meta.dirname, '../../fixtures/mail/events');
const RECEIVED = '2026-02-17T10:00:00.000Z';

describe('extractAliExpress over the event fixtures', () => {
  it.each(CASES.map((c) => [c.file, c] as const))('%s', async (file, c) => {
    const msg = c.forwarded
      ? await unwrappedOriginal(join(DIR, file))
      : await originalFromEml(join(DIR, file));
    const x = extractAliExpress(msg, { receivedAt: RECEIVED });
    const { file: _, forwarded: __, ...expected } = c;
    expect(x).toEqual(expected);
    // Every event also survives the log's validation unchanged.
    if (x.kind === 'aliexpress') {
      for (const event of x.events) expect(parseOrderEvent(JSON.parse(JSON.stringify(event)))).toEqual(event);
    }
  });

  it('has at least 45 fixtures, every event type in three languages or more', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(45);
    const languagesByType = new Map<string, Set<string>>();
    for (const c of CASES) {
      for (const e of c.kind === 'aliexpress' ? c.events : []) {
        const set = languagesByType.get(e.type) ?? new Set<string>();
        set.add(c.language ?? '?');
        languagesByType.set(e.type, set);
      }
    }
    const thin = [...languagesByType].filter(([, langs]) => langs.size < 3).map(([type]) => type);
    expect(thin).toEqual([]);
    expect(languagesByType.size).toBeGreaterThanOrEqual(17);
  });
});

describe('occurredAt', () => {
  it("is the mail's own Date when it has one", async () => {
    const msg = await originalFromEml(join(DIR, 'en-order-shipped.eml'));
    const x = extractAliExpress(msg, { receivedAt: RECEIVED });
    expect(x.kind === 'aliexpress' && x.events[0]?.occurredAt).toBe('2026-02-16T15:22:10.000Z');
  });

  it('falls back to when the mail reached us', async () => {
    const msg = await originalFromEml(join(DIR, 'en-no-date-header.eml'));
    const x = extractAliExpress({ ...msg, date: null }, { receivedAt: RECEIVED });
    expect(x.kind === 'aliexpress' && x.events[0]?.occurredAt).toBe(RECEIVED);
  });

  it('is unrecognized, naming the order, when neither date is known', async () => {
    const msg = await originalFromEml(join(DIR, 'en-no-date-header.eml'));
    const x = extractAliExpress({ ...msg, date: null }, { receivedAt: null });
    expect(x.kind).toBe('unrecognized');
    expect(x.kind === 'unrecognized' && x.orderIds).toEqual(['8101234567800031']);
    expect(x.kind === 'unrecognized' && x.reason).toMatch(/date/);
  });
});

describe('wording tables', () => {
  const NO_PUBLIC_SAMPLE = new Set([
    'payment_confirmed',
    'order_cancelled',
    'dispute_opened',
    'seller_responded',
    'dispute_escalated',
    'dispute_closed',
    'refund_issued',
    'protection_extended',
    'protection_stated',
  ]);

  it('have one table per language code, each reading some subject', () => {
    const codes = LANGUAGES.map((t) => t.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual(expect.arrayContaining(['en', 'de', 'es', 'fr', 'pt', 'ko']));
    for (const t of LANGUAGES) expect(t.subjects.length).toBeGreaterThan(0);
  });

  it('never mark wording for mails nobody has published as verified', () => {
    const claimed = LANGUAGES.flatMap((t) => [...t.subjects, ...t.bodies])
      .filter((r) => NO_PUBLIC_SAMPLE.has(r.type) && r.evidence === 'verified')
      .map((r) => r.pattern);
    expect(claimed).toEqual([]);
  });
});

describe('edge cases', () => {
  const base = {
    from: { address: 'transaction@notice.aliexpress.com', name: 'AliExpress' },
    to: [],
    subject: 'Order 8123456789012345: order shipped',
    date: '2026-02-16T15:22:10.000Z',
    messageId: '<x@example.net>',
    text: 'Order 8123456789012345 has been shipped!',
    html: null,
  };

  it('reads the plain text when the HTML part has no text (an image-only part)', () => {
    const x = extractAliExpress(
      { ...base, text: 'Estimated delivery 05/03/2026', html: '<img src="x.png">' },
      {
        receivedAt: null,
      },
    );
    expect(x.kind === 'aliexpress' && x.events[0]?.estimatedDelivery).toBe('2026-03-05');
  });

  it('does not trust a Date without an offset', () => {
    const x = extractAliExpress({ ...base, date: '2026-02-16T15:22:10' }, { receivedAt: RECEIVED });
    expect(x.kind === 'aliexpress' && x.events[0]?.occurredAt).toBe(RECEIVED);
  });

  it('reads an unknown status in a known language as unrecognized, naming the order', () => {
    const x = extractAliExpress(
      { ...base, subject: 'Bestellung 8123456789012345: Etwas ganz Neues' },
      {
        receivedAt: null,
      },
    );
    expect(x).toMatchObject({ kind: 'unrecognized', language: 'de', orderIds: ['8123456789012345'] });
  });

  it('refuses a mail naming more orders than any real notice', () => {
    const many = Array.from({ length: 60 }, (_, i) => `Bestell-Nr. ${8100000000000000 + i}`).join('\n');
    const x = extractAliExpress({ ...base, text: many }, { receivedAt: null });
    expect(x.kind).toBe('unrecognized');
  });

  it("never gives an order another parcel's id when the links name several parcels", () => {
    const link = (order: string, tracking: string) =>
      `<a href="https://www.aliexpress.com/p/tracking/index.html?tradeOrderId=${order}&amp;trackingNumber=${tracking}">x</a>`;
    const x = extractAliExpress(
      {
        ...base,
        subject: 'Tus 3 paquetes tienen actualizaciones de entrega',
        text: '',
        html: `${link('1151234567800090', 'LP00115123456890')}${link('1151234567800091', 'LP00115123456891')}
          <a href="https://www.aliexpress.com/p/tracking/index.html?o_ids=1151234567800092">y</a>`,
      },
      { receivedAt: null },
    );
    expect(x.kind === 'aliexpress' && x.events.map((e) => [e.orderIds[0], e.parcelId])).toEqual([
      ['1151234567800090', 'LP00115123456890'],
      ['1151234567800091', 'LP00115123456891'],
      ['1151234567800092', undefined],
    ]);
  });

  it('keeps a stated protection end only when the date is real', () => {
    const x = extractAliExpress(
      { ...base, text: 'Refund if no delivery before Feb 30, 2026' },
      { receivedAt: null },
    );
    expect(x.kind === 'aliexpress' && x.events.map((e) => e.type)).toEqual(['shipped']);
  });
});
