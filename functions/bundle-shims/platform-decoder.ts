/**
 * Charset decoding by the runtime's own `TextDecoder` (the WHATWG Encoding Standard, which Node.js
 * implements through ICU; its official builds ship full ICU, so every legacy encoding a browser decodes
 * is available). The Lambda bundle decodes mail with this instead of iconv-lite and encoding-japanese,
 * whose CJK code-page tables were 700 KB of the 1.7 MB ingest bundle (BENCHMARKS.md, "Bundles"). postal-mime
 * decodes mail the same way.
 *
 * Only the bundles decode through it (the aliases in `lib/bundling.ts`); the sources run the original
 * packages, and `test/integration/reader-bundle.test.ts` reads every fixture and real mail with both and
 * expects the same result.
 */

import { TextDecoder } from 'node:util';

/**
 * A charset this runtime cannot decode. mailparser and libmime then keep the bytes as UTF-8, as they do
 * for a charset iconv-lite does not know.
 */
export class UnsupportedCharsetError extends Error {
  override readonly name = 'UnsupportedCharsetError';
  constructor(
    readonly charset: string,
    options?: ErrorOptions,
  ) {
    super(`charset "${charset}" cannot be decoded by this runtime's TextDecoder`, options);
  }
}

/**
 * Names mail uses that the Encoding Standard spells differently. Everything else goes to `TextDecoder` as
 * it is: its label table already knows gb2312, ks_c_5601-1987, x-sjis, latin1, cp1252 and the rest.
 */
const NAME_FIXES: readonly (readonly [RegExp, string])[] = [
  // encoding-japanese's and some mailers' names for ISO-2022-JP, EUC-JP and Shift_JIS.
  [/^(jis|iso-?2022-?jp(-\d+)?)$/i, 'iso-2022-jp'],
  [/^euc-?jp$/i, 'euc-jp'],
  [/^s-?jis$/i, 'shift_jis'],
  // Microsoft's code page 949 (Korean), a superset of EUC-KR that the Encoding Standard's euc-kr decodes.
  [/^(cp|windows-?)949$/i, 'euc-kr'],
  // Code page 936 is GBK; 54936 is GB 18030.
  [/^(cp|windows-?)936$/i, 'gbk'],
  [/^(cp|windows-?)54936$/i, 'gb18030'],
  [/^(cp|windows-?)950$/i, 'big5'],
  [/^(cp|windows-?)932$/i, 'shift_jis'],
];

function labelOf(charset: string): string {
  const trimmed = charset.trim();
  for (const [pattern, label] of NAME_FIXES) if (pattern.test(trimmed)) return label;
  return trimmed;
}

/** What `TextDecoder` offers and the Windows-1252 decoder below shares. */
export interface ByteDecoder {
  decode(input?: Uint8Array, options?: { readonly stream?: boolean }): string;
}

/**
 * What Windows-1252 puts at 0x80–0x9F, where it differs from Latin-1 (the WHATWG index; the five bytes
 * Windows leaves undefined decode to the C1 control of the same number, as in browsers).
 */
const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021' +
  '\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014' +
  '\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Windows-1252 (also what the Encoding Standard makes of iso-8859-1, latin1 and us-ascii), decoded here
 * rather than by `TextDecoder`: Node.js 20.18.3+ and 22.13+ decode a whole buffer of it as Latin-1 (a
 * streamed decode is right), so "€" and curly quotes in encoded-word headers came out as C1 controls
 * (nodejs/node#56542, #60888; measured on Node.js 20.20.2), and which Lambda patch release carries the
 * fix is not published. A single-byte code needs no state between chunks.
 */
const windows1252: ByteDecoder = {
  decode(input) {
    if (input === undefined) return '';
    return Buffer.from(input.buffer, input.byteOffset, input.byteLength)
      .toString('latin1')
      .replace(/[\x80-\x9f]/g, (c) => WINDOWS_1252_HIGH.charAt(c.charCodeAt(0) - 0x80));
  },
};

/** A fresh decoder for `charset`; throws `UnsupportedCharsetError` for a charset the runtime lacks. */
export function decoderFor(charset: string): ByteDecoder {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(labelOf(charset));
  } catch (error) {
    throw new UnsupportedCharsetError(charset, { cause: error });
  }
  return decoder.encoding === 'windows-1252' ? windows1252 : decoder;
}

/**
 * Whether this runtime decodes the legacy charsets real mail uses: false on a Node.js built without full
 * ICU, whose TextDecoder knows only UTF-8, UTF-16 and Latin-1.
 */
export function decodesLegacyCharsets(): boolean {
  try {
    for (const charset of ['gbk', 'big5', 'shift_jis', 'euc-kr', 'iso-2022-jp', 'koi8-r', 'iso-8859-2']) {
      new TextDecoder(charset);
    }
    return true;
  } catch (error) {
    // TextDecoder's answer to a label it does not know.
    if (error instanceof RangeError) return false;
    throw error;
  }
}
