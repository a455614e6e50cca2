import { App, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { Storage, TABLE_KEYS } from '../../lib/constructs/storage';

function synth(removalPolicy?: RemovalPolicy): Template {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new Stack(app, 'Test');
  new Storage(stack, 'Storage', removalPolicy ? { removalPolicy } : {});
  return Template.fromStack(stack);
}

let shared: Template | undefined;
/** The default Storage, synthesised once and shared by the assertions that read it. */
function defaults(): Template {
  shared ??= synth();
  return shared;
}

describe('Storage', () => {
  it('is one on-demand table keyed pk/sk, encrypted, with PITR and TTL', () => {
    const template = defaults();
    template.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: [
        { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
      TimeToLiveSpecification: { AttributeName: TABLE_KEYS.expiresAt, Enabled: true },
      Replicas: [
        {
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          DeletionProtectionEnabled: true,
        },
      ],
    });
  });

  it('has a sparse, keys-only "due" index sorted by nextCheckAt', () => {
    defaults().hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      GlobalSecondaryIndexes: [
        {
          IndexName: TABLE_KEYS.dueIndexName,
          KeySchema: [
            { AttributeName: TABLE_KEYS.dueShard, KeyType: 'HASH' },
            { AttributeName: TABLE_KEYS.nextCheckAt, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'KEYS_ONLY' },
        },
      ],
    });
  });

  it('keeps raw mail in a private, encrypted, TLS-only bucket that expires it and logs access', () => {
    const template = defaults();
    template.resourceCountIs('AWS::S3::Bucket', 2);
    const privateBucket = {
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
    };
    template.hasResourceProperties('AWS::S3::Bucket', {
      ...privateBucket,
      LoggingConfiguration: { LogFilePrefix: 'mail-bucket/' },
      LifecycleConfiguration: {
        Rules: [Match.objectLike({ Prefix: 'mail/', ExpirationInDays: 30, Status: 'Enabled' })],
      },
    });
    template.hasResourceProperties('AWS::S3::Bucket', {
      ...privateBucket,
      LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 90 })] },
    });
    // Both bucket policies deny any request without TLS.
    const policies = Object.values(template.findResources('AWS::S3::BucketPolicy'));
    expect(policies).toHaveLength(2);
    for (const policy of policies) {
      expect(policy.Properties.PolicyDocument.Statement).toContainEqual(
        expect.objectContaining({
          Effect: 'Deny',
          Action: 's3:*',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }),
      );
    }
  });

  it('retains the table by default and lets a test deployment destroy it', () => {
    const kept = defaults();
    kept.hasResource('AWS::DynamoDB::GlobalTable', { DeletionPolicy: 'Retain' });
    expect(Object.values(kept.findResources('AWS::S3::Bucket')).map((b) => b.DeletionPolicy)).toEqual([
      'Retain',
      'Retain',
    ]);
    const disposable = synth(RemovalPolicy.DESTROY);
    disposable.hasResource('AWS::DynamoDB::GlobalTable', { DeletionPolicy: 'Delete' });
    const replicas = disposable.findResources('AWS::DynamoDB::GlobalTable');
    expect(JSON.stringify(replicas)).not.toContain('"DeletionProtectionEnabled":true');
  });
});
