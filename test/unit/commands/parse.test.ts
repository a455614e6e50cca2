import { describe, expect, it } from 'vitest';
import {
  type CommandProblem,
  type ParseContext,
  type ParsedCommand,
  parseCommand,
} from '../../../functions/core/commands/index';

const A = '8123456789010979';
const B = '8123456789011234';
const C = '3123456789021234';
const ctx: ParseContext = {
  now: '2026-03-10T12:00:00Z',
  timeZone: 'Europe/Berlin',
  knownOrderIds: [A, B, C],
};
const known = (orderId: string) => ({ orderId, known: true });

const good: [string, ParsedCommand][] = [
  ['help', { kind: 'help', topic: null }],
  ['HELP extend', { kind: 'help', topic: 'extend' }],
  ['hilfe', { kind: 'help', topic: null }],
  // Only the table's own words: an inherited property name is no command and no topic.
  ['help constructor', { kind: 'help', topic: null }],
  ['status', { kind: 'status', order: null }],
  ['Re: Status please', { kind: 'status', order: null }],
  ['status 0979', { kind: 'status', order: known(A) }],
  ['received 0979', { kind: 'received', order: known(A), date: null }],
  ['received 0979 4.3.2026', { kind: 'received', order: known(A), date: '2026-03-04' }],
  ['Received …0979 04/03/2026', { kind: 'received', order: known(A), date: '2026-03-04' }],
  ['delivered 0979 2026-03-04', { kind: 'delivered', order: known(A), date: '2026-03-04' }],
  ['received 0979 4 Mar', { kind: 'received', order: known(A), date: '2026-03-04' }],
  // "10 Dec" without a year, for something that happened: last December, not the coming one.
  ['received 0979 10 Dec', { kind: 'received', order: known(A), date: '2025-12-10' }],
  ['received 0979 yesterday', { kind: 'received', order: known(A), date: '2026-03-09' }],
  ['dispute 0979', { kind: 'dispute', order: known(A), date: null }],
  ['`dispute 0979`', { kind: 'dispute', order: known(A), date: null }],
  ['dispute 11234 4 March', { kind: 'dispute', order: known(B), date: '2026-03-04' }],
  ['paid 0979 1.3.2026', { kind: 'paid', order: known(A), date: '2026-03-01' }],
  ['closed 0979', { kind: 'closed', order: known(A), date: null }],
  ['cancelled 0979 yesterday', { kind: 'cancelled', order: known(A), date: '2026-03-09' }],
  ['canceled 0979', { kind: 'cancelled', order: known(A), date: null }],
  ['answered 0979', { kind: 'answered', order: known(A), date: null }],
  ['escalated 0979 8.3.2026', { kind: 'escalated', order: known(A), date: '2026-03-08' }],
  ['escalate 0979', { kind: 'escalated', order: known(A), date: null }],
  // AliExpress's stated date lies ahead: the nearest 20 March is this one.
  ['negotiation 0979 20.3.', { kind: 'negotiation', order: known(A), endsOn: '2026-03-20' }],
  ['withdrawn 0979', { kind: 'withdrawn', order: known(A), date: null }],
  ['withdraw 0979 9.3.2026', { kind: 'withdrawn', order: known(A), date: '2026-03-09' }],
  ['resolved 0979 won', { kind: 'resolved', order: known(A), outcome: 'won', date: null }],
  [
    'resolved 0979 Partial 9 Mar',
    { kind: 'resolved', order: known(A), outcome: 'partial', date: '2026-03-09' },
  ],
  ['resolved 0979 lost', { kind: 'resolved', order: known(A), outcome: 'lost', date: null }],
  ['refund 0979', { kind: 'refund', order: known(A), paymentMethod: null, date: null }],
  ['refund 0979 Card', { kind: 'refund', order: known(A), paymentMethod: 'card', date: null }],
  ['refund 0979 alipay', { kind: 'refund', order: known(A), paymentMethod: 'alipay', date: null }],
  ['refund #0979 other', { kind: 'refund', order: known(A), paymentMethod: 'other', date: null }],
  [
    'refund 0979 card 8.3.2026',
    { kind: 'refund', order: known(A), paymentMethod: 'card', date: '2026-03-08' },
  ],
  ['refund 0979 yesterday', { kind: 'refund', order: known(A), paymentMethod: null, date: '2026-03-09' }],
  ['refunded 0979', { kind: 'refunded', order: known(A), date: null }],
  ['refunded 0979 9.3.2026', { kind: 'refunded', order: known(A), date: '2026-03-09' }],
  ['protection 0979 4 Dec 2026', { kind: 'protection', order: known(A), endsOn: '2026-12-04' }],
  ['protection 0979 Apr 20', { kind: 'protection', order: known(A), endsOn: '2026-04-20' }],
  // A deadline without a year: the nearest occurrence, here a past one (the stated end was last week).
  ['protection 0979 3.3.', { kind: 'protection', order: known(A), endsOn: '2026-03-03' }],
  ['extend 0979 15', { kind: 'extend', order: known(A), extension: { by: 'days', days: 15 } }],
  ['extend 0979 15 days', { kind: 'extend', order: known(A), extension: { by: 'days', days: 15 } }],
  [
    'extend 0979 20.4.2026',
    { kind: 'extend', order: known(A), extension: { by: 'date', endsOn: '2026-04-20' } },
  ],
  ['mute 0979', { kind: 'mute', order: known(A) }],
  ['unmute 0979', { kind: 'unmute', order: known(A) }],
  ['tz Europe/Berlin', { kind: 'tz', timeZone: 'Europe/Berlin' }],
  ['TZ america/los_angeles', { kind: 'tz', timeZone: 'America/Los_Angeles' }],
  ['timezone UTC', { kind: 'tz', timeZone: 'UTC' }],
  ['acks all', { kind: 'acks', mode: 'all' }],
  ['acks NEW', { kind: 'acks', mode: 'new' }],
  ['acks none', { kind: 'acks', mode: 'none' }],
  ['stop', { kind: 'stop' }],
  ['Stop sending me mail', { kind: 'stop' }],
  ['start', { kind: 'start' }],
  ['delete', { kind: 'delete-request' }],
  ['delete k7q2-9xmd', { kind: 'delete-confirm', token: 'K7Q29XMD' }],
];

