/**
 * The requests every part of the store makes of the one table: a consistent read of one item, every page
 * of a query, and batched writes retried until DynamoDB has taken them all.
 */
import {
  BatchWriteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  QueryCommand,
  type QueryCommandInput,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { type Item, key } from './dynamo-items';

/** The table and its client; `DynamoUsers`, `DynamoMailRecords` and `DynamoOrders` each make their requests through it. */
export abstract class TableRequests {
  constructor(
    protected readonly client: DynamoDBClient,
    protected readonly table: string,
  ) {}

  protected async get(pk: string, sk: string): Promise<Item | null> {
    const out = await this.client.send(
      new GetItemCommand({ TableName: this.table, Key: key(pk, sk), ConsistentRead: true }),
    );
    return out.Item ?? null;
  }

  /** Every page of a query on the table (consistent reads: a step sees the writes of the step before). */
  protected async *pages(
    input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
  ): AsyncGenerator<Item[]> {
    let start: Item | undefined;
    do {
      const out = await this.client.send(
        new QueryCommand({ ...input, TableName: this.table, ConsistentRead: true, ExclusiveStartKey: start }),
      );
      yield out.Items ?? [];
      start = out.LastEvaluatedKey;
    } while (start);
  }

  protected async writeBatch(requests: WriteRequest[]): Promise<void> {
    let pending = requests;
    for (let attempt = 0; pending.length > 0; attempt += 1) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** attempt)));
      if (attempt > 10) throw new Error(`BatchWriteItem left ${pending.length} items unprocessed`);
      const out = await this.client.send(
        new BatchWriteItemCommand({ RequestItems: { [this.table]: pending } }),
      );
      pending = out.UnprocessedItems?.[this.table] ?? [];
    }
  }
}
