/**
 * `npm run bench`: mails per second of `readMail` against a bare mailparser parse of the same bytes (the
 * very same Buffers, and the same `PARSER_OPTIONS` object `readMail` passes), over the whole fixture corpus
 * plus the real mails. Each round runs every runner over the corpus once, in an order that rotates per
 * round, so the runners of one round meet the same load on a shared machine; a round's ratios compare
 * those neighbours (paired), and the median ratio over many short rounds is reported with its spread,
 * after warm-up rounds. Prints a Markdown table for BENCHMARKS.md.
 */
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { simpleParser } from 'mailparser';
import { type Extraction, readMail } from '../functions/core/mail/index';
import { PARSER_OPTIONS } from '../functions/core/mail/unwrap/mime';
import { loadCorpus } from './corpus';
import { machine } from './machine';

const ROOT = join(import.meta.dirname, '..');
const WARMUP_ROUNDS = 10;
/** Many short rounds: load on a shared machine drifts within seconds, so neighbours in time are compared. */
const ROUNDS = 60;
/** Each round reads the corpus this many times per runner (one pass is about 170 mails, tens of ms). */
const PASSES = 1;

const corpus = loadCorpus([join(ROOT, 'test/fixtures/mail'), join(ROOT, '../shared/real-mail/aliexpress')]);
const bytes = corpus.reduce((n, m) => n + m.bytes.length, 0);

let peakHeap = 0;
function sampleHeap(): void {
  const used = getHeapStatistics().used_heap_size;
  if (used > peakHeap) peakHeap = used;
}

type Runner = (raw: Buffer) => Promise<unknown>;
/** Stands in for extraction to time the MIME/unwrap half alone (extraction is timed by the difference). */
const NO_EXTRACTION = (): Extraction => ({ kind: 'ignored', language: null, reason: 'bench' });

const RUNNERS: Record<string, Runner> = {
  readMail: (raw) => readMail(raw),
  'readMail, extraction stubbed': (raw) => readMail(raw, { extract: NO_EXTRACTION }),
  'bare simpleParser (same options)': (raw) => simpleParser(raw, PARSER_OPTIONS),
  'bare simpleParser (defaults)': (raw) => simpleParser(raw),
};

/** Seconds for `PASSES` passes over the corpus. */
async function timeOnce(run: Runner): Promise<number> {
  const started = process.hrtime.bigint();
  for (let p = 0; p < PASSES; p++) {
    for (const mail of corpus) {
      await run(mail.bytes);
      sampleHeap();
    }
  }
  return Number(process.hrtime.bigint() - started) / 1e9;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** The 10th and 90th percentile: how much the rounds disagree. */
function spread(values: readonly number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.floor(q * (sorted.length - 1))] ?? Number.NaN;
  return `${at(0.1).toFixed(2)}–${at(0.9).toFixed(2)}`;
}

const BARE = 'bare simpleParser (same options)';
const names = Object.keys(RUNNERS);
/** Per runner: its rate in each round, and its time ÷ the bare parse's time in the same round. */
const rates: Record<string, number[]> = Object.fromEntries(names.map((k) => [k, []]));
const ratios: Record<string, number[]> = Object.fromEntries(names.map((k) => [k, []]));
for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
  // Rotate who goes first each round, so position effects (JIT, heap growth, GC debt) are shared out too.
  const rotated = [...names.slice(round % names.length), ...names.slice(0, round % names.length)];
  const seconds: Record<string, number> = {};
  for (const name of rotated) {
    const run = RUNNERS[name];
    if (run) seconds[name] = await timeOnce(run);
  }
  if (round < WARMUP_ROUNDS) continue;
  const bare = seconds[BARE] ?? Number.NaN;
  for (const name of names) {
    const s = seconds[name] ?? Number.NaN;
    rates[name]?.push((corpus.length * PASSES) / s);
    ratios[name]?.push(s / bare);
  }
}

const m = machine();
const med = (rows: Record<string, number[]>, name: string): number => median(rows[name] ?? []);
const rate = (name: string): string => med(rates, name).toFixed(0);
const ratio = (name: string): string => `${med(ratios, name).toFixed(2)}× (${spread(ratios[name] ?? [])})`;
const peakRss = process.resourceUsage().maxRSS * 1024;
const mb = (n: number): string => `${(n / 1024 ** 2).toFixed(0)} MB`;
const READ = 'readMail';
const STUBBED = 'readMail, extraction stubbed';
const DEFAULTS = 'bare simpleParser (defaults)';
const defaultsVsRead = (ratios[READ] ?? []).map((r, i) => r / (ratios[DEFAULTS]?.[i] ?? Number.NaN));

const out = [
  `Command: \`npm run bench\` (node --import tsx bench/run.ts)`,
  '',
  `| Machine | |`,
  `|---|---|`,
  `| OS | ${m.os} |`,
  `| CPU | ${m.cpu} (${m.cores} cores) |`,
  `| Memory | ${m.memory} |`,
  `| Node | ${m.node} |`,
  '',
  `Corpus: ${corpus.length} mails, ${(bytes / 1024).toFixed(0)} KB; ${WARMUP_ROUNDS} warm-up + ${ROUNDS} measured rounds of ${PASSES} pass${PASSES === 1 ? '' : 'es'} per runner, order rotated per round; medians, ratios paired per round (10th–90th percentile in brackets).`,
  '',
  '| Measure | mails/s (median) | time per mail ÷ bare parse (same options) |',
  '|---|---:|---:|',
  `| readMail (parse + unwrap + classify + extract) | ${rate(READ)} | ${ratio(READ)} |`,
  `| readMail with extraction stubbed (parse + unwrap + classify) | ${rate(STUBBED)} | ${ratio(STUBBED)} |`,
  `| bare simpleParser, readMail's options | ${rate(BARE)} | 1.00× |`,
  `| bare simpleParser, default options | ${rate(DEFAULTS)} | ${ratio(DEFAULTS)} |`,
  '',
  `| Memory | |`,
  `|---|---:|`,
  `| peak RSS | ${mb(peakRss)} |`,
  `| peak V8 heap used (sampled per mail) | ${mb(peakHeap)} |`,
  '',
  `readMail / bare parse (same options): ${ratio(READ)} (goal ≤ 1.30×)`,
  `readMail without extraction / bare parse (same options): ${ratio(STUBBED)}`,
  `readMail / bare parse (defaults):     ${median(defaultsVsRead).toFixed(2)}× (${spread(defaultsVsRead)})`,
];
process.stdout.write(`${out.join('\n')}\n`);
