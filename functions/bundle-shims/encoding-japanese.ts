/**
 * Stands in for `encoding-japanese` in the Lambda bundle (`lib/bundling.ts` aliases it). mailparser and
 * libmime call only `convert(bytes, { to: 'UNICODE', from, type: 'string' })`, to read ISO-2022-JP
 * (and EUC-JP) text; the runtime's `TextDecoder` decodes both (see platform-decoder.ts).
 */
import { decoderFor } from './platform-decoder';

interface ConvertOptions {
  readonly to: string;
  readonly from: string;
  readonly type?: string;
}

/** Decodes `input` from `options.from` to a string; throws otherwise, and both callers then fall back. */
export function convert(input: Uint8Array | string, options: ConvertOptions): string {
  if (options.to.toUpperCase() !== 'UNICODE' || options.type !== 'string') {
    throw new Error(
      `only conversion to a Unicode string is provided, not to ${options.to} as ${options.type}`,
    );
  }
  const bytes = typeof input === 'string' ? Buffer.from(input, 'binary') : input;
  return decoderFor(options.from).decode(bytes);
}
