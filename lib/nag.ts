/**
 * The cdk-nag AwsSolutions findings this stack accepts, each acknowledged on the narrowest construct, for
 * the exact finding (a wildcard finding names its action or resource), with the reason in one sentence.
 * test/infra/stack.test.ts checks that nothing else is reported.
 */
import { type CfnElement, Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { OrderwatchStack } from './orderwatch-stack';

function logicalId(construct: IConstruct): string {
  return Stack.of(construct).getLogicalId(construct.node.defaultChild as CfnElement);
}

function acknowledge(scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id: `AwsSolutions-${id}`, reason });
}

export function suppressNagFindings(stack: OrderwatchStack): void {
  const { functions, storage, inboundMail, reminderSchedule, alarms } = stack;
  const basicExecution =
    'IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]';
  const basicReason =
    'AWSLambdaBasicExecutionRole only lets the function write its own CloudWatch logs; CDK attaches it to every function role.';
  const table = logicalId(storage.table);
  const bucket = logicalId(storage.mailBucket);

  for (const fn of [functions.ingest, functions.remind]) {
    acknowledge(fn, basicExecution, basicReason);
    acknowledge(
      fn,
      'L1',
      'Node.js 22 is the runtime the bundles target (esbuild target node22) and are benchmarked on; a newer runtime is a deliberate upgrade with its own bench run.',
    );
    acknowledge(
      fn,
      `IAM5[Resource::<${table}.Arn>/index/*]`,
      "grantReadWriteData covers the table's own indexes (the sparse due index remind queries); no other table is reachable.",
    );
  }
  const s3Reason =
    "From the bucket grant methods (grantRead, grantDelete) with the mail prefix: the object actions reach raw mail under the prefix only; s3:GetBucket* and s3:List* reach this one bucket's metadata and key listing (grantRead adds them), no other bucket. Ingest reads a mail by key and deletes it for the delete command.";
  for (const action of ['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*']) {
    acknowledge(functions.ingest, `IAM5[Action::${action}]`, s3Reason);
  }
  acknowledge(functions.ingest, `IAM5[Resource::<${bucket}.Arn>/${storage.mailPrefix}*]`, s3Reason);

  if (inboundMail.activation) {
    const { function: fn, provider } = inboundMail.activation;
    acknowledge(fn, basicExecution, basicReason);
    acknowledge(
      fn,
      'L1',
      'Node.js 22, the runtime of the other two functions; the function runs only when the stack is deployed or deleted.',
    );
    acknowledge(
      fn,
      'IAM5[Resource::*]',
      'DescribeActiveReceiptRuleSet and SetActiveReceiptRuleSet support no resource-level permissions, so IAM requires "*"; the policy allows those two actions only.',
    );
    const framework = provider.node.findChild('framework-onEvent');
    acknowledge(framework, basicExecution, basicReason);
    acknowledge(
      framework,
      `IAM5[Resource::<${logicalId(fn)}.Arn>:*]`,
      "The custom-resource framework's function may invoke the activation function and its versions (the Provider's own grant), nothing else.",
    );
  }

  for (const queue of [reminderSchedule.deadLetterQueue, alarms.ingestFailures]) {
    acknowledge(
      queue,
      'SQS3',
      'This queue is itself the dead-letter queue (of the schedule, or the on-failure destination of ingest), watched by an alarm.',
    );
  }
  for (const child of stack.node.children) {
    if (!child.node.id.startsWith('SchedulerRoleForTarget')) continue;
    acknowledge(
      child,
      `IAM5[Resource::<${logicalId(functions.remind)}.Arn>:*]`,
      "The scheduler target's role may invoke the remind function and its versions or aliases (the LambdaInvoke target's grant), nothing else.",
    );
  }
}
