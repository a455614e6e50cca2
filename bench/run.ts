/**
 * `npm run bench`: mails per second of `readMail` against a bare mailparser parse of the same bytes, over
 * the whole fixture corpus plus the real mails. Runs are interleaved (readMail, bare parse with the same
 * options, bare parse with mailparser's defaults) so drift in CPU speed hits all three alike; the median
 * of several rounds is reported, after warm-up rounds. Prints a Markdown table for BENCHMARKS.md.
 */
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { simpleParser } from 'mailparser';
import { type Extraction, readMail } from '../functions/core/mail/index';
import { PARSER_OPTIONS } from '../functions/core/mail/mime';
import { loadCorpus } from './corpus';
import { machine } from './machine';

const ROOT = join(import.meta.dirname, '..');
const WARMUP_ROUNDS = 3;
const ROUNDS = 12;
/** Each round reads the corpus this many times, so one round lasts long enough to time well. */
const PASSES = 5;

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

async function timeOnce(run: Runner): Promise<number> {
  const started = process.hrtime.bigint();
  for (let p = 0; p < PASSES; p++) {
    for (const mail of corpus) {
      await run(mail.bytes);
      sampleHeap();
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return (corpus.length * PASSES) / seconds;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const rates: Record<string, number[]> = Object.fromEntries(Object.keys(RUNNERS).map((k) => [k, []]));
const order = Object.entries(RUNNERS);
for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
  // Rotate who goes first each round, so position effects (JIT, heap growth) are shared out too.
  const rotated = [...order.slice(round % order.length), ...order.slice(0, round % order.length)];
  for (const [name, run] of rotated) {
    const rate = await timeOnce(run);
    if (round >= WARMUP_ROUNDS) rates[name]?.push(rate);
  }
}

const m = machine();
const med = Object.fromEntries(Object.entries(rates).map(([k, v]) => [k, median(v)]));
const readRate = med.readMail ?? Number.NaN;
const unwrapRate = med['readMail, extraction stubbed'] ?? Number.NaN;
const sameRate = med['bare simpleParser (same options)'] ?? Number.NaN;
const defaultRate = med['bare simpleParser (defaults)'] ?? Number.NaN;
const peakRss = process.resourceUsage().maxRSS * 1024;
const mb = (n: number): string => `${(n / 1024 ** 2).toFixed(0)} MB`;

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
  `Corpus: ${corpus.length} mails, ${(bytes / 1024).toFixed(0)} KB; ${WARMUP_ROUNDS} warm-up + ${ROUNDS} measured rounds of ${PASSES} passes, interleaved; medians.`,
  '',
  '| Measure | mails/s (median) | time per mail ÷ bare parse (same options) |',
  '|---|---:|---:|',
  `| readMail (parse + unwrap + classify + extract) | ${readRate.toFixed(0)} | ${(sameRate / readRate).toFixed(2)}× |`,
  `| readMail with extraction stubbed (parse + unwrap + classify) | ${unwrapRate.toFixed(0)} | ${(sameRate / unwrapRate).toFixed(2)}× |`,
  `| bare simpleParser, readMail's options | ${sameRate.toFixed(0)} | 1.00× |`,
  `| bare simpleParser, default options | ${defaultRate.toFixed(0)} | ${(sameRate / defaultRate).toFixed(2)}× |`,
  '',
  `| Memory | |`,
  `|---|---:|`,
  `| peak RSS | ${mb(peakRss)} |`,
  `| peak V8 heap used (sampled per mail) | ${mb(peakHeap)} |`,
  '',
  `readMail / bare parse (same options): ${(sameRate / readRate).toFixed(2)}× (goal ≤ 1.30×)`,
  `readMail without extraction / bare parse (same options): ${(sameRate / unwrapRate).toFixed(2)}×`,
  `readMail / bare parse (defaults):     ${(defaultRate / readRate).toFixed(2)}×`,
];
process.stdout.write(`${out.join('\n')}\n`);
