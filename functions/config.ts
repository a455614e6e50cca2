/**
 * The deployment's settings, read from the environment once (at cold start, or when the CLI starts) and
 * validated with valibot: a bad value fails fast with an error that names the setting, never later in
 * the middle of a mail. `readConfig(process.env)` for Lambda; tests pass a plain object.
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
 */
import * as v from 'valibot';
import {
  isTimeZone,
  type Policy,
  PolicyError,
  type PolicyOverrides,
  resolvePolicy,
} from './core/rules/index';
import type { ServiceConfig } from './handlers/deps';

/** Everything a Lambda entry (or the CLI against AWS) needs: the service settings and where things are. */
export interface DeploymentConfig {
  readonly service: ServiceConfig;
  readonly tableName: string;
  readonly bucket: string;
  readonly prefix: string;
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
  // The mail reader's own limit (DEFAULT_LIMITS.maxRawBytes): a larger mail could not be read anyway.
  maxMailBytes: 10 * 1024 * 1024,
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

const Env = v.object({
  ORDERWATCH_TABLE: text('ORDERWATCH_TABLE'),
  ORDERWATCH_BUCKET: text('ORDERWATCH_BUCKET'),
  ORDERWATCH_PREFIX: v.optional(v.string(), ''),
  ORDERWATCH_ADDRESS: v.pipe(
    text('ORDERWATCH_ADDRESS'),
    v.regex(ADDRESS, (issue) => `${JSON.stringify(issue.input)} is not an email address`),
    v.toLowerCase(),
  ),
  ORDERWATCH_FROM_NAME: v.optional(v.pipe(v.string(), v.trim()), DEFAULTS.fromName),
  ORDERWATCH_ALLOW: v.pipe(
    text('ORDERWATCH_ALLOW'),
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
  ORDERWATCH_TIME_ZONE: v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.check(isTimeZone, (issue) => `${JSON.stringify(issue.input)} is not an IANA time zone`),
    ),
    DEFAULTS.timeZone,
  ),
  ORDERWATCH_POLICY: v.optional(v.string(), ''),
  ORDERWATCH_DAILY_REPLY_CAP: v.optional(whole('ORDERWATCH_DAILY_REPLY_CAP', 1, 10_000), '20'),
  ORDERWATCH_MAX_MAIL_BYTES: v.optional(
    whole('ORDERWATCH_MAX_MAIL_BYTES', 1024, 40 * 1024 * 1024),
    String(DEFAULTS.maxMailBytes),
  ),
  ORDERWATCH_RETENTION_DAYS: v.optional(whole('ORDERWATCH_RETENTION_DAYS', 1, 3650), '180'),
});

/** Reads and validates the settings; throws `ConfigError` naming the first bad one. */
export function readConfig(env: Readonly<Record<string, string | undefined>>): DeploymentConfig {
  // Unset variables arrive as undefined; an empty optional one counts as unset.
  const present = Object.fromEntries(
    Object.entries(env).filter(([name, value]) => name.startsWith('ORDERWATCH_') && value !== ''),
  );
  const result = v.safeParse(Env, present);
  if (!result.success) {
    const [issue] = result.issues;
    const setting = issue ? (v.getDotPath(issue) ?? 'configuration') : 'configuration';
    throw new ConfigError(setting, issue?.message ?? 'invalid');
  }
  const e = result.output;
  return {
    tableName: e.ORDERWATCH_TABLE,
    bucket: e.ORDERWATCH_BUCKET,
    prefix: e.ORDERWATCH_PREFIX,
    service: {
      address: e.ORDERWATCH_ADDRESS,
      fromName: e.ORDERWATCH_FROM_NAME === '' ? DEFAULTS.fromName : e.ORDERWATCH_FROM_NAME,
      allow: e.ORDERWATCH_ALLOW,
      defaultTimeZone: e.ORDERWATCH_TIME_ZONE,
      policy: policyOf(e.ORDERWATCH_POLICY, e.ORDERWATCH_TIME_ZONE),
      dailyReplyCap: e.ORDERWATCH_DAILY_REPLY_CAP,
      maxMailBytes: e.ORDERWATCH_MAX_MAIL_BYTES,
      retentionDays: e.ORDERWATCH_RETENTION_DAYS,
    },
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
  const zone = env.ORDERWATCH_TIME_ZONE?.trim() || DEFAULTS.timeZone;
  if (!isTimeZone(zone)) {
    throw new ConfigError('ORDERWATCH_TIME_ZONE', `${JSON.stringify(zone)} is not an IANA time zone`);
  }
  return { defaultTimeZone: zone, policy: policyOf(env.ORDERWATCH_POLICY ?? '', zone) };
}

function policyOf(json: string, timeZone: string): Policy {
  const setting = 'ORDERWATCH_POLICY';
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
