/** The few ways reading a mail can fail; `readMail` turns each into an `unrecognized` reading with `reason`. */

/** A limit in `limits.ts` was hit; `message` is written for the user. */
export class MailLimitError extends Error {
  override readonly name = 'MailLimitError';
}

/** The bytes are not a mail mailparser can read; `message` is written for the user. */
export class UnreadableMailError extends Error {
  override readonly name = 'UnreadableMailError';
}
