import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, COMMAND_SPECS, parseCommand } from '../../../functions/core/commands/index';
import {
  type DoneCommand,
  renderCommandReply,
  type UserSettings,
} from '../../../functions/core/render/index';
import { evaluateOrder } from '../../../functions/core/rules/index';
import { A, B, C, ev, expectSafeHtml, HOSTILE } from './helpers';

const now = '2026-10-20T09:00:00Z';
const ctx = { timeZone: 'Europe/Berlin', now, knownOrderIds: [A, B, C] };
const settings: UserSettings = { timeZone: 'Europe/Berlin', acks: 'new', stopped: false };

describe('help', () => {
  it('lists every command with its form and an example', () => {
    const mail = renderCommandReply({ kind: 'help', topic: null }, ctx);
    expect(mail.subject).toBe('orderwatch commands');
    for (const name of COMMAND_NAMES) {
      expect(mail.text).toContain(COMMAND_SPECS[name].usage);
      expect(mail.text).toContain(`Example: \`${COMMAND_SPECS[name].example}\``);
    }
    expect(mail).toMatchObject({
      purpose: 'command-reply',
      autoSubmitted: 'auto-replied',
      inReplyToUser: true,
    });
  });

  it('on one command, shows that one', () => {
    const mail = renderCommandReply({ kind: 'help', topic: 'extend' }, ctx);
    expect(mail.text).toContain('extend <order> <days|date>');
    expect(mail.text).not.toContain('refund <order>');
  });
});

describe('status', () => {
  // A shipped 5 Oct (protection ends ~4 Dec); B shipped 1 Oct from a hostile store (~30 Nov); C refunded.
  const a = evaluateOrder([ev('shipped', '2026-10-05T08:00:00Z')], { now, timeZone: 'Europe/Berlin' });
  const b = evaluateOrder([ev('shipped', '2026-10-01T08:00:00Z', { orderIds: [B], store: HOSTILE })], {
    now,
    timeZone: 'Europe/Berlin',
  });
  const c = evaluateOrder(
    [
      ev('shipped', '2026-09-01T08:00:00Z', { orderIds: [C] }),
      ev('refund_received', '2026-09-20T08:00:00Z', { orderIds: [C] }),
    ],
    { now, timeZone: 'Europe/Berlin' },
  );

  it('lists every open order with its deadlines, soonest first', () => {
    const mail = renderCommandReply(
      { kind: 'status', orders: [a, b, c], mutedOrderIds: new Set([A]), settings },
      ctx,
    );
    expect(mail.subject).toBe('Your orders: 2 open');
    const first = mail.text.indexOf('Order …4444');
    const second = mail.text.indexOf('Order …0979');
    expect(first).toBeGreaterThanOrEqual(0);
    expect(second).toBeGreaterThan(first);
    expect(mail.text).toContain('- purchase protection ends about Mon 30 Nov (estimated)');
    expect(mail.text).toContain('- purchase protection ends about Fri 4 Dec (estimated)');
    expect(mail.text).toContain('Status: shipped; muted: no alerts');
    expect(mail.text).toContain(
      "Next: purchase protection ends about Mon 30 Nov (estimated), we'll warn you from Mon 23 Nov.",
    );
    expect(mail.text).toContain('1 finished order is not shown.');
    expect(mail.text).toContain('Time zone Europe/Berlin; acknowledgements: new; alerts on.');
    expect(mail.text).not.toContain('…5555');
    expect(mail.html).not.toContain('<script>');
    expectSafeHtml(mail.html, expect);
  });

  it('with nothing open, says so', () => {
    const mail = renderCommandReply({ kind: 'status', orders: [c], mutedOrderIds: new Set(), settings }, ctx);
    expect(mail.subject).toBe('Your orders: 0 open');
    expect(mail.text).toContain('No open orders.');
  });
});

function parsed(line: string): DoneCommand {
  const result = parseCommand(line, { now, timeZone: 'Europe/Berlin', knownOrderIds: [A, B, C] });
  if (!result.ok) throw new Error(result.error.message);
  const command = result.command;
  if (command.kind === 'help' || command.kind === 'status' || command.kind.startsWith('delete')) {
    throw new Error('not a done command');
  }
  return command as DoneCommand;
}

