/**
 * An `OutgoingMail` as a raw RFC 5322 message, composed by nodemailer's MailComposer (never by string
 * concatenation: encoded words, line folding and boundaries are the library's job). The SES mailer sends
 * these bytes; the local outbox stores them as `.eml`.
 */
import MailComposer from 'nodemailer/lib/mail-composer';
import { isPlainAddress } from './core/formats';
import type { OutgoingMail } from './ports';

export function composeMail(mail: OutgoingMail): Promise<Buffer> {
  // The one user, never a list: refused here too, whatever a caller let through.
  if (!isPlainAddress(mail.to)) {
    return Promise.reject(
      new RangeError(`refusing to send to ${JSON.stringify(mail.to)}: not one plain address`),
    );
  }
  const headers: Record<string, string> = { 'Auto-Submitted': mail.autoSubmitted };
  // MailComposer does not apply nodemailer's `list` option (the transport layer does): set the header.
  if (mail.listUnsubscribe !== undefined) headers['List-Unsubscribe'] = `<${mail.listUnsubscribe}>`;
  const composer = new MailComposer({
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    ...(mail.html === undefined ? {} : { html: mail.html }),
    attachments: (mail.attachments ?? []).map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: typeof a.content === 'string' ? a.content : Buffer.from(a.content),
    })),
    headers,
    ...(mail.inReplyTo === undefined ? {} : { inReplyTo: mail.inReplyTo }),
    ...(mail.references === undefined ? {} : { references: [...mail.references] }),
    ...(mail.date === undefined ? {} : { date: new Date(mail.date) }),
    ...(mail.messageId === undefined ? {} : { messageId: mail.messageId }),
  });
  return composer.compile().build();
}
