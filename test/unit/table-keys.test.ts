/**
 * The Lambdas read and write the table by these names; a Lambda that imported them from the CDK construct
 * would bundle aws-cdk-lib (tens of MB) into its code. The module must stand alone.
 */
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const MODULE = join(import.meta.dirname, '../../functions/shared/table-keys.ts');

describe('TABLE_KEYS', () => {
  it('bundles on its own: nothing but its own file, no aws-cdk-lib', async () => {
    const result = await build({
      entryPoints: [MODULE],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'node',
      format: 'esm',
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs).toEqual([expect.stringMatching(/functions\/shared\/table-keys\.ts$/)]);
  });

  it('is the object the Storage construct keys the table with', async () => {
    const shared = await import('../../functions/shared/table-keys');
    const construct = await import('../../lib/constructs/storage');
    expect(construct.TABLE_KEYS).toBe(shared.TABLE_KEYS);
    expect(shared.TABLE_KEYS.partitionKey).toBe('pk');
  });
});
