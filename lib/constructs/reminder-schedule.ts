import { Duration } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { deadLetterQueue } from './dead-letter-queue';

export interface ReminderScheduleProps {
  /** The function to run (remind). */
  readonly target: IFunction;
  /**
   * Minutes between runs.
   * @default 15
   */
  readonly everyMinutes?: number;
  /**
   * How often EventBridge Scheduler retries a failed invocation before it goes to the dead-letter queue.
   * @default 2
   */
  readonly retryAttempts?: number;
}

/**
 * EventBridge Scheduler runs remind every few minutes. Scheduler invokes Lambda asynchronously, so two
 * failures are handled in two places: an invocation Scheduler cannot hand to Lambda (throttled, no
 * permission) is retried for at most one interval, then lands in a dead-letter queue the alarms watch; a
 * run that fails inside remind is retried once by Lambda within the same interval and then dropped, since
 * the next run does the same work (the `RemindErrors` alarm reports the failure).
 */
export class ReminderSchedule extends Construct {
  readonly schedule: Schedule;
  readonly deadLetterQueue: Queue;
  readonly everyMinutes: number;

  constructor(scope: Construct, id: string, props: ReminderScheduleProps) {
    super(scope, id);
    this.everyMinutes = props.everyMinutes ?? 15;
    this.deadLetterQueue = deadLetterQueue(this, 'DeadLetters');
    this.schedule = new Schedule(this, 'Schedule', {
      description: `orderwatch: send due alerts every ${this.everyMinutes} minutes`,
      schedule: ScheduleExpression.rate(Duration.minutes(this.everyMinutes)),
      target: new LambdaInvoke(props.target, {
        retryAttempts: props.retryAttempts ?? 2,
        maxEventAge: Duration.minutes(this.everyMinutes),
        deadLetterQueue: this.deadLetterQueue,
      }),
    });
    // Lambda's own default would retry a failed run twice over up to 6 hours, beside the scheduled runs.
    props.target.configureAsyncInvoke({ retryAttempts: 1, maxEventAge: Duration.minutes(this.everyMinutes) });
  }
}
