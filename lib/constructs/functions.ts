import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Grant } from 'aws-cdk-lib/aws-iam';
import {
  ApplicationLogLevel,
  Architecture,
  LoggingFormat,
  Runtime,
  SystemLogLevel,
  Tracing,
} from 'aws-cdk-lib/aws-lambda';
import { type BundlingOptions, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { EmailIdentity, type IEmailIdentity } from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';
import { ENV_NAMES } from '../../functions/shared/env-names';
import { BUNDLE, FUNCTION_ENTRIES, type FunctionName } from '../bundling';

// Re-exported so the lead can reconcile the names with the functions' configuration reader in one place.
export { ENV_NAMES };

/** The values behind `ENV_NAMES`: the `ServiceConfig` fields plus where the data lives. */
export interface FunctionSettings {
  readonly address: string;
  readonly fromName: string;
  readonly allow: readonly string[];
  readonly timeZone: string;
  /** Policy overrides (validated at synth); passed as JSON. */
  readonly policy: Readonly<Record<string, unknown>>;
  readonly dailyReplyCap: number;
  readonly maxMailBytes: number;
  readonly retentionDays: number;
}

export interface FunctionsProps {
  /** The deployment's settings, passed to both functions as environment variables (`ENV_NAMES`). */
  readonly settings: FunctionSettings;
  /** The table both functions read and write. */
  readonly table: ITableV2;
  /** The bucket ingest reads raw mail from (and deletes it from, for the `delete` command). */
  readonly mailBucket: IBucket;
  /** Key prefix of raw mail in `mailBucket`; ingest's S3 grants are limited to it. */
  readonly mailPrefix: string;
  /** The SES identity both functions may send from, and nothing else. */
  readonly identity: IEmailIdentity;
  /**
   * Addresses and `@domain` entries SES must also authorise as recipients while the account is in the SES
   * sandbox (it checks the sending permission against the verified recipient identity too).
   * @default [] — out of the sandbox, sending needs the sender identity only
   */
  readonly sandboxRecipients?: readonly string[];
  /**
   * Entry files, each exporting `handler`.
   * @default FUNCTION_ENTRIES (`functions/ingest.ts`, `functions/remind.ts`)
   */
  readonly entries?: Readonly<Record<FunctionName, string>>;
  /**
   * Memory of the ingest function (MIME parsing of up to `maxMailBytes`).
   * @default 512
   */
  readonly ingestMemoryMb?: number;
  /**
   * Memory of the remind function (queries and rule evaluation, no mail parsing).
   * @default 256
   */
  readonly remindMemoryMb?: number;
  /**
   * How long the functions' CloudWatch logs are kept.
   * @default RetentionDays.ONE_MONTH
   */
  readonly logRetention?: RetentionDays;
}

/** NodejsFunction's bundling, from the one definition in `lib/bundling.ts` the bench uses too. */
export const NODEJS_BUNDLING: BundlingOptions = {
  target: BUNDLE.target,
  format: OutputFormat.ESM,
  minify: BUNDLE.minify,
  sourceMap: BUNDLE.sourcemap,
  externalModules: [...BUNDLE.external],
  mainFields: [...BUNDLE.mainFields],
  banner: BUNDLE.banner,
  // NodejsFunction has no alias option; esbuild's own flag, one `--alias:<package>=<path>` per entry.
  esbuildArgs: { '--alias': Object.entries(BUNDLE.alias).map(([pkg, path]) => `${pkg}=${path}`) },
  forceDockerBundling: false,
};

/**
 * The ingest and remind functions with their shared defaults set once (Node.js 22 on ARM64, local esbuild
 * bundling, ESM with source maps, JSON logs into a log group with retention, configuration from the
 * environment), and their permissions, granted only through the resources' `grant*` methods.
 */
export class Functions extends Construct {
  readonly ingest: NodejsFunction;
  readonly remind: NodejsFunction;

  constructor(scope: Construct, id: string, props: FunctionsProps) {
    super(scope, id);
    const entries = props.entries ?? FUNCTION_ENTRIES;
    const s = props.settings;
    const environment: Record<string, string> = {
      [ENV_NAMES.table]: props.table.tableName,
      [ENV_NAMES.bucket]: props.mailBucket.bucketName,
      [ENV_NAMES.prefix]: props.mailPrefix,
      [ENV_NAMES.address]: s.address,
      [ENV_NAMES.fromName]: s.fromName,
      [ENV_NAMES.allow]: s.allow.join(','),
      [ENV_NAMES.timeZone]: s.timeZone,
      [ENV_NAMES.policy]: JSON.stringify(s.policy),
      [ENV_NAMES.dailyReplyCap]: String(s.dailyReplyCap),
      [ENV_NAMES.maxMailBytes]: String(s.maxMailBytes),
      [ENV_NAMES.retentionDays]: String(s.retentionDays),
      // Stack traces point into the TypeScript sources.
      NODE_OPTIONS: '--enable-source-maps',
    };

    const make = (name: FunctionName, memorySize: number, timeout: Duration, description: string) => {
      const logGroup = new LogGroup(this, `${title(name)}Logs`, {
        retention: props.logRetention ?? RetentionDays.ONE_MONTH,
        removalPolicy: RemovalPolicy.DESTROY,
      });
      return new NodejsFunction(this, title(name), {
        description,
        entry: entries[name],
        handler: 'handler',
        runtime: Runtime.NODEJS_22_X,
        architecture: Architecture.ARM_64,
        memorySize,
        timeout,
        bundling: NODEJS_BUNDLING,
        environment,
        logGroup,
        loggingFormat: LoggingFormat.JSON,
        applicationLogLevelV2: ApplicationLogLevel.INFO,
        systemLogLevelV2: SystemLogLevel.WARN,
        tracing: Tracing.DISABLED,
      });
    };

    this.ingest = make(
      'ingest',
      props.ingestMemoryMb ?? 512,
      Duration.seconds(60),
      'orderwatch: reads mail SES received, records events, replies',
    );
    this.remind = make(
      'remind',
      props.remindMemoryMb ?? 256,
      Duration.seconds(120),
      'orderwatch: sends the alerts that are due',
    );

    // ingest: raw mail under the prefix (read; delete for the `delete` command), the table.
    const objects = `${props.mailPrefix}*`;
    props.mailBucket.grantRead(this.ingest, objects);
    props.mailBucket.grantDelete(this.ingest, objects);
    props.table.grantReadWriteData(this.ingest);
    // remind: the table.
    props.table.grantReadWriteData(this.remind);
    // Both send raw MIME (SES v1 SendRawEmail) through the configured identity, and only as orderwatch's
    // own address: the domain identity (and, in the sandbox, the users' verified identities) would
    // otherwise let a function send as anyone in the domain, or as a user.
    const identities = [
      props.identity,
      ...(props.sandboxRecipients ?? []).map((recipient, i) =>
        EmailIdentity.fromEmailIdentityName(
          this,
          `SandboxRecipient${i}`,
          recipient.startsWith('@') ? recipient.slice(1) : recipient,
        ),
      ),
    ];
    for (const fn of [this.ingest, this.remind]) {
      Grant.addToPrincipal({
        grantee: fn,
        actions: ['ses:SendRawEmail'],
        resourceArns: identities.map((identity) => identity.emailIdentityArn),
        conditions: { StringEquals: { 'ses:FromAddress': props.settings.address } },
      });
    }
  }
}

function title(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
