/**
 * What `test/integration/reader-bundle.test.ts` bundles with the Lambda options: the mail reader, and the
 * original a forward unwraps to, for a list of mail files, as JSON. The test runs the same function from
 * the sources and expects the bundle's answer to be the same, charset by charset.
 */
import { readFileSync } from 'node:fs';
import { DEFAULT_LIMITS } from '../../../functions/core/mail/limits';
import { readMail } from '../../../functions/core/mail/read';
import { parseLayer } from '../../../functions/core/mail/unwrap/mime';
import { unwrap } from '../../../functions/core/mail/unwrap/unwrap';

export interface ReadFile {
  readonly file: string;
  /** `readMail`'s reading, through JSON (an error as its name and message). */
  readonly reading: unknown;
  /** The unwrapped original (subject, sender, date, text, HTML), or the error unwrapping threw. */
  readonly original: unknown;
}

function plain(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (_key, field: unknown) =>
      field instanceof Error ? { name: field.name, message: field.message } : field,
    ),
  );
}

export async function readFiles(files: readonly string[]): Promise<ReadFile[]> {
  const results: ReadFile[] = [];
  for (const file of files) {
    const raw = readFileSync(file);
    const reading = await readMail(raw);
    let original: unknown;
    try {
      original = (await unwrap(await parseLayer(raw, DEFAULT_LIMITS), DEFAULT_LIMITS)).original;
    } catch (error) {
      original = error;
    }
    results.push({ file, reading: plain(reading), original: plain(original) });
  }
  return results;
}
