import { describe, expect, it } from 'vitest';
import { extractAliExpress } from '../../../functions/core/mail/extract/extract';
import {
  isoDate,
  moneyAfter,
  parseAmountNumber,
  parseDayFirst,
  parseEstimatedDelivery,
  parseItems,
  parseMoney,
  parsePlacedAt,
  parseStatedDate,
  parseStore,
} from '../../../functions/core/mail/extract/fields';
import {
  bareOrderIds,
  differsInOneDigit,
  linkOrderIds,
  mentionedOrderIds,
  selectOrderIds,
} from '../../../functions/core/mail/extract/order-ids';
import {
  acceptSubjectParcelId,
  findParcelIds,
  isParcelId,
  parcelIdsFromUrls,
} from '../../../functions/core/mail/extract/parcel-ids';
import { LABELS } from '../../../functions/core/mail/extract/patterns';
import { classifyMailer, realSender } from '../../../functions/core/mail/unwrap/mailers';

const A = '8123456789012345';
const B = '8123456789012346';

describe('order ids', () => {
  it('reads only whole 15/16-digit runs, never slices of parcel ids', () => {
    expect(
      bareOrderIds(`id ${A}, old 312345678901234, DHL 00340434161234567890, H1234567890123456789`),
    ).toEqual([A, '312345678901234']);
    expect(bareOrderIds('phone (+49) 0000000000, 17 digits 12345678901234567')).toEqual([]);
    expect(bareOrderIds('call the courier at 0049151234567890')).toEqual([]);
  });

  it('does not filter by leading digit', () => {
    expect(bareOrderIds('9999999999990001 1000000000000001 3000000000000001')).toHaveLength(3);
  });

  it('reads order words and labels in several languages', () => {
    const ids = mentionedOrderIds(
      `Bestellung ${A} Order No. ${B} Pedido 1151234567800001 N.º de pedido 1151234567800002`,
    );
    expect(ids.map((c) => [c.id, c.source])).toEqual([
      [A, 'strong'],
      [B, 'strong'],
      ['1151234567800001', 'strong'],
      ['1151234567800002', 'strong'],
    ]);
  });

  it('resolves a glued running index by confirmation or by position', () => {
    // Index 1 confirmed by "No. A"; index 2 by its position; index 7 at position 3 is neither: dropped.
    const text = `（No. ${A} und weitere） Bestellung 1${A} x Bestellung 2${B} y Bestellung 7${'8123456789012399'}`;
    expect(selectOrderIds([], text, [])).toEqual([A, B]);
  });

  it('resolves two-digit indexes of long lists', () => {
    const entries = Array.from(
      { length: 11 },
      (_, i) => `Bestellung ${i + 1}${String(8100000000000000 + i)}`,
    );
    const ids = selectOrderIds([], entries.join(' '), []);
    expect(ids).toHaveLength(11);
    expect(ids[10]).toBe('8100000000000010');
  });

  it('reads tradeOrderId, orderId and o_ids lists (comma or %2C)', () => {
    const urls = [
      `https://www.aliexpress.com/p/tracking/index.html?tradeOrderId=${A}`,
      `https://x.aliexpress.com/?o_ids=${B}%2C8123456789012347,8123456789012348&x=1`,
      `https://www.aliexpress.com/p/order/detail.html?orderId=8123456789012349`,
    ];
    expect(linkOrderIds(urls).map((c) => [c.id, c.source])).toEqual([
      [A, 'strong'],
      [B, 'strong'],
      ['8123456789012347', 'strong'],
      ['8123456789012348', 'strong'],
      ['8123456789012349', 'weak-link'],
    ]);
  });

  it('drops a sub-order (one digit off) seen only in an orderId link, keeps sibling orders named strongly', () => {
    expect(differsInOneDigit(A, B)).toBe(true);
    expect(differsInOneDigit(A, '8123456789012354')).toBe(false);
    const sub = `https://www.aliexpress.com/p/order/detail.html?orderId=${B}`;
    expect(selectOrderIds([A], `Order ${A}`, [sub])).toEqual([A]);
    expect(selectOrderIds([A], `Bestell-Nr. ${A} Bestell-Nr. ${B}`, [])).toEqual([A, B]);
  });

  it('falls back to bare runs only when nothing names an order', () => {
    expect(selectOrderIds([], `something ${A}`, [])).toEqual([A]);
    expect(selectOrderIds([B], `something ${A}`, [])).toEqual([B]);
  });
});

