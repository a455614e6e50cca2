/**
 * The TextDecoder shims the Lambda bundles use instead of iconv-lite and encoding-japanese
 * (`functions/bundle-shims/`): each charset mail uses decodes as iconv-lite decodes it, whole and
 * streamed a byte at a time; unknown charsets fail as iconv-lite fails, so mailparser falls back the same way.
 */
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import type { Encoding } from 'encoding-japanese';
import { describe, expect, it } from 'vitest';
import { convert } from '../../functions/bundle-shims/encoding-japanese';
import { decode, decodeStream, encodingExists } from '../../functions/bundle-shims/iconv-lite';
import {
  decodesLegacyCharsets,
  UnsupportedCharsetError,
} from '../../functions/bundle-shims/platform-decoder';

// The very copies mailparser loads, to compare the shims with what the sources run.
const requireAsMailparser = createRequire(import.meta.resolve('mailparser'));
const iconv = requireAsMailparser('iconv-lite') as typeof import('iconv-lite');
const EncodingJapanese = requireAsMailparser('encoding-japanese') as typeof import('encoding-japanese');

const SAMPLES: readonly (readonly [charset: string, sample: string])[] = [
  ['utf-8', 'Größe M – 1,99 € 您好'],
  ['iso-8859-1', 'Bestellung bestätigt, Größe M'],
  ['iso-8859-2', 'Dzień dobry, zamówienie'],
  ['iso-8859-15', 'Größe M, 1,99 €'],
  ['windows-1250', 'Dzień dobry – „zamówienie“'],
  ['windows-1251', 'Здравствуйте! Ваш заказ – «отправлен»'],
  ['windows-1252', 'versandt – „Größe M“ 1,99 € … ™'],
  ['koi8-r', 'Здравствуйте! Ваш заказ отправлен.'],
  ['gb2312', '您好，您的订单已发货。'],
  ['gbk', '您好（繁體：訂單）'],
  ['gb18030', '您好，您的订单已发货。'],
  ['big5', '你好，訂單到貨時已損壞。'],
  ['shift_jis', 'ご注文は発送されました。'],
  ['euc-jp', 'ご注文は発送されました。'],
  ['euc-kr', '귀하의 국가/지역에 도착했습니다'],
  ['ks_c_5601-1987', '주문이 발송되었습니다'],
];

async function streamed(bytes: Buffer, charset: string): Promise<string> {
  // One byte per chunk: every multi-byte character is split across chunks.
  return text(Readable.from([...bytes].map((byte) => Buffer.from([byte]))).pipe(decodeStream(charset)));
}

