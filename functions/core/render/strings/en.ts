/**
 * Every English word orderwatch mails, in one table. A second language is another object of type
 * `Strings` (word order differs between languages, so templates are functions, not concatenations).
 * Text between backticks is a command the user can type; the renderer shows it as code.
 *
 * Two things stay English until their owners expose data instead of sentences: an alert's `reasons` and
 * `advice` (the rules engine words them) and a mail's "couldn't read" reason (the mail reader does).
 */

import type {
  AckMode,
  CommandName,
  CommandProblem,
  DatedFactKind,
  ParsedCommand,
} from '../../commands/index';
import { problemMessage } from '../../commands/index';
import type { EventType } from '../../events';
import type { AlertKind, ClockId, OrderStatus, Provenance, Urgency } from '../../rules/index';

/** The commands answered with a confirmation. */
type DoneKind = Exclude<ParsedCommand['kind'], 'help' | 'status' | 'delete-request' | 'delete-confirm'>;

const est = (p: Provenance) => (p === 'estimated' ? ' (estimated)' : '');
const about = (p: Provenance) => (p === 'estimated' ? 'about ' : '');

const CLOCK = {
  C1: 'purchase protection ends',
  C2: 'a dispute is possible from',
  C3: 'the dispute window closes',
  C4: "the seller's time to answer ends",
  C5: 'AliExpress should rule by',
  C6: 'the negotiation ends',
  C7: 'the appeal window closes',
  C8: 'the refund should arrive by',
  C9: 'a card chargeback is possible until',
} satisfies Record<ClockId, string>;

