/**
 * Attribute names the table's keys and indexes use; the storage adapter imports these, never retypes them.
 * A module of its own, free of CDK imports, so the Lambda bundles that read it never pull in aws-cdk-lib.
 */
export const TABLE_KEYS = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Sparse "due" index: only items that carry both attributes (orders with a future check) are in it. */
  dueIndexName: 'due',
  dueShard: 'dueShard',
  nextCheckAt: 'nextCheckAt',
  /** Epoch seconds; TTL only tidies up, no correctness depends on it having run. */
  expiresAt: 'expiresAt',
} as const;
