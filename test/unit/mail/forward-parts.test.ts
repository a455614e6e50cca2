/**
 * The pieces the forward unwrapper is built from, one by one: marker lines, quoted addresses, the HTML
 * cut and the HTML-to-text pass (forwards.test.ts reads whole fixtures through them).
 */
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../functions/core/mail/text/html-text';
import { cutForwardedHtml } from '../../../functions/core/mail/unwrap/html-forward';
import { cutAtNextForward, markerOf } from '../../../functions/core/mail/unwrap/inline-forward';
import { parseAddresses } from '../../../functions/core/mail/unwrap/quoted-headers';

describe('forward marker table', () => {
  it.each([
    ['---------- Forwarded message ---------', 'gmail', 'en'],
    ['---------- Weitergeleitete Nachricht ---------', 'gmail', 'de'],
    ['-------- Forwarded Message --------', 'thunderbird', 'en'],
    ['----- Forwarded Message -----', 'yahoo', 'en'],
    ['-------- Weitergeleitete Nachricht --------', 'thunderbird', 'de'],
    ['-----Original Message-----', 'outlook-classic', 'en'],
    ['________________________________', 'outlook', '*'],
    ['Begin forwarded message:', 'apple', 'en'],
    ['> Begin forwarded message:', 'apple', 'en'],
    ['Début du message réexpédié\u00a0:', 'apple', 'fr'],
    ['Anfang der weitergeleiteten Nachricht:', 'apple', 'de'],
    ['Inicio del mensaje reenviado:', 'apple', 'es'],
    ['Inizio messaggio inoltrato:', 'apple', 'it'],
    ['Begin doorgestuurd bericht:', 'apple', 'nl'],
    ['Início da mensagem encaminhada:', 'apple', 'pt'],
  ])('%s', (line, client, language) => {
    expect(markerOf(line)).toMatchObject({ client, language });
  });

  it.each([
    '-----',
    '____',
    'Forwarded message',
    'Begin forwarded message',
    '-- ',
    'Order 8123456789012345: order shipped',
  ])('not a marker: %s', (line) => {
    expect(markerOf(line)).toBeNull();
  });
});

describe('the end of a forwarded notice', () => {
  const second =
    '---------- Forwarded message ---------\nFrom: AliExpress <transaction@notice.aliexpress.com>\nSubject: Package LP00898765432101 has been delivered\n\nDelivered';

  it('is where a second forward starts', () => {
    expect(cutAtNextForward(`Order 8123456789012345 shipped\n\n${second}`)).toEqual({
      text: 'Order 8123456789012345 shipped\n',
      cut: true,
    });
  });

  it('is not a marker-shaped line without a header block under it (an <hr> as underscores)', () => {
    const text = `Order 8123456789012345 shipped\n${'_'.repeat(32)}\nOrder ID 8123456789012345`;
    expect(cutAtNextForward(text)).toEqual({ text, cut: false });
  });
});

describe('quoted addresses', () => {
  it.each([
    ['AliExpress <transaction@notice.aliexpress.com>', 'AliExpress'],
    ['"AliExpress" <transaction@notice.aliexpress.com>', 'AliExpress'],
    ['AliExpress [mailto:transaction@notice.aliexpress.com]', 'AliExpress'],
    [
      'AliExpress <transaction@notice.aliexpress.com<mailto:transaction@notice.aliexpress.com>>',
      'AliExpress',
    ],
    ['<Transaction@Notice.AliExpress.com>', ''],
    ['transaction@notice.aliexpress.com', ''],
    ['"transaction@notice.aliexpress.com" <transaction@notice.aliexpress.com>', ''],
  ])('%s', (value, name) => {
    expect(parseAddresses(value)).toEqual([{ address: 'transaction@notice.aliexpress.com', name }]);
  });

  it('never takes an address used as a display name for the address', () => {
    expect(parseAddresses('"transaction@notice.aliexpress.com" <orders@cheap-shop.example>')).toEqual([
      { address: 'orders@cheap-shop.example', name: '' },
    ]);
    expect(parseAddresses('transaction@notice.aliexpress.com [mailto:orders@cheap-shop.example]')).toEqual([
      { address: 'orders@cheap-shop.example', name: '' },
    ]);
  });

  it('reads several recipients once each', () => {
    expect(
      parseAddresses('max@example.org <max@example.org<mailto:max@example.org>>; Anna <anna@example.net>'),
    ).toEqual([
      { address: 'max@example.org', name: '' },
      { address: 'anna@example.net', name: 'Anna' },
    ]);
  });
});

describe('HTML cut and text', () => {
  it("returns null when no container or sender is found, so the forwarder's HTML is never passed on", () => {
    expect(
      cutForwardedHtml('<p>order 1234567890123456 broke</p>', 'Order', 'transaction@notice.aliexpress.com'),
    ).toBeNull();
  });

  it('renders blocks as lines, <br><br> as a blank line, and skips style', () => {
    expect(
      htmlToText('<style>p{}</style><div>a<br>b</div><div>c</div><br><br><p>d &amp; &#8364; &nbsp;e</p>'),
    ).toBe('a\nb\nc\n\nd & € e');
  });
});
