/**
 * The contract between the two halves of the mail core:
 *  - `unwrap` (MIME, forward wrappers, attachments, nesting, who the user is, is it really AliExpress)
 *    turns raw bytes into an `OriginalMessage`;
 *  - `extract` (per-language wording tables) turns an AliExpress `OriginalMessage` into events.
 * `readMail` composes them into a `MailReading`, the shape `orderwatch parse --json` prints.
 */
import type { OrderEvent } from '../events';
import type { MailReaderError } from './errors';

export interface Address {
  /** Lowercased address. */
  readonly address: string;
  readonly name: string;
}

/** The innermost message a forward carried (or the mail itself when nothing wraps it). */
export interface OriginalMessage {
  readonly from: Address | null;
  readonly to: readonly Address[];
  readonly subject: string;
  /** The original's own Date as an ISO instant with offset, or null when it could not be read. */
  readonly date: string | null;
  /** The original's Message-ID; for an inline forward (which drops it), the carrying mail's. */
  readonly messageId: string | null;
  /** Plain text of the original only (never the forwarder's own words); derived from HTML when needed. */
  readonly text: string;
  /** HTML of the original only, when it had (or the forward kept) HTML; links live here. */
  readonly html: string | null;
}

export type MailKind = 'aliexpress' | 'forwarding-confirmation' | 'command' | 'ignored' | 'unrecognized';

export interface ForwardingConfirmation {
  /** 8–9 digit code; null for the link-only variant. */
  readonly code: string | null;
  readonly confirmUrl: string | null;
  /** The Gmail address that asked to forward to us. */
  readonly requester: string | null;
}

/**
 * What reading one mail produced. Field names match `orderwatch parse --json`. A `failed` reading is a bug
 * in the reader, not a verdict on the mail: it carries the error (for the log), no events and no reason.
 */
export type MailReading = MailRead | MailReadFailure;

export interface MailReadFailure extends MailReadingFields {
  readonly kind: 'failed';
  readonly error: MailReaderError;
  readonly language: null;
  readonly events: readonly [];
  readonly orderIds: readonly [];
  readonly forwardingConfirmation: null;
  readonly command: null;
  readonly reason: null;
}

/** The mail was read: what it is (including "not something we can read", with a reason for the user). */
export interface MailRead extends MailReadingFields {
  readonly kind: MailKind;
  readonly error: null;
}

interface MailReadingFields {
  /** The user this mail is for (lowercased), or null when nobody can be told. */
  readonly user: string | null;
  /** Language code of the wording table that matched (en, de, es, fr, pt, ko, …), null if none. */
  readonly language: string | null;
  readonly events: readonly OrderEvent[];
  /**
   * Every order the mail names: those of its events or, for an AliExpress mail whose wording could not
   * be read (an unknown language), the order numbers found in it, so the user can be told which order to
   * check and record by command. Empty when none.
   */
  readonly orderIds: readonly string[];
  readonly forwardingConfirmation: ForwardingConfirmation | null;
  /** For `command`: the first word(s) the user wrote; grammar belongs to the pipeline. */
  readonly command: string | null;
  /** Why it is `ignored` or `unrecognized` (and notes for the others), in words a user understands. */
  readonly reason: string | null;
}

/** What `extract` says about an AliExpress message. */
export type Extraction =
  | { readonly kind: 'aliexpress'; readonly language: string | null; readonly events: readonly OrderEvent[] }
  | { readonly kind: 'ignored'; readonly language: string | null; readonly reason: string }
  | {
      readonly kind: 'unrecognized';
      readonly language: string | null;
      readonly reason: string;
      /**
       * Order numbers an AliExpress mail named although its wording (language or status) could not be read:
       * lets the user be told "we saw order N but couldn't read its status". Never turned into an event.
       */
      readonly orderIds?: readonly string[];
    };