describe('each command is confirmed', () => {
  it.each([
    ['received 0979', 'Recorded: order …0979 received today.', 'Recorded: order …0979 received'],
    [
      'received 0979 4.10.2026',
      'Recorded: order …0979 received Sun 4 Oct.',
      'Recorded: order …0979 received',
    ],
    [
      'dispute 0979',
      'Recorded: dispute opened for order …0979 today.',
      'Recorded: dispute opened for order …0979',
    ],
    [
      'refund 0979 card',
      'Recorded: AliExpress approved the refund for order …0979 today (card). Reply `refunded 0979` when the money has arrived.',
      'Recorded: refund approved for order …0979',
    ],
    [
      'refunded 0979',
      'Recorded: the refund for order …0979 arrived today.',
      'Recorded: refund for order …0979 arrived',
    ],
    ['paid 0979 1.10.2026', 'Recorded: order …0979 paid Thu 1 Oct.', 'Recorded: order …0979 paid'],
    ['delivered 0979', 'Recorded: order …0979 delivered today.', 'Recorded: order …0979 delivered'],
    ['closed 0979', 'Recorded: order …0979 closed by AliExpress today.', 'Recorded: order …0979 closed'],
    ['cancelled 0979', 'Recorded: order …0979 cancelled today.', 'Recorded: order …0979 cancelled'],
    [
      'answered 0979',
      'Recorded: the seller answered the dispute for order …0979 today.',
      'Recorded: seller answered for order …0979',
    ],
    [
      'escalated 0979',
      'Recorded: dispute for order …0979 escalated today.',
      'Recorded: dispute for order …0979 escalated',
    ],
    [
      'negotiation 0979 20.10.2026',
      'Recorded: the negotiation for the dispute of order …0979 finishes Tue 20 Oct.',
      'Recorded: negotiation end for order …0979',
    ],
    [
      'withdrawn 0979',
      'Recorded: dispute for order …0979 withdrawn today.',
      'Recorded: dispute for order …0979 withdrawn',
    ],
    [
      'resolved 0979 partial',
      'Recorded: the dispute for order …0979 closed today, partly won.',
      'Recorded: dispute for order …0979 closed',
    ],
    [
      'protection 0979 4 Dec',
      'Recorded: protection for order …0979 ends Fri 4 Dec.',
      'Recorded: protection end of order …0979',
    ],
    [
      'extend 0979 15',
      'Recorded: protection for order …0979 extended by 15 days.',
      'Recorded: protection of order …0979 extended',
    ],
    [
      'extend 0979 20.12.2026',
      'Recorded: protection for order …0979 extended to Sun 20 Dec.',
      'Recorded: protection of order …0979 extended',
    ],
    [
      'mute 0979',
      'Muted order …0979: no more alerts for it. Reply `unmute 0979` to undo.',
      'Muted order …0979',
    ],
    ['unmute 0979', 'Order …0979 is no longer muted', 'Unmuted order …0979'],
    [
      'tz America/Los_Angeles',
      'Your time zone is now America/Los_Angeles',
      'Time zone set to America/Los_Angeles',
    ],
    ['acks none', 'You now get no acknowledgements', 'Acknowledgements: none'],
    ['stop', 'orderwatch has stopped', 'orderwatch stopped'],
    ['start', 'orderwatch is on again', 'orderwatch started again'],
  ])('%s', (line, expected, subject) => {
    const mail = renderCommandReply({ kind: 'done', command: parsed(line) }, ctx);
    expect(mail.text).toContain(expected);
    expect(mail.subject).toBe(subject);
  });

  it('shows a typed date as that day even where noon UTC is already tomorrow', () => {
    const mail = renderCommandReply(
      { kind: 'done', command: parsed('protection 0979 4 Dec') },
      { ...ctx, timeZone: 'Pacific/Kiritimati' },
    );
    expect(mail.text).toContain('ends Fri 4 Dec.');
  });

  it('after a fact, says what comes next; a new order is called new', () => {
    const evaluation = evaluateOrder(
      [
        ev('shipped', '2026-10-05T08:00:00Z', { orderIds: ['8123456789099999'] }),
        ev('protection_stated', now, { orderIds: ['8123456789099999'], protectionEndsAt: '2026-12-20' }),
      ],
      { now, timeZone: 'Europe/Berlin' },
    );
    const mail = renderCommandReply(
      { kind: 'done', command: parsed('protection 8123456789099999 20.12.2026'), evaluation },
      ctx,
    );
    expect(mail.text).toContain('orderwatch had no mail for this order yet');
    expect(mail.text).toContain('Order …9999: purchase protection ends Sat 19 Dec, we');
  });
});

