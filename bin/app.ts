#!/usr/bin/env node
// The CDK app: `npx cdk synth` / `npx cdk deploy`. Settings come from cdk.json context (README "Configuration").
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ConfigError, loadConfig } from '../lib/config';
import { OrderwatchStack } from '../lib/orderwatch-stack';

const app = new App();
let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig(app.node.getAllContext(), process.env.CDK_DEFAULT_REGION);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`orderwatch: ${error.message}`);
  process.exit(1);
}
new OrderwatchStack(app, config.stackName, {
  config,
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: config.region },
  description: 'orderwatch: AliExpress buyer-protection deadline watchdog',
});
// The AWS Solutions security checks run on every synth: a finding without a justified suppression fails it.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
