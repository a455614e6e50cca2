/**
 * What each alert's email tells the user to do, from DOMAIN.md ("Advice the emails carry"). Kept as data so
 * the wording can be reviewed (and later translated) without reading the rules.
 */

export const ALERT_KINDS = [
  'not-shipped',
  'late',
  'protection-lapsing',
  'dispute-window-closing',
  'seller-silent',
  'negotiation-ending',
  'appeal-window-closing',
  'refund-overdue',
  'window-closed',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const URGENCIES = ['info', 'action', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];
/** Sort rank, most urgent first (0). */
export const URGENCY_RANK: Readonly<Record<Urgency, number>> = Object.freeze({
  urgent: 0,
  action: 1,
  info: 2,
});

export interface AlertKindInfo {
  /** The alert's number in DOMAIN.md's catalogue. */
  readonly code: `A${number}`;
  readonly urgency: Urgency;
  readonly advice: readonly string[];
}

const DISPUTE_FIRST = 'Open a formal dispute: messaging the seller does not pause anything.';
const REFUND_ONLY = 'Choose "Refund only" for damaged, wrong or non-delivered items.';
const DONT_ACCEPT_WORSE = "Don't accept a seller offer that is worse than AliExpress's proposal.";
const DONT_CLOSE =
  'Don\'t close a dispute because of seller promises ("I\'ll resend it"); cancel it instead if it must go.';

export const ALERT_KIND_INFO: Readonly<Record<AlertKind, AlertKindInfo>> = {
  'not-shipped': {
    code: 'A1',
    urgency: 'info',
    advice: ['Consider cancelling the order: an order that has not shipped is refunded in full.'],
  },
  late: {
    code: 'A2',
    urgency: 'action',
    advice: [
      DISPUTE_FIRST,
      `${REFUND_ONLY} Reason: "item not received".`,
      'Attach a screenshot of the tracking page as evidence.',
      'While tracking shows "in transit" AliExpress may refuse a non-delivery dispute until protection is about to run out; open it anyway before protection ends.',
    ],
  },
  'protection-lapsing': {
    code: 'A3',
    urgency: 'urgent',
    advice: [
      'Open the dispute now, or ask the seller to extend purchase protection (the order page then shows the new date).',
      'A dispute pauses the protection clock; a message to the seller does not.',
      `${REFUND_ONLY} Attach a screenshot of the tracking page.`,
      DONT_CLOSE,
    ],
  },
  'dispute-window-closing': {
    code: 'A4',
    urgency: 'action',
    advice: [
      'Inspect the item now. If it is wrong, damaged, fake, incomplete or not as described, open a dispute before the window closes.',
      'Evidence: photos or video of quality problems, an unboxing video for missing items.',
      'Returns to China cost about $30–80 tracked and are rarely worth it under ~$100; if a return is required, ship it tracked — the refund follows its delivery.',
    ],
  },
  'seller-silent': {
    code: 'A5',
    urgency: 'action',
    advice: [
      'Escalate the dispute to AliExpress (or watch for AliExpress stepping in).',
      DONT_ACCEPT_WORSE,
      DONT_CLOSE,
    ],
  },
  'negotiation-ending': {
    code: 'A6',
    urgency: 'urgent',
    advice: [
      "Choose between the seller's and AliExpress's proposals; if you choose nothing, AliExpress's proposal is applied.",
      DONT_ACCEPT_WORSE,
    ],
  },
  'appeal-window-closing': {
    code: 'A7',
    urgency: 'action',
    advice: [
      'Appeal through AliExpress customer service before the window closes.',
      'If you paid by card, a chargeback with your card issuer is the last resort.',
    ],
  },
  'refund-overdue': {
    code: 'A8',
    urgency: 'action',
    advice: [
      'Contact AliExpress support about the missing refund.',
      'Ask your bank about the refund, quoting the refund reference number (ARN).',
      'Tell orderwatch when the refund has arrived so it stops reminding you.',
    ],
  },
  'window-closed': {
    code: 'A9',
    urgency: 'info',
    advice: [
      'If you paid by card, a chargeback with your card issuer may still be possible within its window.',
      'Contact AliExpress customer service: they sometimes help after a window has closed.',
    ],
  },
};

/**
 * A4 when tracking says delivered but the buyer has not confirmed receiving the parcel: it may not have
 * reached them (001, "Order delivered but not received"), and "inspect the item" would be no advice then.
 */
export const DELIVERED_UNCONFIRMED_ADVICE: readonly string[] = [
  'If the parcel has not reached you, ask the seller briefly (it may have been left elsewhere), then open a dispute before the window closes: "Refund only", reason "item not received".',
  "Evidence: the carrier's tracking page showing where it was delivered (tracking apps such as Parcelsapp show the city); a screenshot is enough.",
  'Asking the seller pauses nothing: do not wait for an answer past the window.',
];

/**
 * Appended to the reasons of an alert whose deadline we estimated. Only purchase protection (C1) has a
 * stated date the user can look up and send back, and only while it can still change something: after the
 * window closed (A9), sending the date back would only move a warning into the past.
 */
export function estimateNote(clock: string | null, kind: AlertKind): string {
  return clock === 'C1' && kind !== 'window-closed'
    ? 'This date is an estimate. The order page shows "Refund if no delivery before …": send that date to orderwatch to replace the estimate.'
    : "This date is an estimate from orderwatch's default policy: AliExpress did not state it.";
}
