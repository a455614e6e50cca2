import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENV_NAMES } from '../../lib/constructs/functions';
import { RECEIPT_RULE_NAME } from '../../lib/constructs/inbound-mail';
import type { OrderwatchStack } from '../../lib/orderwatch-stack';
import { exampleStack } from './support';

// Synth is CPU-heavy: one stack from the example configuration serves every assertion below, and one
// variant (hosted zone, no activation) the ones that differ.
/** A synth takes seconds, more on the shared 2-core machine. */
const SYNTH_TIMEOUT_MS = 120_000;
let stack: OrderwatchStack;
let template: Template;
beforeAll(() => {
  stack = exampleStack();
  template = Template.fromStack(stack);
}, SYNTH_TIMEOUT_MS);

type Resource = { Type: string; Properties: Record<string, unknown> };
const ofType = (type: string) => Object.values(template.findResources(type)) as Resource[];
const id = (construct: { node: { defaultChild?: unknown } }) =>
  stack.getLogicalId(construct.node.defaultChild as Parameters<typeof stack.getLogicalId>[0]);

/** Every statement of every IAM policy attached to a role, with the role's logical id. */
function roleStatements(roleLogicalId: string): Array<Record<string, unknown>> {
  return ofType('AWS::IAM::Policy')
    .filter((p) => JSON.stringify(p.Properties.Roles).includes(roleLogicalId))
    .flatMap((p) => (p.Properties.PolicyDocument as { Statement: Array<Record<string, unknown>> }).Statement);
}

/** The identities both functions may send through: the domain, and the sandbox's verified recipients. */
function sendIdentities(): string[] {
  return [
    JSON.stringify({ Ref: id(stack.mailIdentity.identity) }),
    'partner@example.net',
    'you@example.com',
  ].sort();
}

function functionRole(fn: { role?: { node: { defaultChild?: unknown } } }): string {
  if (!fn.role) throw new Error('function without role');
  return id(fn.role);
}

