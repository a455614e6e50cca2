/**
 * The remind function's settings, read from the environment once at cold start and validated: a bad
 * setting fails the cold start with a message naming it, never a run half-way. (Ingest's `config.ts`
 * reads the same variables plus its own; the two can merge into one reader.)
 *
 *   ORDERWATCH_TABLE        the DynamoDB table                         (required)
 *   ORDERWATCH_ADDRESS      our address: From, and List-Unsubscribe's mailto (required)
 *   ORDERWATCH_FROM_NAME    display name on what we send               (default: orderwatch)
 *   ORDERWATCH_TIME_ZONE    zone of a user who has set none            (default: the policy's, UTC)
 *   ORDERWATCH_POLICY       JSON overrides of the rules policy         (default: DOMAIN.md's numbers)
 *   ORDERWATCH_DUE_SHARDS   shards of the `due` index                  (default: the store's)
 *   ORDERWATCH_SES_CONFIGURATION_SET   SES configuration set            (optional)
 */
import * as v from 'valibot';
import { isTimeZone, type Policy, type PolicyOverrides, resolvePolicy } from './core/rules';

export interface RemindConfig {
  readonly table: string;
  readonly address: string;
  readonly fromName: string;
  readonly defaultTimeZone: string;
  readonly policy: Policy;
  readonly dueShardCount: number | undefined;
  readonly sesConfigurationSet: string | undefined;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const ADDRESS = /^[^\s@<>",]+@[^\s@<>",]+\.[^\s@<>",]+$/;

const Env = v.object({
  ORDERWATCH_TABLE: v.pipe(v.string(), v.minLength(1)),
  ORDERWATCH_ADDRESS: v.pipe(v.string(), v.regex(ADDRESS, 'must be a bare address like watch@example.org')),
  ORDERWATCH_FROM_NAME: v.optional(v.pipe(v.string(), v.maxLength(64)), 'orderwatch'),
  ORDERWATCH_TIME_ZONE: v.optional(v.pipe(v.string(), v.check(isTimeZone, 'must be an IANA time zone'))),
  ORDERWATCH_POLICY: v.optional(v.string()),
  ORDERWATCH_DUE_SHARDS: v.optional(v.pipe(v.string(), v.regex(/^[1-9][0-9]{0,2}$/, 'must be 1 … 999'))),
  ORDERWATCH_SES_CONFIGURATION_SET: v.optional(v.pipe(v.string(), v.minLength(1))),
});

/** Reads and checks the settings; throws `ConfigError` naming the first bad one. */
export function readRemindConfig(env: Readonly<Record<string, string | undefined>>): RemindConfig {
  const parsed = v.safeParse(Env, env);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const name = issue?.path?.map((p) => String(p.key)).join('.') ?? 'environment';
    throw new ConfigError(`setting ${name}: ${issue?.message ?? 'invalid'}`);
  }
  const e = parsed.output;
  let policy: Policy;
  try {
    const overrides: PolicyOverrides = e.ORDERWATCH_POLICY ? JSON.parse(e.ORDERWATCH_POLICY) : {};
    policy = resolvePolicy({
      ...overrides,
      ...(e.ORDERWATCH_TIME_ZONE === undefined ? {} : { defaultTimeZone: e.ORDERWATCH_TIME_ZONE }),
    });
  } catch (cause) {
    throw new ConfigError(`setting ORDERWATCH_POLICY: ${cause instanceof Error ? cause.message : cause}`, {
      cause,
    });
  }
  return {
    table: e.ORDERWATCH_TABLE,
    address: e.ORDERWATCH_ADDRESS.toLowerCase(),
    fromName: e.ORDERWATCH_FROM_NAME,
    defaultTimeZone: policy.defaultTimeZone,
    policy,
    dueShardCount: e.ORDERWATCH_DUE_SHARDS === undefined ? undefined : Number(e.ORDERWATCH_DUE_SHARDS),
    sesConfigurationSet: e.ORDERWATCH_SES_CONFIGURATION_SET,
  };
}
