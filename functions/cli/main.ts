import { type CliIo, type Command, UsageError } from './io';

interface CommandEntry {
  readonly usage: string;
  readonly summary: string;
  readonly load: () => Promise<Command>;
}

// Commands load lazily so `orderwatch parse` never pays for the rules engine's imports and vice versa.
const COMMANDS: Record<string, CommandEntry> = {
  deadlines: {
    usage: 'deadlines [FILE|-] --now <ISO> [--tz <IANA>] [--policy <FILE>] [--json]',
    summary: 'the clocks, deadlines and due alerts of each order',
    load: async () => (await import('./commands/deadlines')).deadlines,
  },
  local: {
    usage:
      'local [--data DIR] [--smtp-port N] [--http-port N] [--recipient ADDRESS]... [--allow ADDRESS|@DOMAIN]... [--clock system|manual] [--tz IANA]',
    summary: 'run orderwatch on this machine: SMTP in, embedded DynamoDB, an outbox and its page',
    load: async () => (await import('./commands/local')).local,
  },
  send: {
    usage: 'send FILE.eml... [--to ADDRESS] [--port N] [--host 127.0.0.1]',
    summary: 'deliver saved mails to `orderwatch local` over SMTP',
    load: async () => (await import('./commands/send')).send,
  },
  parse: {
    usage: 'parse FILE... [--json]',
    summary: 'read saved (forwarded) AliExpress mails and show what orderwatch understands',
    load: async () => (await import('./commands/parse')).parse,
  },
  reprocess: {
    usage:
      'reprocess [--since DATE] [--user ADDRESS] [--all] [--table NAME] [--endpoint URL] [--bucket NAME | --mail-dir DIR]',
    summary: "read stored mail again with this version's reader and apply what it now finds",
    load: async () => (await import('./commands/reprocess')).reprocessCommand,
  },
};

export function usage(): string {
  const lines = Object.values(COMMANDS).flatMap((c) => [`  orderwatch ${c.usage}`, `      ${c.summary}`]);
  return ['Usage:', ...lines, '', 'Run `orderwatch <command> --help` for details.', ''].join('\n');
}

/** Runs one CLI invocation; returns the process exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    io.stderr.write(`orderwatch: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  try {
    const command = await entry.load();
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`orderwatch ${name}: ${error.message}\n  usage: orderwatch ${entry.usage}\n`);
      return 2;
    }
    throw error;
  }
}
