/**
 * Local mode's front door: an SMTP listener on loopback that does what SES's receipt rule does in AWS —
 * accept mail for our address, store the raw bytes (FolderMailSource, the bucket's stand-in) and hand
 * the mail to the very same `ingestMail`, with verdicts from local checks (`inbound-local.ts`).
 *
 * The SMTP answer waits for ingest, so `orderwatch send` (and the tests) know that what the mail caused is
 * in the outbox once the server said 250. A mail ingest fails on is answered 451 (try again later): the
 * sender sees it at once, and its raw bytes stay in the data folder.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import type { InboundMail } from '../handlers/inbound';
import type { Clock } from '../ports';
import type { FolderMailSource } from './folder-mail-source';
import { inboundFromSmtp, isLoopback } from './inbound-local';

export interface SmtpListenerOptions {
  readonly host: string;
  readonly port: number;
  /** Accepted RCPT TO addresses (lowercased); empty: any recipient. */
  readonly recipients: readonly string[];
  /** Our address: every accepted recipient stands for it towards ingest (one deployment, one address). */
  readonly address: string;
  readonly maxMailBytes: number;
  readonly mailSource: FolderMailSource;
  readonly clock: Clock;
  readonly ingest: (mail: InboundMail) => Promise<void>;
  readonly log: (line: string) => void;
}

export interface SmtpListener {
  readonly port: number;
  close(): Promise<void>;
}

function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}

/** Sortable, unique, and safe as a file name and a table key (what SES ids are). */
function newMessageId(receivedAt: string): string {
  return `${receivedAt.replace(/[-:.]/g, '').toLowerCase()}-${randomBytes(6).toString('hex')}`;
}

async function readStream(stream: SMTPServerDataStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The decoded Subject, read from the header block only (the body is the reader's business). */
async function subjectOf(raw: Buffer): Promise<string | null> {
  const end = raw.indexOf('\r\n\r\n');
  const head = end === -1 ? raw : raw.subarray(0, end + 4);
  const parsed = await simpleParser(head, { skipHtmlToText: true, skipTextToHtml: true });
  return parsed.subject ?? null;
}

export async function startSmtpListener(options: SmtpListenerOptions): Promise<SmtpListener> {
  const server = new SMTPServer({
    // Loopback only, so no TLS and no login: nothing leaves this machine.
    disabledCommands: ['AUTH', 'STARTTLS'],
    authOptional: true,
    logger: false,
    banner: 'orderwatch local',
    // Ctrl-C must not wait 30 s (the default) for an idle client to hang up.
    closeTimeout: 2_000,
    size: options.maxMailBytes * 2,
    onConnect(session, callback) {
      if (!isLoopback(session.remoteAddress)) return callback(smtpError('loopback only', 554));
      callback();
    },
    onRcptTo(address, _session, callback) {
      const rcpt = address.address.toLowerCase();
      if (options.recipients.length > 0 && !options.recipients.includes(rcpt)) {
        return callback(smtpError(`no such recipient here: ${rcpt}`, 550));
      }
      callback();
    },
    onData(stream, session, callback) {
      readStream(stream)
        .then(async (raw) => {
          if (stream.sizeExceeded) throw smtpError('message too large', 552);
          const receivedAt = options.clock.now();
          const messageId = newMessageId(receivedAt);
          await options.mailSource.put(messageId, raw);
          const mailFrom = session.envelope.mailFrom;
          const mail = inboundFromSmtp({
            messageId,
            receivedAt,
            envelopeSender: mailFrom === false ? '' : mailFrom.address,
            // Every accepted recipient is ours: ingest checks the mail was addressed to our address.
            recipients: [options.address],
            remoteAddress: session.remoteAddress,
            raw,
            subject: await subjectOf(raw),
          });
          try {
            await options.ingest(mail);
          } catch (error) {
            options.log(
              `mail ${messageId}: ingest failed: ${error instanceof Error ? error.message : error}`,
            );
            throw smtpError(`ingest failed for ${messageId}; the raw mail is kept`, 451);
          }
          return messageId;
        })
        .then(
          (messageId) => callback(null, `queued as ${messageId}`),
          (error: Error) => callback(error),
        );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // Errors after start (a client resetting the connection) are the client's problem, not a crash.
  server.on('error', (error) => options.log(`smtp: ${error.message}`));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