describe('parcel ids', () => {
  it.each([
    'LP00812345678901',
    'AP99995016711915',
    'JY1234567890CN',
    'HM1234567890123456',
    '00340434161234567890',
    '003404341612345678',
    'JJD0001234567891234',
    'H9999207472066355373',
    'LR123456785NL',
    'PH1A2B3C4D5E6F7G',
  ])('knows %s', (id) => expect(isParcelId(id)).toBe(true));

  it.each([A, 'LP123', 'H123'])('rejects %s', (id) => expect(isParcelId(id)).toBe(false));

  it('finds shaped ids in text; bare long numbers only with the DHL prefix', () => {
    expect(findParcelIds('nummer lautet H9999702885602351723. und 123456789012345678')).toEqual([
      'H9999702885602351723',
    ]);
    expect(findParcelIds('Paket 00340999999999990010 unterwegs')).toEqual(['00340999999999990010']);
  });

  it('accepts an unknown carrier id in the subject slot, not a word', () => {
    expect(acceptSubjectParcelId('ab12345678')).toBe('AB12345678');
    expect(acceptSubjectParcelId('customsxx')).toBeNull();
  });

  it('reads trackingNumber= links', () => {
    expect(parcelIdsFromUrls(['https://a/?tradeOrderId=1&trackingNumber=lp00812345678901'])).toEqual([
      'LP00812345678901',
    ]);
  });
});

describe('dates', () => {
  it('reads day-first dates and rejects impossible ones', () => {
    expect(parseDayFirst('30/08/2024')).toBe('2024-08-30');
    expect(parseDayFirst('01/02/2026')).toBe('2026-02-01');
    expect(parseDayFirst('31/02/2026')).toBeNull();
    expect(parseDayFirst('29/02/2024')).toBe('2024-02-29');
    expect(parseDayFirst('29/02/2026')).toBeNull();
    expect(parseDayFirst('12/13/2026')).toBeNull();
    expect(isoDate(1999, 1, 1)).toBeNull();
  });

  it('reads the estimated-delivery label in any language, without crashing on bad dates', () => {
    expect(parseEstimatedDelivery('Voraussichtliche Zustellzeit 30/08/2024 Details')).toBe('2024-08-30');
    expect(parseEstimatedDelivery('Estimated delivery: 05/03/2026')).toBe('2026-03-05');
    expect(parseEstimatedDelivery('Entrega estimada 09/02/2026')).toBe('2026-02-09');
    expect(parseEstimatedDelivery('Estimated delivery 31/02/2026')).toBeNull();
    expect(parseEstimatedDelivery('Estimated delivery soon')).toBeNull();
  });

  it('reads the placed-on line (English months in every language) as a local date-time', () => {
    expect(parsePlacedAt('Placed on Feb 16,2026, 15:22')).toBe('2026-02-16T15:22');
    expect(parsePlacedAt('Aufgegeben am Jan 01,2026, 12:00')).toBe('2026-01-01T12:00');
    expect(parsePlacedAt('Placed on Feb 30,2026, 15:22')).toBeNull();
    expect(parsePlacedAt('Placed on Feb 16,2026, 25:22')).toBeNull();
  });

  it('reads stated dates in several shapes and languages', () => {
    expect(parseStatedDate('Mar 15, 2026')).toBe('2026-03-15');
    expect(parseStatedDate('March 15 2026')).toBe('2026-03-15');
    expect(parseStatedDate('15. März 2026')).toBe('2026-03-15');
    expect(parseStatedDate('15 de marzo de 2026')).toBe('2026-03-15');
    expect(parseStatedDate('2 juillet 2026')).toBe('2026-07-02');
    expect(parseStatedDate('2026-04-30')).toBe('2026-04-30');
    expect(parseStatedDate('15.04.2026')).toBe('2026-04-15');
    expect(parseStatedDate('Foo 15, 2026')).toBeNull();
    expect(parseStatedDate('Feb 31, 2026')).toBeNull();
  });
});

