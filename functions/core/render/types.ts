/**
 * What the render module hands the shell: the content of one mail. The shell adds From/To, Message-ID,
 * In-Reply-To/References and composes MIME with nodemailer's MailComposer; nothing here builds headers.
 */
import type { Strings } from './strings/en';

export interface MailAttachment {
  readonly filename: string;
  /** Full content type, parameters included (the calendar's `method` matters to some clients). */
  readonly contentType: string;
  readonly content: string;
}

export type MailPurpose =
  | 'acknowledgement'
  | 'watching'
  | 'unreadable'
  | 'forwarding-confirmation'
  | 'command-reply'
  | 'alert'
  | 'digest';

export interface RenderedMail {
  readonly purpose: MailPurpose;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly attachments: readonly MailAttachment[];
  /**
   * RFC 3834 `Auto-Submitted`: `auto-replied` for answers to the user's own mail, `auto-generated` for
   * alerts we send on our own schedule.
   */
  readonly autoSubmitted: 'auto-replied' | 'auto-generated';
  /** An answer to the user's mail: the shell sets In-Reply-To/References to that mail's Message-ID. */
  readonly inReplyToUser: boolean;
  /** The shell adds `List-Unsubscribe: <mailto:our-address?subject=stop>` (alerts and digests). */
  readonly listUnsubscribe: boolean;
}

/** Where AliExpress pages live; a deployment may point them elsewhere (a regional site). */
export interface AliExpressLinks {
  readonly orderPage: (orderId: string) => string;
  /** The buyer's dispute list. */
  readonly disputesPage: string;
}

export const DEFAULT_LINKS: AliExpressLinks = {
  orderPage: (orderId) =>
    `https://www.aliexpress.com/p/order/detail.html?orderId=${encodeURIComponent(orderId)}`,
  // The classic "My disputes" list. AliExpress opens a dispute from the order page (the primary link);
  // this one is where an open dispute is followed. Not checked against today's site: keep it overridable.
  disputesPage: 'https://trade.aliexpress.com/issue/issueList.htm',
};

export interface RenderContext {
  /** The user's IANA zone: every date in the mail is shown in it. */
  readonly timeZone: string;
  /** The instant the mail is rendered (ISO): "soonest", "from" and the calendar's DTSTAMP use it. */
  readonly now: string;
  /** The user's order ids, so suggested command lines use the shortest suffix that is unambiguous. */
  readonly knownOrderIds?: readonly string[];
  /** One table per language; English by default. */
  readonly strings?: Strings;
  readonly links?: AliExpressLinks;
}
