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
        // Named, not left to the From header: it is what the functions' `ses:FromAddress` condition checks.
        // The bare address: SES wants a display name here encoded (RFC 2047), the header already has it.
        Source: bareAddress(message.from),
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

/** `watch@example.org` of `"orderwatch" <watch@example.org>` (or of a bare address). */
function bareAddress(from: string): string {
  return /<([^<>]+)>\s*$/.exec(from)?.[1] ?? from.trim();
}
