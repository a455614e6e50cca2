/**
 * The deployed artefacts, not the sources: both Lambda bundles, built with the construct's own esbuild
 * options (`lib/bundling.ts` through `bench/build-bundle.ts`), each imported in a fresh `node` process with
 * the environment the stack gives (`ENV_NAMES`) and invoked once against the loopback emulators. They must
 * start (cold start: read and validate their configuration, make their clients), and handle one event:
 * ingest an SES receipt event for a raw mail in s3rver, remind a scheduled run with an order due.
 *
 * The only additions to the stack's environment are the AWS SDK's own standard settings: per-service
 * endpoints (`AWS_ENDPOINT_URL_<SERVICE>`), region, dummy credentials, and checksums only where required
 * (s3rver knows none of the flexible checksums). The S3 client uses path-style addressing by itself
 * because the endpoint is an IP address. No test-only code path in the functions.
 */
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltBundle, buildBundle } from '../../bench/build-bundle';
import { DynamoStore } from '../../functions/aws/dynamo-store';
import { DEFAULT_POLICY } from '../../functions/core/rules';
import { applyEvents } from '../../functions/handlers/orders';
import { ENV_NAMES } from '../../functions/shared/env-names';
import {
  type DynamoEmulator,
  type S3Emulator,
  type SesEmulator,
  startDynalite,
  startS3rver,
  startSesLocal,
} from './support/emulators';
import { ADDRESS, fixtureMail, headersOf, PREFIX } from './support/ingest-harness';
import { createTable } from './support/table';

const USER = 'max@example.org';
const DAY = 24 * 60 * 60 * 1000;

let dynamo: DynamoEmulator;
let s3: S3Emulator;
let ses: SesEmulator;
const bundles: Partial<Record<'ingest' | 'remind', BuiltBundle>> = {};

beforeAll(async () => {
  const label = (name: 'ingest' | 'remind') => `integration-${process.pid}-${name}`;
  const [ingest, remind] = await Promise.all([
    buildBundle('ingest', label('ingest')),
    buildBundle('remind', label('remind')),
  ]);
  bundles.ingest = ingest;
  bundles.remind = remind;
  [dynamo, s3, ses] = await Promise.all([startDynalite(), startS3rver(), startSesLocal()]);
}, 60_000);

afterAll(async () => {
  await Promise.all([dynamo?.stop(), s3?.stop(), ses?.stop()]);
  for (const bundle of Object.values(bundles)) rmSync(dirname(bundle.file), { recursive: true, force: true });
});

/** The environment the stack gives both functions (lib/constructs/functions.ts), at the emulators. */
function lambdaEnvironment(table: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    [ENV_NAMES.table]: table,
    [ENV_NAMES.bucket]: s3.bucket,
    [ENV_NAMES.prefix]: PREFIX,
    [ENV_NAMES.address]: ADDRESS,
    [ENV_NAMES.fromName]: 'orderwatch',
    [ENV_NAMES.allow]: `${USER},@example.net`,
    [ENV_NAMES.timeZone]: 'Europe/Berlin',
    [ENV_NAMES.policy]: JSON.stringify({}),
    [ENV_NAMES.dailyReplyCap]: '20',
    [ENV_NAMES.maxMailBytes]: String(10 * 1024 * 1024),
    [ENV_NAMES.retentionDays]: '180',
    NODE_OPTIONS: '--enable-source-maps',
    // The AWS SDK's standard settings, as a Lambda container would have its own.
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    AWS_CONFIG_FILE: '/nonexistent/orderwatch-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/orderwatch-credentials',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_ENDPOINT_URL_S3: s3.endpoint,
    AWS_ENDPOINT_URL_SES: ses.endpoint,
    AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
    AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED',
  };
}

/** Imports the bundle in a fresh process and calls `handler(event, context)` once, as Lambda would. */
function invoke(
  bundle: BuiltBundle,
  env: Record<string, string>,
  event: unknown,
): Promise<{ result: unknown; stdout: string; stderr: string }> {
  const script = `
    const { handler } = await import(${JSON.stringify(pathToFileURL(bundle.file).href)});
    const context = { getRemainingTimeInMillis: () => 60000, functionName: 'orderwatch-${bundle.name}', awsRequestId: 'test' };
    const result = await handler(JSON.parse(process.env.TEST_EVENT), context);
    console.log('RESULT ' + JSON.stringify(result ?? null));
  `;
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--input-type=module', '-e', script],
      { env: { ...env, TEST_EVENT: JSON.stringify(event) }, timeout: 30_000 },
      (error, stdout, stderr) => {
        if (error) {
          reject(new Error(`${bundle.name} bundle failed: ${error.message}\n${stdout}\n${stderr}`));
          return;
        }
        const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
        resolve({ result: line ? JSON.parse(line.slice(7)) : undefined, stdout, stderr });
      },
    );
  });
}

