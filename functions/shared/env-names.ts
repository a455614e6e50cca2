/**
 * The environment variables the CDK stack gives both Lambda functions (`lib/constructs/functions.ts`), one
 * per `ServiceConfig` field plus where the data lives. Dependency-free, like `table-keys.ts`, so the
 * functions' configuration reader can import the same names the stack writes.
 */
export const ENV_NAMES = {
  /** DynamoDB table name. */
  table: 'ORDERWATCH_TABLE',
  /** S3 bucket that holds raw mail. */
  bucket: 'ORDERWATCH_BUCKET',
  /** Key prefix of raw mail in the bucket; key = prefix + SES message id. */
  prefix: 'ORDERWATCH_PREFIX',
  /** Our address: mail to it is read, mail from it is sent. */
  address: 'ORDERWATCH_ADDRESS',
  /** Display name on what we send. */
  fromName: 'ORDERWATCH_FROM_NAME',
  /** Known users, comma-separated: addresses and `@domain` entries, lowercased. */
  allow: 'ORDERWATCH_ALLOW',
  /** IANA zone of a user who has not set one. */
  timeZone: 'ORDERWATCH_TIME_ZONE',
  /** Policy overrides as a JSON object (`resolvePolicy` input); `{}` for the defaults. */
  policy: 'ORDERWATCH_POLICY',
  /** Replies one user can cause in one UTC day (decimal integer). */
  dailyReplyCap: 'ORDERWATCH_DAILY_REPLY_CAP',
  /** Larger raw mail is refused unread (decimal integer, bytes). */
  maxMailBytes: 'ORDERWATCH_MAX_MAIL_BYTES',
  /** Days raw mail and finished records are kept (decimal integer). */
  retentionDays: 'ORDERWATCH_RETENTION_DAYS',
} as const;

/**
 * Optional settings the stack does not set (each has a default): read by remind only, for a deployment
 * that tunes them by hand.
 */
export const OPTIONAL_ENV_NAMES = {
  /** Shards of the `due` index (decimal integer 1 … 999); default: the store's. */
  dueShards: 'ORDERWATCH_DUE_SHARDS',
  /** SES configuration set for what remind sends; default: none. */
  sesConfigurationSet: 'ORDERWATCH_SES_CONFIGURATION_SET',
} as const;
