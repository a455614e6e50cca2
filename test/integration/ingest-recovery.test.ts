/**
 * Ingest under failure and limits, on the emulators: a crash right after each write (store or send)
 * followed by a retry ends in the clean-run state; the reader's internal failure throws and answers
 * nothing; the daily reply cap holds; over-size mail is refused unread; commands are answered.
 */
import { describe, expect, it } from 'vitest';
import { MailReaderError } from '../../functions/core/mail/errors';
import { type IngestOutcome, ingestMail, MailReadFailedError } from '../../functions/handlers/ingest';
import {
  ALIEXPRESS_DKIM,
  fixtureMail,
  harness,
  InjectedCrash,
  inboundFor,
  serviceConfig,
  useEmulators,
  WriteCounter,
} from './support/ingest-harness';

const emulators = useEmulators();

const MAX = 'max@example.org';

describe('ingest: a crash after any write, then a retry', () => {
  const cases = [
    ['a hand-forwarded mail (acknowledged)', fixtureMail('forward/gmail-inline-text-en.eml')],
    [
      'an auto-forwarded new order ("now watching")',
      fixtureMail('events/en-order-confirmed.eml', { prepend: [ALIEXPRESS_DKIM] }),
    ],
  ] as const;

  it.each(cases)('%s ends in the clean-run state', async (_name, raw) => {
    const clean = await harness(emulators.current);
    await clean.put('crash-1', raw);
    const counter = new WriteCounter();
    const mail = inboundFor('crash-1', raw);
    await ingestMail(
      { ...clean.deps, store: counter.store(clean.store), mailer: counter.mailer(clean.mailer) },
      mail,
    );
    const expected = await clean.snapshot();
    expect(clean.mailer.sent).toHaveLength(1);
    const steps = counter.writes;
    expect(steps).toContain('send');

    for (let n = 1; n <= steps.length; n += 1) {
      const h = await harness(emulators.current);
      const crashing = new WriteCounter(n);
      const faulty = { ...h.deps, store: crashing.store(h.store), mailer: crashing.mailer(h.mailer) };
      await expect(ingestMail(faulty, mail), `crash after ${steps[n - 1]}`).rejects.toBeInstanceOf(
        InjectedCrash,
      );
      await ingestMail(h.deps, mail);
      expect(await h.snapshot(), `crash after write ${n} (${steps[n - 1]})`).toEqual(expected);
      // Sent once; twice only when the crash fell between sending and recording it (at-least-once there).
      expect(h.mailer.sent, `crash after write ${n} (${steps[n - 1]})`).toHaveLength(
        steps[n - 1] === 'send' ? 2 : 1,
      );
    }
  });
});

describe('ingest: internal failures', () => {
  it('a failed reading throws (Lambda retries), records nothing and answers nothing', async () => {
    const h = await harness(emulators.current);
    const raw = fixtureMail('forward/gmail-inline-text-en.eml');
    await h.put('fail-1', raw);
    const broken = async () => ({
      kind: 'failed' as const,
      user: MAX,
      language: null,
      events: [] as const,
      orderIds: [] as const,
      forwardingConfirmation: null,
      command: null,
      reason: null,
      error: new MailReaderError('the reader tripped over its own feet'),
    });
    const errors: string[] = [];
    const log = {
      info() {},
      warn() {},
      error: (m: string, f?: object) => errors.push(`${m} ${JSON.stringify(f)}`),
    };
    await expect(ingestMail(h.deps, inboundFor('fail-1', raw), { read: broken, log })).rejects.toBeInstanceOf(
      MailReadFailedError,
    );
    expect(await h.snapshot()).toEqual([]);
    expect(h.mailer.sent).toHaveLength(0);
    expect(errors.join()).toContain('fail-1');
    // The retry, with a working reader, does the work.
    expect((await ingestMail(h.deps, inboundFor('fail-1', raw))).reply).toBe('sent');
  });
});

