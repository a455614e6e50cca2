import { RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { OrderwatchConfig } from './config';
import { Alarms } from './constructs/alarms';
import { Functions } from './constructs/functions';
import { InboundMail } from './constructs/inbound-mail';
import { MailIdentity } from './constructs/mail-identity';
import { ReminderSchedule } from './constructs/reminder-schedule';
import { Storage } from './constructs/storage';
import { suppressNagFindings } from './nag';

export interface OrderwatchStackProps extends StackProps {
  /** The validated `cdk.json` settings (`loadConfig`). */
  readonly config: OrderwatchConfig;
  /**
   * Entry files of the two functions.
   * @default FUNCTION_ENTRIES
   */
  readonly entries?: { readonly ingest: string; readonly remind: string };
  /**
   * What happens to the table and the buckets when the stack is deleted.
   * @default RemovalPolicy.RETAIN
   */
  readonly dataRemovalPolicy?: RemovalPolicy;
}

/**
 * The whole deployment, one construct per concern: where data lives, the mail identity, the two functions,
 * inbound mail, the reminder schedule, and the alarms.
 */
export class OrderwatchStack extends Stack {
  readonly storage: Storage;
  readonly mailIdentity: MailIdentity;
  readonly functions: Functions;
  readonly inboundMail: InboundMail;
  readonly reminderSchedule: ReminderSchedule;
  readonly alarms: Alarms;

  constructor(scope: Construct, id: string, props: OrderwatchStackProps) {
    super(scope, id, props);
    const { config } = props;
    this.storage = new Storage(this, 'Storage', {
      removalPolicy: props.dataRemovalPolicy ?? RemovalPolicy.RETAIN,
      mailRetentionDays: config.retentionDays,
    });
    this.mailIdentity = new MailIdentity(this, 'MailIdentity', {
      domain: config.domain,
      hostedZone: config.hostedZone,
    });
    this.functions = new Functions(this, 'Functions', {
      settings: config,
      table: this.storage.table,
      mailBucket: this.storage.mailBucket,
      mailPrefix: this.storage.mailPrefix,
      identity: this.mailIdentity.identity,
      sandboxRecipients: config.sesSandbox ? config.allow : [],
      ...(props.entries ? { entries: props.entries } : {}),
    });
    this.inboundMail = new InboundMail(this, 'InboundMail', {
      recipient: config.address,
      bucket: this.storage.mailBucket,
      prefix: this.storage.mailPrefix,
      ingest: this.functions.ingest,
      activate: config.activateRuleSet,
      ...(config.ruleSet === null ? {} : { existingRuleSetName: config.ruleSet }),
    });
    this.reminderSchedule = new ReminderSchedule(this, 'ReminderSchedule', {
      target: this.functions.remind,
      everyMinutes: config.reminderEveryMinutes,
    });
    this.alarms = new Alarms(this, 'Alarms', {
      operatorEmail: config.alarmEmail,
      ingest: this.functions.ingest,
      remind: this.functions.remind,
      remindEveryMinutes: config.reminderEveryMinutes,
      deadLetterQueues: { ScheduleDeadLetters: this.reminderSchedule.deadLetterQueue },
    });
    suppressNagFindings(this);
  }
}
