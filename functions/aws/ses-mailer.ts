/**
 * Mail out through SES v1 `SendRawEmail`: the message is composed by MailComposer (`composeMail`), so
 * text, HTML, `.ics` attachments and the threading/automatic-mail headers are all the library's MIME.
 * The caller creates the client once per process.
 */
import { type SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';
import { composeMail } from '../compose-mail';
import type { Mailer, OutgoingMail } from '../ports';

export interface SesMailerOptions {
  /** SES configuration set for event publishing (bounces, complaints); optional. */
  readonly configurationSet?: string;
}

export class SesMailer implements Mailer {
  constructor(
    private readonly client: SESClient,
    private readonly options: SesMailerOptions = {},
  ) {}

  async send(message: OutgoingMail): Promise<{ readonly messageId: string }> {
    const raw = await composeMail(message);
    const out = await this.client.send(
      new SendRawEmailCommand({
        RawMessage: { Data: raw },
        // Only the one verified user: never let a header in the body widen the recipients.
        Destinations: [message.to],
        ...(this.options.configurationSet === undefined
          ? {}
          : { ConfigurationSetName: this.options.configurationSet }),
      }),
    );
    if (!out.MessageId) throw new Error('SES accepted the mail but returned no message id');
    return { messageId: out.MessageId };
  }
}
