/**
 * Robustness: whatever bytes arrive, `readMail` returns a `MailReading` of a known kind, quickly, and
 * pathological input hits a limit with a reason instead of hanging or exhausting memory. Run counts are
 * small so the whole file takes a few seconds on the 2-core CI machine.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseOrderEvent } from '../../../functions/core/events';
import { readMail } from '../../../functions/core/mail/read';
import type { MailReading } from '../../../functions/core/mail/types';
import { isAliExpressSender } from '../../../functions/core/mail/unwrap/sender';
import { nestedAttachments, PATHOLOGICAL } from '../../support/pathological-mail';
import { FIXTURES, fixture } from './fixture-helpers';

const KINDS = ['aliexpress', 'forwarding-confirmation', 'command', 'ignored', 'unrecognized'];
/**
 * Hang detector, not a speed check: a normal mail reads in well under a millisecond and the slowest limit
 * case (9 MB of text) in about a second (BENCHMARKS.md); a hang never ends. Loose, so a busy CI never flakes.
 */
const RUN_TIMEOUT_MS = 15_000;

async function readBounded(raw: Uint8Array): Promise<MailReading> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`readMail took over ${RUN_TIMEOUT_MS} ms`)), RUN_TIMEOUT_MS);
  });
  try {
    return await Promise.race([readMail(raw), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function expectValid(r: MailReading): void {
  // No input, however broken, is a failure of the reader: `failed` means a bug (see read-failure.test.ts).
  expect(r.kind, r.kind === 'failed' ? `reader failed: ${r.error.message}` : '').not.toBe('failed');
  expect(KINDS).toContain(r.kind);
  // What the reader produces, the event schema accepts (as the event log will read it back).
  for (const event of r.events) expect(parseOrderEvent(JSON.parse(JSON.stringify(event)))).toEqual(event);
  expect(Array.isArray(r.events)).toBe(true);
  if (r.kind === 'unrecognized' || r.kind === 'ignored') expect(typeof r.reason).toBe('string');
  if (r.user !== null) expect(r.user).toBe(r.user.toLowerCase());
}

const FILES = ['forward', 'mime'].flatMap((dir) =>
  readdirSync(join(FIXTURES, dir))
    .filter((f) => f.endsWith('.eml'))
    .map((f) => `${dir}/${f}`),
);
const CORPUS = FILES.map((f) => fixture(f));
/** Every fixture mail, events included: their events must pass the schema too. */
const ALL_FIXTURES = readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.eml'))
  .sort();

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number[]; value: number }
  | { kind: 'duplicate-headers'; times: number }
  | { kind: 'insert'; at: number; text: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.array(fc.nat(), { minLength: 1, maxLength: 20 }),
    value: fc.nat(255),
  }),
  fc.record({ kind: fc.constant('duplicate-headers' as const), times: fc.integer({ min: 2, max: 50 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.constantFrom(
      '\n---------- Forwarded message ---------\n',
      '\nFrom: AliExpress <transaction@notice.aliexpress.com>\nSubject: x\n',
      '\n\n--alt-0001--\n',
      '\nContent-Type: message/rfc822\n\n',
      '<div class="gmail_quote">',
      '=?utf-8?B?',
      '\r\n\r\n',
      '> > > > > ',
      '________________________________\n',
    ),
  }),
);

function mutate(raw: Buffer, m: Mutation): Buffer {
  switch (m.kind) {
    case 'truncate':
      return raw.subarray(0, m.at % (raw.length + 1));
    case 'flip': {
      const copy = Buffer.from(raw);
      for (const at of m.at) if (copy.length > 0) copy[at % copy.length] = m.value;
      return copy;
    }
    case 'duplicate-headers': {
      const end = raw.indexOf('\n\n');
      const head = raw.subarray(0, end === -1 ? raw.length : end);
      return Buffer.concat([
        ...Array.from({ length: m.times }, () => Buffer.concat([head, Buffer.from('\n')])),
        raw,
      ]);
    }
    case 'insert': {
      const at = m.at % (raw.length + 1);
      return Buffer.concat([raw.subarray(0, at), Buffer.from(m.text), raw.subarray(at)]);
    }
  }
}

describe('readMail never throws and always answers', () => {
  it.each(ALL_FIXTURES)('on the fixture %s, with schema-valid events', async (file) => {
    expectValid(await readBounded(fixture(file)));
  });

  it('on random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), async (bytes) => {
        expectValid(await readBounded(bytes));
      }),
      { numRuns: 150 },
    );
  });

  it('on random text shaped like mail', async () => {
    const line = fc.oneof(
      fc.constantFrom(
        'From: a@b.example',
        'Content-Type: multipart/mixed; boundary=x',
        '--x',
        '--x--',
        '',
        'Subject: status',
      ),
      fc.string({ maxLength: 60 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 40 }), async (lines) => {
        expectValid(await readBounded(Buffer.from(lines.join('\n'))));
      }),
      { numRuns: 150 },
    );
  });

  it('on mutated fixtures', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(CORPUS.length - 1), mutation, async (i, m) => {
        const raw = CORPUS[i] ?? Buffer.alloc(0);
        expectValid(await readBounded(mutate(raw, m)));
      }),
      { numRuns: 200 },
    );
  });
});

