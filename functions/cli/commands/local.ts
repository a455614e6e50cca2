import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isTimeZone } from '../../core/rules/index';
import { TEST_VERDICT_HEADER } from '../../local/inbound-local';
import { DEFAULT_ADDRESS, type LocalOptions, type LocalService, startLocal } from '../../local/service';
import { type CliIo, type Command, UsageError } from '../io';

export const DEFAULT_SMTP_PORT = 2525;
export const DEFAULT_HTTP_PORT = 8025;

const HELP = `Usage: orderwatch local [options]

Runs all of orderwatch on this machine, with the same ingest and remind code as the Lambdas: an SMTP
listener on loopback (instead of SES), an embedded DynamoDB (dynalite, kept in the data folder), an
outbox of every mail orderwatch sends (.eml files, shown on a local page), and a movable clock.

  --data DIR            data folder (default: ./.orderwatch); a second start continues from it
  --smtp-port N         SMTP port on 127.0.0.1 (default: ${DEFAULT_SMTP_PORT}; 0: a free one, printed)
  --http-port N         the page and JSON API (default: ${DEFAULT_HTTP_PORT}; 0: a free one, printed)
  --address ADDRESS     our address: From of what we send (default: ${DEFAULT_ADDRESS}, or the first --recipient)
  --recipient ADDRESS   accept mail only for these recipients (repeatable; default: any recipient)
  --allow ADDRESS|@DOMAIN  known users (repeatable; default: every sender — only loopback can reach it)
  --clock system|manual system: real time, a remind sweep every minute (default).
                        manual: time stands at the last tick (POST /api/tick), kept across restarts
  --start ISO           the manual clock's instant on a first start (default: now)
  --tz IANA             the zone of users who set none (default: UTC)
  -h, --help            this text

Mail arriving over loopback counts as authenticated (SPF/DKIM/DMARC/spam/virus pass); a header
"${TEST_VERDICT_HEADER}: spf=fail dkim=fail" marks one mail as failing (loopback only).
`;

function port(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65_535) {
    throw new UsageError(`--${name} must be a port number 0 … 65535, got ${JSON.stringify(value)}`);
  }
  return Number(value);
}

const ADDRESS = /^[^\s@<>",]+@[^\s@<>",]+$/;
const DOMAIN_ENTRY = /^@[a-z0-9-]+(\.[a-z0-9-]+)+$/i;

export function parseLocalOptions(args: readonly string[], io: CliIo): Omit<LocalOptions, 'log'> | 'help' {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (cause) {
    throw new UsageError(cause instanceof Error ? cause.message : String(cause), { cause });
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}`);
  const recipients = (values.recipient ?? []).map((r) => r.toLowerCase());
  for (const r of recipients) if (!ADDRESS.test(r)) throw new UsageError(`--recipient: not an address: ${r}`);
  const allow = (values.allow ?? []).map((a) => a.toLowerCase());
  for (const a of allow) {
    if (!ADDRESS.test(a) && !DOMAIN_ENTRY.test(a))
      throw new UsageError(`--allow: not an address or @domain: ${a}`);
  }
  const address = (values.address ?? recipients[0] ?? DEFAULT_ADDRESS).toLowerCase();
  if (!ADDRESS.test(address)) throw new UsageError(`--address: not an address: ${address}`);
  const clock = values.clock ?? 'system';
  if (clock !== 'system' && clock !== 'manual') throw new UsageError('--clock must be system or manual');
  if (values.start !== undefined && Number.isNaN(Date.parse(values.start))) {
    throw new UsageError(`--start must be an ISO instant, got ${JSON.stringify(values.start)}`);
  }
  const timeZone = values.tz ?? 'UTC';
  if (!isTimeZone(timeZone)) throw new UsageError(`--tz: unknown time zone ${JSON.stringify(timeZone)}`);
  return {
    dataDir: resolve(io.cwd, values.data ?? '.orderwatch'),
    host: '127.0.0.1',
    smtpPort: port('smtp-port', values['smtp-port'], DEFAULT_SMTP_PORT),
    httpPort: port('http-port', values['http-port'], DEFAULT_HTTP_PORT),
    address,
    // The address we answer from is always accepted, even when --recipient names others.
    recipients:
      recipients.length > 0 && !recipients.includes(address) ? [...recipients, address] : recipients,
    allow,
    clock,
    ...(values.start === undefined ? {} : { start: new Date(values.start).toISOString() }),
    timeZone,
  };
}

function parse(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      data: { type: 'string' },
      'smtp-port': { type: 'string' },
      'http-port': { type: 'string' },
      address: { type: 'string' },
      recipient: { type: 'string', multiple: true },
      allow: { type: 'string', multiple: true },
      clock: { type: 'string' },
      start: { type: 'string' },
      tz: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

/** Where everything is and how to try it; the e2e test reads the two URLs off the first lines. */
function banner(s: LocalService, o: Omit<LocalOptions, 'log'>): string {
  const smtp = `smtp://127.0.0.1:${s.smtpPort}`;
  const page = `http://127.0.0.1:${s.httpPort}/`;
  const senders =
    o.allow.length > 0
      ? `only ${o.allow.join(', ')} (--allow)`
      : 'ANY sender (no --allow given: local mode trusts whoever is on this machine)';
  return [
    'orderwatch local is running',
    `  SMTP in:    ${smtp}  (mail to ${o.recipients.length > 0 ? o.recipients.join(', ') : `any recipient, answered as ${o.address}`})`,
    `  page:       ${page}  (JSON: ${page}api/orders, ${page}api/outbox; POST ${page}api/tick)`,
    `  senders:    ${senders}`,
    `  clock:      ${o.clock === 'manual' ? `manual, standing at ${s.clock.now()} (move it: POST /api/tick)` : 'system time, a remind sweep every minute'}; default zone ${o.timeZone}`,
    `  data:       ${s.dataDir} (table ${s.table === 'created' ? 'created' : 'found: continuing'})`,
    `  outbox:     ${s.dataDir}/outbox/*.eml`,
    '',
    'Send a test mail:',
    `  npm run --silent orderwatch -- send test/fixtures/mail/forward/gmail-inline-text-en.eml --port ${s.smtpPort}`,
    `  swaks --server 127.0.0.1:${s.smtpPort} --to ${o.address} --from you@example.org --data my-mail.eml`,
    `  curl smtp://127.0.0.1:${s.smtpPort} --mail-from you@example.org --mail-rcpt ${o.address} --upload-file my-mail.eml`,
    'Move the clock and run a sweep:',
    `  curl -X POST ${page}api/tick -H 'content-type: application/json' -d '{"now":"2026-04-01T09:00:00Z"}'`,
    'Ctrl-C stops it; the next start continues where this one stopped.',
    '',
  ].join('\n');
}

export const local: Command = async (args, io) => {
  const options = parseLocalOptions(args, io);
  if (options === 'help') {
    io.stdout.write(HELP);
    return 0;
  }
  const service = await startLocal({ ...options, log: (line) => io.stdout.write(`${line}\n`) });
  io.stdout.write(banner(service, options));
  await new Promise<void>((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      io.stdout.write(`\n${signal}: stopping (SMTP, page, database)…\n`);
      resolve();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
  await service.stop();
  io.stdout.write('stopped; state kept in the data folder\n');
  return 0;
};
