/**
 * `orderwatch reprocess` on the emulators: mail that today's reader could not read is read again by a
 * newer one and applied, once, however often it runs; the CLI wires the same handler to a DynamoDB
 * endpoint and a folder of raw mail.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../functions/cli/main';
import { readMail } from '../../functions/core/mail';
import { ingestMail, type MailReader } from '../../functions/handlers/ingest';
import { reprocess } from '../../functions/handlers/reprocess';
import { FolderMailSource } from '../../functions/local/folder-mail-source';
import { fixtureMail, harness, inboundFor, useEmulators } from './support/ingest-harness';

const emulators = useEmulators();

const MAX = 'max@example.org';
const ORDER = '8123456789012345';

/** Yesterday's reader: it did not know this wording yet (the order number it still saw). */
const oldReader: MailReader = (raw) =>
  readMail(raw, {
    extract: () => ({
      kind: 'unrecognized',
      language: null,
      reason: 'orderwatch cannot read its wording yet',
      orderIds: [ORDER],
    }),
  });

describe('reprocess', () => {
  it('applies what a newer reader finds in a mail that was unrecognized, once', async () => {
    const h = await harness(emulators.current);
    const raw = fixtureMail('forward/gmail-inline-text-en.eml');
    await h.put('re-1', raw);
    const first = await ingestMail(h.deps, inboundFor('re-1', raw), { read: oldReader });
    expect(first).toMatchObject({ kind: 'unrecognized', reply: 'sent' });
    expect(await h.store.eventsOf(MAX, ORDER)).toHaveLength(0);

    const progress: string[] = [];
    const summary = await reprocess(h.deps, { onProgress: (d, t) => progress.push(`${d}/${t}`) });
    expect(summary).toMatchObject({ examined: 1, changed: 1, nowRead: 1, eventsAdded: 1, failed: [] });
    expect(progress).toEqual(['1/1']);
    expect((await h.store.eventsOf(MAX, ORDER)).map((e) => e.event.type)).toEqual(['shipped']);
    expect((await h.store.getOrder(MAX, ORDER))?.status).toBe('shipped');
    expect(await h.store.getMailRecord({ user: MAX, messageId: 're-1' })).toMatchObject({
      kind: 'aliexpress',
      reason: null,
    });
    // Nothing is sent by a re-read.
    expect(h.mailer.sent).toHaveLength(1);

    const before = await h.snapshot();
    expect(await reprocess(h.deps)).toMatchObject({ examined: 0 });
    expect(await reprocess(h.deps, { all: true, user: MAX })).toMatchObject({
      examined: 1,
      changed: 0,
      eventsAdded: 0,
    });
    expect(await h.snapshot()).toEqual(before);
  });

  it('leaves rejected mail, and mail outside --since or --user, alone', async () => {
    const h = await harness(emulators.current);
    const raw = fixtureMail('forward/gmail-inline-text-en.eml');
    await h.put('re-2', raw);
    await ingestMail(h.deps, inboundFor('re-2', raw, { verdicts: { dkim: 'FAIL', spf: 'FAIL' } }), {
      read: oldReader,
    });
    await h.put('re-3', raw);
    await ingestMail(h.deps, inboundFor('re-3', raw, { receivedAt: '2026-02-01T00:00:00.000Z' }), {
      read: oldReader,
    });
    expect(await reprocess(h.deps, { since: '2026-02-02T00:00:00Z' })).toMatchObject({ examined: 0 });
    expect(await reprocess(h.deps, { user: 'someone@example.org' })).toMatchObject({ examined: 0 });
    expect(await reprocess(h.deps)).toMatchObject({ examined: 1, nowRead: 1 });
  });

  it('runs from the CLI against a DynamoDB endpoint and a folder of raw mail', async () => {
    const h = await harness(emulators.current);
    const dir = await mkdtemp(join(tmpdir(), 'orderwatch-reprocess-'));
    const saved = { ...process.env };
    try {
      const folder = new FolderMailSource(dir);
      const raw = fixtureMail('forward/gmail-inline-text-en.eml');
      await folder.put('re-cli-1', raw);
      await ingestMail({ ...h.deps, mailSource: folder }, inboundFor('re-cli-1', raw), { read: oldReader });

      Object.assign(process.env, {
        AWS_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: 'local',
        AWS_SECRET_ACCESS_KEY: 'local',
        ORDERWATCH_TIME_ZONE: 'Europe/Berlin',
      });
      const stdout: string[] = [];
      const stderr: string[] = [];
      const code = await main(
        [
          'reprocess',
          '--table',
          h.tableName,
          '--endpoint',
          emulators.current.dynamo.endpoint,
          '--mail-dir',
          dir,
          '--since',
          '2026-03-01',
        ],
        {
          stdin: new PassThrough(),
          stdout: { write: (c: string) => stdout.push(c) },
          stderr: { write: (c: string) => stderr.push(c) },
          cwd: process.cwd(),
        },
      );
      expect(stderr.join('')).toContain('reprocess: 1/1 mails');
      expect(stdout.join('')).toContain(
        '1 mails read again: 1 read differently, 1 now readable, 1 new events',
      );
      expect(code).toBe(0);
      expect(await h.store.eventsOf(MAX, ORDER)).toHaveLength(1);
    } finally {
      process.env = saved;
      await rm(dir, { recursive: true, force: true });
    }
  });
});
