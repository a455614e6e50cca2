// PLACEHOLDER until the extraction helper lands; replaced wholesale.
import type { Extraction, OriginalMessage } from './types';

export interface ExtractContext {
  /** When the mail reached us (outer Date), used for occurredAt only if the original has no Date. */
  readonly receivedAt: string | null;
}

export function extractAliExpress(_msg: OriginalMessage, _context: ExtractContext): Extraction {
  return { kind: 'unrecognized', language: null, reason: 'extraction not built yet' };
}
