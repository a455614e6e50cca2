/** `orderwatch parse`, run in-process through `main` with captured output. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../functions/cli/io';
import { main } from '../../../functions/cli/main';
import { parseOrderEvent } from '../../../functions/core/events';

const FIXTURES = join(import.meta.dirname, '../../fixtures/mail');

function capture(cwd = FIXTURES): { io: CliIo; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    io: {
      stdin: Readable.from([]),
      stdout: { write: (s: string) => (out += s) },
      stderr: { write: (s: string) => (err += s) },
      cwd,
    },
    out: () => out,
    err: () => err,
  };
}

const LINE_KEYS = [
  'file',
  'kind',
  'user',
  'language',
  'events',
  'orderIds',
  'forwardingConfirmation',
  'reason',
];
const EVENT_KEYS = ['type', 'orderIds', 'occurredAt', 'parcelId', 'placedAt', 'estimatedDelivery'];

describe('orderwatch parse --json', () => {
  it('prints one JSON line per file, in the documented shape', async () => {
    const files = [
      'forward/gmail-inline-text-en.eml',
      'mime/gmail-forwarding-confirmation-en.eml',
      'mime/command-status.eml',
      'forward/lookalike-sender-suffix.eml',
      'does-not-exist.eml',
      'forward',
    ];
    const c = capture();
    expect(await main(['parse', '--json', ...files], c.io)).toBe(0);
    const lines = c
      .out()
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(files.length);
    for (const [i, line] of lines.entries()) {
      expect(line.file).toBe(files[i]);
      for (const key of LINE_KEYS) expect(line).toHaveProperty(key);
    }
    const [forward, confirmation, command, lookalike, missing, directory] = lines;

    expect(forward).toMatchObject({
      kind: 'aliexpress',
      user: 'max@example.org',
      forwardingConfirmation: null,
      reason: null,
    });
    const events = forward?.events as Record<string, unknown>[];
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) {
      for (const key of EVENT_KEYS) expect(e).toHaveProperty(key);
      // The line feeds `orderwatch deadlines -`: each event must validate as an OrderEvent.
      expect(() => parseOrderEvent(e)).not.toThrow();
    }
    expect(events[0]).toMatchObject({
      type: 'shipped',
      orderIds: ['8123456789012345'],
      occurredAt: '2026-01-05T10:21:00+01:00',
    });

    expect(confirmation).toMatchObject({
      kind: 'forwarding-confirmation',
      user: 'max.mustermann@gmail.com',
      events: [],
      forwardingConfirmation: { code: '99427480', requester: 'max.mustermann@gmail.com' },
    });
    expect(forward?.orderIds).toEqual(['8123456789012345']);
    expect(command).toMatchObject({ kind: 'command', command: 'status', orderIds: [] });
    expect(lookalike).toMatchObject({ kind: 'unrecognized', events: [] });
    expect(missing).toMatchObject({
      kind: 'unrecognized',
      user: null,
      reason: 'The file could not be read (no such file).',
    });
    expect(directory).toMatchObject({
      kind: 'unrecognized',
      reason: 'The file could not be read (is a directory).',
    });
  });

  it('resolves relative paths against io.cwd and accepts absolute ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ow-parse-'));
    writeFileSync(join(dir, 'x.eml'), 'From: a@b.example\nSubject: help\n\n');
    const c = capture(dir);
    expect(await main(['parse', '--json', 'x.eml', join(FIXTURES, 'mime/command-status.eml')], c.io)).toBe(0);
    const kinds = c
      .out()
      .trimEnd()
      .split('\n')
      .map((l) => (JSON.parse(l) as { kind: string }).kind);
    expect(kinds).toEqual(['command', 'command']);
  });
});

describe('orderwatch parse, a notice in a language without a table', () => {
  it('names the order it saw, records no guessed event, and says what to do', async () => {
    const c = capture();
    expect(await main(['parse', '--json', 'events/pl-unknown-language-fallback.eml'], c.io)).toBe(0);
    const line = JSON.parse(c.out()) as Record<string, unknown>;
    expect(line).toMatchObject({ kind: 'unrecognized', events: [], orderIds: ['8661234567800006'] });
    expect(line.reason).toMatch(
      /order 8661234567800006.*cannot read its wording.*record the event with a command/,
    );

    const h = capture();
    expect(await main(['parse', 'events/pl-unknown-language-fallback.eml'], h.io)).toBe(0);
    expect(h.out()).toContain('orders:   8661234567800006 (no event could be read)');
  });
});

describe('orderwatch parse (human)', () => {
  it('shows the fields a person checks against the mail: store, amount, dispute window', async () => {
    const c = capture();
    expect(await main(['parse', 'events/en-delivery-confirmed-15-days.eml'], c.io)).toBe(0);
    expect(c.out()).toContain(
      'event:    delivery_confirmed 8101234567800018 at 2026-02-16T07:22:10-08:00 (placedAt 2026-02-16T15:22, store Sample Gadget Store, amount 12.34 USD, disputeWindowDays 15)',
    );
  });

  it('prints a block per file with kind, user, events and reason', async () => {
    const c = capture();
    const code = await main(
      ['parse', 'forward/gmail-inline-text-en.eml', 'forward/forwarded-non-aliexpress.eml'],
      c.io,
    );
    expect(code).toBe(0);
    expect(c.out()).toContain(
      'forward/gmail-inline-text-en.eml\n  kind:     aliexpress\n  user:     max@example.org',
    );
    expect(c.out()).toMatch(/event: {4}shipped 8123456789012345 at 2026-01-05T10:21:00\+01:00/);
    expect(c.out()).toContain(
      'reason:   The forwarded mail is from shipment-tracking@amazon.de, not from AliExpress.',
    );
  });
});

describe('orderwatch parse command line', () => {
  it('--help prints usage and exits 0', async () => {
    const c = capture();
    expect(await main(['parse', '--help'], c.io)).toBe(0);
    expect(c.out()).toContain('Usage: orderwatch parse FILE... [--json]');
  });

  it('no files is a usage error (exit 2)', async () => {
    const c = capture();
    expect(await main(['parse', '--json'], c.io)).toBe(2);
    expect(c.err()).toContain('give at least one mail file');
    expect(c.out()).toBe('');
  });

  it('an unknown flag is a usage error (exit 2)', async () => {
    const c = capture();
    expect(await main(['parse', '--jsn', 'x.eml'], c.io)).toBe(2);
    expect(c.err()).toMatch(/--jsn/);
  });
});