describe('ingest: limits', () => {
  it('the daily reply cap holds, and a new day opens it again', async () => {
    const h = await harness(emulators.current, serviceConfig({ dailyReplyCap: 2 }));
    const outcomes: IngestOutcome[] = [];
    for (let i = 1; i <= 4; i += 1) {
      const raw = fixtureMail('forward/forwarded-non-aliexpress.eml', { set: { 'Message-ID': `<n${i}@x>` } });
      await h.put(`cap-${i}`, raw);
      if (i === 4) h.clock.advance(24 * 3600_000);
      outcomes.push(await ingestMail(h.deps, inboundFor(`cap-${i}`, raw)));
    }
    expect(outcomes.map((o) => o.reply)).toEqual(['sent', 'sent', 'capped', 'sent']);
    expect(h.mailer.sent).toHaveLength(3);
    expect(h.mailer.sent[0]?.subject).toMatch(/read/i);
  });

  it('over-size mail is refused unread with a reason; a known user is told, a stranger is not', async () => {
    const h = await harness(emulators.current, serviceConfig({ maxMailBytes: 2048 }));
    const big = fixtureMail('forward/gmail-inline-text-en.eml', {
      prepend: [`X-Padding: ${'x'.repeat(4000)}`],
    });
    await h.put('big-1', big);
    const outcome = await ingestMail(h.deps, inboundFor('big-1', big));
    expect(outcome).toMatchObject({ kind: null, reply: 'sent' });
    const record = await h.store.getMailRecord({ user: MAX, messageId: 'big-1' });
    expect(record?.reason).toMatch(/too large/);
    expect(h.mailer.sent[0]?.text).toMatch(/too large/);

    const stranger = fixtureMail('forward/gmail-inline-text-en.eml', {
      set: { From: 'eve@evil.example' },
      prepend: [`X-Padding: ${'x'.repeat(4000)}`],
    });
    await h.put('big-2', stranger);
    expect((await ingestMail(h.deps, inboundFor('big-2', stranger))).reply).toBe('none');
    expect(h.mailer.sent).toHaveLength(1);
  });
});

describe('ingest: commands', () => {
  it('a command from a known user is handed to the command handler and its reply sent, threaded', async () => {
    const h = await harness(emulators.current);
    const raw = fixtureMail('mime/command-status.eml', { set: { 'Message-ID': '<cmd-1@mail.example.org>' } });
    await h.put('cmd-1', raw);
    const outcome = await ingestMail(h.deps, inboundFor('cmd-1', raw));
    expect(outcome).toMatchObject({ kind: 'command', reply: 'sent' });
    expect(h.mailer.sent[0]).toMatchObject({
      to: MAX,
      autoSubmitted: 'auto-replied',
      inReplyTo: '<cmd-1@mail.example.org>',
      references: ['<cmd-1@mail.example.org>'],
    });
    expect(await h.store.getMailRecord({ user: MAX, messageId: 'cmd-1' })).toMatchObject({ state: 'done' });
  });

  it('an undated fact command retried later records one event, dated when the mail arrived', async () => {
    const h = await harness(emulators.current);
    const shipped = fixtureMail('forward/gmail-inline-text-en.eml');
    await h.put('fact-0', shipped);
    await ingestMail(h.deps, inboundFor('fact-0', shipped));
    const [order] = await h.store.listOrders(MAX);
    const suffix = order?.orderId.slice(-4) ?? 'none';
    const raw = fixtureMail('mime/command-status.eml', { set: { Subject: `dispute ${suffix}` } });
    await h.put('fact-1', raw);
    const mail = inboundFor('fact-1', raw, { receivedAt: '2026-03-01T09:30:00.000Z' });
    const crashing = new WriteCounter(1);
    // The first delivery dies after its first write; the retry comes an hour later by the clock.
    await expect(
      ingestMail({ ...h.deps, store: crashing.store(h.store), mailer: crashing.mailer(h.mailer) }, mail),
    ).rejects.toBeInstanceOf(InjectedCrash);
    h.clock.set(new Date(Date.parse(h.clock.now()) + 3_600_000).toISOString());
    await ingestMail(h.deps, mail);
    await ingestMail(h.deps, mail);
    const disputes = (await h.store.eventsOf(MAX, order?.orderId ?? 'none')).filter(
      (e) => e.event.type === 'dispute_opened',
    );
    expect(disputes.map((e) => e.event.occurredAt)).toEqual(['2026-03-01T09:30:00.000Z']);
  });

  it('unrecognized mail from a known user gets "couldn\'t read this" naming the orders it named', async () => {
    const h = await harness(emulators.current, serviceConfig({ allow: ['@example.net'] }));
    const raw = fixtureMail('events/ja-unknown-language-fallback-parcel-link.eml', {
      prepend: [ALIEXPRESS_DKIM],
    });
    await h.put('un-1', raw);
    expect((await ingestMail(h.deps, inboundFor('un-1', raw))).kind).toBe('unrecognized');
    expect(h.mailer.sent[0]?.text).toContain('8661234567800007');
  });
});