export const EN = {
  lang: 'en',
  /** luxon locale for weekday and month names; en-GB writes "Fri 4 Dec". */
  locale: 'en-GB',
  shortDate: 'ccc d LLL',
  longDate: 'ccc d LLL yyyy',
  time: 'HH:mm',
  at: (date: string, time: string, zone: string) => `${date}, ${time} (${zone} time)`,
  order: (short: string) => `order ${short}`,
  Order: (short: string) => `Order ${short}`,
  fromStore: (store: string) => ` from ${store}`,
  storeLabel: 'Store',
  footer:
    'orderwatch watches your AliExpress orders from the mail you forward. Reply `help` for the commands.',

  /** What a fact says, after "Order …0979": "Order …0979 shipped 5 Oct". */
  event: {
    order_confirmed: 'was confirmed',
    payment_confirmed: 'was paid',
    ready_to_ship: 'is ready to ship',
    shipped: 'shipped',
    in_transit: 'is in transit',
    delivered: 'was delivered',
    awaiting_confirmation: 'will soon be marked completed',
    delivery_confirmed: 'was confirmed delivered',
    receipt_confirmed: 'was confirmed received',
    order_closed: 'was closed',
    order_cancelled: 'was cancelled',
    protection_stated: 'had its protection end stated',
    protection_extended: 'had its protection extended',
    dispute_opened: 'had a dispute opened',
    seller_responded: 'had an answer from the seller',
    dispute_escalated: 'had its dispute escalated',
    negotiation_deadline: 'had a negotiation end stated',
    dispute_cancelled: 'had its dispute cancelled',
    dispute_closed: 'had its dispute closed',
    refund_issued: 'was refunded (refund on its way)',
    refund_received: 'had its refund arrive',
  } satisfies Record<EventType, string>,
  eventOn: (what: string, date: string) => `${what} ${date}`,

  clock: CLOCK,
  /** "protection ends about 4 Dec (estimated)". */
  deadline: (clock: ClockId | null, p: Provenance, date: string) =>
    clock === null ? `due ${about(p)}${date}${est(p)}` : `${CLOCK[clock]} ${about(p)}${date}${est(p)}`,
  warnFrom: (date: string) => `we'll warn you from ${date}`,
  warnNow: "we're warning you now",
  next: (phrase: string) => `Next: ${phrase}.`,
  nothingPending: 'nothing needs watching for it right now',
  summary: (order: string, facts: string, next: string) => `${order} ${facts}; ${next}.`,
  summaryNoFacts: (order: string, next: string) => `${order}: ${next}.`,
  stated: 'AliExpress stated this date.',
  estimatedC1: (cmd: string) =>
    `This date is an estimate. The order page shows "Refund if no delivery before …": reply \`${cmd}\` with that date to make it exact.`,
  estimatedOther: "This date is an estimate from orderwatch's default policy: AliExpress did not state it.",

  ackSubject: (order: string, what: string) => `${order}: ${what}`,
  ackSubjectMany: (n: number) => `${n} orders updated from your forwarded mail`,
  ackIntro: 'orderwatch read the mail you forwarded.',
  acksHint: 'Reply `acks new` to hear only about new orders, or `acks none` for no acknowledgements.',
  watchingSubject: (order: string) => `Now watching ${order}`,
  watchingIntro: (order: string, store: string) =>
    `orderwatch saw a new AliExpress ${order}${store} and now watches its deadlines.`,
  watchingHint:
    'You hear from orderwatch once per new order and when a deadline needs you. Reply `acks all` to hear about every update, or `acks none` for none.',

  unreadableSubject: (subject: string | null) =>
    subject ? `Couldn't read your forwarded mail "${subject}"` : "Couldn't read your forwarded mail",
  unreadableIntro: (reason: string) => `orderwatch could not read this mail: ${reason}`,
  unreadableOrders: (orders: string) => `It names ${orders}. Check the order page and record what it says:`,
  unreadableNoOrders:
    'If it was about an order, record what it said by hand (name the order by its last 4 digits):',
  unreadableLater: 'orderwatch keeps the mail and reads it again when it learns this wording.',
  recordWhat: {
    received: 'you received the parcel',
    dispute: 'you opened a dispute',
    escalated: 'you escalated the dispute to AliExpress',
    negotiation: 'the dispute states when the negotiation finishes',
    resolved: 'the dispute was closed: won, partial or lost',
    refund: 'AliExpress approved a refund (how you paid: card, alipay or other)',
    refunded: 'the refund money arrived',
    protection: 'the order page states when protection ends',
    extend: 'the seller extended protection (days or new date)',
    mute: 'no more alerts for this order',
  },
  commandLine: (line: string, what: string) => `\`${line}\`: ${what}`,

  forwardingSubject: 'Confirm Gmail forwarding to orderwatch',
  forwardingIntro: (requester: string) =>
    `Gmail asks whether ${requester} may forward mail to orderwatch. Confirm it so your AliExpress mail arrives by itself.`,
  forwardingCode: 'Confirmation code',
  forwardingButton: 'Confirm forwarding',
  forwardingNoLink: 'Enter the code in Gmail: Settings → Forwarding and POP/IMAP.',
  forwardingIgnore:
    "If you didn't ask for this, ignore this mail: nothing is forwarded until it is confirmed.",

  helpSubject: 'orderwatch commands',
  helpIntro:
    'Write a command as the subject or first line of a mail to orderwatch. Name an order by its number or its last 4 digits. Dates: 2026-03-04, 4.3.2026 or 4 Mar 2026.',
  help: {
    help: 'this list, or one command',
    status: 'your open orders and their deadlines, soonest first',
    paid: 'you paid for the order (today, or on the date given)',
    delivered: 'tracking shows the parcel delivered (today, or on the date given)',
    received: 'you received the parcel and confirmed it on AliExpress (the 15-day dispute window starts)',
    closed: 'AliExpress closed (completed) the order',
    cancelled: 'the order was cancelled (a paid order: its refund is now on its way)',
    dispute: 'you opened a dispute (today, or on the date given)',
    answered: 'the seller answered your dispute',
    escalated: 'you escalated the dispute to AliExpress (or AliExpress stepped in)',
    negotiation: 'the "negotiation finished" date AliExpress states in the dispute',
    withdrawn: 'you cancelled (withdrew) your dispute: protection runs again',
    resolved: 'the dispute was closed: won (full refund), partial or lost',
    refund: 'AliExpress approved a refund; how you paid says when it should arrive',
    refunded: 'the refund money arrived: orderwatch stops watching the order',
    protection: 'the protection end the order page states ("Refund if no delivery before …")',
    extend: 'the seller extended protection by some days, or to a date',
    mute: 'no more alerts for this order',
    unmute: 'alerts for this order again',
    tz: 'the time zone dates are shown in',
    acks: 'which acknowledgements you get: every update, new orders only, or none',
    stop: 'pause all mail from orderwatch (your orders are kept)',
    start: 'resume after stop',
    delete: 'erase everything orderwatch holds for you (asks to confirm first)',
  } satisfies Record<CommandName, string>,
  example: 'Example',

  statusSubject: (open: number) => (open === 1 ? 'Your orders: 1 open' : `Your orders: ${open} open`),
  statusNone: 'No open orders. Forward an AliExpress order mail to start watching one.',
  statusMuted: 'muted: no alerts',
  statusDone: (n: number) => `${n} finished ${n === 1 ? 'order is' : 'orders are'} not shown.`,
  statusSettings: (zone: string, acks: AckMode, stopped: boolean) =>
    `Time zone ${zone}; acknowledgements: ${acks}; ${stopped ? 'stopped (reply `start`)' : 'alerts on'}.`,
  status: {
    placed: 'placed, not shipped',
    shipped: 'shipped',
    in_transit: 'in transit',
    delivered: 'delivered',
    completed: 'completed',
    disputed: 'dispute open',
    escalated: 'dispute escalated',
    dispute_closed: 'dispute closed',
    refunding: 'refund on its way',
    refunded: 'refunded',
    cancelled: 'cancelled',
    closed: 'closed',
  } satisfies Record<OrderStatus, string>,
  statusLabel: 'Status',

  done: {
    /** "Recorded: order …0979 received 4 Oct." — `when` is " 4 Oct" or " today". */
    fact: {
      paid: (order: string, when: string) => `Recorded: ${order} paid${when}.`,
      delivered: (order: string, when: string) => `Recorded: ${order} delivered${when}.`,
      received: (order: string, when: string) => `Recorded: ${order} received${when}.`,
      closed: (order: string, when: string) => `Recorded: ${order} closed by AliExpress${when}.`,
      cancelled: (order: string, when: string) => `Recorded: ${order} cancelled${when}.`,
      dispute: (order: string, when: string) => `Recorded: dispute opened for ${order}${when}.`,
      answered: (order: string, when: string) =>
        `Recorded: the seller answered the dispute for ${order}${when}.`,
      escalated: (order: string, when: string) => `Recorded: dispute for ${order} escalated${when}.`,
      withdrawn: (order: string, when: string) => `Recorded: dispute for ${order} withdrawn${when}.`,
      refunded: (order: string, when: string) => `Recorded: the refund for ${order} arrived${when}.`,
    } satisfies Record<DatedFactKind, (order: string, when: string) => string>,
    when: (date: string | null) => (date ? ` ${date}` : ' today'),
    negotiation: (order: string, date: string) =>
      `Recorded: the negotiation for the dispute of ${order} finishes ${date}.`,
    resolved: (order: string, outcome: string, when: string) =>
      `Recorded: the dispute for ${order} closed${when}, ${outcome === 'won' ? 'won' : outcome === 'partial' ? 'partly won' : 'lost'}.`,
    refund: (order: string, method: string | null, when: string, arrived: string) =>
      `Recorded: AliExpress approved the refund for ${order}${when}${method ? ` (${method})` : ''}. Reply \`${arrived}\` when the money has arrived.`,
    protection: (order: string, date: string) => `Recorded: protection for ${order} ends ${date}.`,
    extendDays: (order: string, days: number) =>
      `Recorded: protection for ${order} extended by ${days} days.`,
    extendDate: (order: string, date: string) => `Recorded: protection for ${order} extended to ${date}.`,
    mute: (order: string, undo: string) =>
      `Muted ${order}: no more alerts for it. Reply \`${undo}\` to undo.`,
    unmute: (order: string) => `${order} is no longer muted: its alerts come again.`,
    tz: (zone: string) => `Your time zone is now ${zone}: dates in orderwatch mail show in it.`,
    acks: {
      all: 'You now get an acknowledgement for every mail that changes an order.',
      new: 'You now get an acknowledgement only for new orders.',
      none: 'You now get no acknowledgements (alerts and command replies still come).',
    } satisfies Record<AckMode, string>,
    stop: 'orderwatch has stopped: no alerts and no acknowledgements until you reply `start`. Your orders are kept; `delete` erases them.',
    start: 'orderwatch is on again: alerts and acknowledgements resume.',
  },
  /** The subject of a command's confirmation; `what` is the order, the zone or the mode it set. */
  doneSubject: {
    paid: (order: string) => `Recorded: ${order} paid`,
    delivered: (order: string) => `Recorded: ${order} delivered`,
    received: (order: string) => `Recorded: ${order} received`,
    closed: (order: string) => `Recorded: ${order} closed`,
    cancelled: (order: string) => `Recorded: ${order} cancelled`,
    dispute: (order: string) => `Recorded: dispute opened for ${order}`,
    answered: (order: string) => `Recorded: seller answered for ${order}`,
    escalated: (order: string) => `Recorded: dispute for ${order} escalated`,
    negotiation: (order: string) => `Recorded: negotiation end for ${order}`,
    withdrawn: (order: string) => `Recorded: dispute for ${order} withdrawn`,
    resolved: (order: string) => `Recorded: dispute for ${order} closed`,
    refund: (order: string) => `Recorded: refund approved for ${order}`,
    refunded: (order: string) => `Recorded: refund for ${order} arrived`,
    protection: (order: string) => `Recorded: protection end of ${order}`,
    extend: (order: string) => `Recorded: protection of ${order} extended`,
    mute: (order: string) => `Muted ${order}`,
    unmute: (order: string) => `Unmuted ${order}`,
    tz: (zone: string) => `Time zone set to ${zone}`,
    acks: (mode: string) => `Acknowledgements: ${mode}`,
    stop: () => 'orderwatch stopped',
    start: () => 'orderwatch started again',
  } satisfies Record<DoneKind, (what: string) => string>,
  newOrder: 'orderwatch had no mail for this order yet; it watches it from now on.',

  errorSubject: (usage: string | null) => (usage ? `Not understood: ${usage}` : 'Not understood'),
  problem: (p: CommandProblem): string => problemMessage(p),
  rightForm: 'The right form',
  helpHint: 'Reply `help` for every command.',

  deleteSubject: 'Confirm: delete everything orderwatch holds for you',
  deleteWhat:
    'This erases your orders, their history, your settings and the mail you forwarded. It cannot be undone.',
  deleteHow: (hours: number) => `To confirm, reply within ${hours} hours with this line:`,
  deleteIgnore: "If you didn't ask for this, ignore this mail: nothing is deleted.",
  deleteRefusedSubject: 'Nothing deleted',
  deleteRefused: {
    'no-request': 'There is no delete request to confirm. Send `delete` to get a confirmation code.',
    expired: 'That confirmation code has expired. Send `delete` again for a new one.',
    mismatch:
      'That confirmation code does not match the last one orderwatch sent. Check it, or send `delete` again.',
  },
  deletedSubject: 'orderwatch deleted everything it held for you',
  deleted:
    'Your orders, their history, your settings and your forwarded mail are erased. orderwatch will not write to you again unless you write to it.',

  urgency: { urgent: 'Urgent', action: 'Action needed', info: 'For your information' } satisfies Record<
    Urgency,
    string
  >,
  alertSubject: {
    'not-shipped': (o: string) => `${o} has not shipped: consider cancelling`,
    late: (o: string, by: string) => `${o} is late: open a dispute by ${by}`,
    'protection-lapsing': (o: string, by: string) => `Open a dispute for ${o} by ${by}`,
    'dispute-window-closing': (o: string, by: string) => `Inspect ${o}: disputes close ${by}`,
    'seller-silent': (o: string) => `The seller of ${o} has not settled: escalate the dispute`,
    'negotiation-ending': (o: string, by: string) => `Choose a proposal for ${o} by ${by}`,
    'appeal-window-closing': (o: string, by: string) => `Appeal the dispute for ${o} by ${by}`,
    'refund-overdue': (o: string) => `The refund for ${o} is overdue`,
    'window-closed': (o: string) => `A window for ${o} has closed: what is still possible`,
  } satisfies Record<AlertKind, (order: string, by: string) => string>,
  digestSubject: (n: number, first: string) => `${n} AliExpress deadlines. First: ${first}`,
  digestIntro: (n: number) => `${n} alerts need you, most urgent first.`,
  whatHappened: 'What happened',
  deadlineLabel: 'Deadline',
  whatToDo: 'What to do',
  recordIntro: 'When you have acted, reply with the line that says what you did:',
  orderPage: 'Open the order on AliExpress',
  disputesPage: 'Your disputes on AliExpress',
  alertFooter: (mute: string) =>
    `Reply \`${mute}\` to stop alerts for this order, or \`stop\` to pause all mail from orderwatch.`,
  calendarName: 'orderwatch deadlines',
  calendarAlarm: (title: string) => `Tomorrow: ${title}`,
};

export type Strings = typeof EN;
