/**
 * The deployment's settings, read from `cdk.json` context (`orderwatch:<key>`) and validated at synth, so a
 * mistake stops `cdk synth` with a message naming the key instead of surfacing as a broken deployment.
 * README "Configuration" documents every key; `cdk.json` ships a complete example.
 */
import * as v from 'valibot';
import { DEFAULT_LIMITS } from '../functions/core/mail/limits';
import { PolicyError, type PolicyOverrides, resolvePolicy } from '../functions/core/rules';

/** Context keys are `orderwatch:<key>`; an unknown one (a typo) is refused. */
export const CONTEXT_PREFIX = 'orderwatch:';

/**
 * Regions where SES receives mail (an `inbound-smtp.<region>.amazonaws.com` endpoint). Source: "Email
 * Receiving endpoints" in the AWS General Reference, https://docs.aws.amazon.com/general/latest/gr/ses.html
 * (11 regions as of January 2024), plus eu-north-1 and ap-south-1, whose receiving endpoints deployments
 * have since used. AWS adds regions over time: `orderwatch:extraReceivingRegions` accepts one that is on
 * that page but not yet here.
 */
export const SES_RECEIVING_REGIONS: readonly string[] = [
  'us-east-1',
  'us-east-2',
  'us-west-2',
  'ca-central-1',
  'eu-west-1',
  'eu-west-2',
  'eu-central-1',
  'eu-north-1',
  'ap-south-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-northeast-1',
];

export const SES_RECEIVING_REGIONS_SOURCE = 'https://docs.aws.amazon.com/general/latest/gr/ses.html';

export interface HostedZoneConfig {
  /** Route 53 hosted zone id (`Z…`). */
  readonly id: string;
  /** The zone's domain name: the mail domain itself or a parent of it. */
  readonly name: string;
}

