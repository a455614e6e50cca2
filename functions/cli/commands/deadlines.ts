import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { InvalidEventError, isIsoInstant, type OrderEvent, parseOrderEvent } from '../../core/events';
import {
  type Clock,
  DEFAULT_POLICY,
  evaluateOrders,
  formatInstant,
  isTimeZone,
  type OrderEvaluation,
  type Policy,
  PolicyError,
  type PolicyOverrides,
  resolvePolicy,
  URGENCY_RANK,
} from '../../core/rules/index';
import { type CliIo, type Command, readAll, UsageError } from '../io';

const HELP = `Usage: orderwatch deadlines [FILE|-] --now <ISO> [--tz <IANA>] [--policy <FILE>] [--json]

Shows, per order, its status, the buyer-protection clocks (when each ends, and whether AliExpress
stated that date or orderwatch estimated it), the alerts due at --now with what their mail will say
(the reasons, the estimate or assumption behind them, the advice), and when the order must be looked
at next.

  FILE          NDJSON: the output of \`orderwatch parse --json\` (one mail per line, its "events" are
                used) or bare event objects, one per line. "-" or no FILE: standard input.
  --now <ISO>   the instant to evaluate at, with offset, e.g. 2026-03-01T10:00:00Z (required).
                Events dated after --now are not known yet and are left out.
  --tz <IANA>   the user's time zone for send hours and dates, e.g. Europe/Berlin (default: UTC).
  --policy <FILE>  a JSON object overriding policy values, e.g. {"protectionDays": 75}; unknown
                fields and nonsense values are refused (see the README's policy table).
  --json        one JSON object instead of the table.
  -h, --help    this text.

Exit codes: 0 ok, 2 bad command line or bad input (the message names the line).
`;

/** Bad input data (not a bad command line): a message naming where, exit 2, no usage dump. */
export class DeadlinesInputError extends Error {
  override readonly name = 'DeadlinesInputError';
}

interface Options {
  readonly file: string | null;
  readonly now: string;
  readonly timeZone: string;
  readonly policyFile: string | null;
  readonly json: boolean;
}

function parseOptions(args: readonly string[]): Options | 'help' {
  let parsed: ReturnType<typeof parseArgsStrict>;
  try {
    parsed = parseArgsStrict(args);
  } catch (cause) {
    throw new UsageError(cause instanceof Error ? cause.message : String(cause), { cause });
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length > 1) throw new UsageError(`expected at most one FILE, got ${positionals.length}`);
  if (values.now === undefined)
    throw new UsageError('--now <ISO instant> is required, e.g. --now 2026-03-01T10:00:00Z');
  if (!isIsoInstant(values.now)) {
    throw new UsageError(
      `--now must be an ISO instant with offset (e.g. 2026-03-01T10:00:00Z), got ${JSON.stringify(values.now)}`,
    );
  }
  const timeZone = values.tz ?? 'UTC';
  if (!isTimeZone(timeZone))
    throw new UsageError(
      `--tz: unknown time zone ${JSON.stringify(timeZone)} (an IANA name such as Europe/Berlin)`,
    );
  const file = positionals[0] ?? null;
  return {
    file: file === '-' ? null : file,
    now: values.now,
    timeZone,
    policyFile: values.policy ?? null,
    json: values.json ?? false,
  };
}

