import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoStore } from '../../aws/dynamo-store';
import { S3MailSource } from '../../aws/s3-mail-source';
import { systemClock } from '../../clock';
import { ConfigError, readPolicySettings } from '../../config';
import { isIsoDate, isIsoInstant } from '../../core/events';
import { type ReprocessOptions, reprocess } from '../../handlers/reprocess';
import { FolderMailSource } from '../../local/folder-mail-source';
import type { RawMailSource } from '../../ports';
import { type CliIo, type Command, UsageError } from '../io';

const HELP = `Usage: orderwatch reprocess [--since DATE] [--user ADDRESS] [--all] [store and mail options]

Reads stored mail again with this version's mail reader and applies what it now finds (events go
into the orders' logs; a fact already there is not added twice), so a reader update fixes mail that
could not be read when it arrived. By default only mail recorded as unrecognized is read again.
Only trusted mail of known users; never commands or forwarding confirmations. Sends no mail.
Safe to run more than once.

  --since DATE       only mail received on or after DATE (YYYY-MM-DD, UTC) or an ISO instant
  --user ADDRESS     only this user's mail (default: every user with a profile; that scans the table)
  --all              every trusted mail, not only the unrecognized

Where the store and the raw mail are (AWS: the default credential chain and region):
  --table NAME       the DynamoDB table (default: $ORDERWATCH_TABLE)
  --endpoint URL     a DynamoDB endpoint other than AWS (orderwatch local's embedded store, DynamoDB Local)
  --bucket NAME      the raw-mail bucket (default: $ORDERWATCH_BUCKET)
  --prefix PREFIX    the receipt rule's key prefix (default: $ORDERWATCH_PREFIX, else none)
  --mail-dir DIR     read raw mail from a folder of <message id>.eml files instead of S3 (local mode)
The users' time zones come from their profiles; the policy from $ORDERWATCH_POLICY and the default
zone from $ORDERWATCH_TIME_ZONE, as the service reads them.

Exit codes: 0 done, 1 some mail could not be read (a reader bug; listed), 2 bad command line.
`;

function parseOptions(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: {
        since: { type: 'string' },
        user: { type: 'string' },
        all: { type: 'boolean' },
        table: { type: 'string' },
        endpoint: { type: 'string' },
        bucket: { type: 'string' },
        prefix: { type: 'string' },
        'mail-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (cause) {
    throw new UsageError(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}

function since(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const instant = isIsoDate(value) ? `${value}T00:00:00Z` : value;
  if (!isIsoInstant(instant) || Number.isNaN(Date.parse(instant))) {
    throw new UsageError(
      `--since must be a date (2026-03-01) or an ISO instant, got ${JSON.stringify(value)}`,
    );
  }
  return instant;
}

export const reprocessCommand: Command = async (args, io: CliIo) => {
  const o = parseOptions(args);
  if (o.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const env = process.env;
  const table = o.table ?? env.ORDERWATCH_TABLE;
  if (!table) throw new UsageError('--table NAME (or ORDERWATCH_TABLE) is required');
  const bucket = o.bucket ?? env.ORDERWATCH_BUCKET;
  if (!o['mail-dir'] && !bucket)
    throw new UsageError('--bucket NAME (or ORDERWATCH_BUCKET) or --mail-dir DIR is required');
  let settings: ReturnType<typeof readPolicySettings>;
  try {
    settings = readPolicySettings(env);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message, { cause: error });
    throw error;
  }

  const dynamo = new DynamoDBClient(o.endpoint ? { endpoint: o.endpoint } : {});
  let s3: S3Client | null = null;
  let mailSource: RawMailSource;
  if (o['mail-dir']) mailSource = new FolderMailSource(resolve(io.cwd, o['mail-dir']));
  else {
    s3 = new S3Client({});
    mailSource = new S3MailSource(s3, {
      bucket: bucket ?? '',
      prefix: o.prefix ?? env.ORDERWATCH_PREFIX ?? '',
    });
  }
  let lastReport = 0;
  const options: ReprocessOptions = {
    ...(o.user === undefined ? {} : { user: o.user }),
    ...(o.all ? { all: true } : {}),
    ...(since(o.since) === undefined ? {} : { since: since(o.since) }),
    onProgress: (done, total) => {
      // A line a second at most: enough to see it move on a large table, quiet on a small one.
      if (done === total || Date.now() - lastReport > 1000) {
        lastReport = Date.now();
        io.stderr.write(`reprocess: ${done}/${total} mails\n`);
      }
    },
  };
  try {
    const summary = await reprocess(
      {
        store: new DynamoStore(dynamo, { tableName: table }),
        mailSource,
        clock: systemClock,
        config: settings,
      },
      options,
    );
    io.stdout.write(
      [
        `${summary.examined} mails read again: ${summary.changed} read differently, ${summary.nowRead} now readable, ${summary.eventsAdded} new events`,
        ...(summary.missingRaw > 0 ? [`${summary.missingRaw} mails no longer stored (expired)`] : []),
        ...(summary.failed.length > 0 ? [`the reader failed on: ${summary.failed.join(', ')}`] : []),
        '',
      ].join('\n'),
    );
    return summary.failed.length > 0 ? 1 : 0;
  } finally {
    dynamo.destroy();
    s3?.destroy();
  }
};
