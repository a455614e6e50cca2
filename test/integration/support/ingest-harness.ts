/**
 * The ingest handler wired to the emulators exactly as the Lambda wires it to AWS: raw mail in s3rver
 * (under a prefix, as the receipt rule stores it), the store on DynamoDB Local, replies through SesMailer
 * to aws-ses-v2-local. The mailer is wrapped so a test can read every message as composed (headers
 * included: the SES emulator keeps only a parsed digest), and Store and Mailer can be wrapped so a run
 * crashes right after its n-th write.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll } from 'vitest';
import { DynamoStore } from '../../../functions/aws/dynamo-store';
import { S3MailSource } from '../../../functions/aws/s3-mail-source';
import { SesMailer } from '../../../functions/aws/ses-mailer';
import { ManualClock } from '../../../functions/clock';
import { composeMail } from '../../../functions/compose-mail';
import { resolvePolicy } from '../../../functions/core/rules/index';
import type { HandlerDeps, ServiceConfig } from '../../../functions/handlers/deps';
import {
  claimedDkimSigners,
  type InboundMail,
  type MailHeader,
  type Verdicts,
} from '../../../functions/handlers/inbound';
import type { Mailer, OutgoingMail, Store } from '../../../functions/ports';
import {
  type DynamoEmulator,
  type S3Emulator,
  type SesEmulator,
  startDynamoDbLocal,
  startS3rver,
  startSesLocal,
} from './emulators';
import { createTable } from './table';

export const FIXTURES = join(import.meta.dirname, '../../fixtures/mail');
export const ADDRESS = 'orders@orderwatch.example';
export const PREFIX = 'incoming/';

export function serviceConfig(overrides: Partial<ServiceConfig> = {}): ServiceConfig {
  return {
    address: ADDRESS,
    fromName: 'orderwatch',
    allow: ['max@example.org', 'max.mustermann@example.org', 'max.mustermann@gmail.com', '@example.net'],
    defaultTimeZone: 'Europe/Berlin',
    policy: resolvePolicy({}),
    dailyReplyCap: 20,
    maxMailBytes: 10 * 1024 * 1024,
    retentionDays: 180,
    ...overrides,
  };
}

// ─── mails ──────────────────────────────────────────────────────────────────────────────────────────────

export interface MailEdit {
  /** Headers put on top (an auto-forward's DKIM-Signature, an Auto-Submitted …). */
  readonly prepend?: readonly string[];
  /** Replace a header's value (the first of that name), e.g. `From` or `Message-ID`. */
  readonly set?: Readonly<Record<string, string>>;
  /** Text replaced everywhere in the raw mail (an order number, to make two mails name one order). */
  readonly replace?: Readonly<Record<string, string>>;
}

/** A fixture (path below test/fixtures/mail), read in place, optionally edited. */
export function fixtureMail(path: string, edit: MailEdit = {}): Buffer {
  let raw = readFileSync(join(FIXTURES, path), 'latin1');
  for (const [from, to] of Object.entries(edit.replace ?? {})) raw = raw.split(from).join(to);
  for (const [name, value] of Object.entries(edit.set ?? {})) {
    const pattern = new RegExp(`^${name}:.*$`, 'im');
    raw = pattern.test(raw) ? raw.replace(pattern, `${name}: ${value}`) : `${name}: ${value}\r\n${raw}`;
  }
  if (edit.prepend) raw = `${edit.prepend.join('\r\n')}\r\n${raw}`;
  return Buffer.from(raw, 'latin1');
}

/** An AliExpress signature as a Gmail filter keeps it on an auto-forwarded mail. */
export const ALIEXPRESS_DKIM =
  'DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=notice.aliexpress.com; s=s1; h=from:to:subject; bh=x; b=y';

/** The top-level headers of a raw mail, unfolded, as SES lists them in `mail.headers`. */
export function headersOf(raw: Buffer): MailHeader[] {
  const text = raw.toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  const head = (end < 0 ? text : text.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  return head
    .split(/\r?\n/)
    .map((line) => /^([^:\s]+):\s?(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ name: m[1] ?? '', value: m[2] ?? '' }));
}

/** The domains of a raw mail's own DKIM-Signature headers (what it claims; SES would verify them). */
export function signersOf(raw: Buffer): string[] {
  return claimedDkimSigners(headersOf(raw));
}

/**
 * The headers SES prepends to the mail it stores, in its order (as SES-received mails published in
 * public projects show): verdicts, its Authentication-Results, its receipt.
 */
export function sesHeaderBlock(dkimPass: readonly string[]): Buffer {
  const results = dkimPass.map((d) => `\r\n dkim=pass header.i=@${d};`).join('');
  return Buffer.from(
    'X-SES-Spam-Verdict: PASS\r\nX-SES-Virus-Verdict: PASS\r\n' +
      `Authentication-Results: amazonses.com;${results}\r\n` +
      'X-SES-RECEIPT: AEFBQUFBQUFBQUFHdGVzdA==\r\n',
    'latin1',
  );
}

export interface InboundEdit {
  readonly verdicts?: Partial<Verdicts>;
  readonly envelopeSender?: string;
  readonly recipients?: readonly string[];
  readonly receivedAt?: string;
}

/** The SES view of a raw mail: verdicts pass, the envelope sender is the From, unless told otherwise. */
export function inboundFor(messageId: string, raw: Buffer, edit: InboundEdit = {}): InboundMail {
  const headers = headersOf(raw);
  const one = (name: string) => headers.find((h) => h.name.toLowerCase() === name)?.value;
  const from = /<([^>]+)>/.exec(one('from') ?? '')?.[1] ?? one('from') ?? '';
  return {
    messageId,
    receivedAt: edit.receivedAt ?? '2026-03-01T09:00:00.000Z',
    envelopeSender: edit.envelopeSender ?? from,
    recipients: edit.recipients ?? [ADDRESS],
    verdicts: { spam: 'PASS', virus: 'PASS', spf: 'PASS', dkim: 'PASS', dmarc: 'PASS', ...edit.verdicts },
    headers,
    headersTruncated: false,
    subject: one('subject') ?? null,
  };
}

