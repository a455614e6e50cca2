/**
 * The ingest Lambda: an SES receipt-rule action (invocation type Event) after the S3 action stored the
 * raw mail. Configuration and SDK clients live at module scope (read and validated once per cold start,
 * reused by every invocation); the logic is `ingestMail` (handlers/ingest.ts), a function of its ports.
 *
 * Returns nothing (SES ignores the result of an Event invocation). Throws on any internal failure, so
 * Lambda retries the event and, after its retries, sends it to the failure destination; ingest is
 * idempotent, so a retry finishes what a failed attempt began.
 *
 * Imports stay on the runtime side (no aws-cdk-lib, no CLI): this file is the bundle's entry point.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SESClient } from '@aws-sdk/client-ses';
import { DynamoStore } from './aws/dynamo-store';
import { S3MailSource } from './aws/s3-mail-source';
import { parseSesEvent } from './aws/ses-event';
import { SesMailer } from './aws/ses-mailer';
import { decodesLegacyCharsets } from './bundle-shims/platform-decoder';
import { systemClock } from './clock';
import { readConfig } from './config';
import type { HandlerDeps } from './handlers/deps';
import { ingestMail } from './handlers/ingest';
import { errorFields, jsonLog } from './handlers/log';

const log = jsonLog('orderwatch-ingest');
// A bad setting fails the cold start with a message naming it (and every invocation until it is fixed).
const deployment = readConfig(process.env);
// The bundle decodes legacy charsets with the runtime's TextDecoder (lib/bundling.ts); a Node.js built
// without full ICU would read them as UTF-8, so the operator hears of it once per cold start.
if (!decodesLegacyCharsets()) {
  log.warn(
    'this runtime has no full ICU: mail in legacy charsets (GBK, Big5, Shift_JIS, EUC-KR, KOI8-R, ISO-8859-2, …) is read as UTF-8',
  );
}

const deps: HandlerDeps = {
  store: new DynamoStore(new DynamoDBClient({}), { tableName: deployment.tableName }),
  mailSource: new S3MailSource(new S3Client({}), { bucket: deployment.bucket, prefix: deployment.prefix }),
  mailer: new SesMailer(new SESClient({})),
  clock: systemClock,
  config: deployment.service,
};

export async function handler(event: unknown): Promise<void> {
  const mails = parseSesEvent(event);
  for (const mail of mails) {
    try {
      await ingestMail(deps, mail, { log });
    } catch (error) {
      log.error('ingest failed; the invocation fails so Lambda retries it', {
        messageId: mail.messageId,
        ...errorFields(error, false),
      });
      throw error;
    }
  }
}
