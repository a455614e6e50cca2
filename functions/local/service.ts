/**
 * `orderwatch local` wired together: the very same `ingestMail` and `remindRun` as the Lambdas, on local
 * adapters (ports.ts's table):
 *
 *   SMTP listener (smtp-listener.ts) → FolderMailSource → ingestMail ┐
 *   remind sweep (every minute, or POST /api/tick)   → remindRun      ├→ DynamoStore on dynalite (LevelDB)
 *                                                                    └→ OutboxMailer (.eml files)
 *   one LocalClock shared by both; the page and JSON API (http-server.ts) read the store and the outbox.
 *
 * Data folder layout: `dynamo/` (dynalite's LevelDB), `mail/` (raw mail received), `outbox/` (mail
 * sent), `clock.json` (the manual clock's instant). Everything survives a restart.
 */
import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { DynamoStore } from '../aws/dynamo-store';
import { DEFAULTS } from '../config';
import { resolvePolicy } from '../core/rules/index';
import type { HandlerDeps, ServiceConfig } from '../handlers/deps';
import { ingestMail } from '../handlers/ingest';
import { remindRun } from '../handlers/remind';
import { ALLOW_EVERYONE } from '../handlers/trust';
import type { Clock } from '../ports';
import { FolderMailSource } from './folder-mail-source';
import { startHttpServer, type TickResult } from './http-server';
import { type ClockMode, LocalClock } from './local-clock';
import { OutboxMailer } from './outbox-mailer';
import { startSmtpListener } from './smtp-listener';
import { ensureTable } from './table';
import { OutboxView, ordersOfAll } from './views';

export const TABLE_NAME = 'orderwatch';
export const DEFAULT_ADDRESS = 'watch@orderwatch.localhost';
export const SWEEP_EVERY_MS = 60_000;

export interface LocalOptions {
  readonly dataDir: string;
  readonly host: string;
  readonly smtpPort: number;
  readonly httpPort: number;
  /** Our address (From of what we send; what every accepted recipient stands for). */
  readonly address: string;
  /** Accepted recipients; empty: any. */
  readonly recipients: readonly string[];
  /** Known users (addresses, `@domain`); empty: every sender (loopback is the only way in). */
  readonly allow: readonly string[];
  readonly clock: ClockMode;
  /** The manual clock's instant on a first start (later starts continue at the stored one). */
  readonly start?: string;
  readonly timeZone: string;
  readonly log: (line: string) => void;
}

export interface LocalService {
  readonly smtpPort: number;
  readonly httpPort: number;
  readonly dataDir: string;
  readonly config: ServiceConfig;
  readonly clock: LocalClock;
  readonly table: 'created' | 'found';
  /** One remind sweep at `instant` (manual clock: the clock moves there first). */
  tick(instant: string): Promise<TickResult>;
  /** Closes SMTP, the page, the sweep timer and the database, in that order; waits for work in flight. */
  stop(): Promise<void>;
}

async function listen(server: Server, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

export async function startLocal(o: LocalOptions): Promise<LocalService> {
  const dirs = {
    dynamo: join(o.dataDir, 'dynamo'),
    mail: join(o.dataDir, 'mail'),
    outbox: join(o.dataDir, 'outbox'),
  };
  await Promise.all(Object.values(dirs).map((d) => mkdir(d, { recursive: true })));

  // dynalite on a private loopback port: the DynamoStore talks to it over HTTP, exactly as to DynamoDB.
  const db = dynalite({ path: dirs.dynamo, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  const dbPort = await listen(db, '127.0.0.1');
  const client = new DynamoDBClient({
    endpoint: `http://127.0.0.1:${dbPort}`,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const table = await ensureTable(client, TABLE_NAME);

  const clock = await LocalClock.open(o.clock, o.dataDir, o.start);
  const config: ServiceConfig = {
    address: o.address,
    fromName: DEFAULTS.fromName,
    allow: o.allow.length > 0 ? o.allow : [ALLOW_EVERYONE],
    defaultTimeZone: o.timeZone,
    policy: resolvePolicy({ defaultTimeZone: o.timeZone }),
    dailyReplyCap: DEFAULTS.dailyReplyCap,
    maxMailBytes: DEFAULTS.maxMailBytes,
  };
  const mailSource = new FolderMailSource(dirs.mail);
  const outbox = new OutboxMailer(dirs.outbox, clock);
  const deps: HandlerDeps = {
    store: new DynamoStore(client, { tableName: TABLE_NAME }),
    mailer: outbox,
    mailSource,
    clock,
    config,
  };

  // Sweeps never overlap (a tick during the minute's sweep waits for it): one remind run at a time, as
  // the scheduler gives the Lambda.
  let sweeps: Promise<unknown> = Promise.resolve();
  const sweep = (at: Clock): Promise<TickResult> => {
    const run = sweeps.then(async () => {
      const report = await remindRun(
        { ...deps, clock: at },
        {
          log: (e) => {
            if (e.level !== 'info') o.log(`remind ${e.level}: ${e.msg}`);
          },
        },
      );
      if (report.mails.length > 0 || report.errors > 0) {
        o.log(
          `remind sweep at ${report.now}: ${report.mails.length} alert mail(s), ${report.errors} error(s)`,
        );
      }
      return {
        now: report.now,
        mails: report.mails.length,
        dueOrders: report.dueOrders,
        errors: report.errors,
      };
    });
    sweeps = run.catch(() => undefined);
    return run;
  };
  const tick = async (instant: string) => sweep(await clock.moveTo(instant));

  let inFlight = 0;
  const smtp = await startSmtpListener({
    host: o.host,
    port: o.smtpPort,
    recipients: o.recipients,
    address: o.address,
    maxMailBytes: config.maxMailBytes,
    mailSource,
    clock,
    log: o.log,
    ingest: async (mail) => {
      inFlight += 1;
      try {
        const r = await ingestMail(deps, mail);
        const why = r.trust.verdict === 'rejected' ? ` (rejected: ${r.trust.reason})` : '';
        o.log(`mail ${r.messageId} at ${mail.receivedAt}: ${r.kind ?? 'unread'}${why}, reply ${r.reply}`);
      } finally {
        inFlight -= 1;
      }
    },
  });
  const http = await startHttpServer(
    {
      outbox: new OutboxView(outbox),
      orders: () => ordersOfAll(deps.store),
      now: () => clock.now(),
      tick,
      clockMode: o.clock,
      defaultTimeZone: o.timeZone,
      address: o.address,
      smtpPort: () => smtp.port,
      log: o.log,
    },
    o.host,
    o.httpPort,
  );

  // The real clock sweeps every minute, like the deployed schedule (every 15 minutes) but quicker to see.
  const timer =
    o.clock === 'system'
      ? setInterval(() => {
          sweep(clock).catch((error: unknown) => o.log(`remind sweep failed: ${String(error)}`));
        }, SWEEP_EVERY_MS)
      : null;

  let stopping: Promise<void> | null = null;
  return {
    smtpPort: smtp.port,
    httpPort: http.port,
    dataDir: o.dataDir,
    config,
    clock,
    table,
    tick,
    stop() {
      stopping ??= (async () => {
        if (timer) clearInterval(timer);
        await smtp.close();
        while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 20));
        await http.close();
        await sweeps;
        client.destroy();
        // dynalite's close also closes its LevelDB, which writes out what it holds.
        await new Promise<void>((resolve) => db.close(() => resolve()));
      })();
      return stopping;
    },
  };
}