describe('OrderwatchStack (example configuration)', () => {
  it('passes cdk-nag AwsSolutions: every finding is acknowledged with a reason', () => {
    const report = new AwsSolutionsChecks().validateScope(stack);
    const findings = report.violations.flatMap((v) =>
      v.violatingResources.map((r) => `${v.ruleName} at ${r.constructPath ?? r.resourceLogicalId}`),
    );
    expect(findings).toEqual([]);
    expect(report.success).toBe(true);
  });

  describe('inbound mail', () => {
    it('has one rule for the recipient: TLS required, scanning on, S3 first, then ingest (Event)', () => {
      template.resourceCountIs('AWS::SES::ReceiptRuleSet', 1);
      template.resourceCountIs('AWS::SES::ReceiptRule', 1);
      const [rule] = ofType('AWS::SES::ReceiptRule');
      expect(rule?.Properties.Rule).toEqual({
        Name: RECEIPT_RULE_NAME,
        Enabled: true,
        Recipients: ['watch@orders.example.com'],
        ScanEnabled: true,
        TlsPolicy: 'Require',
        Actions: [
          { S3Action: { BucketName: { Ref: id(stack.storage.mailBucket) }, ObjectKeyPrefix: 'mail/' } },
          {
            LambdaAction: {
              FunctionArn: { 'Fn::GetAtt': [id(stack.functions.ingest), 'Arn'] },
              InvocationType: 'Event',
            },
          },
        ],
      });
    });

    it('lets SES put raw mail only for this account and this rule, under the prefix', () => {
      const policy = ofType('AWS::S3::BucketPolicy').find(
        (p) => JSON.stringify(p.Properties.Bucket) === JSON.stringify({ Ref: id(stack.storage.mailBucket) }),
      );
      const statements =
        (policy?.Properties.PolicyDocument as { Statement: unknown[] } | undefined)?.Statement ?? [];
      const ses = statements.filter((s) => JSON.stringify(s).includes('ses.amazonaws.com'));
      expect(ses).toHaveLength(1);
      expect(ses[0]).toMatchObject({
        Effect: 'Allow',
        Action: 's3:PutObject',
        Principal: { Service: 'ses.amazonaws.com' },
        Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } },
      });
      const json = JSON.stringify(ses[0]);
      expect(json).toContain(`:receipt-rule/${RECEIPT_RULE_NAME}`);
      expect(json).toContain('/mail/*');
      // The rule is created after the policy (SES checks it may write when the rule is created).
      const [ruleResource] = Object.values(template.findResources('AWS::SES::ReceiptRule'));
      expect(JSON.stringify(ruleResource?.DependsOn)).toMatch(/StorageMailPolicy/);
    });

    it('lets SES invoke ingest only for this account and this rule', () => {
      template.resourceCountIs('AWS::Lambda::Permission', 1);
      const [permission] = ofType('AWS::Lambda::Permission');
      expect(permission?.Properties).toMatchObject({
        Action: 'lambda:InvokeFunction',
        Principal: 'ses.amazonaws.com',
        SourceAccount: '123456789012',
        FunctionName: { 'Fn::GetAtt': [id(stack.functions.ingest), 'Arn'] },
      });
      expect(JSON.stringify(permission?.Properties.SourceArn)).toContain(
        `:receipt-rule/${RECEIPT_RULE_NAME}`,
      );
    });

    it('activates its own rule set through a function that looks first, after the rule exists', () => {
      const activation = stack.inboundMail.activation;
      if (!activation) throw new Error('the example activates the rule set');
      template.hasResourceProperties('Custom::OrderwatchActiveRuleSet', {
        ServiceToken: { 'Fn::GetAtt': [id(activation.provider.node.findChild('framework-onEvent')), 'Arn'] },
        RuleSetName: {
          Ref: id(stack.inboundMail.ruleSet),
        },
      });
      const [resource] = Object.values(template.findResources('Custom::OrderwatchActiveRuleSet'));
      expect(JSON.stringify(resource?.DependsOn)).toContain(id(stack.inboundMail.rule));
      // Its function may read and set the active rule set and nothing else ("*": neither action has
      // resource-level ARNs); the decisions are tested in test/unit/service/rule-set-activation.test.ts.
      expect(roleStatements(functionRole(activation.function))).toEqual([
        {
          Action: ['ses:DescribeActiveReceiptRuleSet', 'ses:SetActiveReceiptRuleSet'],
          Effect: 'Allow',
          Resource: '*',
        },
      ]);
      template.resourceCountIs('Custom::AWS', 0);
    });
  });

  describe('mail identity', () => {
    it('is an SES domain identity with Easy DKIM', () => {
      template.resourceCountIs('AWS::SES::EmailIdentity', 1);
      const [identity] = ofType('AWS::SES::EmailIdentity');
      // Easy DKIM signing is CloudFormation's default: nothing may switch it off.
      expect(identity?.Properties).toEqual({ EmailIdentity: 'orders.example.com' });
    });

    it('without a hosted zone, prints the MX and the three DKIM records', () => {
      const outputs = template.findOutputs('*');
      const values = Object.values(outputs).map((o) => JSON.stringify(o.Value));
      expect(values).toContain(
        JSON.stringify('orders.example.com MX 10 inbound-smtp.eu-west-1.amazonaws.com'),
      );
      expect(values.filter((v) => v.includes('CNAME'))).toHaveLength(3);
      template.resourceCountIs('AWS::Route53::RecordSet', 0);
    });
  });

  describe('functions', () => {
    it('run Node.js 22 on ARM64 with JSON logs into log groups with retention', () => {
      const functions = ofType('AWS::Lambda::Function').filter((f) =>
        JSON.stringify(f.Properties.Environment ?? {}).includes(ENV_NAMES.table),
      );
      expect(functions).toHaveLength(2);
      for (const fn of functions) {
        expect(fn.Properties).toMatchObject({
          Runtime: 'nodejs22.x',
          Architectures: ['arm64'],
          Handler: 'index.handler',
          LoggingConfig: { LogFormat: 'JSON', ApplicationLogLevel: 'INFO', SystemLogLevel: 'WARN' },
        });
      }
      // Theirs, and the rule-set activation's function and custom-resource framework: none unbounded.
      template.resourceCountIs('AWS::Logs::LogGroup', 4);
      template.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
      template.hasResourceProperties('AWS::Lambda::Function', {
        MemorySize: 512,
        Description: Match.stringLikeRegexp('reads mail'),
      });
      template.hasResourceProperties('AWS::Lambda::Function', {
        MemorySize: 256,
        Description: Match.stringLikeRegexp('alerts'),
      });
    });

    it('get the whole configuration as environment variables', () => {
      const [fn] = ofType('AWS::Lambda::Function').filter((f) =>
        JSON.stringify(f.Properties.Environment ?? {}).includes(ENV_NAMES.table),
      );
      const env =
        (fn?.Properties.Environment as { Variables: Record<string, unknown> } | undefined)?.Variables ?? {};
      expect(Object.keys(env).sort()).toEqual([...Object.values(ENV_NAMES), 'NODE_OPTIONS'].sort());
      expect(env).toMatchObject({
        [ENV_NAMES.table]: { Ref: id(stack.storage.table) },
        [ENV_NAMES.bucket]: { Ref: id(stack.storage.mailBucket) },
        [ENV_NAMES.prefix]: 'mail/',
        [ENV_NAMES.address]: 'watch@orders.example.com',
        [ENV_NAMES.fromName]: 'orderwatch',
        [ENV_NAMES.allow]: 'you@example.com,partner@example.net',
        [ENV_NAMES.timeZone]: 'Europe/Berlin',
        [ENV_NAMES.policy]: '{}',
        [ENV_NAMES.dailyReplyCap]: '20',
        [ENV_NAMES.maxMailBytes]: '10485760',
        [ENV_NAMES.retentionDays]: '30',
      });
    });

    it('ingest may read and delete raw mail under the prefix, use the table, and send from the identity', () => {
      const statements = roleStatements(functionRole(stack.functions.ingest));
      const json = JSON.stringify(statements);
      expect(json).toContain('s3:GetObject*');
      expect(json).toContain('s3:DeleteObject*');
      expect(json).toContain('/mail/*');
      expect(json).not.toContain('s3:PutObject');
      expect(json).toContain('dynamodb:PutItem');
      expect(sendStatements(statements).sort()).toEqual(sendIdentities());
    });

    it('remind may use the table and send from the identity, and cannot touch the mail bucket', () => {
      const statements = roleStatements(functionRole(stack.functions.remind));
      const json = JSON.stringify(statements);
      expect(json).not.toContain('s3:');
      expect(json).toContain('dynamodb:Query');
      expect(sendStatements(statements).sort()).toEqual(sendIdentities());
    });

    it('grants on named resources only: no "*" resource in any function policy', () => {
      for (const fn of [stack.functions.ingest, stack.functions.remind]) {
        for (const statement of roleStatements(functionRole(fn))) {
          const resources = [statement.Resource].flat();
          expect(resources).not.toContain('*');
        }
      }
    });
  });

  describe('schedule', () => {
    it('runs remind every 15 minutes with retries and a dead-letter queue', () => {
      template.resourceCountIs('AWS::Scheduler::Schedule', 1);
      template.hasResourceProperties('AWS::Scheduler::Schedule', {
        ScheduleExpression: 'rate(15 minutes)',
        State: 'ENABLED',
        FlexibleTimeWindow: { Mode: 'OFF' },
        Target: {
          Arn: { 'Fn::GetAtt': [id(stack.functions.remind), 'Arn'] },
          RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 900 },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [id(stack.reminderSchedule.deadLetterQueue), 'Arn'] } },
        },
      });
    });

    it("retries a failed run once within the interval (Scheduler invokes asynchronously, so that is Lambda's retry)", () => {
      template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: id(stack.functions.remind) },
        MaximumRetryAttempts: 1,
        MaximumEventAgeInSeconds: 900,
      });
    });
  });

  describe('failure is visible', () => {
    it('sends ingest async failures to an encrypted SQS queue', () => {
      template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: id(stack.functions.ingest) },
        MaximumRetryAttempts: 2,
        DestinationConfig: {
          OnFailure: { Destination: { 'Fn::GetAtt': [id(stack.alarms.ingestFailures), 'Arn'] } },
        },
      });
      template.allResourcesProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
    });

    it('alarms on both queues, errors and throttles of both functions, and remind not running', () => {
      const alarms = ofType('AWS::CloudWatch::Alarm');
      const named = (metric: string, dimension: string) =>
        alarms.filter(
          (a) =>
            a.Properties.MetricName === metric && JSON.stringify(a.Properties.Dimensions).includes(dimension),
        );
      for (const queue of [stack.alarms.ingestFailures, stack.reminderSchedule.deadLetterQueue]) {
        expect(named('ApproximateNumberOfMessagesVisible', id(queue))).toHaveLength(1);
      }
      for (const fn of [stack.functions.ingest, stack.functions.remind]) {
        expect(named('Errors', id(fn))).toHaveLength(1);
        expect(named('Throttles', id(fn))).toHaveLength(1);
      }
      const [notRunning] = named('Invocations', id(stack.functions.remind));
      expect(notRunning?.Properties).toMatchObject({
        Statistic: 'Sum',
        Period: 2700,
        EvaluationPeriods: 1,
        Threshold: 1,
        ComparisonOperator: 'LessThanThreshold',
        TreatMissingData: 'breaching',
      });
      expect(alarms).toHaveLength(7);
      const topic = { Ref: id(stack.alarms.topic) };
      for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toEqual([topic]);
    });

    it('mails the operator through an SNS topic that requires TLS', () => {
      template.hasResourceProperties('AWS::SNS::Subscription', {
        Protocol: 'email',
        Endpoint: 'you@example.com',
        TopicArn: { Ref: id(stack.alarms.topic) },
      });
      const [policy] = ofType('AWS::SNS::TopicPolicy');
      expect(JSON.stringify(policy?.Properties.PolicyDocument)).toContain('"aws:SecureTransport":"false"');
    });
  });
});

