/**
 * Stands in for `iconv-lite` in the Lambda bundle (`lib/bundling.ts` aliases it): the two calls
 * mailparser and libmime make, `decode` and `decodeStream`, over the runtime's `TextDecoder`
 * (see platform-decoder.ts for why).
 */
import { Transform, type TransformCallback } from 'node:stream';
import { decoderFor } from './platform-decoder';

/** Decodes a whole buffer; throws for an unknown charset, as iconv-lite does (libmime then keeps UTF-8). */
export function decode(input: Uint8Array | string, charset: string): string {
  // iconv-lite reads a string as binary (one byte per code unit); libmime passes buffers.
  const bytes = typeof input === 'string' ? Buffer.from(input, 'binary') : input;
  return decoderFor(charset).decode(bytes);
}

/**
 * A stream that decodes bytes in `charset` into UTF-8 text; throws at once for an unknown charset, as
 * iconv-lite does (mailparser then keeps the body's bytes).
 */
export function decodeStream(charset: string): Transform {
  const decoder = decoderFor(charset);
  return new Transform({
    // Text out, like iconv-lite's decoder stream.
    encoding: 'utf8',
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      // `stream: true` keeps a character split across two chunks whole.
      done(null, decoder.decode(chunk, { stream: true }));
    },
    flush(done: TransformCallback) {
      done(null, decoder.decode());
    },
  });
}

/** Whether `charset` can be decoded here. */
export function encodingExists(charset: string): boolean {
  try {
    decoderFor(charset);
    return true;
  } catch {
    return false;
  }
}
