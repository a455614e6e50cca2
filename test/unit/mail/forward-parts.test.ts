/**
 * The pieces the forward unwrapper is built from, one by one: marker lines, quoted addresses, the HTML
 * cut and the HTML-to-text pass (forwards.test.ts reads whole fixtures through them).
 */
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../functions/core/mail/text/html-text';
import {
  DASHED_MARKERS,
  LABEL_SETS,
  LINE_MARKERS,
  normaliseLabel,
} from '../../../functions/core/mail/unwrap/forward-markers';
import { cutForwardedHtml } from '../../../functions/core/mail/unwrap/html-forward';
import {
  cutAtNextForward,
  findInlineForward,
  markerOf,
} from '../../../functions/core/mail/unwrap/inline-forward';
import {
  labelOf,
  parseAddresses,
  splitRunTogether,
} from '../../../functions/core/mail/unwrap/quoted-headers';

describe('forward marker table', () => {
  it.each([
    ['---------- Forwarded message ---------', 'gmail', '*'],
    ['---------- Weitergeleitete Nachricht ---------', 'hubspot', 'de'],
    ['---------- Message transféré ---------', 'hubspot', 'fr'],
    ['-------- Forwarded Message --------', 'thunderbird', 'en'],
    ['-------- Weitergeleitete Nachricht --------', 'thunderbird', 'de'],
    ['-------- Message transféré --------', 'thunderbird', 'fr'],
    ['-------- Mensagem reencaminhada --------', 'thunderbird', 'pt-PT'],
    ['--- Treść przekazanej wiadomości ---', 'thunderbird', 'pl'],
    ['-------- Перенаправленное сообщение --------', 'thunderbird', 'ru'],
    ['-------- 전달된 메시지 --------', 'thunderbird', 'ko'],
    ['-------- 转发的消息 --------', 'thunderbird', 'zh-CN'],
    ['-------- 轉寄郵件 --------', 'thunderbird', 'zh-TW'],
    ['-------- Messaggio Inoltrato --------', 'thunderbird', 'it'],
    ['-------- Preposlaná správa --- Forwarded Message --------', 'thunderbird', 'sk'],
    ['-------- Original Message --------', 'thunderbird', 'en'],
    ['-------- Original-Nachricht --------', 'thunderbird', 'de'],
    ['------ Wiadomość oryginalna ------', 'thunderbird', 'pl'],
    ['--------    원본 메시지    --------', 'thunderbird', 'ko'],
    ['------- 原始郵件 -------', 'thunderbird', 'zh-TW'],
    ['-------- Courriel initial --------', 'thunderbird-android', 'fr'],
    ['-------- 元メール --------', 'thunderbird-android', 'ja'],
    ['-------- 原始邮件 --------', 'thunderbird-android', 'zh-CN'],
    ['--------原始郵件--------', 'thunderbird-android', 'zh-TW'],
    ['------ Исходное сообщение ------', 'thunderbird-android', 'ru'],
    ['----- Forwarded Message -----', 'yahoo', 'en'],
    ['----- Message transmis -----', 'yahoo', 'fr'],
    ['----- Weitergeleitete Nachricht -----', 'yahoo', 'de'],
    ['   ----- Przekazana wiadomość ----- Od: AliExpress <a@b.c>Do: x@y.z', 'yahoo', 'pl'],
    ['-----Original Message-----', 'outlook-classic', 'en'],
    ['________________________________', 'outlook', '*'],
    ['Begin forwarded message:', 'apple', 'en'],
    ['> Begin forwarded message:', 'apple', 'en'],
    ['Début du message réexpédié\u00a0:', 'apple', 'fr'],
    ['Début du message transféré :', 'apple', 'fr'],
    ['Anfang der weitergeleiteten Nachricht:', 'apple', 'de'],
    ['Anfang der weitergeleiteten E-Mail:', 'apple', 'de'],
    ['Inicio del mensaje reenviado:', 'apple', 'es'],
    ['Inizio messaggio inoltrato:', 'apple', 'it'],
    ['Begin doorgestuurd bericht:', 'apple', 'nl'],
    ['Início da mensagem encaminhada:', 'apple', 'pt-BR'],
    ['Início da mensagem reencaminhada:', 'apple', 'pt-PT'],
    ['Początek przekazywanej wiadomości:', 'apple', 'pl'],
    ['Начало переадресованного сообщения:', 'apple', 'ru'],
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
    // Once listed as Gmail's, found in no source (Gmail writes its separator in English).
    '---------- 전달된 메일 ---------',
    '---------- 转发的邮件 ---------',
    '---------- 転送されたメッセージ ---------',
    '---------- Wiadomość przekazana dalej ---------',
    // Only Yahoo carries its header on the marker line; a Thunderbird phrase followed by text is not one.
    '-------- Message transféré -------- De : AliExpress',
  ])('not a marker: %s', (line) => {
    expect(markerOf(line)).toBeNull();
  });

  it('every row names its source', () => {
    for (const row of [...DASHED_MARKERS, ...LINE_MARKERS, ...LABEL_SETS]) expect(row.source).toMatch(/\S/);
  });

  it('no label names two fields (a table read in any order gives one answer)', () => {
    const fields = new Map<string, string>();
    for (const row of LABEL_SETS) {
      for (const field of ['from', 'date', 'subject', 'to', 'cc'] as const) {
        for (const label of row[field]) {
          const key = normaliseLabel(label);
          expect(fields.get(key) ?? field, `${label} (${row.client} ${row.language})`).toBe(field);
          fields.set(key, field);
        }
      }
    }
  });
});

