/**
 * MIME and charsets (every charset MAIL-FACTS users write in decodes), Gmail forwarding confirmations,
 * command mails, broken MIME, and the quoted-date reader.
 */
import { describe, expect, it } from 'vitest';
import { parseMailDate } from '../../../functions/core/mail/text/dates';
import { readFixture } from './fixture-helpers';

const O1 = '8123456789012345';

describe('charsets and transfer encodings decode', () => {
  it.each([
    ['charset-utf8-quoted-printable.eml', `Bestellung ${O1}: Bestellauftrag bestätigt`, 'versandt – Größe M'],
    ['charset-utf8-base64.eml', `Bestellung ${O1}: Bestellauftrag bestätigt`, 'Bestellbestätigung – Größe M'],
    ['charset-utf8-8bit-crlf.eml', `Order ${O1}: order shipped`, 'shipped – größe M'],
    [
      'charset-rfc2047-folded-subject.eml',
      `Bestellung ${O1}: In Ihrem Land / Ihrer Region angekommen – Größe`,
      'Größe M',
    ],
    ['charset-windows-1252.eml', `Bestellung ${O1}: Bestellauftrag bestätigt`, 'Größe M, 1,99 €'],
    // Headers decode whole, not streamed: where Node.js's TextDecoder reads windows-1252 as Latin-1.
    [
      'charset-windows-1252-encoded-words.eml',
      `Bestellung ${O1}: Bestellauftrag bestätigt – „Größe M“ 1,99 €`,
      'Größe M, 1,99 €',
    ],
    ['charset-iso-8859-1.eml', `Bestellung ${O1}: Bestellauftrag bestätigt`, 'Größe M, 1,99 EUR'],
    ['charset-iso-8859-15.eml', `Bestellung ${O1}: Bestellauftrag bestätigt`, 'Größe M, 1,99 €'],
    ['charset-iso-8859-2-polish-gmail-forward.eml', `Order ${O1}: order shipped`, 'Dzień dobry, zamówienie'],
    ['charset-koi8-r.eml', `Order ${O1}: order shipped`, `Здравствуйте! Ваш заказ ${O1} отправлен.`],
    ['charset-gb2312.eml', `Order ${O1}: order shipped`, `您好，您的订单 ${O1} 已发货。`],
    ['charset-gbk.eml', `Order ${O1}: order shipped`, '您好（繁體：訂單）'],
    ['charset-shift_jis.eml', `Order ${O1}: order shipped`, `ご注文 ${O1} は発送されました。`],
    ['charset-euc-kr.eml', `주문 ${O1}: 귀하의 국가/지역 도착`, '귀하의 국가/지역에 도착했습니다'],
    ['charset-big5-thunderbird-zh-tw.eml', `Order ${O1}: order shipped`, `Your order ${O1} has been shipped`],
    [
      'charset-iso-2022-jp-thunderbird-android-ja.eml',
      `Order ${O1}: order shipped`,
      `Your order ${O1} has been shipped`,
    ],
    ['mime-unknown-charset.eml', `Order ${O1}: order shipped`, `Your order ${O1} has been shipped`],
    ['mime-truncated-multipart.eml', `Order ${O1}: order shipped`, `Your order ${O1}`],
  ])('%s', async (file, subject, text) => {
    const { reading, original } = await readFixture(`mime/${file}`);
    expect(reading.kind).toBe('aliexpress');
    expect(reading.user).toBe('max@example.org');
    expect(original?.subject).toBe(subject);
    expect(original?.text).toContain(text);
    expect(original?.text).not.toContain('1234567890123456');
    expect(reading.events.flatMap((e) => e.orderIds)).toContain(O1);
  });

  it('a forward in a local charset reads its localised marker and labels (От:, 发件人：)', async () => {
    for (const file of ['charset-koi8-r.eml', 'charset-gb2312.eml', 'charset-shift_jis.eml']) {
      const { original } = await readFixture(`mime/${file}`);
      expect(original?.from?.address).toBe('transaction@notice.aliexpress.com');
      expect(original?.date).toMatch(/^2026-01-05T10:21:00[+-]\d{2}:\d{2}$/);
    }
  });

  it('Big5 and ISO-2022-JP forwards read their Thunderbird markers and labels (轉寄郵件, 元メール)', async () => {
    for (const file of [
      'charset-big5-thunderbird-zh-tw.eml',
      'charset-iso-2022-jp-thunderbird-android-ja.eml',
    ]) {
      const { reading, original } = await readFixture(`mime/${file}`);
      expect(original?.from?.address).toBe('transaction@notice.aliexpress.com');
      expect(Date.parse(original?.date ?? '')).toBe(Date.parse('2026-01-05T09:21:32Z'));
      expect(original?.text).not.toContain('arrived broken');
      expect(reading.events.flatMap((e) => e.orderIds)).not.toContain('1234567890123456');
    }
  });
});