/**
 * The identities the sending statements name: SendRawEmail only, on identity ARNs (the domain identity,
 * and, in the SES sandbox, each allowed user's address identity), and only with orderwatch's own address
 * as the From address.
 */
function sendStatements(statements: Array<Record<string, unknown>>): string[] {
  const send = statements.filter((s) => JSON.stringify(s.Action).includes('ses:'));
  expect(send.length).toBeGreaterThan(0);
  return send.flatMap((s) => {
    expect(s.Action).toBe('ses:SendRawEmail');
    expect(s.Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'watch@orders.example.com' } });
    const resources = (Array.isArray(s.Resource) ? s.Resource : [s.Resource]) as {
      'Fn::Join': [string, unknown[]];
    }[];
    return resources.map((resource) => {
      const parts = resource['Fn::Join'][1];
      expect(parts[2]).toMatch(/^:ses:eu-west-1:123456789012:identity\//);
      const rest = parts.slice(2).map((p) => (typeof p === 'string' ? p : JSON.stringify(p)));
      return rest.join('').replace(':ses:eu-west-1:123456789012:identity/', '');
    });
  });
}

describe('OrderwatchStack (hosted zone, rule set not activated, SES sandbox off)', () => {
  let variant: Template;
  beforeAll(() => {
    variant = Template.fromStack(
      exampleStack({
        hostedZone: { id: 'Z0123456789ABC', name: 'example.com' },
        activateRuleSet: false,
        sesSandbox: false,
        reminderEveryMinutes: 30,
      }),
    );
  }, SYNTH_TIMEOUT_MS);

  it('creates the MX record and three DKIM CNAMEs in the zone instead of printing them', () => {
    variant.hasResourceProperties('AWS::Route53::RecordSet', {
      HostedZoneId: 'Z0123456789ABC',
      Name: 'orders.example.com.',
      Type: 'MX',
      ResourceRecords: ['10 inbound-smtp.eu-west-1.amazonaws.com'],
    });
    expect(
      Object.values(variant.findResources('AWS::Route53::RecordSet')).filter(
        (r) => r.Properties.Type === 'CNAME',
      ),
    ).toHaveLength(3);
    // Only the rule set's name is printed: no record is left to create by hand.
    expect(Object.values(variant.findOutputs('*')).map((o) => o.Description)).toEqual([
      "orderwatch's SES receipt rule set",
    ]);
  });

  it('out of the SES sandbox, grants sending on the domain identity only', () => {
    const policies = JSON.stringify(variant.findResources('AWS::IAM::Policy'));
    expect(policies).toContain(':identity/');
    expect(policies).not.toContain('identity/you@example.com');
    expect(policies).not.toContain('identity/partner@example.net');
  });

  it('leaves the active rule set alone', () => {
    variant.resourceCountIs('Custom::OrderwatchActiveRuleSet', 0);
    variant.resourceCountIs('AWS::SES::ReceiptRuleSet', 1);
  });

  it('follows the configured interval in the schedule and the not-running alarm', () => {
    variant.hasResourceProperties('AWS::Scheduler::Schedule', { ScheduleExpression: 'rate(30 minutes)' });
    variant.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'Invocations', Period: 5400 });
  });
});

