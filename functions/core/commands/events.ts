/**
 * A fact command as events for the order's log, in the same shape the mail reader produces, so the rules
 * engine cannot tell (and need not care) whether a fact came from a mail or from the user.
 */
import type { EventType, OrderEvent } from '../events';
import { startOfDayIn } from './dates';
import { DATED_FACT_KINDS, type DatedFactKind, type FactCommand, type ParsedCommand } from './types';

/**
 * The one event each `<word> <order> [date]` command records. `refund` (below) is the approval, which
 * starts C8; `refunded` is the money arriving, which ends it.
 */
export const DATED_FACT_EVENTS = {
  paid: 'payment_confirmed',
  delivered: 'delivered',
  received: 'receipt_confirmed',
  closed: 'order_closed',
  cancelled: 'order_cancelled',
  dispute: 'dispute_opened',
  answered: 'seller_responded',
  escalated: 'dispute_escalated',
  withdrawn: 'dispute_cancelled',
  refunded: 'refund_received',
} as const satisfies Record<DatedFactKind, EventType>;

/** The event type each fact command records (for help texts, docs and the cross-checks). */
export const FACT_COMMAND_EVENTS = {
  ...DATED_FACT_EVENTS,
  negotiation: 'negotiation_deadline',
  resolved: 'dispute_closed',
  refund: 'refund_issued',
  protection: 'protection_stated',
  extend: 'protection_extended',
} as const satisfies Record<FactCommand['kind'], EventType>;

export interface CommandEventContext {
  /** The current instant (ISO with offset): when a fact without a date happened. */
  readonly now: string;
  /** The user's IANA zone: a typed date is that day in this zone. */
  readonly timeZone: string;
  /** The command mail's Message-ID, so the event log can point back at it. */
  readonly messageId: string | null;
}

export function isFactCommand(command: ParsedCommand): command is FactCommand {
  return Object.hasOwn(FACT_COMMAND_EVENTS, command.kind);
}

const isDated = (command: FactCommand): command is Extract<FactCommand, { kind: DatedFactKind }> =>
  (DATED_FACT_KINDS as readonly string[]).includes(command.kind);

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
  if (isDated(command)) {
    return [{ ...base, type: DATED_FACT_EVENTS[command.kind], occurredAt: at(command.date) }];
  }
  switch (command.kind) {
    case 'negotiation':
      return [
        { ...base, type: 'negotiation_deadline', occurredAt: ctx.now, negotiationEndsAt: command.endsOn },
      ];
    case 'resolved':
      return [{ ...base, type: 'dispute_closed', occurredAt: at(command.date), outcome: command.outcome }];
    case 'refund':
      return [
        {
          ...base,
          type: 'refund_issued',
          occurredAt: at(command.date),
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
