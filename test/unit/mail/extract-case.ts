import type { Extraction } from '../../../functions/core/mail/types';

/**
 * What each fixture in test/fixtures/mail/events/ must read as: the WHOLE extraction, compared with
 * `toEqual`. Every event is written out in full (occurredAt, source with its messageId, language and
 * evidence, and every field read), so a field the extractor invents, or one it drops, fails the test.
 */
export type FixtureCase = {
  readonly file: string;
  /** A forward: the test reads the original the unwrapper finds in it, as `readMail` does. */
  readonly forwarded?: true;
} & Extraction;
