/**
 * Attribute names the table's keys and indexes use. The CDK construct (`lib/constructs/storage.ts`) and
 * the storage adapter both import these, never retype them. Dependency-free on purpose: a Lambda that
 * imports it must not bundle aws-cdk-lib (test/unit/table-keys.test.ts bundles it alone).
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