/** An SES receipt-rule event (https://docs.aws.amazon.com/ses/latest/dg/receiving-email-action-lambda-event.html). */
function sesReceiptEvent(messageId: string, raw: Buffer, timestamp: string) {
  const headers = headersOf(raw);
  const subject = headers.find((h) => h.name.toLowerCase() === 'subject')?.value;
  const pass = { status: 'PASS' };
  return {
    Records: [
      {
        eventSource: 'aws:ses',
        eventVersion: '1.0',
        ses: {
          mail: {
            timestamp,
            source: USER,
            messageId,
            destination: [ADDRESS],
            headersTruncated: false,
            headers,
            commonHeaders: { from: [`Max Mustermann <${USER}>`], to: [ADDRESS], subject },
          },
          receipt: {
            timestamp,
            processingTimeMillis: 120,
            recipients: [ADDRESS],
            spamVerdict: pass,
            virusVerdict: pass,
            spfVerdict: pass,
            dkimVerdict: pass,
            dmarcVerdict: pass,
            action: { type: 'Lambda', functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:ingest' },
          },
        },
      },
    ],
  };
}

async function items(table: string) {
  const out = await dynamo.client.send(new ScanCommand({ TableName: table, ConsistentRead: true }));
  return out.Items ?? [];
}

describe('the built Lambda bundles against the loopback emulators', () => {
  it('ingest: reads its configuration, takes the raw mail from S3, records it, acknowledges', async () => {
    const bundle = bundles.ingest as BuiltBundle;
    const table = await createTable(dynamo.client);
    await ses.clear();
    const messageId = 'o3vk1bundletest0ingest0001';
    const raw = fixtureMail('forward/gmail-inline-text-en.eml');
    await s3.client.send(
      new PutObjectCommand({ Bucket: s3.bucket, Key: `${PREFIX}${messageId}`, Body: raw }),
    );

    await invoke(bundle, lambdaEnvironment(table), sesReceiptEvent(messageId, raw, new Date().toISOString()));

    const all = await items(table);
    const keys = all.map((item) => `${item.pk?.S}|${item.sk?.S}`).sort();
    // The user (allowlisted, first mail), the mail record, the order and its one event (shipped).
    expect(keys).toEqual([
      `USER#${USER}|MAIL#${messageId}`,
      `USER#${USER}|ORDER#8123456789012345`,
      expect.stringMatching(/^USER#max@example\.org\|ORDER#8123456789012345#EV#[0-9a-f]+$/),
      `USER#${USER}|PROFILE`,
    ]);
    const sent = await ses.sent();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.subject).toContain('shipped');
    expect(sent[0]?.destination.to).toEqual([USER]);
    expect(sent[0]?.from).toContain(ADDRESS);
  });

  it('remind: reads its configuration, finds the due order, sends the alert', async () => {
    const bundle = bundles.remind as BuiltBundle;
    const table = await createTable(dynamo.client);
    await ses.clear();
    const store = new DynamoStore(dynamo.client, { tableName: table });
    const now = Date.now();
    await store.createUser({
      email: USER,
      timeZone: 'UTC',
      acks: 'new',
      status: 'active',
      createdAt: new Date(now - 30 * DAY).toISOString(),
    });
    // Paid 18 days ago and never shipped: the "not shipped" alert is due now.
    const orderId = '8123456700000001';
    await applyEvents(
      store,
      USER,
      [
        {
          type: 'payment_confirmed',
          orderIds: [orderId],
          occurredAt: new Date(now - 18 * DAY).toISOString(),
          source: { kind: 'mail', messageId: null, language: 'en', evidence: 'verified' },
        },
      ],
      { messageId: null, recordedAt: new Date(now).toISOString() },
      { now: new Date(now).toISOString(), timeZone: 'UTC', policy: DEFAULT_POLICY },
    );

    const { result } = await invoke(bundle, lambdaEnvironment(table), {
      version: '0',
      id: 'f1a2b3c4-0000-4000-8000-000000000000',
      'detail-type': 'Scheduled Event',
      source: 'aws.scheduler',
      account: '123456789012',
      time: new Date(now).toISOString(),
      region: 'us-east-1',
      resources: ['arn:aws:scheduler:us-east-1:123456789012:schedule/default/orderwatch-remind'],
      detail: '{}',
    });

    expect(result).toMatchObject({ dueOrders: 1, mails: 1, errors: 0 });
    const sent = await ses.sent();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.destination.to).toEqual([USER]);
    expect(sent[0]?.subject).toContain('has not shipped');
    expect(sent[0]?.body.text).toContain(orderId);
  });
});
