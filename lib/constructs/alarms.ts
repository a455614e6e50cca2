import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, type IMetric, Stats, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { deadLetterQueue } from './dead-letter-queue';

export interface AlarmsProps {
  /** Who is mailed when an alarm fires (SNS asks them to confirm the subscription once). */
  readonly operatorEmail: string;
  /** The ingest function: its failed async invocations go to a queue, and its errors and throttles alarm. */
  readonly ingest: IFunction;
  /** The remind function: its errors and throttles alarm, and so does it not having run. */
  readonly remind: IFunction;
  /** Minutes between remind's scheduled runs. */
  readonly remindEveryMinutes: number;
  /** Further dead-letter queues to watch (the schedule's). */
  readonly deadLetterQueues?: Readonly<Record<string, Queue>>;
  /**
   * How often Lambda retries a failed asynchronous ingest invocation before it goes to the failure queue.
   * @default 2
   */
  readonly ingestRetryAttempts?: number;
}

/**
 * Failure is visible: ingest's failed asynchronous invocations land in an SQS queue (the on-failure
 * destination), and CloudWatch alarms on that queue and the other dead-letter queues, on each function's
 * errors and throttles, and on remind not having run for three intervals mail the operator through SNS.
 */
export class Alarms extends Construct {
  readonly topic: Topic;
  readonly ingestFailures: Queue;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', { displayName: 'orderwatch alarms', enforceSSL: true });
    this.topic.addSubscription(new EmailSubscription(props.operatorEmail));
    const action = new SnsAction(this.topic);

    this.ingestFailures = deadLetterQueue(this, 'IngestFailures');
    props.ingest.configureAsyncInvoke({
      retryAttempts: props.ingestRetryAttempts ?? 2,
      maxEventAge: Duration.hours(6),
      onFailure: new SqsDestination(this.ingestFailures),
    });

    const alarm = (name: string, description: string, metric: IMetric, extra: Partial<AlarmOptions> = {}) => {
      const a = new Alarm(this, name, {
        alarmDescription: `orderwatch: ${description}`,
        metric,
        threshold: 0,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        ...extra,
      });
      a.addAlarmAction(action);
      a.addOkAction(action);
      this.alarms.push(a);
      return a;
    };

    const queues: Record<string, Queue> = { IngestFailures: this.ingestFailures, ...props.deadLetterQueues };
    for (const [name, queue] of Object.entries(queues)) {
      alarm(
        `${name}Waiting`,
        `messages waiting in ${name}: something failed for good and needs a look`,
        queue.metricApproximateNumberOfMessagesVisible({
          period: Duration.minutes(5),
          statistic: Stats.MAXIMUM,
        }),
      );
    }
    for (const [name, fn] of Object.entries({ Ingest: props.ingest, Remind: props.remind })) {
      alarm(
        `${name}Errors`,
        `${name.toLowerCase()} failed`,
        fn.metricErrors({ period: Duration.minutes(5) }),
      );
      alarm(
        `${name}Throttles`,
        `${name.toLowerCase()} was throttled`,
        fn.metricThrottles({ period: Duration.minutes(5) }),
      );
    }
    // Three intervals without a single run: the schedule is broken or disabled. No data is no run.
    alarm(
      'RemindNotRunning',
      `remind has not run for ${3 * props.remindEveryMinutes} minutes`,
      props.remind.metricInvocations({ period: Duration.minutes(3 * props.remindEveryMinutes) }),
      {
        threshold: 1,
        comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
        treatMissingData: TreatMissingData.BREACHING,
      },
    );
  }
}

interface AlarmOptions {
  threshold: number;
  comparisonOperator: ComparisonOperator;
  evaluationPeriods: number;
  treatMissingData: TreatMissingData;
}