describe('money', () => {
  it.each([
    ['1,99€', 1.99, 'EUR'],
    ['€ 1,99x1', 1.99, 'EUR'],
    ['€ 1,99 x1', 1.99, 'EUR'],
    ['US $12.34', 12.34, 'USD'],
    ['US$1,234.56', 1234.56, 'USD'],
    ['1.234,56 €', 1234.56, 'EUR'],
    ['R$ 49,90', 49.9, 'BRL'],
    ['₩12,000', 12000, 'KRW'],
    ['12,000원', 12000, 'KRW'],
    ['£3.50', 3.5, 'GBP'],
    ['12,50 zł', 12.5, 'PLN'],
    ['CA $5.00', 5, 'CAD'],
    ['$5.00', 5, '$'],
    ['EUR 7,99', 7.99, 'EUR'],
  ])('%s', (text, value, currency) => expect(parseMoney(text)).toEqual({ value, currency }));

  it('needs a currency', () => {
    expect(parseMoney('12,34')).toBeNull();
    expect(parseMoney('x1')).toBeNull();
  });

  it('splits decimals from thousands by the digits after the last separator', () => {
    expect(parseAmountNumber('1,99')).toBe(1.99);
    expect(parseAmountNumber('12,000')).toBe(12000);
    expect(parseAmountNumber('1.234.567,8')).toBe(1234567.8);
  });

  it('takes the first label followed by money, preferring the longest label', () => {
    expect(moneyAfter(LABELS.orderTotal, 'Total del pedido 7,99€')).toEqual({ value: 7.99, currency: 'EUR' });
    expect(moneyAfter(LABELS.orderTotal, 'Bestellsumme Info Bestellsumme 1,99€')).toEqual({
      value: 1.99,
      currency: 'EUR',
    });
  });
});

describe('store and items', () => {
  it('reads the store under the placed line and the cut item titles', () => {
    const lines = [
      'Bestelldetails',
      'Aufgegeben am Jan 01,2026, 12:00',
      'Beispiel Store',
      'Beispiel-Lampe LED flach...',
      '€ 1,99x1',
    ];
    expect(parseStore(lines)).toBe('Beispiel Store');
    expect(parseItems(lines)).toEqual(['Beispiel-Lampe LED flach...']);
    expect(parseStore(['Placed on Feb 16,2026, 15:22', '€ 1,99'])).toBeNull();
  });
});

describe('senders', () => {
  it('decodes Apple Hide My Email relays', () => {
    expect(
      realSender('transaction_at_notice_aliexpress_com_0a1b2c3d4e_0a1b2c3d@privaterelay.appleid.com'),
    ).toBe('transaction@notice.aliexpress.com');
  });

  it.each([
    ['transaction@notice.aliexpress.com', 'transaction'],
    ['account@notice.aliexpress.com', 'ignored'],
    ['aliexpress@notice.aliexpress.com', 'ignored'],
    ['promo@deals.aliexpress.com', 'ignored'],
    ['message@info.aliexpress.com', 'ignored'],
    ['x@newarrival.aliexpress.com', 'ignored'],
    ['notice@info.aliexpress.com', 'seller-message'],
    ['account_at_notice_aliexpress_com_0a1b2c3d4e_0a1b2c3d@privaterelay.appleid.com', 'ignored'],
  ])('%s is %s', (address, kind) => expect(classifyMailer(address).kind).toBe(kind));
});

describe('speed', () => {
  it('stays linear on hostile input', () => {
    const evil = `${'Bestellung 1'.repeat(20_000)}${'0'.repeat(50_000)}${'<style'.repeat(20_000)}${'<!--'.repeat(20_000)}`;
    const started = performance.now();
    extractAliExpress(
      {
        from: { address: 'transaction@notice.aliexpress.com', name: 'AliExpress' },
        to: [],
        subject: `Order ${A}: order shipped ${'9'.repeat(5000)}`,
        date: '2026-01-01T00:00:00Z',
        messageId: null,
        text: evil,
        html: `<p>${evil}</p>`,
      },
      { receivedAt: null },
    );
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
