import type { DisputeOutcome, EventType, Evidence, PaymentMethod } from '../../../events';

/**
 * Pattern sources are regular-expression source strings, compiled once at module load with the `iu`
 * flags against a whitespace-collapsed subject or body. Placeholders:
 *  - `{n}`     one order number (15–16 digits), captured;
 *  - `{p}`     one parcel / tracking id, captured;
 *  - `{count}` a small number of orders ("2 Bestellungen …");
 *  - `{days}`  a number of days, captured;
 *  - `{date}`  a stated date in any shape `parseStatedDate` reads, captured.
 * Keep every pattern free of nested quantifiers so matching stays linear.
 */
export type PatternSource = string;

/**
 * `verified`: the wording was seen in a real mail or copied from a real inbox (MAIL-FACTS "seen"/"reported").
 * `unverified`: no public sample exists; the wording is a plausible guess. Events read from it carry
 * `source.evidence: 'unverified'`, and the rules engine never lets such a fact pause a clock or silence a
 * warning on its own.
 */
export type { Evidence } from '../../../events';

export interface EventRule {
  readonly type: EventType;
  readonly pattern: PatternSource;
  readonly evidence: Evidence;
}

export interface IgnoreRule {
  readonly pattern: PatternSource;
  /** Shown to the user: why this mail carries no order event. */
  readonly reason: string;
}

export interface OutcomeRule {
  readonly outcome: DisputeOutcome;
  readonly pattern: PatternSource;
}

export interface PaymentMethodRule {
  readonly method: PaymentMethod;
  readonly pattern: PatternSource;
}

/** One language's wording. Adding a language is adding one of these and registering it in `index.ts`. */
export interface LanguageTable {
  /** BCP-47-ish code reported as `language` (en, de, es, fr, pt, ko, …). */
  readonly code: string;
  /** Subject shapes, most specific first; the first match decides the event type. */
  readonly subjects: readonly EventRule[];
  /** Subjects that are AliExpress mail but never an order event (reviews, coupons, surveys, marketing). */
  readonly ignoreSubjects: readonly IgnoreRule[];
  /** Body sentences that decide the event when no subject rule matched (e.g. a reworded subject). */
  readonly bodies: readonly EventRule[];
  /** Body sentences that mark a mail as carrying no event when the subject did not decide. */
  readonly ignoreBodies: readonly IgnoreRule[];
  /** Words that put an order number right after them ("Order", "Bestellung"); used to find ids and glued indexes. */
  readonly orderWords: readonly string[];
  /** Words that put a parcel id right after them ("Package", "Packstück"). */
  readonly packageWords: readonly string[];
  readonly labels: {
    /** Label right before the order number in the details block ("Bestell-Nr."). */
    readonly orderNumber: readonly PatternSource[];
    /** Label before "Jan 01,2026, 12:00" (English month abbreviations in every language). */
    readonly placedOn: readonly PatternSource[];
    /** Label above the day-first DD/MM/YYYY estimate. */
    readonly estimatedDelivery: readonly PatternSource[];
    /** Label before the order total. */
    readonly orderTotal: readonly PatternSource[];
    /** Label before the refund amount (refund mails; unverified everywhere). */
    readonly refundAmount: readonly PatternSource[];
    /** Sentence that introduces a carrier tracking number in the text ("…nummer lautet H…"). */
    readonly trackingNumber: readonly PatternSource[];
  };
  readonly phrases: {
    /** Must capture `{days}`: "you have 15 days to open a dispute". */
    readonly disputeWindow: readonly PatternSource[];
    /** Must capture `{date}`: "Refund if no delivery before …", "Purchase protection … until …". */
    readonly protectionEnds: readonly PatternSource[];
    /** Must capture `{date}` (new end) or `{days}` (extra days) in an extension mail. */
    readonly protectionExtendedTo: readonly PatternSource[];
    readonly protectionExtendedBy: readonly PatternSource[];
    readonly outcomes: readonly OutcomeRule[];
    readonly paymentMethods: readonly PaymentMethodRule[];
  };
  /**
   * Common words used only to break ties between tables whose subject rules match the same subject
   * (Spanish and Brazilian Portuguese both write "Pedido N: pedido confirmado").
   */
  readonly markers: readonly PatternSource[];
}
