/** Creates the orderwatch table on an emulator exactly as `lib/constructs/storage.ts` declares it. */
import { randomUUID } from 'node:crypto';
import { CreateTableCommand, DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { TABLE_KEYS } from '../shared/table-keys';

/** A new table with a unique name (tests share one emulator); resolves once it is ACTIVE. */
export async function createTable(
  client: DynamoDBClient,
  name = `orderwatch-${randomUUID()}`,
): Promise<string> {
  await client.send(
    new CreateTableCommand({
      TableName: name,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: TABLE_KEYS.partitionKey, AttributeType: 'S' },
        { AttributeName: TABLE_KEYS.sortKey, AttributeType: 'S' },
        { AttributeName: TABLE_KEYS.dueShard, AttributeType: 'S' },
        { AttributeName: TABLE_KEYS.nextCheckAt, AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
      ],
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
    }),
  );
  // TTL (TABLE_KEYS.expiresAt) is left off: it only tidies up, and dynalite does not implement it.
  for (let i = 0; i < 100; i += 1) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
    if (Table?.TableStatus === 'ACTIVE') return name;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`table ${name} did not become ACTIVE`);
}

/** Local mode's table: created on the first start, found again (persisted by dynalite) on every later one. */
export async function ensureTable(client: DynamoDBClient, name: string): Promise<'created' | 'found'> {
  try {
    await client.send(new DescribeTableCommand({ TableName: name }));
    return 'found';
  } catch (error) {
    if ((error as { name?: unknown }).name !== 'ResourceNotFoundException') throw error;
  }
  await createTable(client, name);
  return 'created';
}
