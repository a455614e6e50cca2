#!/usr/bin/env node
// The CDK app: `npx cdk synth` / `npx cdk deploy`. Settings come from cdk.json context.
import { App } from 'aws-cdk-lib';
import { OrderwatchStack } from '../lib/orderwatch-stack';

const app = new App();
const stackName = app.node.tryGetContext('orderwatch:stackName') ?? 'Orderwatch';
if (typeof stackName !== 'string' || !/^[A-Za-z][A-Za-z0-9-]{0,127}$/.test(stackName)) {
  throw new Error(
    `cdk.json context "orderwatch:stackName" must be a CloudFormation stack name, got ${JSON.stringify(stackName)}`,
  );
}
new OrderwatchStack(app, stackName, {
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  description: 'orderwatch: AliExpress buyer-protection deadline watchdog',
});
