/**
 * The user command grammar's types: what a command line means once parsed, and what was wrong with it
 * when it cannot be parsed. Both are plain data so the shell can store, log and render them.
 */
import type { DisputeOutcome, PaymentMethod } from '../events';

/** In the order `help` lists them: what to look at, then the order's life from payment to refund. */
export const COMMAND_NAMES = [
  'help',
  'status',
  'paid',
  'delivered',
  'received',
  'closed',
  'cancelled',
  'dispute',
  'answered',
  'escalated',
  'negotiation',
  'withdrawn',
  'resolved',
  'refund',
  'refunded',
  'protection',
  'extend',
  'mute',
  'unmute',
  'tz',
  'acks',
  'stop',
  'start',
  'delete',
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export const ACK_MODES = ['all', 'new', 'none'] as const;
/** Which acknowledgements the user gets: every changed order, only new orders, none. */
export type AckMode = (typeof ACK_MODES)[number];

/** A calendar date the user typed, normalised to ISO (YYYY-MM-DD); its zone is the user's. */
export type IsoDate = string;

/** An order the user named, resolved against their known orders. */
export interface OrderRef {
  /** The full 15/16-digit order number. */
  readonly orderId: string;
  /** False when the user typed a full number we hold no events for (the fact starts a new log). */
  readonly known: boolean;
}

/**
 * The fact commands of the form `<word> <order> [date]`: something that happened to the order, today or
 * on the day given. Each records exactly one event type (events.ts `DATED_FACT_EVENTS`).
 */
export const DATED_FACT_KINDS = [
  'paid',
  'delivered',
  'received',
  'closed',
  'cancelled',
  'dispute',
  'answered',
  'escalated',
  'withdrawn',
  'refunded',
] as const satisfies readonly CommandName[];
export type DatedFactKind = (typeof DATED_FACT_KINDS)[number];

export type ParsedCommand =
  | { readonly kind: 'help'; readonly topic: CommandName | null }
  | { readonly kind: 'status'; readonly order: OrderRef | null }
  | { readonly kind: DatedFactKind; readonly order: OrderRef; readonly date: IsoDate | null }
  /** AliExpress's stated "negotiation finished" date (C6): a deadline, so it may lie ahead. */
  | { readonly kind: 'negotiation'; readonly order: OrderRef; readonly endsOn: IsoDate }
  /** The dispute was closed with this outcome. */
  | {
      readonly kind: 'resolved';
      readonly order: OrderRef;
      readonly outcome: DisputeOutcome;
      readonly date: IsoDate | null;
    }
  /** AliExpress approved a refund (C8 starts); how the user paid sets when it should arrive. */
  | {
      readonly kind: 'refund';
      readonly order: OrderRef;
      readonly paymentMethod: PaymentMethod | null;
      readonly date: IsoDate | null;
    }
  | { readonly kind: 'protection'; readonly order: OrderRef; readonly endsOn: IsoDate }
  | {
      readonly kind: 'extend';
      readonly order: OrderRef;
      readonly extension:
        | { readonly by: 'days'; readonly days: number }
        | { readonly by: 'date'; readonly endsOn: IsoDate };
    }
  | { readonly kind: 'mute'; readonly order: OrderRef }
  | { readonly kind: 'unmute'; readonly order: OrderRef }
  | { readonly kind: 'tz'; readonly timeZone: string }
  | { readonly kind: 'acks'; readonly mode: AckMode }
  | { readonly kind: 'stop' }
  | { readonly kind: 'start' }
  /** `delete` alone asks for the confirmation mail; the handler issues the token. */
  | { readonly kind: 'delete-request' }
  /** `delete <token>`: the handler checks the token with `checkDeleteToken`. */
  | { readonly kind: 'delete-confirm'; readonly token: string };

/** The commands that state a fact about an order: they become events in the order's log. */
export type FactCommand = Extract<
  ParsedCommand,
  { readonly kind: DatedFactKind | 'negotiation' | 'resolved' | 'refund' | 'protection' | 'extend' }
>;

/**
 * What was wrong, as data: the render module words it per language. `message` is the English wording,
 * for logs and for callers that need one line.
 */
export type CommandProblem =
  | { readonly kind: 'not-a-command'; readonly word: string }
  | { readonly kind: 'missing-order' }
  | { readonly kind: 'bad-order'; readonly text: string }
  | { readonly kind: 'unknown-order'; readonly text: string }
  | { readonly kind: 'ambiguous-order'; readonly text: string; readonly candidates: readonly string[] }
  | { readonly kind: 'missing-date' }
  | { readonly kind: 'bad-date'; readonly text: string }
  | { readonly kind: 'no-such-date'; readonly text: string }
  | { readonly kind: 'future-date'; readonly date: IsoDate }
  | { readonly kind: 'bad-payment-method'; readonly text: string }
  | { readonly kind: 'missing-outcome' }
  | { readonly kind: 'bad-outcome'; readonly text: string }
  | { readonly kind: 'bad-extension'; readonly text: string }
  | { readonly kind: 'missing-time-zone' }
  | { readonly kind: 'bad-time-zone'; readonly text: string }
  | { readonly kind: 'bad-ack-mode'; readonly text: string }
  | { readonly kind: 'bad-delete-token'; readonly text: string }
  | { readonly kind: 'unexpected-text'; readonly text: string };

export interface CommandError {
  /** The command the line started with, or null when the first word is no command at all. */
  readonly command: CommandName | null;
  readonly problem: CommandProblem;
  /** English: what was wrong, then the right form. */
  readonly message: string;
  /** The right form, e.g. `received <order> [date]`, and an example line; null for an unknown command. */
  readonly usage: string | null;
  readonly example: string | null;
}

export type CommandResult =
  | { readonly ok: true; readonly command: ParsedCommand }
  | { readonly ok: false; readonly error: CommandError };

export interface ParseContext {
  /** The current instant (ISO with offset): resolves dates without a year and refuses future facts. */
  readonly now: string;
  /** The user's IANA zone: "today" and typed dates are days in this zone. */
  readonly timeZone: string;
  /** Every order id the user has, so the last digits can name one. */
  readonly knownOrderIds: readonly string[];
}
