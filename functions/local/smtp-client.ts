/**
 * Delivers saved raw mails to `orderwatch local` over SMTP (nodemailer's SMTP transport): what
 * `orderwatch send`, the end-to-end test and the bench use. The envelope sender is the mail's own From,
 * as a forwarding mailbox would send it; the bytes go unchanged.
 */
import { createTransport } from 'nodemailer';
import { firstAddress, headerValues, topLevelHeaders } from '../handlers/inbound';

export interface LocalSmtpTarget {
  readonly host: string;
  readonly port: number;
}

/** The mail's From address (lowercased), or null when it has none that can be read. */
export function fromOf(raw: Uint8Array): string | null {
  return firstAddress(headerValues({ headers: topLevelHeaders(raw) }, 'from')[0]);
}

/** Nothing listens on the port: the one mistake worth its own message. */
export class NotRunningError extends Error {
  override readonly name = 'NotRunningError';
}

export class LocalSmtpClient {
  private readonly transport;

  constructor(readonly target: LocalSmtpTarget) {
    // Pooled: one connection carries many mails (the bench and the tests send hundreds in a row).
    this.transport = createTransport({
      host: target.host,
      port: target.port,
      secure: false,
      ignoreTLS: true,
      pool: true,
      maxConnections: 4,
      connectionTimeout: 5_000,
    });
  }

  /** Sends one raw mail to `to`; resolves with the server's answer (`250 … queued as <id>`). */
  async send(raw: Uint8Array, to: string): Promise<string> {
    const from = fromOf(raw) ?? '';
    try {
      const info = await this.transport.sendMail({ envelope: { from, to: [to] }, raw: Buffer.from(raw) });
      return info.response;
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ECONNECTION' || /ECONNREFUSED/.test(String(error))) {
        throw new NotRunningError(
          `nothing is listening on ${this.target.host}:${this.target.port}: is \`orderwatch local\` running?`,
          { cause: error },
        );
      }
      throw error;
    }
  }

  close(): void {
    this.transport.close();
  }
}
