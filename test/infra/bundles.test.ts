import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildBundle } from '../../bench/build-bundle';
import { CREATE_REQUIRE_BANNER } from '../../lib/bundling';

// The bundles as the stack builds them (same esbuild options): what is deployed must not carry the AWS SDK
// (the runtime has it), aws-cdk-lib, or (remind) the MIME parser. test/integration/bundles.test.ts invokes
// the built bundles against the loopback emulators.
describe('Lambda bundles', () => {
  it.each(['ingest', 'remind'] as const)(
    '%s bundles without forbidden packages, as ESM with require',
    async (name) => {
      const bundle = await buildBundle(name);
      expect(bundle.forbidden).toEqual([]);
      const code = readFileSync(bundle.file, 'utf8');
      expect(code.startsWith(CREATE_REQUIRE_BANNER)).toBe(true);
      expect(code).toContain('sourceMappingURL=index.mjs.map');
    },
    60_000,
  );
});