describe('Gmail forwarding confirmation', () => {
  const URL = 'https://mail-settings.google.com/mail/vf-%5BANGjdJ9abcDEF123%5D-ZXhhbXBsZQ';
  it.each([
    ['gmail-forwarding-confirmation-en.eml', '99427480', URL],
    ['gmail-forwarding-confirmation-zh.eml', '123456789', URL],
    ['gmail-forwarding-confirmation-es-no-header.eml', '55501234', URL],
    ['gmail-forwarding-confirmation-link-only.eml', null, `${URL}&x=1`],
  ])('%s', async (file, code, confirmUrl) => {
    const { reading } = await readFixture(`mime/${file}`);
    expect(reading.kind).toBe('forwarding-confirmation');
    expect(reading.user).toBe('max.mustermann@gmail.com');
    expect(reading.forwardingConfirmation).toEqual({
      code,
      confirmUrl,
      requester: 'max.mustermann@gmail.com',
    });
  });

  it('a look-alike Google sender is not a confirmation', async () => {
    const { reading } = await readFixture('mime/gmail-forwarding-confirmation-spoofed-sender.eml');
    expect(reading.kind).toBe('unrecognized');
    expect(reading.forwardingConfirmation).toBeNull();
  });
});

describe('commands', () => {
  it.each([
    ['command-status.eml', 'status'],
    ['command-help-first-line.eml', 'help'],
    ['command-mute-reply-prefix.eml', `mute ${O1}`],
    ['command-dispute-with-order.eml', `Dispute ${O1} opened 2026-01-06`],
    ['command-outlook-reply-quoting-our-mail.eml', `mute ${O1}`],
    // RFC 3834: "Auto-Submitted: no" is a person's mail.
    ['command-auto-submitted-no.eml', 'status'],
  ])('%s', async (file, command) => {
    const { reading } = await readFixture(`mime/${file}`);
    expect(reading.kind).toBe('command');
    expect(reading.user).toBe('max@example.org');
    expect(reading.command).toBe(command);
    expect(reading.events).toEqual([]);
  });

  it.each([
    ['auto-reply-out-of-office-command-word.eml', /This is an automatic reply/],
    ['bounce-mailer-daemon-command-word.eml', /This is a bounce/],
    ['list-mail-command-word.eml', /This is (mailing-list mail|bulk or list mail)/],
  ])('%s: automatic mail is never a command, so no robot can loop with us', async (file, reason) => {
    const { reading } = await readFixture(`mime/${file}`);
    expect(reading.kind).toBe('unrecognized');
    expect(reading.command).toBeNull();
    expect(reading.reason).toMatch(reason);
    expect(reading.reason).toMatch(/never answers automatic mail/);
  });

  it('prose is not a command', async () => {
    const { reading } = await readFixture('mime/command-not-a-command-prose.eml');
    expect(reading.kind).toBe('unrecognized');
    expect(reading.command).toBeNull();
  });
});

describe('unreadable input', () => {
  it.each(['mime-empty.eml', 'mime-garbage-not-a-mail.eml'])(
    '%s is unrecognized with a reason',
    async (file) => {
      const { reading } = await readFixture(`mime/${file}`);
      expect(reading.kind).toBe('unrecognized');
      expect(reading.user).toBeNull();
      expect(reading.reason).toMatch(/does not look like an email/);
    },
  );
});

