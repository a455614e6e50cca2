import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, ProjectionType, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { TABLE_KEYS } from '../../functions/shared/table-keys';

// Re-exported so infrastructure code and tests keep one import; Lambdas import the core module directly.
export { TABLE_KEYS };

export interface StorageProps {
  /**
   * What happens to the table (users, orders, event log) when the stack is deleted.
   * @default RemovalPolicy.RETAIN — a user's order history outlives a mistaken `cdk destroy`.
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Point-in-time recovery for the table.
   * @default true
   */
  readonly pointInTimeRecovery?: boolean;
  /**
   * Days raw mail is kept in the bucket before S3 deletes it (the lifecycle rule's expiry).
   * @default 30
   */
  readonly mailRetentionDays?: number;
  /**
   * Key prefix of raw mail in the bucket (SES writes `<prefix><message id>`).
   * @default 'mail/'
   */
  readonly mailPrefix?: string;
  /**
   * Days the server access logs of the mail bucket are kept.
   * @default 90
   */
  readonly accessLogRetentionDays?: number;
}

/**
 * Where orderwatch keeps things: the single DynamoDB table (users, orders, the append-only event log,
 * sent-alert records, mail records) and the private bucket SES writes raw mail to, with its access logs.
 */
export class Storage extends Construct {
  readonly table: TableV2;
  /** Raw mail as SES received it; encrypted, private, TLS only, expiring. */
  readonly mailBucket: Bucket;
  /** Server access logs of `mailBucket`. */
  readonly accessLogBucket: Bucket;
  /** Key prefix of raw mail in `mailBucket`. */
  readonly mailPrefix: string;

  constructor(scope: Construct, id: string, props: StorageProps = {}) {
    super(scope, id);
    // Server access logs are delivered under a bucket policy, not the legacy log-delivery ACL (which needs
    // ObjectWriter ownership), whatever the app's feature flags say.
    this.node.setContext('@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy', true);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    this.table = new TableV2(this, 'Table', {
      partitionKey: { name: TABLE_KEYS.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sortKey, type: AttributeType.STRING },
      billing: Billing.onDemand(),
      encryption: TableEncryptionV2.awsManagedKey(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: props.pointInTimeRecovery ?? true },
      timeToLiveAttribute: TABLE_KEYS.expiresAt,
      deletionProtection: removalPolicy === RemovalPolicy.RETAIN,
      removalPolicy,
      globalSecondaryIndexes: [
        {
          // The reminder reads only the orders due now, so its cost follows due orders, not table size.
          indexName: TABLE_KEYS.dueIndexName,
          partitionKey: { name: TABLE_KEYS.dueShard, type: AttributeType.STRING },
          sortKey: { name: TABLE_KEYS.nextCheckAt, type: AttributeType.STRING },
          projectionType: ProjectionType.KEYS_ONLY,
        },
      ],
    });

    this.mailPrefix = props.mailPrefix ?? 'mail/';
    const privateBucket = {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: false,
      removalPolicy,
    };
    this.accessLogBucket = new Bucket(this, 'AccessLogs', {
      ...privateBucket,
      lifecycleRules: [{ expiration: Duration.days(props.accessLogRetentionDays ?? 90) }],
    });
    this.mailBucket = new Bucket(this, 'Mail', {
      ...privateBucket,
      serverAccessLogsBucket: this.accessLogBucket,
      serverAccessLogsPrefix: 'mail-bucket/',
      lifecycleRules: [
        {
          id: 'ExpireRawMail',
          prefix: this.mailPrefix,
          expiration: Duration.days(props.mailRetentionDays ?? 30),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
    });
  }
}