function parseArgsStrict(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      now: { type: 'string' },
      tz: { type: 'string' },
      policy: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

/** The deployment's policy: the defaults, or the defaults with the overrides a JSON file holds. */
async function readPolicy(file: string | null, io: CliIo): Promise<Policy> {
  if (file === null) return DEFAULT_POLICY;
  const text = await readInput(file, io);
  let overrides: unknown;
  try {
    overrides = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (cause) {
    throw new DeadlinesInputError(`${file}: not valid JSON (${(cause as Error).message})`, { cause });
  }
  try {
    return resolvePolicy(overrides as PolicyOverrides);
  } catch (cause) {
    if (!(cause instanceof PolicyError)) throw cause;
    throw new DeadlinesInputError(`${file}: ${cause.message}`, { cause });
  }
}

async function readInput(file: string | null, io: CliIo): Promise<string> {
  if (file === null) return (await readAll(io.stdin)).toString('utf8');
  try {
    return await readFile(resolve(io.cwd, file), 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code ?? 'error';
    throw new DeadlinesInputError(`cannot read ${file} (${code})`, { cause });
  }
}

/** Events from NDJSON: `parse --json` lines (their `events`) or bare events; blank lines skipped. */
export function readEvents(text: string, name: string): OrderEvent[] {
  const events: OrderEvent[] = [];
  // A byte order mark (editors on Windows save one) is not part of the first line's JSON.
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((line, index) => {
      if (line.trim() === '') return;
      const where = `${name} line ${index + 1}`;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (cause) {
        throw new DeadlinesInputError(`${where}: not valid JSON (${(cause as Error).message})`, { cause });
      }
      const isMailLine =
        typeof value === 'object' && value !== null && !Array.isArray(value) && 'events' in value;
      const raw: unknown[] = isMailLine ? asArray((value as { events: unknown }).events, where) : [value];
      raw.forEach((candidate, i) => {
        try {
          // The schema checks dates mean something too: what it accepts, the engine can evaluate.
          events.push(parseOrderEvent(candidate));
        } catch (cause) {
          if (!(cause instanceof InvalidEventError)) throw cause;
          const which = isMailLine ? ` event ${i + 1}` : '';
          throw new DeadlinesInputError(`${where}:${which} invalid event: ${cause.message}`, { cause });
        }
      });
    });
  return events;
}

function asArray(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw new DeadlinesInputError(`${where}: "events" must be an array`);
  return value;
}

function urgencyRank(o: OrderEvaluation): number {
  return Math.min(3, ...o.alerts.map((a) => URGENCY_RANK[a.urgency]));
}

/** Most urgent first: the worst due alert, then whoever needs looking at soonest. */
function byUrgency(a: OrderEvaluation, b: OrderEvaluation): number {
  const next = (o: OrderEvaluation) =>
    o.nextCheckAt === null ? Number.POSITIVE_INFINITY : Date.parse(o.nextCheckAt);
  return urgencyRank(a) - urgencyRank(b) || next(a) - next(b) || a.orderId.localeCompare(b.orderId);
}

function toJson(now: string, orders: readonly OrderEvaluation[]): string {
  const out = {
    now: new Date(Date.parse(now)).toISOString(),
    orders: orders.map((o) => ({
      orderId: o.orderId,
      status: o.status,
      clocks: o.clocks.map((c) => ({
        clock: c.id,
        endsAt: c.end,
        provenance: c.provenance,
        paused: c.state === 'paused',
        rule: c.rule,
      })),
      alerts: o.alerts.map((a) => ({
        kind: a.kind,
        urgency: a.urgency,
        deadline: a.deadline,
        sendAt: a.sendAt,
        key: a.key,
        code: a.code,
        step: a.step,
        clock: a.clock,
        provenance: a.provenance,
        reasons: a.reasons,
        advice: a.advice,
      })),
      nextCheckAt: o.nextCheckAt,
    })),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

function clockLine(c: Clock, zone: string): string {
  const when =
    c.state === 'paused'
      ? `paused (${((c.remainingMs ?? 0) / 86_400_000).toFixed(1)} days left)`
      : c.state === 'stopped' || c.end === null
        ? 'stopped'
        : `ends ${formatInstant(c.end, zone)}`;
  return `    ${c.id} ${c.name.padEnd(34)} ${when.padEnd(32)} ${c.provenance.padEnd(9)}  ${c.rule}`;
}

function toTable(now: string, zone: string, orders: readonly OrderEvaluation[]): string {
  const lines = [`Deadlines at ${formatInstant(now, zone)} (${zone})`, ''];
  if (orders.length === 0) lines.push('No orders in the input.', '');
  for (const o of orders) {
    const due =
      o.alerts.length === 0
        ? 'no alerts due'
        : `${o.alerts.length} alert${o.alerts.length === 1 ? '' : 's'} due`;
    lines.push(`Order ${o.orderId}  ${o.status}  ${due}`);
    for (const a of o.alerts) {
      lines.push(
        `  ${a.urgency.toUpperCase().padEnd(6)} ${a.code} ${a.kind.padEnd(22)} deadline ${formatInstant(a.deadline, zone)}${a.provenance === 'estimated' ? ' (estimated)' : ''}`,
      );
      // What the alert mail will say: every reason (the estimate behind a date and any assumption are
      // reasons too), then the advice. A date alone does not tell the user what to do.
      for (const reason of a.reasons) lines.push(`         ${reason}`);
      for (const [i, line] of a.advice.entries()) {
        lines.push(`         ${i === 0 ? 'advice: ' : '        '}${line}`);
      }
    }
    lines.push('  clocks:');
    if (o.clocks.length === 0) lines.push('    (none yet)');
    for (const c of o.clocks) lines.push(clockLine(c, zone));
    lines.push(
      `  next check: ${o.nextCheckAt === null ? 'none (nothing left to remind)' : formatInstant(o.nextCheckAt, zone)}`,
      '',
    );
  }
  return `${lines.join('\n')}`;
}

export const deadlines: Command = async (args, io) => {
  const options = parseOptions(args);
  if (options === 'help') {
    io.stdout.write(HELP);
    return 0;
  }
  try {
    const policy = await readPolicy(options.policyFile, io);
    const text = await readInput(options.file, io);
    const events = readEvents(text, options.file ?? 'stdin');
    // The engine leaves out events dated after --now itself; the CLI only says so.
    const { orders, eventsAfterNow } = evaluateOrders(events, {
      now: options.now,
      timeZone: options.timeZone,
      policy,
    });
    if (eventsAfterNow.length > 0) {
      io.stderr.write(`orderwatch deadlines: left out ${eventsAfterNow.length} event(s) dated after --now\n`);
    }
    io.stdout.write(
      options.json
        ? toJson(options.now, orders)
        : toTable(options.now, options.timeZone, [...orders].sort(byUrgency)),
    );
    return 0;
  } catch (error) {
    if (error instanceof DeadlinesInputError) {
      io.stderr.write(`orderwatch deadlines: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
};
