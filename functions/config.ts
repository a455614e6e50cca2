/**
 * The deployment's settings, read from the environment once (at cold start, or when the CLI starts) and
 * validated with valibot: a bad value fails fast with an error that names the setting, never later in
 * the middle of a mail or a run. One reader for both functions, built from shared pieces:
 * `readConfig(process.env)` for ingest (and the CLI), `readRemindConfig(process.env)` for remind (the
 * shared settings plus its own; no bucket or allowlist). Tests pass a plain object. The names are
 * `ENV_NAMES` (what the stack sets) and `OPTIONAL_ENV_NAMES` (shared/env-names.ts).
 *
 *   | variable                    | default     | meaning                                              |
 *   |-----------------------------|-------------|------------------------------------------------------|
 *   | ORDERWATCH_TABLE            | (required)  | the DynamoDB table                                   |
 *   | ORDERWATCH_BUCKET           | (required)  | the bucket the receipt rule stores raw mail in       |
 *   | ORDERWATCH_PREFIX           | ''          | the receipt rule's key prefix (`incoming/`)          |
 *   | ORDERWATCH_ADDRESS          | (required)  | our address: mail to it is read, replies come from it|
 *   | ORDERWATCH_FROM_NAME        | orderwatch  | display name on what we send                         |
 *   | ORDERWATCH_ALLOW            | (required)  | known users: addresses and `@domain`, comma-separated|
 *   | ORDERWATCH_TIME_ZONE        | UTC         | the zone of a user who has not set one               |
 *   | ORDERWATCH_POLICY           | {}          | JSON overrides of the rules' policy                  |
 *   | ORDERWATCH_DAILY_REPLY_CAP  | 20          | replies one user can cause per UTC day               |
 *   | ORDERWATCH_MAX_MAIL_BYTES   | 10485760    | larger raw mail is refused unread                    |
 *   | ORDERWATCH_RETENTION_DAYS   | 180         | mail records expire (TTL) this long after arrival    |
 *   | ORDERWATCH_DUE_SHARDS       | the store's | remind only: shards of the `due` index (1 … 999)     |
 *   | ORDERWATCH_SES_CONFIGURATION_SET | none   | remind only: SES configuration set for its alerts    |
 *
 * Ingest reads all but the last two; remind reads TABLE, ADDRESS, FROM_NAME, TIME_ZONE, POLICY and the
 * last two.
 */
import * as v from 'valibot';
import { DEFAULT_LIMITS } from './core/mail/limits';
import {
  isTimeZone,
  type Policy,
  PolicyError,
  type PolicyOverrides,
  resolvePolicy,
} from './core/rules/index';
import type { ServiceConfig } from './handlers/deps';
import { ENV_NAMES as N, OPTIONAL_ENV_NAMES as O } from './shared/env-names';

/** Everything a Lambda entry (or the CLI against AWS) needs: the service settings and where things are. */
export interface DeploymentConfig {
  readonly service: ServiceConfig;
  readonly tableName: string;
  readonly bucket: string;
  readonly prefix: string;
}

/** What the remind function needs: the table, the settings alerts are rendered with, and its tuning. */
export interface RemindConfig {
  readonly tableName: string;
  readonly service: Pick<ServiceConfig, 'address' | 'fromName' | 'defaultTimeZone' | 'policy'>;
  /** Undefined: the store's default. */
  readonly dueShardCount: number | undefined;
  readonly sesConfigurationSet: string | undefined;
}

