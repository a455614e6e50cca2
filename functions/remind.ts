/**
 * The remind Lambda, run every 15 minutes by EventBridge Scheduler. Clients and settings are made once per
 * container (cold start); each invocation is one `remindRun`, which stops before the invocation's time
 * runs out and leaves the rest in the `due` index for the next run.
 *
 * Imports no mail reader (functions/core/mail pulls in mailparser): this bundle only renders and sends.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESClient } from '@aws-sdk/client-ses';
import { DynamoStore } from './aws/dynamo-store';
import { SesMailer } from './aws/ses-mailer';
import { systemClock } from './clock';
import { readRemindConfig } from './config';
import { type RemindLogEntry, type RemindReport, remindRun } from './handlers/remind';

const config = readRemindConfig(process.env);
const store = new DynamoStore(new DynamoDBClient({}), {
  tableName: config.tableName,
  ...(config.dueShardCount === undefined ? {} : { dueShardCount: config.dueShardCount }),
});
const mailer = new SesMailer(
  new SESClient({}),
  config.sesConfigurationSet === undefined ? {} : { configurationSet: config.sesConfigurationSet },
);
const deps = { store, mailer, clock: systemClock, config: config.service };

/** One JSON line per entry (CloudWatch Logs Insights reads the fields); never a mail body or address. */
function log(entry: RemindLogEntry): void {
  const line = JSON.stringify({ fn: 'remind', ...entry });
  if (entry.level === 'error') console.error(line);
  else console.log(line);
}

export interface LambdaContext {
  getRemainingTimeInMillis(): number;
}

export async function handler(
  _event: unknown,
  context: LambdaContext,
): Promise<Omit<RemindReport, 'mails'> & { mails: number }> {
  const report = await remindRun(deps, { remainingMs: () => context.getRemainingTimeInMillis(), log });
  const summary = { ...report, mails: report.mails.length };
  log({ level: report.errors > 0 ? 'error' : 'info', msg: 'remind run done', ...summary });
  return summary;
}
