/**
 * The command grammar: one line (the subject, or the first line of the body, as the mail reader found it)
 * → a typed `ParsedCommand`, or a `CommandError` that says what was wrong and shows the right form.
 * Case-insensitive; pure (`now` and the zone come in `ParseContext`).
 */
import { DISPUTE_OUTCOMES, type DisputeOutcome, PAYMENT_METHODS, type PaymentMethod } from '../events';
import { isTimeZone } from '../rules/time';
import { isAfterToday, parseUserDate, type YearPreference } from './dates';
import { normaliseDeleteToken } from './delete-token';
import { resolveOrder } from './orders';
import { COMMAND_ALIASES, COMMAND_SPECS, problemMessage } from './specs';
import {
  ACK_MODES,
  type AckMode,
  type CommandName,
  type CommandProblem,
  type CommandResult,
  DATED_FACT_KINDS,
  type DatedFactKind,
  type IsoDate,
  type OrderRef,
  type ParseContext,
  type ParsedCommand,
} from './types';

/** Reply prefixes a mail client adds when the user answers one of our mails ("Re: status"). */
const REPLY_PREFIX = /^\s*((re|aw|sv|antw)\s*:\s*)+/i;
/** Users copy command lines out of our mails, quotes and backticks included. */
const QUOTES = /^[\s`'"“”‘’«»]+|[\s`'"“”‘’«».!]+$/g;
/** The longest number of days `extend` accepts, as the event schema does. */
const MAX_EXTENSION_DAYS = 365;

class Failure {
  constructor(readonly problem: CommandProblem) {}
}

function fail(problem: CommandProblem): never {
  throw new Failure(problem);
}

export function commandError(command: CommandName | null, problem: CommandProblem): CommandResult {
  const spec = command === null ? null : COMMAND_SPECS[command];
  const form = spec
    ? ` The form is: ${spec.usage} (for example: ${spec.example}).`
    : ' Send "help" for the list.';
  return {
    ok: false,
    error: {
      command,
      problem,
      message: `${problemMessage(problem)}${form}`,
      usage: spec?.usage ?? null,
      example: spec?.example ?? null,
    },
  };
}

/** Parses one command line for a user. */
export function parseCommand(line: string, ctx: ParseContext): CommandResult {
  const cleaned = line.replace(REPLY_PREFIX, '').replace(QUOTES, '').replace(/\s+/g, ' ').trim();
  const [head = '', ...rest] = cleaned.split(' ');
  const name = commandNamed(head);
  if (name === null) return commandError(null, { kind: 'not-a-command', word: head });
  try {
    return { ok: true, command: parseArguments(name, rest, ctx) };
  } catch (e) {
    if (e instanceof Failure) return commandError(name, e.problem);
    throw e;
  }
}

/** The command a word means; own keys only, so "constructor" is no command. */
function commandNamed(text: string): CommandName | null {
  const word = text.toLowerCase().replace(/[:,;.!]+$/, '');
  return Object.hasOwn(COMMAND_ALIASES, word) ? (COMMAND_ALIASES[word] ?? null) : null;
}

function parseArguments(name: CommandName, args: readonly string[], ctx: ParseContext): ParsedCommand {
  if (isDatedFact(name)) return datedFact(name, args, ctx);
  const rest = args.join(' ');
  switch (name) {
    case 'help': {
      return { kind: 'help', topic: commandNamed(args[0] ?? '') };
    }
    case 'status':
      // "status please" is a status request; only something with digits is an order to look up.
      return { kind: 'status', order: /\d/.test(rest) ? onlyOrder(args, ctx) : null };
    case 'negotiation': {
      const order = order0(args, ctx);
      const text = args.slice(1).join(' ');
      if (text === '') fail({ kind: 'missing-date' });
      // A deadline AliExpress stated: it may lie ahead or (told late) just behind.
      return { kind: 'negotiation', order, endsOn: date(text, ctx, 'nearest') };
    }
    case 'resolved': {
      const order = order0(args, ctx);
      const word = args[1]?.toLowerCase();
      if (word === undefined) fail({ kind: 'missing-outcome' });
      if (!(DISPUTE_OUTCOMES as readonly string[]).includes(word)) {
        fail({ kind: 'bad-outcome', text: args[1] ?? '' });
      }
      return {
        kind: 'resolved',
        order,
        outcome: word as DisputeOutcome,
        date: optionalPastDate(args, 2, ctx),
      };
    }
    case 'refund': {
      const order = order0(args, ctx);
      const word = args[1]?.toLowerCase();
      const method = (PAYMENT_METHODS as readonly string[]).includes(word ?? '')
        ? (word as PaymentMethod)
        : null;
      // A lone word that is no method and no date ("paypal") is a method orderwatch does not know; a
      // date in its place is the day the refund was approved.
      if (word !== undefined && method === null && args.length === 2 && /^\p{L}+$/u.test(word)) {
        if (!parseUserDate(word, ctx.now, ctx.timeZone, 'past').ok) {
          fail({ kind: 'bad-payment-method', text: args[1] ?? '' });
        }
      }
      return {
        kind: 'refund',
        order,
        paymentMethod: method,
        date: optionalPastDate(args, method ? 2 : 1, ctx),
      };
    }
    case 'protection': {
      const order = order0(args, ctx);
      const text = args.slice(1).join(' ');
      if (text === '') fail({ kind: 'missing-date' });
      return { kind: 'protection', order, endsOn: date(text, ctx, 'nearest') };
    }
    case 'extend':
      return { kind: 'extend', order: order0(args, ctx), extension: extension(args.slice(1).join(' '), ctx) };
    case 'mute':
    case 'unmute':
      return { kind: name, order: onlyOrder(args, ctx) };
    case 'tz':
      return { kind: 'tz', timeZone: timeZone(rest) };
    case 'acks': {
      const mode = rest.toLowerCase();
      if (!(ACK_MODES as readonly string[]).includes(mode)) fail({ kind: 'bad-ack-mode', text: rest });
      return { kind: 'acks', mode: mode as AckMode };
    }
    case 'stop':
    case 'start':
      // Trailing words ("stop please") are ignored: stopping must never fail on wording, and our
      // List-Unsubscribe sends a bare "stop".
      return { kind: name };
    case 'delete': {
      if (rest === '') return { kind: 'delete-request' };
      const token = normaliseDeleteToken(rest);
      if (token === null) fail({ kind: 'bad-delete-token', text: rest });
      return { kind: 'delete-confirm', token };
    }
  }
}

/** `<word> <order> [date]`: the fact happened today, or on the (past) day given. */
function datedFact(kind: DatedFactKind, args: readonly string[], ctx: ParseContext): ParsedCommand {
  return { kind, order: order0(args, ctx), date: optionalPastDate(args, 1, ctx) };
}

/** The date in `args` from index `from` on, if there is one: a day something already happened. */
function optionalPastDate(args: readonly string[], from: number, ctx: ParseContext): IsoDate | null {
  const text = args.slice(from).join(' ');
  return text === '' ? null : pastDate(text, ctx);
}

const isDatedFact = (name: CommandName): name is DatedFactKind =>
  (DATED_FACT_KINDS as readonly CommandName[]).includes(name);

function order0(args: readonly string[], ctx: ParseContext): OrderRef {
  const text = args[0];
  if (text === undefined) fail({ kind: 'missing-order' });
  const result = resolveOrder(text, ctx.knownOrderIds);
  if (!result.ok) fail(result.problem);
  return result.order;
}

/** A command whose only argument is an order: anything after it is a mistake worth pointing out. */
function onlyOrder(args: readonly string[], ctx: ParseContext): OrderRef {
  const order = order0(args, ctx);
  if (args.length > 1) fail({ kind: 'unexpected-text', text: args.slice(1).join(' ') });
  return order;
}

function date(text: string, ctx: ParseContext, prefer: YearPreference): IsoDate {
  const result = parseUserDate(text, ctx.now, ctx.timeZone, prefer);
  if (!result.ok) fail(result.problem);
  return result.date;
}

/** The day something already happened: never after today in the user's zone. */
function pastDate(text: string, ctx: ParseContext): IsoDate {
  const d = date(text, ctx, 'past');
  if (isAfterToday(d, ctx.now, ctx.timeZone)) fail({ kind: 'future-date', date: d });
  return d;
}

function extension(text: string, ctx: ParseContext): Extract<ParsedCommand, { kind: 'extend' }>['extension'] {
  if (text === '') fail({ kind: 'bad-extension', text });
  const days = /^(\d{1,4})\s*(d|days?|tage?)?$/i.exec(text);
  if (days) {
    const n = Number(days[1]);
    if (n < 1 || n > MAX_EXTENSION_DAYS) fail({ kind: 'bad-extension', text });
    return { by: 'days', days: n };
  }
  const parsed = parseUserDate(text, ctx.now, ctx.timeZone, 'nearest');
  if (!parsed.ok) fail({ kind: 'bad-extension', text });
  return { by: 'date', endsOn: parsed.date };
}

/** An IANA zone in its canonical spelling ("europe/berlin" → "Europe/Berlin"). */
function timeZone(text: string): string {
  if (text === '') fail({ kind: 'missing-time-zone' });
  // Only names: Intl also accepts offsets such as "+01:00", which have no DST and would be wrong half a year.
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(text)) fail({ kind: 'bad-time-zone', text });
  let canonical: string;
  try {
    canonical = new Intl.DateTimeFormat('en-US', { timeZone: text }).resolvedOptions().timeZone;
  } catch {
    fail({ kind: 'bad-time-zone', text });
  }
  if (!isTimeZone(canonical)) fail({ kind: 'bad-time-zone', text });
  return canonical;
}
