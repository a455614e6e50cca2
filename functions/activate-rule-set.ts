/**
 * The Lambda behind the custom resource that activates orderwatch's receipt rule set (the CDK Provider
 * framework calls it with the CloudFormation request and reports the answer back). The logic, and why it
 * looks before it activates or clears, is in `handlers/rule-set-activation.ts`.
 */
import {
  DescribeActiveReceiptRuleSetCommand,
  SESClient,
  SetActiveReceiptRuleSetCommand,
} from '@aws-sdk/client-ses';
import { type ActivationResult, type ActiveRuleSet, activateRuleSet } from './handlers/rule-set-activation';

const ses = new SESClient({});

const activeRuleSet: ActiveRuleSet = {
  async get() {
    const out = await ses.send(new DescribeActiveReceiptRuleSetCommand({}));
    return out.Metadata?.Name ?? null;
  },
  async set(name) {
    await ses.send(new SetActiveReceiptRuleSetCommand(name === null ? {} : { RuleSetName: name }));
  },
};

export function handler(event: unknown): Promise<ActivationResult> {
  return activateRuleSet(event, activeRuleSet);
}