describe('OrderwatchStack (its rule added to an existing, active rule set)', () => {
  let variant: Template;
  beforeAll(() => {
    variant = Template.fromStack(exampleStack({ ruleSet: 'shop-mail', activateRuleSet: false }));
  }, SYNTH_TIMEOUT_MS);

  it('creates no rule set of its own and activates nothing', () => {
    variant.resourceCountIs('AWS::SES::ReceiptRuleSet', 0);
    variant.resourceCountIs('Custom::OrderwatchActiveRuleSet', 0);
    variant.hasResourceProperties('AWS::SES::ReceiptRule', {
      RuleSetName: 'shop-mail',
      Rule: Match.objectLike({ Name: RECEIPT_RULE_NAME, Recipients: ['watch@orders.example.com'] }),
    });
  });

  it('admits SES to the bucket and to ingest for the rule in that set (its ARN names the set)', () => {
    const ruleArn = `:receipt-rule-set/shop-mail:receipt-rule/${RECEIPT_RULE_NAME}`;
    const policies = Object.values(variant.findResources('AWS::S3::BucketPolicy'));
    const sesStatement = policies
      .flatMap((p) => (p.Properties.PolicyDocument as { Statement: unknown[] }).Statement)
      .find((s) => JSON.stringify(s).includes('ses.amazonaws.com'));
    expect(JSON.stringify(sesStatement)).toContain(ruleArn);
    const [permission] = Object.values(variant.findResources('AWS::Lambda::Permission'));
    expect(JSON.stringify(permission?.Properties.SourceArn)).toContain(ruleArn);
  });
});
