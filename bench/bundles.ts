/**
 * `npm run bench`, part 3: each Lambda bundle's size (minified, as deployed) and its cold start, the time a
 * fresh Node.js process takes to import it (median of several fresh processes). Built with the construct's
 * own esbuild options (`lib/bundling.ts`). Prints a Markdown table for BENCHMARKS.md.
 */
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { FUNCTION_ENTRIES, type FunctionName } from '../lib/bundling';
import { buildBundle } from './build-bundle';
import { machine } from './machine';

const RUNS = 15;
const GOAL_BYTES: Record<FunctionName, number> = { ingest: 1.5 * 1024 * 1024, remind: 0.5 * 1024 * 1024 };

/** Milliseconds a fresh process takes to import the bundle (module evaluation included, handler not run). */
function importMs(file: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); console.log(performance.now() - t);`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  return Number(out.trim());
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/**
 * Stand-ins for the entries while they are being written: every module each function will reach (all
 * exports kept, so an upper bound on what tree-shaking leaves), built with the same options.
 */
const PROJECTIONS: Record<FunctionName, string> = {
  ingest: namespaces([
    'functions/core/mail/index',
    'functions/core/rules/index',
    'functions/core/render/index',
    'functions/core/commands/index',
    'functions/handlers/orders',
    'functions/handlers/commands',
    'functions/aws/dynamo-store',
    'functions/aws/s3-mail-source',
    'functions/aws/ses-mailer',
    'functions/clock',
  ]),
  remind: namespaces([
    'functions/core/rules/index',
    'functions/core/render/index',
    'functions/handlers/orders',
    'functions/aws/dynamo-store',
    'functions/aws/ses-mailer',
    'functions/clock',
  ]),
};

function namespaces(modules: readonly string[]): string {
  const lines = modules.map((m, i) => `import * as m${i} from './${m}';`);
  return `${lines.join('\n')}\nexport const all = [${modules.map((_, i) => `m${i}`).join(', ')}];\n`;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const rows: string[] = [];
let failed = false;
const targets = (Object.keys(FUNCTION_ENTRIES) as FunctionName[]).flatMap((name) => [
  { name, label: name, contents: undefined as string | undefined },
  { name, label: `${name} (projected: every module it will reach)`, contents: PROJECTIONS[name] },
]);
for (const { name, label, contents } of targets) {
  const bundle = await buildBundle(name, contents, contents === undefined ? name : `${name}-projected`);
  importMs(bundle.file); // warm the file cache once
  const times = Array.from({ length: RUNS }, () => importMs(bundle.file));
  const meets = bundle.bytes <= GOAL_BYTES[name];
  if (!meets || bundle.forbidden.length > 0) failed = true;
  rows.push(
    `| ${label} | ${kb(bundle.bytes)} | ≤ ${kb(GOAL_BYTES[name])} ${meets ? 'met' : '**not met**'} | ${median(times).toFixed(1)} ms (${Math.min(...times).toFixed(1)}–${Math.max(...times).toFixed(1)}) | ${bundle.inputs.length} | ${bundle.forbidden.length ? `**${bundle.forbidden.join(', ')}**` : 'none'} |`,
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
