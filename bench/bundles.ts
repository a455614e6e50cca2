/**
 * `npm run bench`, part 3: each Lambda bundle's size (minified, as deployed) and its cold start, the time a
 * fresh Node.js process takes to import it (median of several fresh processes). Built with the construct's
 * own esbuild options (`lib/bundling.ts`). Prints a Markdown table for BENCHMARKS.md.
 */
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { ENV_NAMES } from '../functions/shared/env-names';
import { FUNCTION_ENTRIES, type FunctionName } from '../lib/bundling';
import { buildBundle } from './build-bundle';
import { machine } from './machine';

const RUNS = 15;
const GOAL_BYTES: Record<FunctionName, number> = { ingest: 1.5 * 1024 * 1024, remind: 0.5 * 1024 * 1024 };

/**
 * The environment the stack gives both functions (example values): the entries read and validate it at
 * module scope, so a cold start without it fails.
 */
const LAMBDA_ENV: Record<string, string> = {
  [ENV_NAMES.table]: 'orderwatch-bench',
  [ENV_NAMES.bucket]: 'orderwatch-bench-mail',
  [ENV_NAMES.prefix]: 'incoming/',
  [ENV_NAMES.address]: 'orders@example.com',
  [ENV_NAMES.fromName]: 'orderwatch',
  [ENV_NAMES.allow]: 'user@example.com',
  [ENV_NAMES.timeZone]: 'Europe/Berlin',
  [ENV_NAMES.policy]: '{}',
  [ENV_NAMES.dailyReplyCap]: '20',
  [ENV_NAMES.maxMailBytes]: String(10 * 1024 * 1024),
  [ENV_NAMES.retentionDays]: '180',
  AWS_REGION: 'us-east-1',
};

/** Milliseconds a fresh process takes to import the bundle (module evaluation included, handler not run). */
function importMs(file: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); console.log(performance.now() - t);`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...LAMBDA_ENV },
  });
  return Number(out.trim());
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const rows: string[] = [];
let failed = false;
for (const name of Object.keys(FUNCTION_ENTRIES) as FunctionName[]) {
  const bundle = await buildBundle(name);
  importMs(bundle.file); // warm the file cache once
  const times = Array.from({ length: RUNS }, () => importMs(bundle.file));
  const meets = bundle.bytes <= GOAL_BYTES[name];
  if (!meets || bundle.forbidden.length > 0) failed = true;
  rows.push(
    `| ${name} | ${kb(bundle.bytes)} | ≤ ${kb(GOAL_BYTES[name])} ${meets ? 'met' : '**not met**'} | ${median(times).toFixed(1)} ms (${Math.min(...times).toFixed(1)}–${Math.max(...times).toFixed(1)}) | ${bundle.inputs.length} | ${bundle.forbidden.length ? `**${bundle.forbidden.join(', ')}**` : 'none'} |`,
  );
}
const m = machine();
console.log(`Machine: ${m.os}, ${m.cpu} (${m.cores} cores), ${m.memory}, Node ${m.node}`);
console.log('Command: `npm run bench` (node --import tsx bench/bundles.ts)');
console.log('');
console.log(
  `| Bundle | Size (minified, no source map) | Goal | Import in a fresh process, median of ${RUNS} (min–max) | Input files | Forbidden packages |`,
);
console.log('|---|---:|---|---:|---:|---|');
for (const row of rows) console.log(row);
if (failed) process.exitCode = 1;