export interface OrderwatchConfig {
  readonly stackName: string;
  readonly region: string;
  readonly domain: string;
  readonly address: string;
  readonly fromName: string;
  readonly allow: readonly string[];
  readonly timeZone: string;
  readonly policy: PolicyOverrides;
  readonly dailyReplyCap: number;
  readonly maxMailBytes: number;
  readonly retentionDays: number;
  readonly reminderEveryMinutes: number;
  readonly alarmEmail: string;
  readonly hostedZone: HostedZoneConfig | null;
  readonly activateRuleSet: boolean;
  /** An existing (active) receipt rule set to add orderwatch's rule to, instead of one of its own. */
  readonly ruleSet: string | null;
  readonly sesSandbox: boolean;
  readonly extraReceivingRegions: readonly string[];
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d$/;

const domain = v.pipe(
  v.string(),
  v.toLowerCase(),
  v.regex(DOMAIN, 'must be a domain name like "example.com"'),
);
const email = v.pipe(v.string(), v.trim(), v.toLowerCase(), v.email('must be an email address'));
const wholeNumber = (min: number, max: number) =>
  v.pipe(
    v.number(),
    v.integer('must be a whole number'),
    v.minValue(min, `must be at least ${min}`),
    v.maxValue(max, `must be at most ${max}`),
  );

/** Each key's schema and default (`undefined`: required). One table, so docs and code cannot drift apart. */
const KEYS = {
  stackName: {
    schema: v.pipe(
      v.string(),
      v.regex(/^[A-Za-z][A-Za-z0-9-]{0,127}$/, 'must be a CloudFormation stack name'),
    ),
    default: 'Orderwatch',
  },
  region: {
    schema: v.pipe(v.string(), v.regex(REGION, 'must be an AWS region like "eu-west-1"')),
    default: undefined,
  },
  domain: { schema: domain, default: undefined },
  address: { schema: email, default: undefined },
  fromName: {
    schema: v.pipe(
      v.string(),
      v.minLength(1, 'must not be empty'),
      v.maxLength(64, 'must be at most 64 characters'),
      v.regex(/^[^\r\n"<>]*$/, 'must not contain line breaks, quotes or angle brackets'),
    ),
    default: 'orderwatch',
  },
  allow: {
    schema: v.pipe(
      v.array(
        v.pipe(
          v.string(),
          v.trim(),
          v.toLowerCase(),
          v.check(
            (s) => (s.startsWith('@') ? DOMAIN.test(s.slice(1)) : v.is(v.pipe(v.string(), v.email()), s)),
            'each entry must be an email address or "@domain"',
          ),
        ),
      ),
      v.minLength(1, 'must list at least one user (an address or "@domain")'),
    ),
    default: undefined,
  },
  timeZone: { schema: v.string('must be an IANA time zone like "Europe/Berlin"'), default: 'UTC' },
  policy: {
    schema: v.record(v.string(), v.unknown(), 'must be an object of policy fields to override'),
    default: {},
  },
  dailyReplyCap: { schema: wholeNumber(1, 1000), default: 20 },
  // At most the mail reader's own limit: a larger setting would only fetch mail the reader then refuses.
  maxMailBytes: {
    schema: wholeNumber(64 * 1024, DEFAULT_LIMITS.maxRawBytes),
    default: DEFAULT_LIMITS.maxRawBytes,
  },
  retentionDays: { schema: wholeNumber(1, 3650), default: 30 },
  reminderEveryMinutes: { schema: wholeNumber(5, 60), default: 15 },
  alarmEmail: { schema: email, default: undefined },
  hostedZone: {
    schema: v.nullable(
      v.strictObject({
        id: v.pipe(v.string(), v.regex(/^Z[A-Z0-9]{1,32}$/, 'id must be a Route 53 hosted zone id ("Z…")')),
        name: domain,
      }),
    ),
    default: null,
  },
  activateRuleSet: { schema: v.boolean('must be true or false'), default: true },
  ruleSet: {
    // SES's rule for rule set names: letters, digits, "_", ".", "-", starting and ending with a letter or
    // digit, at most 64 characters.
    schema: v.nullable(
      v.pipe(
        v.string(),
        v.regex(
          /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,62}[A-Za-z0-9])?$/,
          'must be the name of an SES receipt rule set',
        ),
      ),
    ),
    default: null,
  },
  sesSandbox: { schema: v.boolean('must be true or false'), default: false },
  extraReceivingRegions: {
    schema: v.array(v.pipe(v.string(), v.regex(REGION, 'each entry must be an AWS region'))),
    default: [],
  },
} as const;

type Key = keyof typeof KEYS;
export const CONFIG_KEYS = Object.keys(KEYS) as Key[];

function fail(key: string, message: string, value?: unknown): never {
  const got = value === undefined ? '' : ` (got ${JSON.stringify(value)})`;
  throw new ConfigError(`cdk.json context "${CONTEXT_PREFIX}${key}": ${message}${got}`);
}

function read<K extends Key>(
  context: Record<string, unknown>,
  key: K,
): v.InferOutput<(typeof KEYS)[K]['schema']> {
  const spec = KEYS[key];
  const raw = context[CONTEXT_PREFIX + key];
  if (raw === undefined) {
    if (spec.default === undefined) fail(key, 'is required (see README "Configuration")');
    return spec.default as v.InferOutput<(typeof KEYS)[K]['schema']>;
  }
  const result = v.safeParse(spec.schema as v.GenericSchema, raw);
  if (!result.success) {
    const issue = result.issues[0];
    const path = issue ? v.getDotPath(issue) : null;
    fail(path ? `${key}.${path}` : key, issue?.message ?? 'is not valid', raw);
  }
  return result.output as v.InferOutput<(typeof KEYS)[K]['schema']>;
}

/**
 * Validates the `orderwatch:*` context. `context` is `app.node.getAllContext()`; `defaultRegion` is the
 * region of the deploying credentials (`CDK_DEFAULT_REGION`), used when `orderwatch:region` is not set.
 */
export function loadConfig(context: Record<string, unknown>, defaultRegion?: string): OrderwatchConfig {
  for (const name of Object.keys(context)) {
    if (!name.startsWith(CONTEXT_PREFIX)) continue;
    const key = name.slice(CONTEXT_PREFIX.length);
    if (!(CONFIG_KEYS as string[]).includes(key)) {
      fail(key, `is not a setting orderwatch knows; the settings are ${CONFIG_KEYS.join(', ')}`);
    }
  }
  const withRegion =
    context[`${CONTEXT_PREFIX}region`] === undefined && defaultRegion
      ? { ...context, [`${CONTEXT_PREFIX}region`]: defaultRegion }
      : context;
  const config: OrderwatchConfig = {
    stackName: read(withRegion, 'stackName'),
    region: read(withRegion, 'region'),
    domain: read(withRegion, 'domain'),
    address: read(withRegion, 'address'),
    fromName: read(withRegion, 'fromName'),
    allow: [...new Set(read(withRegion, 'allow'))],
    timeZone: read(withRegion, 'timeZone'),
    policy: read(withRegion, 'policy') as PolicyOverrides,
    dailyReplyCap: read(withRegion, 'dailyReplyCap'),
    maxMailBytes: read(withRegion, 'maxMailBytes'),
    retentionDays: read(withRegion, 'retentionDays'),
    reminderEveryMinutes: read(withRegion, 'reminderEveryMinutes'),
    alarmEmail: read(withRegion, 'alarmEmail'),
    hostedZone: read(withRegion, 'hostedZone'),
    activateRuleSet: read(withRegion, 'activateRuleSet'),
    ruleSet: read(withRegion, 'ruleSet'),
    sesSandbox: read(withRegion, 'sesSandbox'),
    extraReceivingRegions: read(withRegion, 'extraReceivingRegions'),
  };
  return crossCheck(config);
}

function crossCheck(config: OrderwatchConfig): OrderwatchConfig {
  const receiving = [...SES_RECEIVING_REGIONS, ...config.extraReceivingRegions];
  if (!receiving.includes(config.region)) {
    fail(
      'region',
      `SES cannot receive mail in ${config.region}. Deploy to a region that can: ${SES_RECEIVING_REGIONS.join(', ')} ` +
        `(${SES_RECEIVING_REGIONS_SOURCE}, "Email Receiving endpoints"). If AWS lists ${config.region} there ` +
        `by now, add it to "${CONTEXT_PREFIX}extraReceivingRegions"`,
      config.region,
    );
  }
  if (!config.address.endsWith(`@${config.domain}`)) {
    fail('address', `must be an address in the mail domain "${config.domain}"`, config.address);
  }
  if (config.hostedZone) {
    const zone = config.hostedZone.name;
    if (config.domain !== zone && !config.domain.endsWith(`.${zone}`)) {
      fail('hostedZone.name', `must be "${config.domain}" or a parent domain of it`, zone);
    }
  }
  if (config.ruleSet !== null && config.activateRuleSet) {
    fail(
      'activateRuleSet',
      `must be false with "${CONTEXT_PREFIX}ruleSet": orderwatch's rule goes into "${config.ruleSet}", the set that is already active`,
    );
  }
  if (config.allow.includes(config.address) || config.allow.includes(`@${config.domain}`)) {
    fail('allow', `must not contain orderwatch's own address ${config.address} or its domain`);
  }
  // Mail to the domain reaches orderwatch's receipt rule (or none): SNS's confirmation and the alarms
  // would never reach a person.
  if (config.alarmEmail.endsWith(`@${config.domain}`)) {
    fail('alarmEmail', `must be an address outside the mail domain "${config.domain}"`, config.alarmEmail);
  }
  try {
    resolvePolicy({ defaultTimeZone: config.timeZone });
  } catch (cause) {
    if (!(cause instanceof PolicyError)) throw cause;
    fail('timeZone', 'must be an IANA time zone like "Europe/Berlin"', config.timeZone);
  }
  if (Object.hasOwn(config.policy, 'defaultTimeZone')) {
    fail('policy.defaultTimeZone', `set the zone with "${CONTEXT_PREFIX}timeZone" instead`);
  }
  try {
    resolvePolicy(config.policy);
  } catch (cause) {
    if (!(cause instanceof PolicyError)) throw cause;
    fail('policy', cause.message);
  }
  return config;
}
