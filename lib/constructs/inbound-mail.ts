import { Stack } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import {
  type IReceiptRuleAction,
  type IReceiptRuleRef,
  ReceiptRule,
  type ReceiptRuleActionConfig,
  ReceiptRuleSet,
  TlsPolicy,
} from 'aws-cdk-lib/aws-ses';
import { Lambda, LambdaInvocationType } from 'aws-cdk-lib/aws-ses-actions';
import {
  AwsCustomResource,
  AwsCustomResourcePolicy,
  type AwsSdkCall,
  PhysicalResourceId,
} from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';

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
   * Make this stack's rule set the region's active one on create and update, and clear the active rule
   * set on delete. A region has one active rule set: leave this off if the account already receives mail
   * in this region through another rule set (then add this rule to that set by hand).
   * @default true
   */
  readonly activate?: boolean;
}

/** The receipt rule's name: fixed, so the bucket policy and the invoke permission can name its ARN. */
export const RECEIPT_RULE_NAME = 'orderwatch-recipient';

/**
 * SES receiving for the recipient: a receipt rule set with one rule (TLS required, spam and virus
 * scanning on) whose actions run in order: save the raw mail to S3, then invoke ingest (Event). The bucket
 * policy and the Lambda permission admit SES only for this account and this rule.
 */
export class InboundMail extends Construct {
  readonly ruleSet: ReceiptRuleSet;
  readonly rule: ReceiptRule;
  /** The custom resource that activates the rule set; `null` when `activate` is off. */
  readonly activation: AwsCustomResource | null;

  constructor(scope: Construct, id: string, props: InboundMailProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.ruleSet = new ReceiptRuleSet(this, 'RuleSet');
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

    this.activation = null;
    if (props.activate ?? true) {
      const activate: AwsSdkCall = {
        service: 'SES',
        action: 'SetActiveReceiptRuleSet',
        parameters: { RuleSetName: this.ruleSet.receiptRuleSetName },
        physicalResourceId: PhysicalResourceId.of(`${this.ruleSet.receiptRuleSetName}-active`),
      };
      this.activation = new AwsCustomResource(this, 'Activate', {
        onCreate: activate,
        onUpdate: activate,
        // No RuleSetName: no rule set is active afterwards, so CloudFormation can delete ours.
        onDelete: { service: 'SES', action: 'SetActiveReceiptRuleSet', parameters: {} },
        // SetActiveReceiptRuleSet has no resource-level permissions: IAM only accepts "*" for it.
        policy: AwsCustomResourcePolicy.fromSdkCalls({ resources: AwsCustomResourcePolicy.ANY_RESOURCE }),
        installLatestAwsSdk: false,
      });
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
