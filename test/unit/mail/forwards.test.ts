/**
 * Every way an AliExpress mail reaches us (forward-markers.ts, MAIL-FACTS.md "Forward wrappers"), table-
 * driven over test/fixtures/mail/forward: who it is for, what kind, the unwrapped original's headers,
 * that the forwarder's own words never reach the original, and the events extraction reads from it.
 */
import { describe, expect, it } from 'vitest';
import { FORWARDER_WORDS, readFixture } from './fixture-helpers';

const ALI = 'transaction@notice.aliexpress.com';
const RELAY = 'transaction_at_notice_aliexpress_com_7f3e2d1c0b_9a8b7c6d@privaterelay.appleid.com';
const O1 = '8123456789012345';
const O2 = '3012345678901234';
const EN = `Order ${O1}: order shipped`;
const DE = `Bestellung ${O1} wurde versandt`;
const ES = `Pedido ${O2}: pedido enviado`;
// Gmail/Outlook quote the time without a zone: it is read in the forward's own offset (+01:00).
const GMAIL_DATE = '2026-01-05T10:21:00+01:00';
const APPLE_DATE = '2026-01-05T10:21:32+01:00';
const RFC_DATE = '2026-01-05T01:21:32-08:00';

interface Case {
  readonly file: string;
  readonly from: string;
  readonly subject: string;
  readonly date: string;
  readonly order: string;
  readonly user?: string;
  /** The original kept (or we cut down) HTML with the tracking link. */
  readonly html?: boolean;
}

const FORWARDS: readonly Case[] = [
  { file: 'gmail-inline-text-en.eml', from: ALI, subject: EN, date: GMAIL_DATE, order: O1, html: true },
  {
    file: 'gmail-inline-text-de-labels.eml',
    from: ALI,
    subject: DE,
    date: GMAIL_DATE,
    order: O1,
    html: true,
  },
  { file: 'gmail-inline-text-fr-labels.eml', from: ALI, subject: EN, date: GMAIL_DATE, order: O1 },
  {
    file: 'gmail-inline-es-spanish-order.eml',
    from: ALI,
    subject: ES,
    date: GMAIL_DATE,
    order: O2,
    html: true,
  },
  {
    file: 'gmail-html-only-gmail-quote.eml',
    from: ALI,
    subject: EN,
    date: GMAIL_DATE,
    order: O1,
    html: true,
  },
  {
    file: 'outlook365-html-divRplyFwdMsg.eml',
    from: ALI,
    subject: EN,
    date: GMAIL_DATE,
    order: O1,
    html: true,
  },
  {
    file: 'outlook365-de-labels-english-date.eml',
    from: ALI,
    subject: EN,
    date: GMAIL_DATE,
    order: O1,
    html: true,
  },
  {
    file: 'outlook-mobile-ios-mailto-doubling.eml',
    from: ALI,
    subject: EN,
    date: APPLE_DATE,
    order: O1,
    html: true,
  },
  { file: 'outlook-com-html-only-hr.eml', from: ALI, subject: EN, date: GMAIL_DATE, order: O1, html: true },
  {
    file: 'outlook-classic-original-message-mailto.eml',
    from: ALI,
    subject: EN,
    date: GMAIL_DATE,
    order: O1,
  },
  { file: 'outlook-classic-no-marker.eml', from: ALI, subject: EN, date: GMAIL_DATE, order: O1 },
  { file: 'apple-mail-en-quoted.eml', from: ALI, subject: EN, date: APPLE_DATE, order: O1, html: true },
  { file: 'apple-mail-fr-quoted.eml', from: ALI, subject: EN, date: APPLE_DATE, order: O1 },
  { file: 'apple-mail-de-quoted.eml', from: ALI, subject: DE, date: APPLE_DATE, order: O1 },
  { file: 'apple-mail-es-quoted.eml', from: ALI, subject: ES, date: APPLE_DATE, order: O2 },
  { file: 'apple-mail-nl-quoted.eml', from: ALI, subject: EN, date: APPLE_DATE, order: O1 },
  {
    file: 'apple-mail-it-quoted-eest.eml',
    from: ALI,
    subject: EN,
    date: '2025-10-25T11:17:21+03:00',
    order: O1,
  },
  {
    file: 'apple-mail-html-only-blockquote-cite.eml',
    from: ALI,
    subject: EN,
    date: APPLE_DATE,
    order: O1,
    html: true,
  },
  { file: 'thunderbird-en-tab-aligned.eml', from: ALI, subject: EN, date: RFC_DATE, order: O1 },
  { file: 'thunderbird-de-labels.eml', from: ALI, subject: EN, date: RFC_DATE, order: O1 },
  {
    file: 'thunderbird-html-only-moz-forward.eml',
    from: ALI,
    subject: EN,
    date: RFC_DATE,
    order: O1,
    html: true,
  },
  { file: 'yahoo-run-together-labels.eml', from: ALI, subject: EN, date: APPLE_DATE, order: O1, html: true },
  { file: 'forwarder-words-with-order-number.eml', from: ALI, subject: EN, date: GMAIL_DATE, order: O1 },
  { file: 'attached-rfc822.eml', from: ALI, subject: EN, date: RFC_DATE, order: O1, html: true },
  { file: 'attached-rfc822-base64.eml', from: ALI, subject: EN, date: RFC_DATE, order: O1, html: true },
  { file: 'nested-rfc822-in-rfc822.eml', from: ALI, subject: EN, date: RFC_DATE, order: O1, html: true },
  { file: 'nested-outlook-in-gmail.eml', from: ALI, subject: EN, date: GMAIL_DATE, order: O1, html: true },
  { file: 'nested-apple-in-gmail.eml', from: ALI, subject: EN, date: APPLE_DATE, order: O1 },
  {
    file: 'auto-forward-gmail-filter.eml',
    from: ALI,
    subject: EN,
    date: RFC_DATE,
    order: O1,
    user: 'max.mustermann@example.org',
    html: true,
  },
  {
    file: 'relay-sender-apple.eml',
    from: RELAY,
    subject: `Bestellung ${O1}: Bestellauftrag bestätigt`,
    date: '2024-08-20T13:51:31-07:00',
    order: O1,
    html: true,
  },
  { file: 'relay-sender-apple-forwarded-inline.eml', from: RELAY, subject: EN, date: GMAIL_DATE, order: O1 },
];

