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