describe('an unreadable Date header', () => {
  it('is not replaced by the time of reading (mailparser does that), so no event is dated today', async () => {
    const { reading, original } = await readFixture('mime/date-header-unreadable-not-parse-time.eml');
    expect(original?.date).toBeNull();
    expect(reading.kind).toBe('unrecognized');
    expect(reading.events).toEqual([]);
    expect(reading.orderIds).toEqual([O1]);
    expect(reading.reason).toMatch(/readable date/);
  });
});

describe('quoted dates', () => {
  it.each([
    ['Mon, Jan 5, 2026 at 10:21\u202fAM', 60, '2026-01-05T10:21:00+01:00'],
    ['Mon, Jan 5, 2026 at 10:21\u202fPM', -480, '2026-01-05T22:21:00-08:00'],
    ['25 October 2021 at 11:17:21 EEST', 0, '2021-10-25T11:17:21+03:00'],
    ['Monday, January 5, 2026 10:21 AM', 0, '2026-01-05T10:21:00+00:00'],
    ['Monday, January 5, 2026, 10:21:32 AM GMT+1', 0, '2026-01-05T10:21:32+01:00'],
    ['Mon, 05 Jan 2026 10:21:32 -0800', 60, '2026-01-05T10:21:32-08:00'],
    ['Thu, 22 Aug 2024 23:42:56 -0700 (PDT)', 0, '2024-08-22T23:42:56-07:00'],
    ['Mo., 5. Jan. 2026 um 10:21 Uhr', 60, '2026-01-05T10:21:00+01:00'],
    ['5 janvier 2026 à 10:21:32 UTC+1', 0, '2026-01-05T10:21:32+01:00'],
    ['2026年1月5日周一 10:21', 480, '2026-01-05T10:21:00+08:00'],
    ['05.01.2026 10:21', 60, '2026-01-05T10:21:00+01:00'],
    // Thunderbird for Android's Chinese long format names the zone before the time; CJK AM/PM come first.
    ['2026年1月5日 GMT+01:00 上午10:21:32', 0, '2026-01-05T10:21:32+01:00'],
    ['2026年1月5日 GMT+08:00 下午3:21:32', 0, '2026-01-05T15:21:32+08:00'],
    ['2026年1月5日 午後3:21', 540, '2026-01-05T15:21:00+09:00'],
    ['2026년 1월 5일 월요일 오후 3:21', 540, '2026-01-05T15:21:00+09:00'],
    ['2026년 1월 5일 월요일 오전 10:21', 540, '2026-01-05T10:21:00+09:00'],
    ['13/01/2026 10:21', 0, '2026-01-13T10:21:00+00:00'],
    ['Mon, 5 Jan 2026 12:00 AM +0000', 0, '2026-01-05T00:00:00+00:00'],
    // `mar` is Tuesday (es, fr, it) before the month, not March.
    ['mar, 6 ene 2026 a las 10:21', 60, '2026-01-06T10:21:00+01:00'],
    ['mar. 6 janv. 2026 à 10:21', 60, '2026-01-06T10:21:00+01:00'],
    ['mar 6 gen 2026 alle ore 10:21', 60, '2026-01-06T10:21:00+01:00'],
    ['mar. 3 mars 2026 à 10:21', 60, '2026-03-03T10:21:00+01:00'],
    // Two-digit years: day-first dotted always; slashed only when unambiguous.
    ['05.01.26, 10:21', 60, '2026-01-05T10:21:00+01:00'],
    ['13/01/26 10:21', 0, '2026-01-13T10:21:00+00:00'],
  ])('%s', (input, fallback, iso) => {
    expect(parseMailDate(input, fallback)?.iso).toBe(iso);
  });

  it.each([
    '01/05/2026 10:21',
    '1/5/26, 10:21 AM',
    'Feb 30, 2026 10:21',
    'yesterday',
    '31 Jun 2026 10:00',
    'Jan 5, 2026 25:00',
  ])('refuses to guess %s', (input) => {
    expect(parseMailDate(input)).toBeNull();
  });

  it('says when the zone was guessed', () => {
    expect(parseMailDate('Monday, January 5, 2026 10:21 AM', 60)?.zoneGuessed).toBe(true);
    expect(parseMailDate('Mon, 05 Jan 2026 10:21:32 -0800', 60)?.zoneGuessed).toBe(false);
  });
});