describe('forwards: every client, the innermost AliExpress mail', () => {
  it.each(FORWARDS)('$file', async (c) => {
    const { reading, original } = await readFixture(`forward/${c.file}`);
    expect(reading.kind).toBe('aliexpress');
    expect(reading.user).toBe(c.user ?? 'max@example.org');
    expect(original?.from?.address).toBe(c.from);
    expect(original?.subject).toBe(c.subject);
    expect(original?.date).toBe(c.date);
    expect(original?.to.map((a) => a.address)).toContain((c.user ?? 'max@example.org').toLowerCase());
    expect(original?.text).toContain(c.order);
    // The forwarder's own words (with their own order number) must never be read as AliExpress content.
    expect(original?.text).not.toMatch(FORWARDER_WORDS);
    expect(original?.html ?? '').not.toMatch(FORWARDER_WORDS);
    if (c.html) expect(original?.html).toContain(`tradeOrderId=${c.order}`);
    // End to end through extraction: the original's order, never the forwarder's.
    const ids = reading.events.flatMap((e) => e.orderIds);
    expect(ids).toContain(c.order);
    expect(ids).not.toContain('1234567890123456');
    expect(ids).not.toContain('5555555555555555');
    for (const e of reading.events) expect(e.occurredAt).toBe(c.date);
  });
});

/**
 * One fixture per client × language style (forward-markers.ts names each style's source). All forward the
 * same English notice (order O1) under the forwarder's own words, which carry another order number, and
 * most quote a Cc (anna@example.net), which must be read as Cc, not as more of the To.
 * Thunderbird quotes the original's raw Date header; the others print a date in their language. Where
 * the sources show no date (Thunderbird for Android's Java long format, Outlook desktop ko/zh), the
 * printed date is a plausible shape of ours.
 */
const STYLES: readonly (readonly [file: string, date: string])[] = [
  ['thunderbird-inline-fr.eml', RFC_DATE],
  ['thunderbird-inline-de-cc.eml', RFC_DATE],
  ['thunderbird-inline-pl.eml', RFC_DATE],
  ['thunderbird-inline-ru.eml', RFC_DATE],
  ['thunderbird-inline-ko.eml', RFC_DATE],
  ['thunderbird-inline-zh-cn.eml', RFC_DATE],
  ['thunderbird-inline-zh-tw.eml', RFC_DATE],
  ['thunderbird-inline-pt-pt.eml', RFC_DATE],
  ['thunderbird-inline-it.eml', RFC_DATE],
  ['thunderbird-original-message-de.eml', RFC_DATE],
  ['thunderbird-original-message-ko.eml', RFC_DATE],
  ['thunderbird-android-inline-en.eml', APPLE_DATE],
  ['thunderbird-android-inline-fr.eml', APPLE_DATE],
  ['thunderbird-android-inline-ja.eml', APPLE_DATE],
  ['thunderbird-android-inline-zh-cn.eml', APPLE_DATE],
  ['gmail-inline-text-ru.eml', GMAIL_DATE],
  ['gmail-inline-text-pl.eml', GMAIL_DATE],
  ['gmail-inline-text-it.eml', GMAIL_DATE],
  ['gmail-inline-text-pt-br.eml', GMAIL_DATE],
  ['apple-mail-quoted-pt-br.eml', APPLE_DATE],
  ['apple-mail-quoted-pt-pt.eml', APPLE_DATE],
  ['apple-mail-quoted-pl.eml', APPLE_DATE],
  ['apple-mail-quoted-ru.eml', APPLE_DATE],
  ['outlook-mac-inline-de.eml', GMAIL_DATE],
  ['outlook-mac-inline-fr.eml', GMAIL_DATE],
  ['outlook-mac-inline-ru.eml', GMAIL_DATE],
  ['outlook-classic-inline-es.eml', GMAIL_DATE],
  ['outlook-classic-inline-ko.eml', GMAIL_DATE],
  ['outlook-classic-inline-zh.eml', GMAIL_DATE],
  ['yahoo-run-together-de.eml', APPLE_DATE],
  ['yahoo-run-together-fr.eml', APPLE_DATE],
  ['yahoo-run-together-pt-pt.eml', APPLE_DATE],
  ['yahoo-run-together-pl.eml', APPLE_DATE],
  ['yahoo-run-together-ru.eml', APPLE_DATE],
  ['yahoo-run-together-it.eml', APPLE_DATE],
];