/** A setting is missing or wrong; the message names it and says what would be right. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly setting: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(`${setting}: ${message}`, options);
  }
}

export const DEFAULTS = {
  fromName: 'orderwatch',
  timeZone: 'UTC',
  dailyReplyCap: 20,
  // The mail reader's own limit: a larger mail could not be read anyway.
  maxMailBytes: DEFAULT_LIMITS.maxRawBytes,
  retentionDays: 180,
} as const;

// Deliberately simple: SES has delivered the mail, so we only need to tell an address from a typo.
const ADDRESS = /^[^\s@,<>"]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/i;
const DOMAIN_ENTRY = /^@[a-z0-9-]+(\.[a-z0-9-]+)+$/i;

const text = (setting: string) =>
  v.pipe(v.string(`${setting} is not set`), v.trim(), v.nonEmpty(`${setting} is empty`));

function whole(setting: string, min: number, max: number) {
  return v.pipe(
    v.string(),
    v.trim(),
    v.regex(/^\d+$/, (issue) => `${JSON.stringify(issue.input)} is not a whole number`),
    v.transform(Number),
    v.minValue(min, (issue) => `${issue.input} is below ${min}`),
    v.maxValue(max, (issue) => `${issue.input} is above ${max} (${setting})`),
  );
}

// The settings both functions read.
const Shared = {
  [N.table]: text(N.table),
  [N.address]: v.pipe(
    text(N.address),
    v.regex(ADDRESS, (issue) => `${JSON.stringify(issue.input)} is not an email address`),
    v.toLowerCase(),
  ),
  [N.fromName]: v.optional(v.pipe(v.string(), v.trim()), DEFAULTS.fromName),
  [N.timeZone]: v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.check(isTimeZone, (issue) => `${JSON.stringify(issue.input)} is not an IANA time zone`),
    ),
    DEFAULTS.timeZone,
  ),
  [N.policy]: v.optional(v.string(), ''),
};

const IngestEnv = v.object({
  ...Shared,
  [N.bucket]: text(N.bucket),
  [N.prefix]: v.optional(v.string(), ''),
  [N.allow]: v.pipe(
    text(N.allow),
    v.transform((list) =>
      list
        .split(',')
        .map((entry) => entry.trim().toLowerCase())
        .filter((entry) => entry !== ''),
    ),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      for (const entry of dataset.value) {
        if (!ADDRESS.test(entry) && !DOMAIN_ENTRY.test(entry)) {
          addIssue({ message: `${JSON.stringify(entry)} is not an address or @domain` });
        }
      }
    }),
  ),
  [N.dailyReplyCap]: v.optional(whole(N.dailyReplyCap, 1, 10_000), String(DEFAULTS.dailyReplyCap)),
  // At most the reader's own limit (DEFAULTS.maxMailBytes): a larger mail could not be read anyway.
  [N.maxMailBytes]: v.optional(
    whole(N.maxMailBytes, 1024, DEFAULTS.maxMailBytes),
    String(DEFAULTS.maxMailBytes),
  ),
  [N.retentionDays]: v.optional(whole(N.retentionDays, 1, 3650), String(DEFAULTS.retentionDays)),
});

const RemindEnv = v.object({
  ...Shared,
  [O.dueShards]: v.optional(whole(O.dueShards, 1, 999)),
  [O.sesConfigurationSet]: v.optional(v.pipe(v.string(), v.trim())),
});

/** Validates the `ORDERWATCH_` variables against `schema`; throws `ConfigError` naming the first bad one. */
function parseEnv<S extends v.GenericSchema>(
  schema: S,
  env: Readonly<Record<string, string | undefined>>,
): v.InferOutput<S> {
  // Unset variables arrive as undefined; an empty optional one counts as unset.
  const present = Object.fromEntries(
    Object.entries(env).filter(([name, value]) => name.startsWith('ORDERWATCH_') && value !== ''),
  );
  const result = v.safeParse(schema, present);
  if (!result.success) {
    const [issue] = result.issues;
    const setting = issue ? (v.getDotPath(issue) ?? 'configuration') : 'configuration';
    throw new ConfigError(setting, issue?.message ?? 'invalid');
  }
  return result.output;
}

/** The shared settings as `ServiceConfig` fields (an empty display name means the default). */
function sharedService(e: v.InferOutput<v.ObjectSchema<typeof Shared, undefined>>) {
  return {
    address: e[N.address],
    fromName: e[N.fromName] === '' ? DEFAULTS.fromName : e[N.fromName],
    defaultTimeZone: e[N.timeZone],
    policy: policyOf(e[N.policy], e[N.timeZone]),
  };
}

/** Reads and validates ingest's settings; throws `ConfigError` naming the first bad one. */
export function readConfig(env: Readonly<Record<string, string | undefined>>): DeploymentConfig {
  const e = parseEnv(IngestEnv, env);
  return {
    tableName: e[N.table],
    bucket: e[N.bucket],
    prefix: e[N.prefix],
    service: {
      ...sharedService(e),
      allow: e[N.allow],
      dailyReplyCap: e[N.dailyReplyCap],
      maxMailBytes: e[N.maxMailBytes],
      retentionDays: e[N.retentionDays],
    },
  };
}

/** Reads and validates remind's settings; throws `ConfigError` naming the first bad one. */
export function readRemindConfig(env: Readonly<Record<string, string | undefined>>): RemindConfig {
  const e = parseEnv(RemindEnv, env);
  const configurationSet = e[O.sesConfigurationSet];
  return {
    tableName: e[N.table],
    service: sharedService(e),
    dueShardCount: e[O.dueShards],
    sesConfigurationSet:
      configurationSet === undefined || configurationSet === '' ? undefined : configurationSet,
  };
}

/**
 * Just the rules' settings (default zone and policy), for tools that evaluate orders but never receive
 * or send mail (`orderwatch reprocess`).
 */
export function readPolicySettings(env: Readonly<Record<string, string | undefined>>): {
  readonly policy: Policy;
  readonly defaultTimeZone: string;
} {
  const zone = env[N.timeZone]?.trim() || DEFAULTS.timeZone;
  if (!isTimeZone(zone)) {
    throw new ConfigError(N.timeZone, `${JSON.stringify(zone)} is not an IANA time zone`);
  }
  return { defaultTimeZone: zone, policy: policyOf(env[N.policy] ?? '', zone) };
}

function policyOf(json: string, timeZone: string): Policy {
  const setting = N.policy;
  let overrides: unknown = {};
  if (json.trim() !== '') {
    try {
      overrides = JSON.parse(json);
    } catch (cause) {
      throw new ConfigError(setting, 'is not valid JSON', { cause });
    }
  }
  try {
    // The deployment's zone is the policy's default zone unless the JSON sets one itself.
    // resolvePolicy checks every field (and refuses a non-object) itself.
    return resolvePolicy(
      (isRecord(overrides) ? { defaultTimeZone: timeZone, ...overrides } : overrides) as PolicyOverrides,
    );
  } catch (cause) {
    if (cause instanceof PolicyError) throw new ConfigError(setting, cause.message, { cause });
    throw cause;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
