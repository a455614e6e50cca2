import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, ProjectionType, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';

import { TABLE_KEYS } from './table-keys';

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
}

/** The single DynamoDB table: users, orders, the append-only event log, sent-alert records, message ids. */
export class Storage extends Construct {
  readonly table: TableV2;

  constructor(scope: Construct, id: string, props: StorageProps = {}) {
    super(scope, id);
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
  }
}
