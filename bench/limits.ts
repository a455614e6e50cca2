/**
 * `npm run bench`, part 2: what hitting each reader limit costs. Every pathological input runs in a child
 * process of its own, so its peak memory is its own and not the leftovers of the one before.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { PATHOLOGICAL } from '../test/support/pathological-mail';

interface CaseResult {
  readonly ms: number;
  readonly inputMb: number;
  readonly rssBeforeMb: number;
  readonly peakRssMb: number;
  readonly kind: string;
  readonly reason: string;
}

const CASE_SCRIPT = join(import.meta.dirname, 'limit-case.ts');

function runCase(name: string): CaseResult {
  const out = execFileSync(process.execPath, ['--import', 'tsx', CASE_SCRIPT, name], { encoding: 'utf8' });
  return JSON.parse(out) as CaseResult;
}

const rows = Object.keys(PATHOLOGICAL).map((name) => ({ name, ...runCase(name) }));
const out = [
  'Command: `npm run bench` (node --import tsx bench/limits.ts); each input in a fresh process, built before the first measurement ("before" includes the input itself).',
  '',
  '| Input | Size | Time | Peak RSS before → after reading it | Answer |',
  '|---|---:|---:|---:|---|',
  ...rows.map(
    (r) =>
      `| ${r.name} | ${r.inputMb.toFixed(1)} MB | ${r.ms < 1 ? '< 1' : r.ms.toFixed(0)} ms | ${r.rssBeforeMb.toFixed(0)} → ${r.peakRssMb.toFixed(0)} MB | ${r.kind}: ${r.reason} |`,
  ),
];
process.stdout.write(`\n${out.join('\n')}\n`);
