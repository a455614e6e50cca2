import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { buildBundle, buildWithLambdaOptions } from '../../bench/build-bundle';
import { ACTIVATION_ENTRY, CREATE_REQUIRE_BANNER } from '../../lib/bundling';
import { OrderwatchStack } from '../../lib/orderwatch-stack';
import { exampleConfig, exampleContext } from './support';

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

/** The bundles `cdk synth` and `cdk deploy` build: NodejsFunction's own esbuild run, not ours. */
describe('the stack bundles both functions with the charset shims', () => {
  it('as NodejsFunction builds them, under the size goals', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'orderwatch-synth-'));
    try {
      const config = exampleConfig();
      const app = new App({ outdir, context: exampleContext() });
      new OrderwatchStack(app, config.stackName, {
        config,
        env: { account: '123456789012', region: config.region },
      });
      const assembly = app.synth();
      const bundles = readdirSync(assembly.directory)
        .filter((entry) => existsSync(join(assembly.directory, entry, 'index.mjs')))
        .map((entry) => {
          const dir = join(assembly.directory, entry);
          const map = JSON.parse(readFileSync(join(dir, 'index.mjs.map'), 'utf8')) as { sources: string[] };
          return { bytes: statSync(join(dir, 'index.mjs')).size, sources: map.sources.join('\n') };
        });
      const ingest = bundles.find((bundle) => bundle.sources.includes('functions/ingest.ts'));
      const remind = bundles.find((bundle) => bundle.sources.includes('functions/remind.ts'));
      for (const bundle of [ingest, remind]) {
        expect(bundle?.sources).not.toMatch(/node_modules\/(iconv-lite|encoding-japanese)\//);
        expect(bundle?.sources).not.toMatch(/node_modules\/@aws-sdk\//);
      }
      expect(ingest?.sources).toContain('functions/bundle-shims/iconv-lite.ts');
      // The goals in issue 10; BENCHMARKS.md has the measured sizes.
      expect(ingest?.bytes).toBeLessThanOrEqual(1.5 * 1024 * 1024);
      expect(remind?.bytes).toBeLessThanOrEqual(0.5 * 1024 * 1024);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('the rule-set activation bundle', () => {
  it('starts, and refuses a malformed request before any SES call', async () => {
    const bundle = await buildWithLambdaOptions(ACTIVATION_ENTRY, `activation-${process.pid}`);
    try {
      expect(bundle.inputs.join('\n')).not.toMatch(/node_modules\/(@aws-sdk|mailparser)\//);
      const script = `
        const { handler } = await import(${JSON.stringify(pathToFileURL(bundle.file).href)});
        try { await handler({ RequestType: 'Create', ResourceProperties: {} }); console.log('accepted'); }
        catch (error) { console.log('refused ' + error.name); }
      `;
      const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
        env: { PATH: process.env.PATH ?? '', AWS_REGION: 'eu-west-1' },
      });
      expect(stdout.trim()).toBe('refused ValiError');
    } finally {
      rmSync(dirname(bundle.file), { recursive: true, force: true });
    }
  }, 60_000);
});
