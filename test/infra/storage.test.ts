import { App, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { Storage, TABLE_KEYS } from '../../lib/constructs/storage';
import { OrderwatchStack } from '../../lib/orderwatch-stack';

function synth(removalPolicy?: RemovalPolicy): Template {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new Stack(app, 'Test');
  new Storage(stack, 'Storage', removalPolicy ? { removalPolicy } : {});
  return Template.fromStack(stack);
}

describe('Storage', () => {
  it('is one on-demand table keyed pk/sk, encrypted, with PITR and TTL', () => {
    const template = synth();
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
    synth().hasResourceProperties('AWS::DynamoDB::GlobalTable', {
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

  it('retains the table by default and lets a test deployment destroy it', () => {
    synth().hasResource('AWS::DynamoDB::GlobalTable', { DeletionPolicy: 'Retain' });
    const disposable = synth(RemovalPolicy.DESTROY);
    disposable.hasResource('AWS::DynamoDB::GlobalTable', { DeletionPolicy: 'Delete' });
    const replicas = disposable.findResources('AWS::DynamoDB::GlobalTable');
    expect(JSON.stringify(replicas)).not.toContain('"DeletionProtectionEnabled":true');
  });
});

describe('OrderwatchStack', () => {
  it('composes the storage construct', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const template = Template.fromStack(new OrderwatchStack(app, 'Orderwatch'));
    template.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
  });
});
