/**
 * Realistic mails for the end-to-end test, built from the fixture mails (read in place): an AliExpress
 * mail forwarded by the user as an attachment (what "Forward as attachment" in Gmail, Thunderbird and
 * Outlook sends), a command written by the user, and Gmail's forwarding confirmation as Google sends it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/mail');

export function fixture(path: string): Buffer {
  return readFileSync(resolve(FIXTURES, path));
}

export interface Written {
  readonly raw: Buffer;
  readonly messageId: string;
}

let sequence = 0;

async function compose(options: ConstructorParameters<typeof MailComposer>[0]): Promise<Written> {
  sequence += 1;
  const messageId = `<e2e-${sequence}-${Date.now()}@mail.example.org>`;
  const raw = await new MailComposer({ ...options, messageId }).compile().build();
  return { raw, messageId };
}

/** The user forwards an AliExpress mail as an attachment, with a line of their own. */
export function forwardAsAttachment(
  from: string,
  to: string,
  original: Buffer,
  extraHeaders: Record<string, string> = {},
): Promise<Written> {
  const subject = /^Subject: (.*)$/m.exec(original.toString('latin1'))?.[1]?.trim() ?? 'AliExpress';
  return compose({
    from,
    to,
    subject: `Fwd: ${subject}`,
    text: 'Forwarding this one for orderwatch.\n',
    attachments: [{ filename: 'forwarded.eml', contentType: 'message/rfc822', content: original }],
    headers: extraHeaders,
  });
}

/** A command mail the user writes. */
export function command(from: string, to: string, line: string): Promise<Written> {
  return compose({ from, to, subject: line, text: `${line}\n` });
}