describe('forwards: each client in each language it localises', () => {
  it.each(STYLES)('%s', async (file, date) => {
    const { reading, original } = await readFixture(`forward/${file}`);
    expect(reading.kind).toBe('aliexpress');
    expect(reading.user).toBe('max@example.org');
    expect(original?.from?.address).toBe(ALI);
    expect(original?.subject).toBe(EN);
    expect(original?.date).toBe(date);
    expect(original?.to.map((a) => a.address)).toEqual(['max@example.org']);
    expect(original?.text).toMatch(/^Your order has been shipped/);
    expect(original?.text).not.toMatch(FORWARDER_WORDS);
    const ids = reading.events.flatMap((e) => e.orderIds);
    expect(ids).toContain(O1);
    expect(ids).not.toContain('1234567890123456');
    for (const e of reading.events) expect(e.occurredAt).toBe(date);
  });
});

describe("quoted dates in the forwarder's language", () => {
  it('a Spanish Gmail "mar" (Tuesday) is not March', async () => {
    const { reading, original } = await readFixture('forward/gmail-inline-es-tuesday-mar-is-not-march.eml');
    expect(original?.date).toBe('2026-01-06T10:21:00+01:00');
    expect(reading.events.map((e) => [e.type, e.orderIds, e.occurredAt])).toEqual([
      ['shipped', [O2], '2026-01-06T10:21:00+01:00'],
    ]);
  });
});

describe('two notices forwarded in one mail', () => {
  it('reads the first alone and says the second was not read', async () => {
    const { reading, original } = await readFixture('forward/gmail-two-notices-second-not-read.eml');
    expect(reading.kind).toBe('aliexpress');
    // The second notice's order, parcel and "delivered" must not be pinned on the first.
    expect(reading.events.map((e) => [e.type, e.orderIds, e.parcelId])).toEqual([
      ['shipped', [O1], undefined],
    ]);
    expect(original?.text).not.toContain('LP00898765432101');
    expect(original?.html).not.toContain('LP00898765432101');
    expect(reading.reason).toMatch(/Only the first forwarded mail was read/);
  });
});

describe('where events came from', () => {
  it("an inline forward's events carry the forwarding mail's Message-ID (the original's is lost)", async () => {
    const { reading } = await readFixture('forward/gmail-inline-text-en.eml');
    expect(reading.events.length).toBeGreaterThan(0);
    for (const e of reading.events) {
      expect(e.source).toEqual({
        kind: 'mail',
        messageId: '<afc9b52d4dffe560@mail.example.org>',
        language: 'en',
        evidence: 'verified',
      });
    }
  });
});

describe('forwards that are not AliExpress', () => {
  it.each([
    ['forwarded-non-aliexpress.eml', /shipment-tracking@amazon\.de, not from AliExpress/],
    ['lookalike-sender-prefix-forwarded.eml', /evilaliexpress\.com, not from AliExpress/],
    ['lookalike-sender-suffix.eml', /not from AliExpress/],
    ['lookalike-relay-evil-domain.eml', /not from AliExpress/],
    ['lookalike-display-name-only.eml', /not from AliExpress/],
    // The quoted From's display name is an AliExpress address; the address in <> is the sender.
    ['lookalike-address-as-display-name-forwarded.eml', /orders@cheap-shop\.example, not from AliExpress/],
    ['not-aliexpress-plain.eml', /not from AliExpress/],
  ])('%s is unrecognized with a reason', async (file, reason) => {
    const { reading } = await readFixture(`forward/${file}`);
    expect(reading.kind).toBe('unrecognized');
    expect(reading.events).toEqual([]);
    expect(reading.reason).toMatch(reason);
  });

  it('a look-alike auto-forward is for nobody we know, not for its To', async () => {
    const { reading } = await readFixture('forward/lookalike-sender-suffix.eml');
    expect(reading.user).toBe('transaction@notice.aliexpress.com.evil.net');
  });

  it('stops at the forward depth limit with a reason', async () => {
    const { reading } = await readFixture('forward/nested-too-deep-inline.eml');
    expect(reading.kind).toBe('unrecognized');
    expect(reading.user).toBe('max@example.org');
    expect(reading.reason).toMatch(/more than 5 levels/);
  });
});
