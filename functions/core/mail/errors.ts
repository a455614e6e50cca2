/**
 * The ways reading a mail can fail. The first two are about the mail and written for the user: `readMail`
 * turns each into an `unrecognized` reading with `reason`. `MailReaderError` is about us.
 */

/** A limit in `limits.ts` was hit; `message` is written for the user. */
export class MailLimitError extends Error {
  override readonly name = 'MailLimitError';
}

/** The bytes are not a mail mailparser can read; `message` is written for the user. */
export class UnreadableMailError extends Error {
  override readonly name = 'UnreadableMailError';
}

/**
 * The reader itself failed (a bug: an exception it did not expect, or an event outside the schema); the
 * original error is the `cause`. For logs, counters and retries, never for the user: its text may name
 * internals, and the mail may well read fine once the bug is fixed.
 */
export class MailReaderError extends Error {
  override readonly name = 'MailReaderError';
}
