import { CfnOutput, Duration, Stack } from 'aws-cdk-lib';
import { CnameRecord, type IHostedZone, MxRecord, PublicHostedZone } from 'aws-cdk-lib/aws-route53';
import { EmailIdentity, Identity } from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';
import type { HostedZoneConfig } from '../config';

export interface MailIdentityProps {
  /** The mail domain orderwatch receives and sends for (`orders.example.com`). */
  readonly domain: string;
  /**
   * A Route 53 public hosted zone for the domain (or a parent of it), given by id and name so synth needs
   * no lookup. With one, the DKIM and MX records are created in it; without, stack outputs print them.
   * @default null — print the records as outputs
   */
  readonly hostedZone?: HostedZoneConfig | null;
}

/** The MX target of a region's SES receiving endpoint. */
export function inboundSmtpHost(region: string): string {
  return `inbound-smtp.${region}.amazonaws.com`;
}

/**
 * The SES identity of the mail domain (Easy DKIM signing), and the DNS records receiving and DKIM need:
 * created in the hosted zone when there is one, printed as stack outputs otherwise.
 */
export class MailIdentity extends Construct {
  readonly identity: EmailIdentity;
  readonly hostedZone: IHostedZone | null;
  /** `inbound-smtp.<region>.amazonaws.com`, the domain's MX target. */
  readonly mxHost: string;

  constructor(scope: Construct, id: string, props: MailIdentityProps) {
    super(scope, id);
    this.identity = new EmailIdentity(this, 'Domain', { identity: Identity.domain(props.domain) });
    this.mxHost = inboundSmtpHost(Stack.of(this).region);
    const zone = props.hostedZone ?? null;
    this.hostedZone = zone
      ? PublicHostedZone.fromHostedZoneAttributes(this, 'Zone', {
          hostedZoneId: zone.id,
          zoneName: zone.name,
        })
      : null;

    if (this.hostedZone) {
      new MxRecord(this, 'Mx', {
        zone: this.hostedZone,
        recordName: `${props.domain}.`,
        values: [{ priority: 10, hostName: this.mxHost }],
        ttl: Duration.hours(1),
      });
      this.identity.dkimRecords.forEach((record, i) => {
        new CnameRecord(this, `Dkim${i + 1}`, {
          zone: this.hostedZone as IHostedZone,
          // The token names are fully qualified; the trailing dot keeps Route 53 from appending the zone.
          recordName: `${record.name}.`,
          domainName: record.value,
          ttl: Duration.hours(1),
        });
      });
      return;
    }
    new CfnOutput(this, 'MxRecord', {
      description: 'Create this MX record at your DNS provider so mail to the domain reaches SES',
      value: `${props.domain} MX 10 ${this.mxHost}`,
    });
    this.identity.dkimRecords.forEach((record, i) => {
      new CfnOutput(this, `DkimRecord${i + 1}`, {
        description: `DKIM record ${i + 1} of 3: create this CNAME at your DNS provider`,
        value: `${record.name} CNAME ${record.value}`,
      });
    });
  }
}
