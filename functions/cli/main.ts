import { type CliIo, type Command, UsageError } from './io';

interface CommandEntry {
  readonly summary: string;
  readonly load: () => Promise<Command>;
}

// Commands load lazily so `orderwatch parse` never pays for the rules engine's imports and vice versa.
const COMMANDS: Record<string, CommandEntry> = {
  deadlines: {
    summary: 'deadlines [FILE|-] --now <ISO> [--tz <IANA>] [--json]   clocks and due alerts per order',
    load: async () => (await import('./commands/deadlines')).deadlines,
  },
  local: {
    summary:
      'local                                                  run orderwatch on this machine (not built yet)',
    load: async () => (await import('./commands/local')).local,
  },
  parse: {
    summary: 'parse FILE... [--json]                                 read forwarded AliExpress mails',
    load: async () => (await import('./commands/parse')).parse,
  },
};

export function usage(): string {
  const lines = Object.values(COMMANDS).map((c) => `  orderwatch ${c.summary}`);
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
      io.stderr.write(`orderwatch ${name}: ${error.message}\n  usage: orderwatch ${entry.summary}\n`);
      return 2;
    }
    throw error;
  }
}