describe('the iconv-lite shim', () => {
  it.each(SAMPLES)('%s decodes as iconv-lite does, whole and streamed', async (charset, sample) => {
    const bytes = iconv.encode(sample, charset);
    expect(iconv.decode(bytes, charset)).toBe(sample);
    expect(decode(bytes, charset)).toBe(sample);
    expect(decode(bytes.toString('binary'), charset)).toBe(sample);
    expect(await streamed(bytes, charset)).toBe(sample);
  });

  it.each([
    ...['iso-8859-1', 'iso-8859-2', 'iso-8859-3', 'iso-8859-4', 'iso-8859-5', 'iso-8859-6', 'iso-8859-7'],
    ...['iso-8859-8', 'iso-8859-9', 'iso-8859-10', 'iso-8859-13', 'iso-8859-14', 'iso-8859-15', 'koi8-r'],
    ...['koi8-u', 'ibm866', 'macintosh', 'windows-874', 'windows-1250', 'windows-1251', 'windows-1252'],
    ...['windows-1253', 'windows-1254', 'windows-1255', 'windows-1256', 'windows-1257', 'windows-1258'],
  ])(
    'every byte of %s decodes as iconv-lite decodes it, but where the Encoding Standard differs',
    (charset) => {
      /** Bytes the Encoding Standard (as browsers) maps otherwise than iconv-lite's tables; none is a letter mail uses. */
      const KNOWN: Record<string, readonly number[]> = {
        ibm866: [0x1a, 0x1c, 0x7f], // control characters swapped
        macintosh: [0xbd, 0xdb, 0xf0], // Ω as U+03A9, € for ¤ (Apple's 1998 change), the Apple logo
        'windows-1255': [0xca], // a Hebrew vowel point the Standard leaves undefined
      };
      for (let byte = 0; byte < 256; byte++) {
        const original = iconv.decode(Buffer.from([byte]), charset);
        const shim = decode(Buffer.from([byte]), charset);
        if (original === shim) continue;
        const explained =
          // A byte the code page leaves undefined: U+FFFD in iconv-lite, the C1 control or a private-use
          // character in the Standard. Neither is text.
          original === '\ufffd' ||
          // ISO-8859-1 and -9 labels are read as Windows-1252 and -1254, as browsers do: their 0x80–0x9F
          // are C1 controls no mail means, and letters (€, curly quotes) in what Windows mailers mislabel.
          (['iso-8859-1', 'iso-8859-9'].includes(charset) && byte >= 0x80 && byte <= 0x9f) ||
          (KNOWN[charset] ?? []).includes(byte);
        expect(explained, `${charset} byte 0x${byte.toString(16)}: ${JSON.stringify([original, shim])}`).toBe(
          true,
        );
      }
    },
  );

  it('windows-1252 and its aliases read 0x80–0x9F as Windows does, not as Latin-1 controls', async () => {
    const bytes = Buffer.from([0x80, 0x84, 0x85, 0x93, 0x94, 0x96, 0x97, 0x99]);
    for (const charset of ['windows-1252', 'cp1252', 'iso-8859-1', 'latin1', 'us-ascii']) {
      expect(decode(bytes, charset)).toBe('€„…“”–—™');
      expect(await streamed(bytes, charset)).toBe('€„…“”–—™');
    }
  });

  it('an unknown charset fails at once, naming it, as iconv-lite does', () => {
    expect(() => iconv.decode(Buffer.from('x'), 'x-no-such-charset')).toThrow();
    expect(() => decode(Buffer.from('x'), 'x-no-such-charset')).toThrow(UnsupportedCharsetError);
    expect(() => decodeStream('x-no-such-charset')).toThrow(/"x-no-such-charset"/);
    expect(encodingExists('x-no-such-charset')).toBe(false);
    expect(encodingExists('Shift_JIS')).toBe(true);
  });

  it('this Node.js has the ICU data the bundles rely on', () => {
    expect(decodesLegacyCharsets()).toBe(true);
  });
});

describe('the encoding-japanese shim', () => {
  const sample = 'Fwd: ご注文 8123456789012345 発送';
  const jis = Buffer.from(
    EncodingJapanese.convert(EncodingJapanese.stringToCode(sample), { to: 'JIS', from: 'UNICODE' }),
  );
  const eucjp = Buffer.from(
    EncodingJapanese.convert(EncodingJapanese.stringToCode(sample), { to: 'EUCJP', from: 'UNICODE' }),
  );

  it.each([
    ['ISO-2022-JP', jis],
    ['JIS', jis],
    ['iso-2022-jp-1', jis],
    ['EUCJP', eucjp],
  ])('%s decodes as encoding-japanese does', (from, bytes) => {
    // mailparser passes the mail's charset name; encoding-japanese's types list only its own names.
    const original = EncodingJapanese.convert(bytes, {
      to: 'UNICODE',
      from: from as Encoding,
      type: 'string',
    });
    expect(original).toBe(sample);
    expect(convert(bytes, { to: 'UNICODE', from, type: 'string' })).toBe(sample);
  });

  it('refuses a conversion mailparser never asks for, so the caller falls back', () => {
    expect(() => convert(jis, { to: 'SJIS', from: 'JIS', type: 'string' })).toThrow(/Unicode string/);
  });
});
