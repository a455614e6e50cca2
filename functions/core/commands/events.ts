/**
 * A fact command as events for the order's log, in the same shape the mail reader produces, so the rules
 * engine cannot tell (and need not care) whether a fact came from a mail or from the user.
 */
import type { OrderEvent } from '../events';
import { startOfDayIn } from './dates';
import type { FactCommand, ParsedCommand } from './types';

export interface CommandEventContext {
  /** The current instant (ISO with offset): when a fact without a date happened. */
  readonly now: string;
  /** The user's IANA zone: a typed date is that day in this zone. */
  readonly timeZone: string;
  /** The command mail's Message-ID, so the event log can point back at it. */
  readonly messageId: string | null;
}

export function isFactCommand(command: ParsedCommand): command is FactCommand {
  return (
    command.kind === 'received' ||
    command.kind === 'dispute' ||
    command.kind === 'refund' ||
    command.kind === 'protection' ||
    command.kind === 'extend'
  );
}

/**
 * The events a command records; none for commands that change settings rather than facts.
 * `occurredAt` is the typed date's first instant in the user's zone (the earliest it can mean for them),
 * or `now`; a stated end (`protection`, `extend` to a date) stays a bare date, which the engine reads
 * conservatively.
 */
export function commandEvents(command: ParsedCommand, ctx: CommandEventContext): OrderEvent[] {
  if (!isFactCommand(command)) return [];
  const base = {
    orderIds: [command.order.orderId],
    source: { kind: 'command', messageId: ctx.messageId },
  } as const;
  const at = (date: string | null) => (date === null ? ctx.now : startOfDayIn(date, ctx.timeZone));
  switch (command.kind) {
    case 'received':
      return [{ ...base, type: 'receipt_confirmed', occurredAt: at(command.date) }];
    case 'dispute':
      return [{ ...base, type: 'dispute_opened', occurredAt: at(command.date) }];
    case 'refund':
      return [
        {
          ...base,
          type: 'refund_received',
          occurredAt: ctx.now,
          ...(command.paymentMethod === null ? {} : { paymentMethod: command.paymentMethod }),
        },
      ];
    case 'protection':
      return [{ ...base, type: 'protection_stated', occurredAt: ctx.now, protectionEndsAt: command.endsOn }];
    case 'extend':
      return [
        {
          ...base,
          type: 'protection_extended',
          occurredAt: ctx.now,
          ...(command.extension.by === 'days'
            ? { extensionDays: command.extension.days }
            : { protectionEndsAt: command.extension.endsOn }),
        },
      ];
  }
}
