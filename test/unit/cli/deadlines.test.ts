import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../functions/cli/main';

const A = '8123456789012345';
const B = '3123456789012346';
const C = '1123456789012347';

async function run(argv: string[], input = '', cwd = process.cwd()) {
  let stdout = '';
  let stderr = '';
  const stdin = new PassThrough();
  stdin.end(input);
  const code = await main(argv, {
    stdin,
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd,
  });
  return { code, stdout, stderr };
}

/** One line as `orderwatch parse --json` prints it. */
function mailLine(events: object[], kind = 'aliexpress') {
  return JSON.stringify({
    file: 'x.eml',
    kind,
    user: 'me@example.com',
    language: 'en',
    events,
    forwardingConfirmation: null,
    command: null,
    reason: null,
  });
}

const ndjson = [
  // Order A and B confirmed in one mail; A shipped and is in transit; B never ships; C delivered.
  mailLine([
    {
      type: 'order_confirmed',
      orderIds: [A, B],
      occurredAt: '2026-01-01T10:00:00Z',
      placedAt: null,
      paymentMethod: 'card',
    },
  ]),
  mailLine([
    {
      type: 'shipped',
      orderIds: [A],
      occurredAt: '2026-01-05T10:00:00Z',
      source: { kind: 'mail', messageId: '<s@x>', language: 'en', evidence: 'verified' },
    },
  ]),
  '',
  JSON.stringify({
    type: 'in_transit',
    orderIds: [A],
    occurredAt: '2026-01-10T10:00:00Z',
    estimatedDelivery: '2026-02-01',
  }),
  mailLine([], 'ignored'),
  JSON.stringify({ type: 'shipped', orderIds: [C], occurredAt: '2026-01-06T10:00:00Z' }),
  JSON.stringify({ type: 'delivered', orderIds: [C], occurredAt: '2026-02-20T10:00:00Z' }),
  '',
].join('\n');

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'orderwatch-deadlines-'));
  writeFileSync(join(dir, 'mails.ndjson'), ndjson);
});

