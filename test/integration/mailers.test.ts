/**
 * Mail out: the SES adapter against aws-ses-v2-local (SendRawEmail parsed on arrival), and the raw
 * message our composer produces, read back with mailparser, as the local outbox stores it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SesMailer } from '../../functions/aws/ses-mailer';
import { ManualClock } from '../../functions/clock';
import { composeMail } from '../../functions/compose-mail';
import { OutboxMailer } from '../../functions/local/outbox-mailer';
import type { OutgoingMail } from '../../functions/ports';
import { type SesEmulator, startSesLocal } from './support/emulators';

const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//orderwatch//test//EN',
  'METHOD:PUBLISH',
  'BEGIN:VEVENT',
  'UID:8123456789010979-open-dispute@orderwatch',
  'DTSTAMP:20261127T080000Z',
  'DTSTART:20261204T080000Z',
  'SUMMARY:Open a dispute for order …0979',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

const ALERT: OutgoingMail = {
  from: 'orderwatch <watch@example.org>',
  to: 'ana@example.org',
  subject: 'Open a dispute for order …0979 by Fri 4 Dec — Straße',
  text: 'Protection ends about 4 Dec (estimated).\nReply `dispute 0979` when you have opened it.',
  html: '<p style="margin:0">Protection ends about <b>4 Dec</b> (estimated).</p>',
  attachments: [
    { filename: 'deadline.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: ICS },
  ],
  autoSubmitted: 'auto-generated',
  inReplyTo: '<CAF1234@mail.gmail.com>',
  references: ['<CAF1000@mail.gmail.com>', '<CAF1234@mail.gmail.com>'],
  listUnsubscribe: 'mailto:watch@example.org?subject=stop',
  date: '2026-11-27T08:00:00.000Z',
};

describe('composeMail (the raw message every mailer sends)', () => {
  it('has the automatic-mail, threading and unsubscribe headers, and text + html + .ics parts', async () => {
    const raw = await composeMail(ALERT);
    const parsed = await simpleParser(raw);
    expect(parsed.headers.get('auto-submitted')).toBe('auto-generated');
    expect(parsed.inReplyTo).toBe('<CAF1234@mail.gmail.com>');
    expect(parsed.references).toEqual(['<CAF1000@mail.gmail.com>', '<CAF1234@mail.gmail.com>']);
    expect(raw.toString('latin1')).toMatch(
      /^List-Unsubscribe: <mailto:watch@example\.org\?subject=stop>\r$/m,
    );
    expect(parsed.subject).toBe(ALERT.subject);
    expect(parsed.date?.toISOString()).toBe(ALERT.date);
    expect(parsed.text?.trim()).toBe(ALERT.text);
    expect(parsed.html).toContain('<b>4 Dec</b>');
    expect(parsed.attachments).toHaveLength(1);
    const ics = parsed.attachments[0];
    expect(ics?.contentType).toBe('text/calendar');
    expect(ics?.filename).toBe('deadline.ics');
    expect(ics?.content.toString('utf8')).toBe(ICS);
    // Non-ASCII in headers is encoded by the library (no raw 8-bit header bytes).
    const head = raw.subarray(0, raw.indexOf('\r\n\r\n')).toString('latin1');
    expect(head).toMatch(/^[\x20-\x7e\r\n\t]*$/);
  });

  it('marks a reply auto-replied and leaves out headers it was not given', async () => {
    const raw = await composeMail({
      from: 'watch@example.org',
      to: 'ana@example.org',
      subject: 'Re: shipped',
      text: 'Now watching order …0979.',
      autoSubmitted: 'auto-replied',
    });
    const parsed = await simpleParser(raw);
    expect(parsed.headers.get('auto-submitted')).toBe('auto-replied');
    expect(parsed.headers.has('in-reply-to')).toBe(false);
    expect(parsed.headers.has('list-unsubscribe')).toBe(false);
    expect(parsed.attachments).toEqual([]);
  });
});

describe('SesMailer on aws-ses-v2-local', () => {
  let ses: SesEmulator;
  beforeAll(async () => {
    ses = await startSesLocal();
  });
  afterAll(async () => {
    await ses?.stop();
  });
  beforeEach(async () => {
    await ses.clear();
  });

  it('delivers the composed message: recipient, subject, text, html and the .ics', async () => {
    // What the request itself names (the store shows only the parsed message): the bare address is the
    // `Source` the functions' `ses:FromAddress` condition checks, and the one recipient.
    const requests: unknown[] = [];
    ses.client.middlewareStack.add(
      (next) => async (args) => {
        requests.push(args.input);
        return next(args);
      },
      { step: 'initialize', name: 'captureSendInput' },
    );
    const { messageId } = await new SesMailer(ses.client).send(ALERT);
    ses.client.middlewareStack.remove('captureSendInput');
    expect(requests).toEqual([
      expect.objectContaining({ Source: 'watch@example.org', Destinations: ['ana@example.org'] }),
    ]);
    const sent = await ses.sent();
    expect(sent).toHaveLength(1);
    const mail = sent[0];
    expect(mail?.messageId).toBe(messageId);
    expect(mail?.from).toContain('watch@example.org');
    expect(mail?.destination.to).toEqual(['ana@example.org']);
    expect(mail?.subject).toBe(ALERT.subject);
    expect(mail?.body.text?.trim()).toBe(ALERT.text);
    expect(mail?.body.html).toContain('<b>4 Dec</b>');
    expect(mail?.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['deadline.ics', 'text/calendar'],
    ]);
    expect(Buffer.from(mail?.attachments[0]?.content ?? '', 'base64').toString('utf8')).toBe(ICS);
  });
});

describe('OutboxMailer', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'orderwatch-outbox-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('keeps each mail as an .eml, in send order, dated by its clock', async () => {
    const clock = new ManualClock('2026-12-01T09:30:00Z');
    const outbox = new OutboxMailer(folder, clock);
    const { date: _date, ...undated } = ALERT;
    const first = await outbox.send(undated);
    const second = await outbox.send({ ...undated, subject: 'second', attachments: [] });
    const entries = await outbox.list();
    expect(entries.map((e) => e.file.endsWith('.eml'))).toEqual([true, true]);
    const [a, b] = await Promise.all(entries.map((e) => simpleParser(e.raw)));
    expect(a?.messageId).toBe(first.messageId);
    expect(b?.messageId).toBe(second.messageId);
    expect(a?.date?.toISOString()).toBe('2026-12-01T09:30:00.000Z');
    expect(a?.headers.get('auto-submitted')).toBe('auto-generated');
    expect(a?.attachments[0]?.filename).toBe('deadline.ics');
    expect(b?.subject).toBe('second');
  });
});
