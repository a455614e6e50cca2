/**
 * `orderwatch local` latency: SMTP accept → acknowledgement in the outbox, p50/p95 over a few hundred
 * forwarded AliExpress mails (goal p95 ≤ 500 ms).
 *
 * The service runs in this process on a fresh data folder (dynalite on LevelDB, as `npm start` runs it),
 * the mails go over real SMTP on loopback with nodemailer. The listener answers 250 only after ingest has
 * written the acknowledgement to the outbox, so a mail's latency is from the start of its SMTP delivery to
 * that answer; after each answer the outbox is checked (untimed) to hold one more `.eml`.
 *
 * Each mail comes from its own user (the daily reply cap is per user) and names its own order, so every
 * mail creates a user, an order and an acknowledgement: the most expensive kind of mail.
 *
 *   node --import tsx bench/local.ts [MAILS] [CONCURRENCY]     (default 300 mails, 1 and 4 at a time)
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import { startLocal } from '../functions/local/service';
import { LocalSmtpClient } from '../functions/local/smtp-client';
import { machine } from './machine';

const MAILS = Number(process.argv[2] ?? 300);
const US = 'watch@orderwatch.localhost';
const FIXTURE = resolve(import.meta.dirname, '../test/fixtures/mail/events/en-awaiting-confirmation.eml');

async function mailFor(i: number, template: string): Promise<Buffer> {
  // A distinct order id per mail (same length, so the reader sees the usual shape).
  const original = template.replaceAll('8101234567800017', `81012345${String(10_000_000 + i).slice(1)}`);
  return new MailComposer({
    from: `user-${i}@example.org`,
    to: US,
    subject: 'Fwd: AliExpress order',
    text: 'Forwarding this one.\n',
    attachments: [{ filename: 'forwarded.eml', contentType: 'message/rfc822', content: original }],
  })
    .compile()
    .build();
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function run(mails: readonly Buffer[], concurrency: number): Promise<number[]> {
  const dataDir = await mkdtemp(join(tmpdir(), 'orderwatch-bench-local-'));
  const service = await startLocal({
    dataDir,
    host: '127.0.0.1',
    smtpPort: 0,
    httpPort: 0,
    address: US,
    recipients: [],
    allow: [],
    clock: 'manual',
    start: '2026-02-16T16:00:00.000Z',
    timeZone: 'Europe/Berlin',
    log: () => {},
  });
  const client = new LocalSmtpClient({ host: '127.0.0.1', port: service.smtpPort });
  const latencies: number[] = [];
  const outbox = join(dataDir, 'outbox');
  try {
    // Warm-up: the first mails pay for module loading and the table's first writes.
    for (const raw of mails.slice(0, 5)) await client.send(raw, US);
    let next = 5;
    const worker = async () => {
      while (next < mails.length) {
        const raw = mails[next];
        next += 1;
        if (raw === undefined) break;
        const t0 = performance.now();
        await client.send(raw, US);
        latencies.push(performance.now() - t0);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const acks = (await readdir(outbox)).filter((f) => f.endsWith('.eml')).length;
    if (acks !== mails.length) throw new Error(`expected ${mails.length} acknowledgements, found ${acks}`);
  } finally {
    client.close();
    await service.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
  return latencies.sort((a, b) => a - b);
}

const template = await readFile(FIXTURE, 'latin1');
const mails = await Promise.all(Array.from({ length: MAILS }, (_, i) => mailFor(i, template)));
const m = machine();
console.log(`orderwatch local: SMTP accept → acknowledgement in the outbox, ${MAILS} mails (5 warm-up)`);
console.log(`machine: ${m.os}, ${m.cpu} (${m.cores} cores), ${m.memory}, node ${m.node}\n`);
console.log('| in flight | mails | p50 ms | p95 ms | max ms | mails/s |');
console.log('| --------: | ----: | -----: | -----: | -----: | ------: |');
let failed = false;
for (const concurrency of [1, 4]) {
  const t0 = performance.now();
  const l = await run(mails, concurrency);
  const seconds = (performance.now() - t0) / 1000;
  const p95 = percentile(l, 95);
  console.log(
    `| ${concurrency} | ${l.length} | ${percentile(l, 50).toFixed(0)} | ${p95.toFixed(0)} | ${(l[l.length - 1] ?? 0).toFixed(0)} | ${(MAILS / seconds).toFixed(1)} |`,
  );
  if (concurrency === 1 && p95 > 500) failed = true;
}
if (failed) {
  console.error('\np95 above the 500 ms goal for one mail at a time');
  process.exitCode = 1;
}