describe('orderwatch deadlines', () => {
  it('prints its usage with --help and exits 0', async () => {
    const { code, stdout } = await run(['deadlines', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: orderwatch deadlines [FILE|-] --now <ISO>');
    expect(stdout).toContain('--tz');
  });

  it('prints one JSON object with every order, its clocks, due alerts and next check', async () => {
    const { code, stdout, stderr } = await run(
      ['deadlines', 'mails.ndjson', '--now', '2026-02-28T10:00:00Z', '--json'],
      '',
      dir,
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.now).toBe('2026-02-28T10:00:00.000Z');
    expect(out.orders.map((o: { orderId: string }) => o.orderId)).toEqual([C, B, A]);
    const a = out.orders.find((o: { orderId: string }) => o.orderId === A);
    expect(a.status).toBe('in_transit');
    expect(a.clocks[0]).toEqual({
      clock: 'C1',
      endsAt: '2026-03-06T10:00:00.000Z',
      provenance: 'estimated',
      paused: false,
      rule: '60 days after shipped 2026-01-05 (default policy)',
    });
    // toMatchObject: fields may be added to the JSON, never taken away.
    expect(a.alerts).toMatchObject([
      {
        kind: 'protection-lapsing',
        urgency: 'urgent',
        deadline: '2026-03-06T10:00:00.000Z',
        sendAt: '2026-02-27T09:00:00.000Z',
        key: `${A}/protection-lapsing/2026-03-06T10:00:00.000Z/7d`,
      },
      {
        kind: 'late',
        urgency: 'action',
        deadline: '2026-02-02T00:00:00.000Z',
        sendAt: '2026-02-02T09:00:00.000Z',
        key: `${A}/late/2026-02-02T00:00:00.000Z`,
      },
    ]);
    expect(a.nextCheckAt).toBe('2026-03-03T09:00:00.000Z');
    const b = out.orders.find((o: { orderId: string }) => o.orderId === B);
    expect(b.alerts.map((x: { kind: string }) => x.kind)).toEqual(['not-shipped']);
    const c = out.orders.find((o: { orderId: string }) => o.orderId === C);
    expect(c.status).toBe('delivered');
    expect(c.alerts).toEqual([]);
    expect(c.nextCheckAt).toBe('2026-03-02T09:00:00.000Z');
  });

  it('prints a table with the most urgent order first, in the user zone', async () => {
    const { code, stdout } = await run(
      ['deadlines', '-', '--now', '2026-02-28T10:00:00Z', '--tz', 'Europe/Berlin'],
      ndjson,
    );
    expect(code).toBe(0);
    expect(stdout).toContain('Deadlines at 2026-02-28 11:00 UTC+1 (Europe/Berlin)');
    const order = [A, B, C].map((id) => stdout.indexOf(`Order ${id}`));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((x, y) => x - y));
    expect(stdout).toMatch(
      /Order 8123456789012345 {2}in_transit {2}2 alerts due\n {2}URGENT A3 protection-lapsing/,
    );
    expect(stdout).toMatch(/C1 purchase protection\s+ends 2026-03-06 11:00 UTC\+1\s+estimated/);
    expect(stdout).toContain('next check: 2026-03-03 09:00 UTC+1');
  });

  it('shows in the table what the alert mail will say: every reason, the estimate behind it, the advice', async () => {
    const { stdout } = await run(['deadlines', '-', '--now', '2026-02-28T10:00:00Z'], ndjson);
    const a = stdout.slice(
      stdout.indexOf(`Order ${A}`),
      stdout.indexOf('clocks:', stdout.indexOf(`Order ${A}`)),
    );
    expect(a).toContain('Purchase protection ends 2026-03-06 10:00 UTC (estimated: 60 days after shipped');
    expect(a).toContain('This date is an estimate. The order page shows "Refund if no delivery before …"');
    expect(a).toMatch(/advice: +Open the dispute now, or ask the seller to extend purchase protection/);
    expect(a).toContain('Attach a screenshot of the tracking page as evidence.');
  });

  it('gives the reasons and the advice in the JSON too', async () => {
    const { stdout } = await run(['deadlines', '--now', '2026-02-28T10:00:00Z', '--json'], ndjson);
    const a = JSON.parse(stdout).orders.find((o: { orderId: string }) => o.orderId === A);
    expect(a.alerts[0]).toMatchObject({ code: 'A3', clock: 'C1', provenance: 'estimated', step: '7d' });
    expect(a.alerts[0].reasons.join(' ')).toMatch(/This date is an estimate/);
    expect(a.alerts[0].advice[0]).toMatch(/^Open the dispute now/);
  });

  it('reads standard input when no FILE is given', async () => {
    const { code, stdout } = await run(['deadlines', '--now', '2026-02-28T10:00:00Z', '--json'], ndjson);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).orders).toHaveLength(3);
  });

  it('uses --tz for send hours', async () => {
    const { stdout } = await run(
      ['deadlines', '--now', '2026-02-28T10:00:00Z', '--json', '--tz', 'America/New_York'],
      ndjson,
    );
    const a = JSON.parse(stdout).orders.find((o: { orderId: string }) => o.orderId === A);
    expect(a.alerts[0].sendAt).toBe('2026-02-27T14:00:00.000Z');
  });

  it('applies a deployment policy from --policy: a longer protection moves C1 and its warnings', async () => {
    writeFileSync(join(dir, 'policy.json'), JSON.stringify({ protectionDays: 75, sendHour: 8 }));
    const argv = ['deadlines', 'mails.ndjson', '--now', '2026-02-28T10:00:00Z', '--json'];
    const byDefault = JSON.parse((await run(argv, '', dir)).stdout);
    const custom = await run([...argv, '--policy', 'policy.json'], '', dir);
    expect(custom.code).toBe(0);
    const c1 = (out: { orders: { orderId: string; clocks: { clock: string; endsAt: string }[] }[] }) =>
      out.orders.find((o) => o.orderId === A)?.clocks.find((c) => c.clock === 'C1')?.endsAt;
    expect(c1(byDefault)).toBe('2026-03-06T10:00:00.000Z');
    expect(c1(JSON.parse(custom.stdout))).toBe('2026-03-21T10:00:00.000Z');
  });

  it.each([
    ['{"protectionDays": -5}', /policy\.json: .*protectionDays/],
    ['{"protectionDayz": 75}', /policy\.json: unknown policy field "protectionDayz"/],
    ['not json', /policy\.json: not valid JSON/],
  ])('refuses the policy %s with a message naming the file, exit 2', async (content, message) => {
    writeFileSync(join(dir, 'policy.json'), content);
    const { code, stderr } = await run(
      ['deadlines', 'mails.ndjson', '--now', '2026-02-28T10:00:00Z', '--policy', 'policy.json'],
      '',
      dir,
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('leaves out events dated after --now, and says so', async () => {
    const { code, stdout, stderr } = await run(
      ['deadlines', '--now', '2026-01-07T00:00:00Z', '--json'],
      ndjson,
    );
    expect(code).toBe(0);
    expect(stderr).toContain('left out 2 event(s) dated after --now');
    const c = JSON.parse(stdout).orders.find((o: { orderId: string }) => o.orderId === C);
    expect(c.status).toBe('shipped');
  });

  it('reads a file saved with a byte order mark and CRLF line ends', async () => {
    const { code, stdout, stderr } = await run(
      ['deadlines', '--now', '2026-02-28T10:00:00Z', '--json'],
      `\uFEFF${ndjson.split('\n').join('\r\n')}`,
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).orders).toHaveLength(3);
  });

  it('prints an empty result for empty input', async () => {
    const { code, stdout } = await run(['deadlines', '--now', '2026-01-07T00:00:00Z'], '\n\n');
    expect(code).toBe(0);
    expect(stdout).toContain('No orders in the input.');
  });

  it.each([
    [
      'bad JSON',
      `${ndjson.split('\n').slice(0, 2).join('\n')}\n{"type": oops}\n`,
      /stdin line 3: not valid JSON/,
    ],
    [
      'an invalid bare event',
      `\n${JSON.stringify({ type: 'teleported', orderIds: [A], occurredAt: '2026-01-01T10:00:00Z' })}\n`,
      /stdin line 2: invalid event: "type" must be one of/,
    ],
    [
      'an invalid event inside a mail line',
      `${mailLine([
        { type: 'shipped', orderIds: [A], occurredAt: '2026-01-01T10:00:00Z' },
        { type: 'shipped', orderIds: ['12'], occurredAt: '2026-01-01T10:00:00Z' },
      ])}\n`,
      /stdin line 1: event 2 invalid event: "orderIds.0" holds "12"/,
    ],
    [
      'an impossible placed date',
      `${JSON.stringify({ type: 'order_confirmed', orderIds: [A], occurredAt: '2026-01-01T10:00:00Z', placedAt: '2026-13-40T10:00' })}\n`,
      /stdin line 1: invalid event: "placedAt" must be an ISO date-time/,
    ],
    [
      '"events" that is not a list',
      `${JSON.stringify({ file: 'x', events: 'none' })}\n`,
      /stdin line 1: "events" must be an array/,
    ],
  ])('rejects %s naming the line, exit 2', async (_name, input, message) => {
    const { code, stderr, stdout } = await run(['deadlines', '--now', '2026-02-28T10:00:00Z'], input);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stdout).toBe('');
  });

  it('names the file in input errors', async () => {
    writeFileSync(join(dir, 'bad.ndjson'), `${ndjson}not json\n`);
    const { code, stderr } = await run(['deadlines', 'bad.ndjson', '--now', '2026-02-28T10:00:00Z'], '', dir);
    expect(code).toBe(2);
    expect(stderr).toContain('bad.ndjson line 8: not valid JSON');
  });

  it.each([
    ['a missing --now', ['deadlines', 'mails.ndjson'], /--now <ISO instant> is required/],
    [
      'a --now without offset',
      ['deadlines', '--now', '2026-03-01T10:00:00'],
      /--now must be an ISO instant with offset/,
    ],
    ['a --now that is a date', ['deadlines', '--now', '2026-03-01'], /--now must be an ISO instant/],
    [
      'an unknown --tz',
      ['deadlines', '--now', '2026-03-01T10:00:00Z', '--tz', 'Mars/Olympus'],
      /--tz: unknown time zone "Mars\/Olympus"/,
    ],
    [
      'an unknown option',
      ['deadlines', '--now', '2026-03-01T10:00:00Z', '--frobnicate'],
      /Unknown option '--frobnicate'/,
    ],
    ['two files', ['deadlines', 'a', 'b', '--now', '2026-03-01T10:00:00Z'], /at most one FILE/],
  ])('rejects %s with the usage, exit 2', async (_name, argv, message) => {
    const { code, stderr } = await run(argv, '', dir);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).toContain('usage: orderwatch deadlines');
  });

  it('says which file it cannot read, exit 2', async () => {
    const { code, stderr } = await run(
      ['deadlines', 'missing.ndjson', '--now', '2026-03-01T10:00:00Z'],
      '',
      dir,
    );
    expect(code).toBe(2);
    expect(stderr).toContain('cannot read missing.ndjson (ENOENT)');
  });
});
