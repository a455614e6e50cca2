/**
 * A bug in the reader is not a mail we cannot read: the first must reach the handler as `failed` (to be
 * logged, counted and retried), the second stays `unrecognized` with a reason written for the user.
 */
import { describe, expect, it } from 'vitest';
import { parseOrderEvent } from '../../../functions/core/events';
import { MailLimitError, MailReaderError } from '../../../functions/core/mail/errors';
import { readMail } from '../../../functions/core/mail/read';
import type { MailReading } from '../../../functions/core/mail/types';
import { fixture } from './fixture-helpers';

const NOTICE = fixture('events/en-order-confirmed.eml');

function failure(r: MailReading): MailReaderError {
  if (r.kind !== 'failed') throw new Error(`expected a failed reading, got ${r.kind}: ${r.reason}`);
  return r.error;
}

describe('readMail, when the reader itself fails', () => {
  it('an injected bug is "failed" carrying a MailReaderError, not "unrecognized"', async () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'x')");
    const r = await readMail(NOTICE, {
      extract: () => {
        throw bug;
      },
    });
    expect(r.kind).toBe('failed');
    const error = failure(r);
    expect(error).toBeInstanceOf(MailReaderError);
    expect(error.name).toBe('MailReaderError');
    expect(error.cause).toBe(bug);
    // Nothing for the user: the reason is null and no event or order is claimed.
    expect(r).toMatchObject({ reason: null, events: [], orderIds: [], user: 'buyer@example.net' });
  });

  it('an extractor that produces an event outside the schema is a failure too', async () => {
    const r = await readMail(NOTICE, {
      extract: () => ({
        kind: 'aliexpress',
        language: 'en',
        events: [
          {
            type: 'shipped',
            orderIds: ['12'],
            occurredAt: '2026-02-16T07:22:10-08:00',
            source: { kind: 'mail', messageId: null, language: 'en', evidence: 'verified' },
          },
        ],
      }),
    });
    expect(failure(r).message).toMatch(/"orderIds.0"/);
  });

  it('a limit hit while extracting stays unrecognized with its user-facing reason', async () => {
    const r = await readMail(NOTICE, {
      extract: () => {
        throw new MailLimitError('The mail is too long to read.');
      },
    });
    expect(r).toMatchObject({ kind: 'unrecognized', reason: 'The mail is too long to read.', error: null });
  });

  it('bytes that are no mail stay unrecognized', async () => {
    const r = await readMail(Buffer.from('\u0000\u0001 not a mail'));
    expect(r.kind).toBe('unrecognized');
    expect(r.reason).not.toMatch(/internal error/);
  });
});

describe('what the reader produces, the event schema accepts', () => {
  it('a Message-ID longer than any header line is dropped, not passed on', async () => {
    const raw = Buffer.from(
      NOTICE.toString('utf8').replace(
        '<fixture-en-order-confirmed@example.net>',
        `<${'m'.repeat(2000)}@example.net>`,
      ),
    );
    const r = await readMail(raw);
    expect(r.kind).toBe('aliexpress');
    for (const e of r.events) {
      expect(parseOrderEvent(JSON.parse(JSON.stringify(e)))).toEqual(e);
      expect(e.source).toMatchObject({ kind: 'mail', messageId: null });
    }
  });

  it('a list of hundreds of items is cut to the schema bound', async () => {
    const items = Array.from(
      { length: 300 },
      (_, i) => `<p>Sample item number ${i} with a long title...</p>`,
    );
    const raw = Buffer.from(
      NOTICE.toString('utf8').replace('<p>Sample USB-C cable braided 1m fast char...</p>', items.join('\n')),
    );
    const r = await readMail(raw);
    expect(r.kind).toBe('aliexpress');
    const [event] = r.events;
    expect(event?.items?.length).toBe(100);
    expect(() => parseOrderEvent(event)).not.toThrow();
  });
});
