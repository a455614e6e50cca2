/**
 * `orderwatch parse FILE... [--json]`: reads saved mails (.eml) the way ingest would and prints what was
 * understood. `--json` prints one NDJSON line per file, the input of `orderwatch deadlines -`.
 *
 * Exit code 1 when the reader failed on a file (`kind: "failed"`, a bug in orderwatch, not in the mail):
 * the error goes to stderr for whoever runs the command, never into the line's user-facing `reason`.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { OrderEvent } from '../../core/events';
import { readMail } from '../../core/mail/index';
import type { MailReading } from '../../core/mail/types';
import { type CliIo, type Command, UsageError } from '../io';

const USAGE = `Usage: orderwatch parse FILE... [--json]

Reads each FILE as a raw mail (.eml): a forwarded or auto-forwarded AliExpress mail, a Gmail forwarding
confirmation or a command mail, and prints what orderwatch understood.

  --json   one JSON object per file and line (NDJSON), ready for \`orderwatch deadlines -\`
  --help   this text

Exit codes: 0 ok (including mails that are unrecognized), 1 the reader failed on a file (a bug: the
error is on stderr), 2 bad command line.
`;

/** Event keys always printed (null when absent), so downstream tools can rely on them. */
const EVENT_KEYS = ['type', 'orderIds', 'occurredAt', 'parcelId', 'placedAt', 'estimatedDelivery'] as const;

export interface ParseLine {
  readonly file: string;
  readonly kind: MailReading['kind'];
  readonly user: string | null;
  readonly language: string | null;
  readonly events: readonly Record<string, unknown>[];
  readonly orderIds: readonly string[];
  readonly forwardingConfirmation: MailReading['forwardingConfirmation'];
  readonly command: string | null;
  readonly reason: string | null;
}

export function eventJson(event: OrderEvent): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of EVENT_KEYS) out[key] = event[key] ?? null;
  for (const [key, value] of Object.entries(event)) if (!(key in out)) out[key] = value ?? null;
  return out;
}

interface Outcome {
  readonly line: ParseLine;
  /** For a failed reading: the error, for stderr only. */
  readonly error: Error | null;
}

async function readOne(file: string, cwd: string): Promise<Outcome> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(resolve(cwd, file));
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : String(code ?? error);
    const line: ParseLine = {
      file,
      kind: 'unrecognized',
      user: null,
      language: null,
      events: [],
      orderIds: [],
      forwardingConfirmation: null,
      command: null,
      reason: `The file could not be read (${why}).`,
    };
    return { line, error: null };
  }
  const r = await readMail(bytes);
  const line: ParseLine = {
    file,
    kind: r.kind,
    user: r.user,
    language: r.language,
    events: r.events.map(eventJson),
    orderIds: r.orderIds,
    forwardingConfirmation: r.forwardingConfirmation,
    command: r.command,
    reason: r.reason,
  };
  return { line, error: r.kind === 'failed' ? r.error : null };
}

/** The fields a person checks against the mail, in the order they read best. */
const HUMAN_FIELDS = [
  'parcelId',
  'placedAt',
  'estimatedDelivery',
  'store',
  'amount',
  'disputeWindowDays',
  'protectionEndsAt',
  'extensionDays',
  'outcome',
  'paymentMethod',
] as const;

function humanValue(value: unknown): string {
  if (typeof value === 'object' && value !== null && 'value' in value && 'currency' in value) {
    return `${String(value.value)} ${String(value.currency)}`;
  }
  return String(value);
}

function human(line: ParseLine): string {
  const out = [`${line.file}`, `  kind:     ${line.kind}`, `  user:     ${line.user ?? '-'}`];
  if (line.language) out.push(`  language: ${line.language}`);
  for (const e of line.events) {
    const ids = Array.isArray(e.orderIds) ? e.orderIds.join(', ') : '';
    const extras = HUMAN_FIELDS.filter((k) => e[k] !== null && e[k] !== undefined).map(
      (k) => `${k} ${humanValue(e[k])}`,
    );
    out.push(
      `  event:    ${String(e.type)} ${ids} at ${String(e.occurredAt)}${extras.length ? ` (${extras.join(', ')})` : ''}`,
    );
  }
  if (line.events.length === 0 && line.orderIds.length > 0) {
    out.push(`  orders:   ${line.orderIds.join(', ')} (no event could be read)`);
  }
  const fc = line.forwardingConfirmation;
  if (fc) {
    out.push(
      `  confirm:  code ${fc.code ?? '-'} for ${fc.requester ?? '-'}`,
      `            ${fc.confirmUrl ?? '(no link)'}`,
    );
  }
  if (line.command) out.push(`  command:  ${line.command}`);
  if (line.reason) out.push(`  reason:   ${line.reason}`);
  return `${out.join('\n')}\n`;
}

export const parse: Command = async (args: readonly string[], io: CliIo): Promise<number> => {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(args);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), { cause: error });
  }
  if (parsed.values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (parsed.positionals.length === 0) throw new UsageError('give at least one mail file (.eml)');
  let failed = false;
  for (const file of parsed.positionals) {
    const { line, error } = await readOne(file, io.cwd);
    io.stdout.write(parsed.values.json ? `${JSON.stringify(line)}\n` : `${human(line)}\n`);
    if (error) {
      failed = true;
      io.stderr.write(`orderwatch parse: ${file}: ${error.message}\n`);
    }
  }
  return failed ? 1 : 0;
};

function parseOptions(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}
