/**
 * Every bound the mail reader enforces. Mail is untrusted input from the internet: each limit keeps one
 * hostile or broken mail from costing more than a small, known amount of time and memory.
 */
export interface MailLimits {
  /**
   * Largest raw mail we parse, in bytes. SES accepts up to 40 MB, but an AliExpress notice is 20–300 KB and
   * even a forward with a few phone photos stays under a few MB. mailparser buffers the whole message and
   * its attachments (roughly 2–3× the raw size), so 10 MB keeps a 512 MB Lambda far from running out.
   */
  readonly maxRawBytes: number;
  /**
   * Deepest chain of forwards (inline or attached) we follow. Real chains are 1–2 deep (Max forwards to
   * his partner who forwards to us); 5 leaves room and stops a crafted mail from recursing forever.
   */
  readonly maxForwardDepth: number;
  /**
   * Most characters of text or HTML we scan for forward markers and hand to extraction. AliExpress HTML
   * is at most a few hundred KB; scanning more only burns CPU on something that is not a notice.
   */
  readonly maxScanChars: number;
  /**
   * Most MIME boundaries (multipart parts) counted in the raw bytes before parsing. A notice has under 10
   * and a forward under 50; thousands mean a crafted nesting bomb, refused before mailparser walks it.
   */
  readonly maxMimeParts: number;
  /**
   * Wall-clock cap on one parse. mailparser is streaming and fast (milliseconds per mail); this is a last
   * resort so a pathological mail cannot hold an ingest invocation until the Lambda timeout.
   */
  readonly parseTimeoutMs: number;
}

export const DEFAULT_LIMITS: MailLimits = {
  maxRawBytes: 10 * 1024 * 1024,
  maxForwardDepth: 5,
  maxScanChars: 2_000_000,
  maxMimeParts: 500,
  parseTimeoutMs: 10_000,
};
