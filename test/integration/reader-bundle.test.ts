/**
 * The mail reader as the Lambda bundle has it: built with the bundles' esbuild options, so iconv-lite and
 * encoding-japanese are replaced by the TextDecoder shims (`lib/bundling.ts`, `functions/bundle-shims/`).
 * Every fixture and every real mail is read by the bundle, in a fresh `node` process as in Lambda, and by
 * the sources (which decode with the original packages): the readings and the unwrapped originals must be
 * the same, so a charset the shims decoded differently would show here as a changed subject or text.
 */
import { execFile } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWithLambdaOptions } from '../../bench/build-bundle';
import { FIXTURES, REAL_MAIL, SKIP_REAL_MAIL } from '../unit/mail/fixture-helpers';
import { type ReadFile, readFiles } from './support/reader-entry';

const ENTRY = join(import.meta.dirname, 'support/reader-entry.ts');

function emlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.eml'))
    .sort()
    .map((file) => join(dir, file));
}

const FILES = [...emlFiles(FIXTURES), ...(SKIP_REAL_MAIL ? [] : emlFiles(REAL_MAIL))];

let bundle: Awaited<ReturnType<typeof buildWithLambdaOptions>>;

beforeAll(async () => {
  bundle = await buildWithLambdaOptions(ENTRY, `reader-${process.pid}`);
}, 60_000);

afterAll(() => {
  if (bundle) rmSync(dirname(bundle.file), { recursive: true, force: true });
});

/** Reads `files` with the bundled reader in a fresh process (no vitest transform, as Lambda imports it). */
function readWithBundle(files: readonly string[]): Promise<ReadFile[]> {
  const script = `
    const { readFiles } = await import(${JSON.stringify(pathToFileURL(bundle.file).href)});
    process.stdout.write(JSON.stringify(await readFiles(JSON.parse(process.env.TEST_FILES))));
  `;
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--input-type=module', '-e', script],
      {
        env: { PATH: process.env.PATH ?? '', TEST_FILES: JSON.stringify(files) },
        maxBuffer: 256 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`the bundled reader failed: ${error.message}\n${stderr}`));
        else resolve(JSON.parse(stdout) as ReadFile[]);
      },
    );
  });
}

describe('the bundled mail reader', () => {
  it('contains neither iconv-lite nor encoding-japanese (their tables are most of the bundle)', () => {
    const inputs = bundle.inputs.join('\n');
    expect(inputs).toContain('functions/bundle-shims/iconv-lite.ts');
    expect(inputs).toContain('functions/bundle-shims/encoding-japanese.ts');
    expect(inputs).not.toMatch(/node_modules\/(iconv-lite|encoding-japanese)\//);
    expect(inputs).toMatch(/node_modules\/mailparser\//);
  });

  it('reads every fixture and real mail as the sources do', async () => {
    // The fixtures hold every charset MAIL-FACTS names; a missing folder would make this vacuous.
    expect(FILES.length).toBeGreaterThan(200);
    const [bundled, sources] = await Promise.all([readWithBundle(FILES), readFiles(FILES)]);
    expect(bundled.map((read) => read.file)).toEqual(FILES);
    for (const [index, read] of bundled.entries()) {
      expect(read, read.file).toEqual(sources[index]);
    }
  }, 120_000);
});