describe('parseCommand: every command', () => {
  it.each(good)('%s', (line, expected) => {
    const result = parseCommand(line, ctx);
    expect(result).toEqual({ ok: true, command: expected });
  });

  it('takes a full order number it has never seen (the first fact about that order)', () => {
    const result = parseCommand('dispute 8123456789099999', ctx);
    expect(result).toEqual({
      ok: true,
      command: { kind: 'dispute', order: { orderId: '8123456789099999', known: false }, date: null },
    });
  });
});

const bad: [string, CommandProblem['kind'], string | null][] = [
  ['frobnicate 0979', 'not-a-command', null],
  ['constructor', 'not-a-command', null],
  ['received 0979 4 constructor 2026', 'bad-date', 'received <order> [date]'],
  ['status 12', 'bad-order', 'status [order]'],
  ['received', 'missing-order', 'received <order> [date]'],
  ['received 0979 31.2.2026', 'no-such-date', 'received <order> [date]'],
  ['received 0979 next week', 'bad-date', 'received <order> [date]'],
  ['received 0979 20.3.2026', 'future-date', 'received <order> [date]'],
  ['dispute 1234', 'ambiguous-order', 'dispute <order> [date]'],
  ['dispute 7777', 'unknown-order', 'dispute <order> [date]'],
  ['refund 0979 paypal', 'bad-payment-method', 'refund <order> [card|alipay|other] [date]'],
  ['refund 0979 card now', 'bad-date', 'refund <order> [card|alipay|other] [date]'],
  ['refund 0979 card 20.3.2026', 'future-date', 'refund <order> [card|alipay|other] [date]'],
  ['refund', 'missing-order', 'refund <order> [card|alipay|other] [date]'],
  ['refunded 0979 soon', 'bad-date', 'refunded <order> [date]'],
  ['paid', 'missing-order', 'paid <order> [date]'],
  ['delivered 0979 20.3.2026', 'future-date', 'delivered <order> [date]'],
  ['closed 7777', 'unknown-order', 'closed <order> [date]'],
  ['cancelled 0979 someday', 'bad-date', 'cancelled <order> [date]'],
  ['answered x', 'bad-order', 'answered <order> [date]'],
  ['escalated 0979 31.2.2026', 'no-such-date', 'escalated <order> [date]'],
  ['negotiation 0979', 'missing-date', 'negotiation <order> <date>'],
  ['negotiation 0979 next friday', 'bad-date', 'negotiation <order> <date>'],
  ['withdrawn', 'missing-order', 'withdrawn <order> [date]'],
  ['resolved 0979', 'missing-outcome', 'resolved <order> won|partial|lost [date]'],
  ['resolved 0979 maybe', 'bad-outcome', 'resolved <order> won|partial|lost [date]'],
  ['resolved 0979 won tomorrow', 'bad-date', 'resolved <order> won|partial|lost [date]'],
  ['protection 0979', 'missing-date', 'protection <order> <date>'],
  ['protection 0979 4 Foo 2026', 'bad-date', 'protection <order> <date>'],
  ['extend 0979', 'bad-extension', 'extend <order> <days|date>'],
  ['extend 0979 999', 'bad-extension', 'extend <order> <days|date>'],
  ['extend 0979 soon', 'bad-extension', 'extend <order> <days|date>'],
  ['mute', 'missing-order', 'mute <order>'],
  ['mute 0979 1234', 'unexpected-text', 'mute <order>'],
  ['unmute abc', 'bad-order', 'unmute <order>'],
  ['tz', 'missing-time-zone', 'tz <IANA time zone>'],
  ['tz Mars/Olympus', 'bad-time-zone', 'tz <IANA time zone>'],
  ['tz +01:00', 'bad-time-zone', 'tz <IANA time zone>'],
  ['acks some', 'bad-ack-mode', 'acks all|new|none'],
  ['acks', 'bad-ack-mode', 'acks all|new|none'],
  ['delete 0979', 'bad-delete-token', 'delete [token]'],
];

