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
  const built = await buildWithLambdaOptions(FUNCTION_ENTRIES[name], label);
  const forbidden = FORBIDDEN_IN_BUNDLE[name].filter((pkg) =>
    built.inputs.some((input) => input.includes(`node_modules/${pkg}`)),
  );
  return { name, ...built, forbidden };
}

/**
 * Builds any entry with the Lambda bundles' options into `BUNDLE_DIR/<label>/index.mjs`: tests bundle a
 * part of a function (the mail reader) to compare it with the sources.
 */
export async function buildWithLambdaOptions(
  entry: string,
  label: string,
): Promise<Pick<BuiltBundle, 'file' | 'bytes' | 'inputs'>> {
  const outdir = join(BUNDLE_DIR, label);
  mkdirSync(outdir, { recursive: true });
  const file = join(outdir, 'index.mjs');
  const result = await build({
    entryPoints: [entry],
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
    alias: { ...BUNDLE.alias },
    metafile: true,
    logLevel: 'silent',
  });
  return { file, bytes: statSync(file).size, inputs: Object.keys(result.metafile.inputs) };
}
