/** One place that builds the stack for infra tests, from cdk.json's example configuration. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { loadConfig, type OrderwatchConfig } from '../../lib/config';
import { OrderwatchStack } from '../../lib/orderwatch-stack';

const ROOT = join(import.meta.dirname, '../..');

/** The `context` object of the shipped cdk.json. */
export function exampleContext(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(ROOT, 'cdk.json'), 'utf8')).context;
}

/**
 * A test app with cdk.json's context (its feature flags too), bundling skipped: synth stays fast, and the
 * bundles are built and checked on their own (bundles.test.ts).
 */
export function testApp(): App {
  return new App({ context: { ...exampleContext(), 'aws:cdk:bundling-stacks': [] } });
}

export function exampleConfig(overrides: Record<string, unknown> = {}): OrderwatchConfig {
  const context = { ...exampleContext() };
  for (const [key, value] of Object.entries(overrides)) context[`orderwatch:${key}`] = value;
  return loadConfig(context);
}

export function exampleStack(overrides: Record<string, unknown> = {}): OrderwatchStack {
  const config = exampleConfig(overrides);
  return new OrderwatchStack(testApp(), config.stackName, {
    config,
    env: { account: '123456789012', region: config.region },
  });
}
