/** The benchmark corpus: every .eml under test/fixtures/mail plus the real mails, read once into memory. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface CorpusMail {
  readonly name: string;
  readonly bytes: Buffer;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return walk(path);
    return entry.endsWith('.eml') ? [path] : [];
  });
}

export function loadCorpus(roots: readonly string[]): CorpusMail[] {
  return roots
    .flatMap((root) => {
      try {
        return walk(root);
      } catch {
        // The real mails live outside the repo; a checkout without them benches the fixtures only.
        return [];
      }
    })
    .sort()
    .map((path) => ({ name: path, bytes: readFileSync(path) }));
}
