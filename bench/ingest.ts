/**
 * `npm run bench` (second part): time per mail of the whole ingest path — S3 size + read (s3rver),
 * `readMail`, trust, the store's writes (mail record, profile, events, order refresh) and the reply
 * through SES (aws-ses-v2-local) — over the fixture corpus plus the real mails, against the emulators on
 * loopback, beside `readMail` alone on the same bytes. Run once with DynamoDB Local (what the integration
 * tests use) and once with dynalite (what local mode runs on). Every allowed user is served and every
 * verdict passes, so each mail goes as far as its kind lets it. Each round ingests the corpus into a fresh
 * table (so records, events and replies are written, not found), with readMail timed on the same mail
 * right before; medians over the rounds' per-mail times. Prints a Markdown table for BENCHMARKS.md.
 */
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { DynamoStore } from '../functions/aws/dynamo-store';
import { S3MailSource } from '../functions/aws/s3-mail-source';
import { SesMailer } from '../functions/aws/ses-mailer';
import { ManualClock } from '../functions/clock';
import { readMail } from '../functions/core/mail/index';
import { resolvePolicy } from '../functions/core/rules/index';
import type { HandlerDeps, ServiceConfig } from '../functions/handlers/deps';
import { ingestMail } from '../functions/handlers/ingest';
import {
  type DynamoEmulator,
  startDynalite,
  startDynamoDbLocal,
  startS3rver,
  startSesLocal,
} from '../test/integration/support/emulators';
import { ALIEXPRESS_DKIM, headersOf, inboundFor } from '../test/integration/support/ingest-harness';
import { createTable } from '../test/integration/support/table';
import { loadCorpus } from './corpus';
import { machine } from './machine';

const ROOT = join(import.meta.dirname, '..');
const ROUNDS = 2;
const ADDRESS = 'orders@orderwatch.example';

const corpus = loadCorpus([join(ROOT, 'test/fixtures/mail'), join(ROOT, '../shared/real-mail/aliexpress')]);

// Serve everyone the corpus names (the allowlist is the deployment's; here every user is known).
const users = new Set<string>();
for (const mail of corpus) {
  const r = await readMail(mail.bytes);
  if (r.user) users.add(r.user);
  if (r.forwardingConfirmation?.requester) users.add(r.forwardingConfirmation.requester);
}
users.delete(ADDRESS);

const config: ServiceConfig = {
  address: ADDRESS,
  fromName: 'orderwatch',
  allow: [...users],
  defaultTimeZone: 'Europe/Berlin',
  policy: resolvePolicy({}),
  dailyReplyCap: 10_000,
  maxMailBytes: 10 * 1024 * 1024,
  retentionDays: 180,
};

/** Each mail as SES would hand it over, the auto-forwarded ones with AliExpress's signature. */
function inbound(messageId: string, bytes: Buffer) {
  const mail = inboundFor(messageId, bytes, { recipients: [ADDRESS] });
  const dkim = headersOf(Buffer.from(`${ALIEXPRESS_DKIM}\r\n\r\n`))[0];
  return dkim ? { ...mail, headers: [dkim, ...mail.headers] } : mail;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const quantile = (xs: readonly number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))] ?? NaN;
const ms = (t: bigint) => Number(t) / 1e6;

const s3 = await startS3rver();
const ses = await startSesLocal();
const mailSource = new S3MailSource(s3.client, { bucket: s3.bucket, prefix: 'incoming/' });
for (const [i, mail] of corpus.entries()) {
  await s3.client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: `incoming/b-${i}`, Body: mail.bytes }));
}

interface Result {
  readonly store: string;
  readonly ingest: number[];
  readonly read: number[];
  readonly replies: number;
  readonly failures: number;
}

async function bench(dynamo: DynamoEmulator): Promise<Result> {
  const ingest: number[] = [];
  const read: number[] = [];
  let replies = 0;
  let failures = 0;
  for (let round = 0; round < ROUNDS + 1; round += 1) {
    const tableName = await createTable(dynamo.client);
    const deps: HandlerDeps = {
      store: new DynamoStore(dynamo.client, { tableName }),
      mailSource,
      mailer: new SesMailer(ses.client),
      clock: new ManualClock('2026-03-01T09:00:05.000Z'),
      config,
    };
    for (const [i, mail] of corpus.entries()) {
      const r0 = process.hrtime.bigint();
      await readMail(mail.bytes);
      const r1 = process.hrtime.bigint();
      try {
        const outcome = await ingestMail(deps, inbound(`b-${i}`, mail.bytes));
        if (round > 0 && outcome.reply === 'sent') replies += 1;
      } catch {
        failures += 1; // a `failed` reading throws by design; counted, not timed differently
      }
      const r2 = process.hrtime.bigint();
      // Round 0 warms the JIT, the emulators and their connections.
      if (round > 0) {
        read.push(ms(r1 - r0));
        ingest.push(ms(r2 - r1));
      }
    }
    await ses.clear();
  }
  return { store: dynamo.name, ingest, read, replies: replies / ROUNDS, failures: failures / (ROUNDS + 1) };
}

const results: Result[] = [];
for (const start of [startDynamoDbLocal, startDynalite]) {
  const dynamo = await start();
  try {
    results.push(await bench(dynamo));
  } finally {
    await dynamo.stop();
  }
}
await Promise.all([s3.stop(), ses.stop()]);

const m = machine();
const [load1, load5] = (await import('node:os')).loadavg();
const out = [
  'Command: `npm run bench` (node --import tsx bench/ingest.ts)',
  '',
  `Machine: ${m.os}, ${m.cpu} (${m.cores} cores), ${m.memory}, Node ${m.node}; load average at the end ${load1?.toFixed(1)} (1 min), ${load5?.toFixed(1)} (5 min).`,
  '',
  `Corpus: ${corpus.length} mails; ${ROUNDS} measured rounds after 1 warm-up round, each into a fresh table; per-mail times in ms.`,
  '',
  '| Store | ingest median | ingest p90 | readMail alone median | readMail p90 | replies sent per round | reader failures per round |',
  '|---|---:|---:|---:|---:|---:|---:|',
  ...results.map(
    (r) =>
      `| ${r.store} | ${median(r.ingest).toFixed(1)} | ${quantile(r.ingest, 0.9).toFixed(1)} | ${median(r.read).toFixed(2)} | ${quantile(r.read, 0.9).toFixed(2)} | ${r.replies} | ${r.failures} |`,
  ),
];
process.stdout.write(`${out.join('\n')}\n`);
