/**
 * Builds one Lambda bundle with esbuild and the very options the `Functions` construct gives
 * NodejsFunction (`lib/bundling.ts`), for the bench and the bundle test.
 */
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { BUNDLE, FORBIDDEN_IN_BUNDLE, FUNCTION_ENTRIES, type FunctionName } from '../lib/bundling';

const ROOT = join(import.meta.dirname, '..');
/** Inside the project, so the external `@aws-sdk/*` imports resolve from its node_modules at import time. */
export const BUNDLE_DIR = join(ROOT, 'node_modules/.cache/orderwatch-bundles');

export interface BuiltBundle {
  readonly name: FunctionName;
  readonly file: string;
  readonly bytes: number;
  /** Input files esbuild put in the bundle, relative to the project root. */
  readonly inputs: readonly string[];
  /** Forbidden packages (`FORBIDDEN_IN_BUNDLE`) found among the inputs. */
  readonly forbidden: readonly string[];
}

/** Builds `name`'s entry into `BUNDLE_DIR/<label>/index.mjs`. */
export async function buildBundle(name: FunctionName, label: string = name): Promise<BuiltBundle> {
  const outdir = join(BUNDLE_DIR, label);
  mkdirSync(outdir, { recursive: true });
  const file = join(outdir, 'index.mjs');
  const result = await build({
    entryPoints: [FUNCTION_ENTRIES[name]],
    outfile: file,
    bundle: true,
    platform: BUNDLE.platform,
    target: BUNDLE.target,
    format: BUNDLE.format,
    minify: BUNDLE.minify,
    sourcemap: BUNDLE.sourcemap,
    external: [...BUNDLE.external],
    mainFields: [...BUNDLE.mainFields],
    banner: { js: BUNDLE.banner },
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs);
  const forbidden = FORBIDDEN_IN_BUNDLE[name].filter((pkg) =>
    inputs.some((input) => input.includes(`node_modules/${pkg}`)),
  );
  return { name, file, bytes: statSync(file).size, inputs, forbidden };
}
