import { CfnOutput, Stack } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import {
  type IReceiptRuleAction,
  type IReceiptRuleRef,
  type IReceiptRuleSet,
  ReceiptRule,
  type ReceiptRuleActionConfig,
  ReceiptRuleSet,
  TlsPolicy,
} from 'aws-cdk-lib/aws-ses';
import { Lambda, LambdaInvocationType } from 'aws-cdk-lib/aws-ses-actions';
import { Construct } from 'constructs';
import { RuleSetActivation } from './rule-set-activation';

export interface InboundMailProps {
  /** The address mail is accepted for; mail to any other recipient is not taken by this rule. */
  readonly recipient: string;
  /** The bucket SES saves raw mail to (the first action). Must be a bucket of this stack. */
  readonly bucket: Bucket;
  /** Key prefix SES writes raw mail under. */
  readonly prefix: string;
  /** The function SES invokes (asynchronously) after the mail is saved (the second action). */
  readonly ingest: IFunction;
  /**
   * Make this stack's rule set the region's active one while the stack exists (`RuleSetActivation`: never
   * in place of another application's active set). Ignored with `existingRuleSetName`.
   * @default true
   */
  readonly activate?: boolean;
  /**
   * Add the rule to this existing rule set (the region's active one, which another application uses)
   * instead of creating a rule set of orderwatch's own.
   * @default - a rule set of orderwatch's own
   */
  readonly existingRuleSetName?: string;
}

/** The receipt rule's name: fixed, so the bucket policy and the invoke permission can name its ARN. */
export const RECEIPT_RULE_NAME = 'orderwatch-recipient';

/**
 * SES receiving for the recipient: one receipt rule (TLS required, spam and virus scanning on) whose
 * actions run in order: save the raw mail to S3, then invoke ingest (Event), in a rule set of its own or
 * at the top of an existing one. The bucket policy and the Lambda permission admit SES only for this
 * account and this rule.
 */
export class InboundMail extends Construct {
  readonly ruleSet: IReceiptRuleSet;
  readonly rule: ReceiptRule;
  /** What activates the rule set; `null` when it is not activated (or not orderwatch's own). */
  readonly activation: RuleSetActivation | null;

  constructor(scope: Construct, id: string, props: InboundMailProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const existing = props.existingRuleSetName;
    this.ruleSet =
      existing === undefined
        ? new ReceiptRuleSet(this, 'RuleSet')
        : ReceiptRuleSet.fromReceiptRuleSetName(this, 'RuleSet', existing);
    const ruleArn = stack.formatArn({
      service: 'ses',
      resource: 'receipt-rule-set',
      resourceName: `${this.ruleSet.receiptRuleSetName}:receipt-rule/${RECEIPT_RULE_NAME}`,
    });

    // ses-actions' Lambda action reuses a permission with this id when there is one: ours adds SourceArn.
    props.ingest.addPermission('AllowSes', {
      action: 'lambda:InvokeFunction',
      principal: new ServicePrincipal('ses.amazonaws.com'),
      sourceAccount: stack.account,
      sourceArn: ruleArn,
    });

    this.rule = new ReceiptRule(this, 'Rule', {
      ruleSet: this.ruleSet,
      receiptRuleName: RECEIPT_RULE_NAME,
      recipients: [props.recipient],
      enabled: true,
      scanEnabled: true,
      tlsPolicy: TlsPolicy.REQUIRE,
      actions: [
        new SaveToBucket(props.bucket, props.prefix, ruleArn),
        new Lambda({ function: props.ingest, invocationType: LambdaInvocationType.EVENT }),
      ],
    });

    if (existing === undefined) {
      // Its generated name is what the SES console shows and `aws ses set-active-receipt-rule-set` takes.
      new CfnOutput(this, 'ReceiptRuleSet', {
        description: "orderwatch's SES receipt rule set",
        value: this.ruleSet.receiptRuleSetName,
      });
    }

    this.activation = null;
    if (existing === undefined && (props.activate ?? true)) {
      this.activation = new RuleSetActivation(this, 'Activation', { ruleSet: this.ruleSet });
      // Activate once the rule (and so its bucket policy and permission) exists; deactivate before deleting.
      this.activation.node.addDependency(this.rule);
    }
  }
}

/**
 * The S3 action, with a bucket statement that admits SES for this account *and this rule*
 * (`aws:SourceAccount` and `aws:SourceArn`); ses-actions' own S3 action checks the account only.
 */
class SaveToBucket implements IReceiptRuleAction {
  constructor(
    private readonly bucket: Bucket,
    private readonly prefix: string,
    private readonly ruleArn: string,
  ) {}

  bind(rule: IReceiptRuleRef): ReceiptRuleActionConfig {
    const stack = Stack.of(this.bucket);
    this.bucket.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AllowSesPutRawMail',
        actions: ['s3:PutObject'],
        principals: [new ServicePrincipal('ses.amazonaws.com')],
        resources: [this.bucket.arnForObjects(`${this.prefix}*`)],
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account, 'aws:SourceArn': this.ruleArn },
        },
      }),
    );
    // SES checks it may write when the rule is created: the policy must exist first.
    const policy = this.bucket.policy;
    if (policy) rule.node.addDependency(policy);
    return { s3Action: { bucketName: this.bucket.bucketName, objectKeyPrefix: this.prefix } };
  }
}