// ─── the wiring ─────────────────────────────────────────────────────────────────────────────────────────

/** Sends through the real mailer and keeps what it sent, so tests can read the composed message. */
export class RecordingMailer implements Mailer {
  readonly sent: OutgoingMail[] = [];
  constructor(private readonly inner: Mailer) {}
  async send(message: OutgoingMail) {
    const result = await this.inner.send(message);
    this.sent.push(message);
    return result;
  }
}

/** A sent mail as a client sees it: composed by the same MailComposer code, parsed back. */
export async function parsedMail(mail: OutgoingMail) {
  const raw = await composeMail(mail);
  return { raw: raw.toString('utf8'), parsed: await simpleParser(raw) };
}

export interface Emulators {
  readonly dynamo: DynamoEmulator;
  readonly s3: S3Emulator;
  readonly ses: SesEmulator;
}

/**
 * Starts DynamoDB Local, s3rver and aws-ses-v2-local once for the calling test file and stops them after
 * it; tests read `emulators.current` (set before the first test runs).
 */
export function useEmulators(): { readonly current: Emulators } {
  const ref: { current: Emulators | undefined } = { current: undefined };
  beforeAll(async () => {
    const [dynamo, s3, ses] = await Promise.all([startDynamoDbLocal(), startS3rver(), startSesLocal()]);
    ref.current = { dynamo, s3, ses };
  }, 90_000);
  afterAll(async () => {
    const e = ref.current;
    await Promise.all([e?.dynamo.stop(), e?.s3.stop(), e?.ses.stop()]);
  });
  return {
    get current(): Emulators {
      if (ref.current === undefined) throw new Error('the emulators start in beforeAll; read them in a test');
      return ref.current;
    },
  };
}

export interface Harness {
  readonly deps: HandlerDeps;
  readonly store: DynamoStore;
  readonly mailer: RecordingMailer;
  readonly clock: ManualClock;
  readonly tableName: string;
  /**
   * Stores raw mail where the receipt rule would, with the header block SES puts on top (its
   * Authentication-Results and receipt). `dkimPass`: the signing domains SES verified; by default those of
   * the mail's own DKIM-Signature headers.
   */
  put(messageId: string, raw: Buffer, ses?: { readonly dkimPass?: readonly string[] }): Promise<void>;
  /** Every item of the table, sorted, without what legitimately differs between runs (versions, SES ids). */
  snapshot(): Promise<unknown[]>;
}

export async function harness(
  emulators: Emulators,
  config: ServiceConfig = serviceConfig(),
  now = '2026-03-01T09:00:05.000Z',
): Promise<Harness> {
  const { dynamo, s3, ses } = emulators;
  const tableName = await createTable(dynamo.client);
  const store = new DynamoStore(dynamo.client, { tableName });
  const mailer = new RecordingMailer(new SesMailer(ses.client));
  const clock = new ManualClock(now);
  const mailSource = new S3MailSource(s3.client, { bucket: s3.bucket, prefix: PREFIX });
  return {
    deps: { store, mailer, mailSource, clock, config },
    store,
    mailer,
    clock,
    tableName,
    async put(messageId, raw, ses = {}) {
      const stored = Buffer.concat([sesHeaderBlock(ses.dkimPass ?? signersOf(raw)), raw]);
      await s3.client.send(
        new PutObjectCommand({ Bucket: s3.bucket, Key: `${PREFIX}${messageId}`, Body: stored }),
      );
    },
    async snapshot() {
      const out = await dynamo.client.send(new ScanCommand({ TableName: tableName, ConsistentRead: true }));
      return (out.Items ?? [])
        .map((item) => {
          const { version: _v, replyMessageId: _m, ...rest } = item;
          return rest;
        })
        .sort((a, b) => `${a.pk?.S}|${a.sk?.S}`.localeCompare(`${b.pk?.S}|${b.sk?.S}`));
    },
  };
}

// ─── crashes ────────────────────────────────────────────────────────────────────────────────────────────

export class InjectedCrash extends Error {
  override readonly name = 'InjectedCrash';
}

const STORE_WRITES = new Set<string>([
  'createUser',
  'updateUser',
  'takeReplyAllowance',
  'deleteUser',
  'createMailRecord',
  'recordReading',
  'advanceMail',
  'claimReply',
  'completeReply',
  'appendEvent',
  'putOrder',
  'claimAlert',
  'completeAlert',
]);

/** Counts writes (store writes and sends) across both ports; throws right after write number `crashAfter`. */
export class WriteCounter {
  readonly writes: string[] = [];
  constructor(private readonly crashAfter: number | null = null) {}

  private after(name: string): void {
    this.writes.push(name);
    if (this.writes.length === this.crashAfter)
      throw new InjectedCrash(`crash after write ${this.crashAfter} (${name})`);
  }

  store(inner: Store): Store {
    return new Proxy(inner, {
      get: (target, property, receiver) => {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        const method = value as (...args: unknown[]) => Promise<unknown>;
        if (typeof property !== 'string' || !STORE_WRITES.has(property)) return method.bind(target);
        return async (...args: unknown[]) => {
          const result = await method.apply(target, args);
          this.after(property);
          return result;
        };
      },
    });
  }

  mailer(inner: Mailer): Mailer {
    return {
      send: async (message) => {
        const result = await inner.send(message);
        this.after('send');
        return result;
      },
    };
  }
}