describe('quoted header labels', () => {
  it.each([
    ['Sujet\u00a0: \tOrder 8123456789012345', 'subject'],
    ['Pour\u00a0: max@example.org', 'to'],
    ['Copie à\u00a0: anna@example.net', 'cc'],
    ['Kopie (CC): anna@example.net', 'cc'],
    ['Nadawca: AliExpress <transaction@notice.aliexpress.com>', 'from'],
    ['Adresat: max@example.org', 'to'],
    ['Отправитель: AliExpress <transaction@notice.aliexpress.com>', 'from'],
    ['發件人: x', undefined],
    ['從: AliExpress <transaction@notice.aliexpress.com>', 'from'],
    ['寄送日期: 2026年1月5日', 'date'],
    ['收件人：max@example.org', 'to'],
    ['送信日: 2026年1月5日', 'date'],
    ['Inviato il: 5 gennaio 2026', 'date'],
    ['Enviado el: lunes', 'date'],
    ['Dw: anna@example.net', 'cc'],
  ])('%s', (line, field) => {
    expect(labelOf(line)?.field).toBe(field);
  });
});

describe("Yahoo's run-together header", () => {
  const run = (language: string) => {
    const row = DASHED_MARKERS.find((m) => m.client === 'yahoo' && m.language === language);
    if (!row?.runTogether) throw new Error(language);
    return row.runTogether;
  };

  it.each([
    [
      'en',
      'From: A <a@b.c>To: x@y.zSent: Monday, January 5, 2026, 10:21:32 AM GMT+1Subject: Order 1: shipped',
      [
        'From: A <a@b.c>',
        'To: x@y.z',
        'Sent: Monday, January 5, 2026, 10:21:32 AM GMT+1',
        'Subject: Order 1: shipped',
      ],
    ],
    [
      'fr',
      'De : A <a@b.c>À : x@y.zCc : w@y.zEnvoyé : lundi 5 janvier 2026, 10:21:32 UTC+1Objet : Order 1',
      [
        'De : A <a@b.c>',
        'À : x@y.z',
        'Cc : w@y.z',
        'Envoyé : lundi 5 janvier 2026, 10:21:32 UTC+1',
        'Objet : Order 1',
      ],
    ],
    [
      'pt-PT',
      'De: A <a@b.c>Para: x@y.zEnviado: segunda-feira, 10:21:32 CETAssunto Order 1: shipped',
      ['De: A <a@b.c>', 'Para: x@y.z', 'Enviado: segunda-feira, 10:21:32 CET', 'Assunto: Order 1: shipped'],
    ],
    [
      'pl',
      'Od: A <a@b.c>Do: x@y.zDw W <w@y.z>Wysłano: 10:21:32 CETTemat: Order 1',
      ['Od: A <a@b.c>', 'Do: x@y.z', 'Dw: W <w@y.z>', 'Wysłano: 10:21:32 CET', 'Temat: Order 1'],
    ],
    [
      // Italian `A:` only where it is glued after a value: not inside `AliExpress` or a word ending in a.
      'it',
      'Da: AliExpress <a@b.c>A: x@y.zInviato: lunedì 5 gennaio 2026, 10:21:32 CETOggetto: Ordine spedita: 1',
      [
        'Da: AliExpress <a@b.c>',
        'A: x@y.z',
        'Inviato: lunedì 5 gennaio 2026, 10:21:32 CET',
        'Oggetto: Ordine spedita: 1',
      ],
    ],
  ])('%s', (language, line, parts) => {
    expect(splitRunTogether(line, run(language))).toEqual(parts);
  });
});

describe('a separator no source names (Naver, Daum, Yahoo! JAPAN are unknown)', () => {
  it.each([
    [
      'ko',
      '---------- 전달된 메일 ----------',
      [
        '보낸 사람: AliExpress <transaction@notice.aliexpress.com>',
        '날짜: Mon, 05 Jan 2026 01:21:32 -0800',
        '제목: Order 8123456789012345: order shipped',
        '받는 사람: max@example.org',
      ],
    ],
    [
      'ja',
      '---------- 転送されたメッセージ ----------',
      [
        '差出人: AliExpress <transaction@notice.aliexpress.com>',
        '送信日時: 2026年1月5日 10:21',
        '宛先: max@example.org',
        '件名: Order 8123456789012345: order shipped',
      ],
    ],
  ])(
    '%s: the known labels under it still open the header block, and the words above are dropped',
    (_, separator, header) => {
      const text = [
        'orderwatch, order 1234567890123456 arrived broken',
        '',
        separator,
        ...header,
        '',
        'Your order 8123456789012345 has been shipped',
      ].join('\n');
      const found = findInlineForward(text, () => null);
      expect(found?.marker).toBeNull();
      expect(found?.headers.from?.address).toBe('transaction@notice.aliexpress.com');
      expect(found?.headers.subject).toBe('Order 8123456789012345: order shipped');
      expect(found?.body).toBe('Your order 8123456789012345 has been shipped');
    },
  );
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
