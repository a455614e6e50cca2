import { CustomResource, Duration, RemovalPolicy } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IReceiptRuleSet } from 'aws-cdk-lib/aws-ses';
import { Provider } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { ACTIVATION_ENTRY } from '../bundling';
import { NODEJS_BUNDLING } from './functions';

export interface RuleSetActivationProps {
  /** The rule set to make the region's active one. */
  readonly ruleSet: IReceiptRuleSet;
  /**
   * How long the function's CloudWatch logs are kept.
   * @default RetentionDays.ONE_MONTH
   */
  readonly logRetention?: RetentionDays;
}

/**
 * Makes a rule set the region's active one while the stack exists, without ever switching off another
 * application's: creation fails if another set is active, deletion clears the active set only if it is
 * still this one (`functions/handlers/rule-set-activation.ts`). A custom resource with a function of its
 * own, since the SDK-call resource (`AwsCustomResource`) cannot look before it acts.
 */
export class RuleSetActivation extends Construct {
  readonly function: NodejsFunction;
  readonly provider: Provider;
  readonly resource: CustomResource;

  constructor(scope: Construct, id: string, props: RuleSetActivationProps) {
    super(scope, id);
    const retention = props.logRetention ?? RetentionDays.ONE_MONTH;
    this.function = new NodejsFunction(this, 'Function', {
      description:
        "orderwatch: makes the receipt rule set the active one, and clears it only if it's still ours",
      entry: ACTIVATION_ENTRY,
      handler: 'handler',
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 128,
      timeout: Duration.seconds(30),
      bundling: NODEJS_BUNDLING,
      loggingFormat: LoggingFormat.JSON,
      logGroup: new LogGroup(this, 'FunctionLogs', { retention, removalPolicy: RemovalPolicy.DESTROY }),
    });
    // Neither action supports resource-level permissions: IAM accepts only "*" for them.
    this.function.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:DescribeActiveReceiptRuleSet', 'ses:SetActiveReceiptRuleSet'],
        resources: ['*'],
      }),
    );
    this.provider = new Provider(this, 'Provider', {
      onEventHandler: this.function,
      logGroup: new LogGroup(this, 'ProviderLogs', { retention, removalPolicy: RemovalPolicy.DESTROY }),
    });
    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: this.provider.serviceToken,
      resourceType: 'Custom::OrderwatchActiveRuleSet',
      properties: { RuleSetName: props.ruleSet.receiptRuleSetName },
    });
  }
}
