/**
 * Each command's form and an example, and the English wording of what can be wrong with a command line.
 * The forms are syntax (the command words are English in every language); the problem wording is the one
 * English table of this module, used for `CommandError.message`. The mails render problems from their own
 * per-language tables (render/strings), from `CommandError.problem`.
 */
import type { CommandName, CommandProblem } from './types';

export interface CommandSpec {
  readonly usage: string;
  readonly example: string;
}

export const COMMAND_SPECS: Readonly<Record<CommandName, CommandSpec>> = {
  help: { usage: 'help [command]', example: 'help extend' },
  status: { usage: 'status [order]', example: 'status' },
  paid: { usage: 'paid <order> [date]', example: 'paid 0979 1.3.2026' },
  delivered: { usage: 'delivered <order> [date]', example: 'delivered 0979' },
  received: { usage: 'received <order> [date]', example: 'received 0979 4.3.2026' },
  closed: { usage: 'closed <order> [date]', example: 'closed 0979' },
  cancelled: { usage: 'cancelled <order> [date]', example: 'cancelled 0979' },
  dispute: { usage: 'dispute <order> [date]', example: 'dispute 0979' },
  answered: { usage: 'answered <order> [date]', example: 'answered 0979' },
  escalated: { usage: 'escalated <order> [date]', example: 'escalated 0979 4.3.2026' },
  negotiation: { usage: 'negotiation <order> <date>', example: 'negotiation 0979 20.3.2026' },
  withdrawn: { usage: 'withdrawn <order> [date]', example: 'withdrawn 0979' },
  resolved: { usage: 'resolved <order> won|partial|lost [date]', example: 'resolved 0979 won' },
  refund: { usage: 'refund <order> [card|alipay|other] [date]', example: 'refund 0979 card' },
  refunded: { usage: 'refunded <order> [date]', example: 'refunded 0979' },
  protection: { usage: 'protection <order> <date>', example: 'protection 0979 4 Dec 2026' },
  extend: { usage: 'extend <order> <days|date>', example: 'extend 0979 15' },
  mute: { usage: 'mute <order>', example: 'mute 0979' },
  unmute: { usage: 'unmute <order>', example: 'unmute 0979' },
  tz: { usage: 'tz <IANA time zone>', example: 'tz Europe/Berlin' },
  acks: { usage: 'acks all|new|none', example: 'acks new' },
  stop: { usage: 'stop', example: 'stop' },
  start: { usage: 'start', example: 'start' },
  delete: { usage: 'delete [token]', example: 'delete' },
};

/**
 * Words that mean a command: the one list. The mail reader (mail/kinds/command.ts) recognises exactly
 * these as command lines, and the grammar maps each to its command. Letters only (the reader takes the
 * leading letters of a line as its word). German words are the ones users were seen to type.
 */
export const COMMAND_ALIASES: Readonly<Record<string, CommandName>> = {
  help: 'help',
  hilfe: 'help',
  status: 'status',
  list: 'status',
  paid: 'paid',
  delivered: 'delivered',
  received: 'received',
  closed: 'closed',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  dispute: 'dispute',
  answered: 'answered',
  escalated: 'escalated',
  escalate: 'escalated',
  negotiation: 'negotiation',
  withdrawn: 'withdrawn',
  withdraw: 'withdrawn',
  resolved: 'resolved',
  refund: 'refund',
  refunded: 'refunded',
  protection: 'protection',
  extend: 'extend',
  extended: 'extend',
  mute: 'mute',
  stumm: 'mute',
  unmute: 'unmute',
  laut: 'unmute',
  tz: 'tz',
  timezone: 'tz',
  acks: 'acks',
  stop: 'stop',
  start: 'start',
  delete: 'delete',
  forget: 'delete',
};

const list = (ids: readonly string[]) => ids.join(', ');

export function problemMessage(problem: CommandProblem): string {
  switch (problem.kind) {
    case 'not-a-command':
      return `"${problem.word}" is not an orderwatch command.`;
    case 'missing-order':
      return 'Which order? Name it by its number or its last 4 digits.';
    case 'bad-order':
      return `"${problem.text}" is not an order number: use the full number or at least its last 4 digits.`;
    case 'unknown-order':
      return `None of your orders ends in ${problem.text}.`;
    case 'ambiguous-order':
      return `Several of your orders end in ${problem.text} (${list(problem.candidates)}): type more digits.`;
    case 'missing-date':
      return 'This command needs a date.';
    case 'bad-date':
      return `"${problem.text}" is not a date orderwatch can read: write it like 2026-03-04, 4.3.2026 or 4 Mar 2026.`;
    case 'no-such-date':
      return `"${problem.text}" is not a day in the calendar.`;
    case 'future-date':
      return `${problem.date} is in the future: this records something that has already happened.`;
    case 'bad-payment-method':
      return `"${problem.text}" is not a payment method orderwatch knows: use card, alipay or other.`;
    case 'missing-outcome':
      return 'How did the dispute end? Say won, partial or lost.';
    case 'bad-outcome':
      return `"${problem.text}" is not a dispute outcome: use won (full refund), partial or lost.`;
    case 'bad-extension':
      return `"${problem.text}" is neither a number of days (1–365) nor a date.`;
    case 'missing-time-zone':
      return 'Which time zone? Use an IANA name such as Europe/Berlin or America/New_York.';
    case 'bad-time-zone':
      return `"${problem.text}" is not a time zone orderwatch knows: use an IANA name such as Europe/Berlin.`;
    case 'bad-ack-mode':
      return `"${problem.text}" is not a choice here: use all, new or none.`;
    case 'bad-delete-token':
      return `"${problem.text}" is not a confirmation code: send "delete" alone to get one.`;
    case 'unexpected-text':
      return `orderwatch did not expect "${problem.text}" here.`;
  }
}
