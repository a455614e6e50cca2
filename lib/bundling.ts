/**
 * How the two Lambda bundles are built: the one definition both the `Functions` construct (NodejsFunction,
 * local esbuild, no Docker) and `bench/bundles.ts` (esbuild directly) use, so the benchmark measures what
 * is deployed. CDK-free on purpose: the bench imports it without aws-cdk-lib.
 */
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');

/** Each function's entry file (exporting `handler`). */
export const FUNCTION_ENTRIES = {
  ingest: join(ROOT, 'functions/ingest.ts'),
  remind: join(ROOT, 'functions/remind.ts'),
} as const;

export type FunctionName = keyof typeof FUNCTION_ENTRIES;

/** The function behind the custom resource that activates the receipt rule set (no mail, no table). */
export const ACTIVATION_ENTRY = join(ROOT, 'functions/activate-rule-set.ts');

/**
 * mailparser (and its dependencies) still call `require` for Node built-ins; an ESM bundle has none, so
 * the bundle defines one at its top.
 */
export const CREATE_REQUIRE_BANNER =
  "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/**
 * Packages the bundles replace with our own modules. mailparser decodes legacy charsets with iconv-lite and
 * encoding-japanese, whose code-page tables were 700 KB of the 1.7 MB ingest bundle; the runtime's
 * `TextDecoder` decodes the same charsets (`functions/bundle-shims/`). Absolute paths, since esbuild
 * resolves an alias from its working directory. `test/integration/reader-bundle.test.ts` reads every
 * fixture and real mail with the bundled reader and with the sources and expects the same result.
 */
export const BUNDLE_ALIASES = {
  'iconv-lite': join(ROOT, 'functions/bundle-shims/iconv-lite.ts'),
  'encoding-japanese': join(ROOT, 'functions/bundle-shims/encoding-japanese.ts'),
} as const;

/** The esbuild settings, in esbuild's own terms. */
export const BUNDLE = {
  platform: 'node',
  /** Matches the Lambda runtime (Node.js 22). */
  target: 'node22',
  format: 'esm',
  minify: true,
  sourcemap: true,
  /** The Node.js 22 runtime ships AWS SDK v3: it is not bundled. */
  external: ['@aws-sdk/*'],
  /** Prefer packages' ESM builds. */
  mainFields: ['module', 'main'],
  banner: CREATE_REQUIRE_BANNER,
  alias: BUNDLE_ALIASES,
} as const;

/** Packages a bundle must never contain (checked by the bundle test and `npm run bench`). */
export const FORBIDDEN_IN_BUNDLE: Record<FunctionName, readonly string[]> = {
  // The charset tables stay out: the aliases (BUNDLE_ALIASES) decode with the runtime's TextDecoder.
  ingest: ['aws-cdk-lib', '@aws-sdk/', 'iconv-lite', 'encoding-japanese'],
  // remind never reads mail: the MIME parser would only cost cold-start time.
  remind: ['aws-cdk-lib', '@aws-sdk/', 'mailparser', 'iconv-lite', 'encoding-japanese'],
};