describe('each error says what was wrong and shows the right form', () => {
  it.each([
    [
      'received 0979 31.2.2026',
      'is not a day in the calendar',
      'received <order> [date]',
      'received 0979 4.3.2026',
    ],
    ['dispute 7777', 'None of your orders ends in 7777', 'dispute <order> [date]', 'dispute 0979'],
    [
      'refund 0979 paypal',
      'use card, alipay or other',
      'refund <order> [card|alipay|other] [date]',
      'refund 0979 card',
    ],
    [
      'resolved 0979 maybe',
      'use won (full refund), partial or lost',
      'resolved <order> won|partial|lost [date]',
      'resolved 0979 won',
    ],
    ['protection 0979', 'needs a date', 'protection <order> <date>', 'protection 0979 4 Dec 2026'],
    ['extend 0979 soon', 'neither a number of days', 'extend <order> <days|date>', 'extend 0979 15'],
    ['mute', 'Which order?', 'mute <order>', 'mute 0979'],
    ['unmute 12', 'not an order number', 'unmute <order>', 'unmute 0979'],
    ['tz Mars/Olympus', 'IANA name', 'tz <IANA time zone>', 'tz Europe/Berlin'],
    ['acks some', 'use all, new or none', 'acks all|new|none', 'acks new'],
    ['delete 0979', 'not a confirmation code', 'delete [token]', 'delete'],
  ])('%s', (line, problem, usage, example) => {
    const result = parseCommand(line, { now, timeZone: 'Europe/Berlin', knownOrderIds: [A, B, C] });
    if (result.ok) throw new Error('parsed');
    const mail = renderCommandReply({ kind: 'error', error: result.error }, ctx);
    expect(mail.subject).toBe(`Not understood: ${usage}`);
    expect(mail.text).toContain(problem);
    expect(mail.text).toContain(`The right form:\n\n    ${usage}`);
    expect(mail.text).toContain(`Example:\n\n    ${example}`);
    expect(mail.text).toContain('Reply `help`');
  });

  it('an unknown command points to help, and a hostile word is escaped', () => {
    const result = parseCommand('<b>frob</b> 0979', { now, timeZone: 'UTC', knownOrderIds: [] });
    if (result.ok) throw new Error('parsed');
    const mail = renderCommandReply({ kind: 'error', error: result.error }, ctx);
    expect(mail.subject).toBe('Not understood');
    expect(mail.html).toContain('&lt;b&gt;frob&lt;/b&gt;');
    expect(mail.html).not.toContain('<b>frob');
  });
});

describe('delete round-trip', () => {
  it('asks for confirmation with the token', () => {
    const mail = renderCommandReply(
      { kind: 'delete-confirmation', token: 'K7Q29XMD', validForHours: 24 },
      ctx,
    );
    expect(mail.subject).toBe('Confirm: delete everything orderwatch holds for you');
    expect(mail.text).toContain('reply within 24 hours');
    expect(mail.text).toContain('    delete K7Q29XMD');
    expect(mail.text).toContain('cannot be undone');
  });

  it.each([
    ['no-request', 'no delete request'],
    ['expired', 'has expired'],
    ['mismatch', 'does not match'],
  ] as const)('refuses: %s', (reason, text) => {
    const mail = renderCommandReply({ kind: 'delete-refused', reason }, ctx);
    expect(mail.subject).toBe('Nothing deleted');
    expect(mail.text).toContain(text);
  });

  it('confirms the deletion', () => {
    const mail = renderCommandReply({ kind: 'deleted' }, ctx);
    expect(mail.subject).toBe('orderwatch deleted everything it held for you');
    expect(mail.text).toContain('erased');
  });
});
