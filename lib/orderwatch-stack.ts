import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Storage } from './constructs/storage';

/**
 * The whole deployment, composed of one construct per concern. Inbound mail, the functions, the
 * schedule and alarms join here as their issues land.
 */
export class OrderwatchStack extends Stack {
  readonly storage: Storage;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    this.storage = new Storage(this, 'Storage');
  }
}
