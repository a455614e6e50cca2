import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_ADDRESS } from '../../local/service';
import { LocalSmtpClient, NotRunningError } from '../../local/smtp-client';
import { type CliIo, type Command, UsageError } from '../io';
import { DEFAULT_SMTP_PORT } from './local';

const HELP = `Usage: orderwatch send FILE.eml... [--to ADDRESS] [--port N] [--host 127.0.0.1]

Delivers saved mails (.eml, e.g. "Download message" / "Save as" in your mail client) to a running
\`orderwatch local\` over SMTP, one after the other, as if your mailbox had forwarded them. The envelope
sender is each mail's own From.

  --to ADDRESS   envelope recipient (default: ${DEFAULT_ADDRESS}, local mode's address)
  --port N       the SMTP port \`orderwatch local\` printed (default: ${DEFAULT_SMTP_PORT})
  --host HOST    default: 127.0.0.1
  -h, --help     this text

Exit codes: 0 all delivered, 1 some mail was refused or could not be read, 2 bad command line.
`;

function parse(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        to: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (cause) {
    throw new UsageError(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}

export const send: Command = async (args, io: CliIo) => {
  const { values, positionals } = parse(args);
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('name at least one saved mail (FILE.eml)');
  const port = values.port === undefined ? DEFAULT_SMTP_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new UsageError(`--port must be a port number, got ${JSON.stringify(values.port)}`);
  }
  const to = values.to ?? DEFAULT_ADDRESS;
  const host = values.host ?? '127.0.0.1';
  const client = new LocalSmtpClient({ host, port });
  let failed = 0;
  try {
    for (const [i, file] of positionals.entries()) {
      const label = `[${i + 1}/${positionals.length}] ${file}`;
      let raw: Buffer;
      try {
        raw = await readFile(resolve(io.cwd, file));
      } catch (error) {
        io.stderr.write(`${label}: cannot read: ${(error as Error).message}\n`);
        failed += 1;
        continue;
      }
      try {
        const answer = await client.send(raw, to);
        io.stdout.write(`${label} → ${to}: ${answer}\n`);
      } catch (error) {
        if (error instanceof NotRunningError) {
          io.stderr.write(`orderwatch send: ${error.message}\n`);
          return 1;
        }
        io.stderr.write(`${label}: refused: ${(error as Error).message}\n`);
        failed += 1;
      }
    }
  } finally {
    client.close();
  }
  io.stdout.write(`${positionals.length - failed} of ${positionals.length} delivered\n`);
  return failed === 0 ? 0 : 1;
};