describe('parseCommand: a wrong form of each says what was wrong and shows the right form', () => {
  it.each(bad)('%s → %s', (line, problem, usage) => {
    const result = parseCommand(line, ctx);
    if (result.ok) throw new Error(`parsed: ${JSON.stringify(result.command)}`);
    expect(result.error.problem.kind).toBe(problem);
    expect(result.error.usage).toBe(usage);
    if (usage !== null) {
      expect(result.error.message).toContain(`The form is: ${usage}`);
      expect(result.error.message).toContain('for example:');
    } else {
      expect(result.error.message).toContain('help');
    }
  });

  it('names the candidates of an ambiguous suffix', () => {
    const result = parseCommand('dispute 1234', ctx);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.problem).toEqual({ kind: 'ambiguous-order', text: '1234', candidates: [C, B] });
    expect(result.error.message).toContain(B);
    expect(result.error.message).toContain(C);
  });

  it('names the problem of an unknown suffix', () => {
    const result = parseCommand('mute 7777', ctx);
    expect(!result.ok && result.error.message).toMatch(/None of your orders ends in 7777/);
  });
});

describe('dates near the turn of the year', () => {
  const january: ParseContext = { ...ctx, now: '2026-01-02T10:00:00Z' };
  it('a past fact without a year is last year when the day has not come yet', () => {
    const result = parseCommand('received 0979 28 Dec', january);
    expect(result.ok && result.command).toMatchObject({ date: '2025-12-28' });
  });
  it('a deadline without a year is the nearest one', () => {
    expect(parseCommand('protection 0979 28.12.', january)).toMatchObject({
      command: { endsOn: '2025-12-28' },
    });
    expect(parseCommand('protection 0979 20 Feb', january)).toMatchObject({
      command: { endsOn: '2026-02-20' },
    });
  });
  it('"today" is the day in the user zone, not in UTC', () => {
    const lateEvening: ParseContext = { ...ctx, now: '2026-03-10T23:30:00Z' };
    expect(parseCommand('received 0979 today', lateEvening)).toMatchObject({
      command: { date: '2026-03-11' },
    });
    expect(parseCommand('received 0979 today', { ...lateEvening, timeZone: 'UTC' })).toMatchObject({
      command: { date: '2026-03-10' },
    });
  });
});
