/**
 * What every handler is a function of. The Lambda entries, `orderwatch local` and the tests build these
 * from different adapters (see `../ports.ts`); the handlers never know which.
 */
import type { Policy } from '../core/rules';
import type { Clock, Mailer, RawMailSource, Store, UserProfile } from '../ports';

/** The deployment's settings, validated once at start (`../config.ts` reads them for Lambda). */
export interface ServiceConfig {
  /** Our address: mail to it is read, mail from it is sent (`watch@example.org`). */
  readonly address: string;
  /** Display name on what we send. */
  readonly fromName: string;
  /** Known users: exact addresses and `@domain` entries, lowercased. */
  readonly allow: readonly string[];
  /** The zone of a user who has not set one. */
  readonly defaultTimeZone: string;
  readonly policy: Policy;
  /** Replies one user can cause in one UTC day; a runaway loop stops here. */
  readonly dailyReplyCap: number;
  /** Larger raw mail is refused unread, with a reason. */
  readonly maxMailBytes: number;
  /** Mail records expire (TTL) this many days after the mail arrived; absent: kept. */
  readonly retentionDays?: number;
}

export interface HandlerDeps {
  readonly store: Store;
  readonly mailer: Mailer;
  readonly mailSource: RawMailSource;
  readonly clock: Clock;
  readonly config: ServiceConfig;
}

/** A command mail from a verified, known user, as the ingest handler hands it to `handleCommand`. */
export interface CommandRequest {
  readonly user: string;
  readonly profile: UserProfile;
  /** The SES message id of the command mail (events it records carry it). */
  readonly messageId: string;
  /** The mail's own Message-ID header, for the events' source. */
  readonly mailMessageId: string | null;
  /** The command line as the mail reader found it (subject, else first body line). */
  readonly line: string;
  /**
   * Pass the same instant on every delivery of one mail (its receipt time): an undated fact
   * (`received 0979`) happens at `now`, and the event log dedupes a retry only when it is the same event.
   */
  readonly now: string;
}
