/**
 * `npm run bench` (remind part), on DynamoDB Local (the real thing's query engine, near enough):
 *  1. scale: one remind run over 10,000 and over 100,000 orders with the same 1,000 due; the orders
 *     written with BatchWriteItem exactly as DynamoStore writes them (most with a future nextCheckAt, so
 *     they sit in the `due` index too: the query must skip them by key, not by reading them);
 *  2. a season: a larger `test/integration/season.test.ts`, on 4 shards.
 * Prints Markdown for BENCHMARKS.md.
 */
import { BatchWriteItemCommand, type DynamoDBClient, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { DynamoStore, dueShardOf } from '../functions/aws/dynamo-store';
import { ManualClock } from '../functions/clock';
import type { OrderEvent } from '../functions/core/events';
import { DEFAULT_POLICY, eventId } from '../functions/core/rules';
import { remindRun } from '../functions/handlers/remind';
import { startDynamoDbLocal } from '../test/integration/support/emulators';
import {
  countingStore,
  OUR_ADDRESS,
  RecordingMailer,
  remindDeps,
} from '../test/integration/support/remind-kit';
import { createTable } from '../test/integration/support/table';
import { generateSeason } from '../test/support/season';
import { judge } from '../test/support/season-judge';
import { owedAlerts, playSeason } from '../test/support/season-run';
import { machine } from './machine';

const NOW = '2026-03-10T10:00:00.000Z';
const DUE = 1_000;
const SHARDS = 8;
const S = (value: string) => ({ S: value });

function orderItem(user: string, orderId: string, nextCheckAt: string | null) {
  const item: Record<string, { S: string } | { N: string } | { BOOL: boolean }> = {
    pk: S(`USER#${user}`),
    sk: S(`ORDER#${orderId}`),
    itemType: S('order'),
    orderId: S(orderId),
    version: { N: '1' },
    status: S('placed'),
    muted: { BOOL: false },
    summary: S(JSON.stringify({ clocks: [], nextAlert: null })),
    updatedAt: S('2026-02-20T10:00:00.000Z'),
  };
  if (nextCheckAt !== null) {
    item.nextCheckAt = S(nextCheckAt);
    item.dueShard = S(String(dueShardOf(user, orderId, SHARDS)));
  }
  return { PutRequest: { Item: item } } as WriteRequest;
}

function paidEvent(orderId: string): OrderEvent {
  return {
    type: 'payment_confirmed',
    orderIds: [orderId],
    occurredAt: '2026-02-20T10:00:00Z',
    source: { kind: 'mail', messageId: null, language: 'en', evidence: 'verified' },
    paymentMethod: 'card',
  };
}

async function batchWrite(client: DynamoDBClient, table: string, requests: WriteRequest[]): Promise<void> {
  const chunks: WriteRequest[][] = [];
  for (let i = 0; i < requests.length; i += 25) chunks.push(requests.slice(i, i + 25));
  let next = 0;
  const worker = async () => {
    for (let chunk = chunks[next++]; chunk; chunk = chunks[next++]) {
      let pending = chunk;
      while (pending.length > 0) {
        const out = await client.send(new BatchWriteItemCommand({ RequestItems: { [table]: pending } }));
        pending = out.UnprocessedItems?.[table] ?? [];
      }
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
}

/** A table of `total` orders, the first DUE of them due (with a log that makes A1 due), two per user. */
async function fill(client: DynamoDBClient, total: number): Promise<string> {
  const table = await createTable(client);
  const requests: WriteRequest[] = [];
  const users = new Set<string>();
  for (let n = 0; n < total; n += 1) {
    const user = `u${Math.floor(n / 2)}@example.org`;
    const orderId = `8${String(n).padStart(15, '0')}`;
    const due = n < DUE;
    // Not due: nine in ten wait for a future check (still in the index), one in ten is finished.
    const next = due ? '2026-03-10T09:00:00.000Z' : n % 10 === 0 ? null : '2026-04-01T09:00:00.000Z';
    requests.push(orderItem(user, orderId, next));
    if (!users.has(user)) {
      users.add(user);
      requests.push({
        PutRequest: {
          Item: {
            pk: S(`USER#${user}`),
            sk: S('PROFILE'),
            itemType: S('profile'),
            email: S(user),
            timeZone: S('Europe/Berlin'),
            acks: S('new'),
            status: S('active'),
            createdAt: S('2026-01-01T00:00:00.000Z'),
          },
        },
      });
    }
    const event = paidEvent(orderId);
    requests.push({
      PutRequest: {
        Item: {
          pk: S(`USER#${user}`),
          sk: S(`ORDER#${orderId}#EV#${eventId(event)}`),
          itemType: S('event'),
          orderId: S(orderId),
          event: S(JSON.stringify(event)),
          recordedAt: S(event.occurredAt),
        },
      },
    });
  }
  await batchWrite(client, table, requests);
  return table;
}

async function scaleRun(client: DynamoDBClient, total: number) {
  const filled = performance.now();
  const table = await fill(client, total);
  const fillS = (performance.now() - filled) / 1000;
  const { store, counts } = countingStore(
    new DynamoStore(client, { tableName: table, dueShardCount: SHARDS }),
  );
  const mailer = new RecordingMailer();
  const started = performance.now();
  const report = await remindRun(remindDeps(store, mailer, new ManualClock(NOW)));
  const runS = (performance.now() - started) / 1000;
  const calls = (name: string) => counts.calls.get(name) ?? 0;
  return {
    total,
    fillS,
    runS,
    dueItems: counts.dueItems,
    queries: calls('queryDue'),
    ordersRead: counts.ordersRead.size,
    requests: [...counts.calls.values()].reduce((a, b) => a + b, 0),
    mails: report.mails.length,
    errors: report.errors,
    alerts: report.mails.reduce((n, m) => n + m.alerts.length, 0),
  };
}

const m = machine();
console.log(`Machine: ${m.os}, ${m.cpu} (${m.cores} cores), ${m.memory}, Node ${m.node}`);
const emulator = await startDynamoDbLocal({ throughput: true });
try {
  const small = await scaleRun(emulator.client, 10_000);
  const large = await scaleRun(emulator.client, 100_000);
  const row = (label: string, f: (r: typeof small) => string | number) =>
    `| ${label} | ${f(small)} | ${f(large)} | ${(Number(f(large)) / Number(f(small))).toFixed(2)}× |`;
  console.log('\n| one remind run, 1,000 due | 10,000 orders | 100,000 orders | ratio |');
  console.log('| --- | ---: | ---: | ---: |');
  console.log(row('`due` index items read', (r) => r.dueItems));
  console.log(row('index queries (8 shards, pages of 250)', (r) => r.queries));
  console.log(row('orders read (order item + log)', (r) => r.ordersRead));
  console.log(row('store requests, all kinds', (r) => r.requests));
  console.log(row('mails (2 orders per user: digests)', (r) => r.mails));
  console.log(row('alerts sent', (r) => r.alerts));
  console.log(row('run time, s', (r) => r.runS.toFixed(1)));
  if (small.errors + large.errors > 0)
    throw new Error(`the runs failed for ${small.errors} and ${large.errors} users`);
  console.log(
    `\n(filling the tables with BatchWriteItem: ${small.fillS.toFixed(0)} s and ${large.fillS.toFixed(0)} s)`,
  );

  const orders = Number(process.env.SEASON_ORDERS ?? 500);
  const season = generateSeason({ orders, ordersPerUser: 3, seed: 80 });
  const outage = { from: '2026-03-04T05:00:00Z', hours: 6 };
  const store = new DynamoStore(emulator.client, {
    tableName: await createTable(emulator.client),
    dueShardCount: 4,
  });
  const played = await playSeason(store, new RecordingMailer(), season, {
    policy: DEFAULT_POLICY,
    address: OUR_ADDRESS,
    outage,
  });
  const v = judge(
    played.sent,
    owedAlerts(season, DEFAULT_POLICY, outage),
    owedAlerts(season, DEFAULT_POLICY),
  );
  console.log(
    `\nSeason: ${orders} orders, ${season.users.length} users, 150 days, 4 shards, outage ${outage.from} + 6 h`,
  );
  console.log('| measure | value |\n| --- | ---: |');
  const lines: [string, string | number][] = [
    ['events recorded at their instants', played.eventsApplied],
    ['remind runs (every 15 min, none in the outage)', played.runs],
    ['runs that found something due', played.busyRuns],
    ['`due` items read over the season', played.dueItemsRead],
    ['alerts owed (engine) / sent', `${v.owed} / ${v.sent}`],
    [
      'sent twice / missing / unexpected / off their run',
      `${v.duplicates.length} / ${v.missing.length} / ${v.unexpected.length} / ${v.offTick.length}`,
    ],
    ['warnings sent at or after their deadline', v.afterDeadline.length],
    ['lateness, max outside the outage (min)', v.latenessOutsideOutageMaxMin],
    ['lateness, mean / max overall (min)', `${v.latenessMin.mean.toFixed(1)} / ${v.latenessMin.max}`],
    ['held up by the outage, sent after recovery', v.delayedByOutage],
    ['window passed during the outage (engine: not owed)', v.lostToOutage.length],
    ['mails / digests', `${played.mails} / ${played.digests}`],
    [
      'by alert',
      Object.entries(v.byCode)
        .sort()
        .map(([c, n]) => `${c} ${n}`)
        .join(', '),
    ],
    ['wall time (s)', (played.wallMs / 1000).toFixed(0)],
  ];
  for (const [k, val] of lines) console.log(`| ${k} | ${val} |`);
} finally {
  await emulator.stop();
}