describe('the forwarder never speaks for AliExpress', () => {
  it('whatever the forwarder writes above the marker stays out of the original and its events', async () => {
    const inner =
      '---------- Forwarded message ---------\nFrom: AliExpress <transaction@notice.aliexpress.com>\n' +
      'Date: Mon, Jan 5, 2026 at 10:21 AM\nSubject: Order 8123456789012345: order shipped\nTo: <max@example.org>\n\n' +
      'Your order 8123456789012345 has been shipped.\n';
    const forwarderOrder = fc.stringMatching(/^[13][0-9]{15}$/).filter((s) => !s.startsWith('8123'));
    const words = fc.array(
      fc.constantFrom('order', 'arrived', 'broken', 'Bestellung', 'Pedido', ':', '\n', ' '),
      {
        maxLength: 12,
      },
    );
    await fc.assert(
      fc.asyncProperty(forwarderOrder, words, async (order, ws) => {
        const raw = Buffer.from(
          `From: Max <max@example.org>\nTo: orders@orderwatch.example\nSubject: Fwd: order ${order}\n` +
            `Date: Mon, 05 Jan 2026 11:02:00 +0100\nContent-Type: text/plain; charset=utf-8\n\n${ws.join(' ')} order ${order} ${ws.join('')}\n\n${inner}`,
        );
        const r = await readBounded(raw);
        expect(r.kind).toBe('aliexpress');
        expect(r.events.flatMap((e) => e.orderIds)).not.toContain(order);
      }),
      { numRuns: 60 },
    );
  });
});

describe('sender check', () => {
  it('no domain that merely contains aliexpress.com is accepted', () => {
    const label = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
    fc.assert(
      fc.property(label, label, (a, b) => {
        expect(isAliExpressSender(`x@aliexpress.com.${a}.${b}`)).toBe(false);
        expect(isAliExpressSender(`x@${a}aliexpress.com.${b}`)).toBe(false);
        expect(isAliExpressSender(`x@${a}.aliexpress.com`)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('pathological input hits a limit with a reason', () => {
  it.each(Object.entries(PATHOLOGICAL).map(([name, c]) => [name, c.build, c.limit] as const))(
    '%s',
    async (_name, build, reason) => {
      // What hitting each limit costs in time and memory is measured by `npm run bench`, not here.
      const r = await readBounded(build());
      expect(r.kind).toBe('unrecognized');
      expect(r.reason).toMatch(reason);
    },
  );

  it('a chain within the limit is still read', async () => {
    const r = await readBounded(nestedAttachments(4));
    expect(r.kind).toBe('aliexpress');
    expect(r.user).toBe('p3@example.net');
  });

  it('quoted From and To values made of "@" are read in linear time', async () => {
    // Each value is at the 4,000-character cap; an address pattern that lets its parts hold "@" takes
    // over 20 s on one of them.
    for (const value of ['@'.repeat(4000), 'a@'.repeat(2000), `${'a'.repeat(10)}@`.repeat(360)]) {
      const raw = Buffer.from(
        `From: max@example.org\nSubject: Fwd: x\n\n---------- Forwarded message ---------\nFrom: ${value}\nSubject: Order 8123456789012345: order shipped\nTo: ${value}\n\nHi\n`,
      );
      const started = performance.now();
      expectValid(await readBounded(raw));
      expect(performance.now() - started).toBeLessThan(2_000);
    }
  });

  it('a megabyte of "<" or of one long line is read in linear time', async () => {
    const bodies = [
      '<'.repeat(1_000_000),
      'x@'.repeat(500_000),
      'From: x\n'.repeat(120_000),
      '---------- Forwarded message ---------\n'.repeat(50_000),
      '<div class="gmail_quote">'.repeat(40_000),
      '<style>'.repeat(100_000),
    ];
    for (const body of bodies) {
      const raw = Buffer.from(`From: a@b.example\nSubject: x\nContent-Type: text/html\n\n${body}`);
      expectValid(await readBounded(raw));
    }
  });
});
