/** Helpers for the unwrap tests: read a fixture, and see both the reading and the unwrapped original. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_LIMITS } from '../../../functions/core/mail/limits';
import { readMail } from '../../../functions/core/mail/read';
import type { MailReading, OriginalMessage } from '../../../functions/core/mail/types';
import { parseLayer } from '../../../functions/core/mail/unwrap/mime';
import { unwrap } from '../../../functions/core/mail/unwrap/unwrap';

export const FIXTURES = join(import.meta.dirname, '../../fixtures/mail');
/** The real, anonymised AliExpress mails, read in place from the workspace's shared folder beside the repo. */
export const REAL_MAIL = join(import.meta.dirname, '../../../../shared/real-mail/aliexpress');
/**
 * The workspace and CI keep the real mails beside the repository. A clone anywhere else has no
 * ../shared: there, and only there, the real-mail checks are skipped with a note. Under CI a missing
 * folder is not skipped, so it fails.
 */
export const SKIP_REAL_MAIL = !existsSync(REAL_MAIL) && !process.env.CI;
if (SKIP_REAL_MAIL) {
  console.warn(`Real-mail checks skipped: ${REAL_MAIL} is not there (they run in the workspace and in CI).`);
}

export function fixture(path: string): Buffer {
  return readFileSync(join(FIXTURES, path));
}

export interface Read {
  readonly reading: MailReading;
  readonly original: OriginalMessage | null;
}

export async function readFixture(path: string): Promise<Read> {
  const raw = fixture(path);
  const reading = await readMail(raw);
  let original: OriginalMessage | null = null;
  try {
    original = (await unwrap(await parseLayer(raw, DEFAULT_LIMITS), DEFAULT_LIMITS)).original;
  } catch {
    original = null;
  }
  return { reading, original };
}

/** Words the forwarders in the fixtures write above the marker; never part of the original. */
export const FORWARDER_WORDS = /1234567890123456|5555555555555555|arrived broken|orderwatch,|never came/;
