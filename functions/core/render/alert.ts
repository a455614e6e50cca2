/**
 * The alert mail (issue 8): one alert, or a digest of several for one user, most urgent first. Each alert
 * says what happened, the deadline in the user's zone and how sure it is, what to do step by step, where
 * to do it, and the command lines that tell orderwatch it was done; an .ics carries the deadlines.
 */

import type { EventType } from '../events';
import { estimateNote } from '../rules/advice';
import { type Alert, type AlertKind, URGENCY_RANK } from '../rules/index';
import type { Block } from './blocks';
import { type Fmt, formatter, mail, untrusted } from './format';
import { type CalendarDeadline, calendarAttachment, calendarUid } from './ics';
import { provenanceBlock } from './outlook';
import type { RenderContext, RenderedMail } from './types';

export interface AlertItem {
  readonly alert: Alert;
  /** The store the order is from, when known: it helps the user find the order. */
  readonly store?: string | null;
}

/**
 * The facts an alert may ask the user to report, each with the event its command records (a unit test
 * parses every suggested line and checks it records that event).
 */
export const RECORDABLE_EVENTS = {
  received: 'receipt_confirmed',
  dispute: 'dispute_opened',
  escalated: 'dispute_escalated',
  negotiation: 'negotiation_deadline',
  resolved: 'dispute_closed',
  refund: 'refund_issued',
  refunded: 'refund_received',
  protection: 'protection_stated',
  extend: 'protection_extended',
} as const satisfies Record<string, EventType>;
type Recordable = keyof typeof RECORDABLE_EVENTS;

/** Which facts the user may report after each alert (the commands that record what they did). */
export const RECORD: Readonly<Record<AlertKind, readonly Recordable[]>> = {
  'not-shipped': [],
  late: ['dispute', 'received', 'extend'],
  'protection-lapsing': ['dispute', 'received', 'extend'],
  'dispute-window-closing': ['dispute'],
  // The dispute moves on: escalated, AliExpress's negotiation date, a ruling, or a refund approved.
  'seller-silent': ['escalated', 'negotiation', 'resolved', 'refund'],
  'negotiation-ending': ['resolved', 'refund'],
  'appeal-window-closing': ['refund'],
  // Only the money arriving ends this one; `refund` (approved) is what started it.
  'refund-overdue': ['refunded'],
  'window-closed': ['dispute', 'refund'],
};

/** Most urgent first; then the soonest deadline; then by order, so a digest reads the same every time. */
export function byUrgency(a: AlertItem, b: AlertItem): number {
  return (
    URGENCY_RANK[a.alert.urgency] - URGENCY_RANK[b.alert.urgency] ||
    Date.parse(a.alert.deadline) - Date.parse(b.alert.deadline) ||
    a.alert.orderId.localeCompare(b.alert.orderId)
  );
}

export function alertTitle(f: Fmt, alert: Alert): string {
  const title = f.s.alertSubject[alert.kind](f.s.order(f.short(alert.orderId)), f.day(alert.deadline));
  // Templates may open with the order ("order …0979 is late"); a subject opens with a capital.
  return title.charAt(0).toLocaleUpperCase(f.s.locale) + title.slice(1);
}

function commandLine(f: Fmt, what: Recordable, orderId: string): string {
  const ref = f.ref(orderId);
  const line = {
    received: `received ${ref}`,
    dispute: `dispute ${ref}`,
    escalated: `escalated ${ref}`,
    negotiation: `negotiation ${ref} <date>`,
    resolved: `resolved ${ref} won|partial|lost`,
    refund: `refund ${ref} card|alipay|other`,
    refunded: `refunded ${ref}`,
    protection: `protection ${ref} <date>`,
    extend: `extend ${ref} <days|date>`,
  }[what];
  return f.s.commandLine(line, f.s.recordWhat[what]);
}

function alertBlocks(f: Fmt, item: AlertItem, headingLevel: 'banner' | 'heading'): Block[] {
  const { alert } = item;
  const title = alertTitle(f, alert);
  const store = item.store ? f.s.fromStore(untrusted(item.store)) : '';
  const records = [...RECORD[alert.kind]];
  if (alert.provenance === 'estimated' && alert.clock === 'C1') records.push('protection');
  // The engine appends its own estimate note to the reasons; the provenance line below says it with the
  // exact command, so the engine's sentence would only repeat it.
  const reasons = alert.reasons.filter((r) => r !== estimateNote(alert.clock, alert.kind));
  const url = f.links.orderPage(alert.orderId);
  return [
    headingLevel === 'banner'
      ? { kind: 'banner', tone: alert.urgency, text: `${f.s.urgency[alert.urgency]}: ${title}` }
      : { kind: 'heading', text: `${f.s.urgency[alert.urgency]}: ${title}` },
    { kind: 'p', text: `${f.s.Order(f.short(alert.orderId))} (${alert.orderId})${store}` },
    { kind: 'facts', rows: [[f.s.deadlineLabel, f.at(alert.deadline)]] },
    provenanceBlock(f, alert, alert.orderId),
    { kind: 'subheading', text: f.s.whatHappened },
    { kind: 'list', ordered: false, items: reasons },
    { kind: 'subheading', text: f.s.whatToDo },
    { kind: 'list', ordered: true, items: alert.advice },
    { kind: 'button', label: f.s.orderPage, url },
    { kind: 'link', label: f.s.disputesPage, url: f.links.disputesPage },
    ...(records.length === 0
      ? []
      : [
          { kind: 'subheading', text: f.s.recordIntro } as const,
          {
            kind: 'list',
            ordered: false,
            items: records.map((r) => commandLine(f, r, alert.orderId)),
          } as const,
        ]),
    { kind: 'small', text: f.s.alertFooter(`mute ${f.ref(alert.orderId)}`) },
  ];
}

function calendarEntry(f: Fmt, item: AlertItem): CalendarDeadline {
  const { alert } = item;
  const title = alertTitle(f, alert);
  return {
    uid: calendarUid(alert.orderId, alert.kind, alert.deadline),
    deadline: alert.deadline,
    summary: title,
    description: [...alert.reasons, '', ...alert.advice.map((a, i) => `${i + 1}. ${a}`)].join('\n'),
    url: f.links.orderPage(alert.orderId),
    alarmText: title,
  };
}

/** One mail for one or more alerts of one user; several alerts make a digest. Throws on none. */
export function renderAlerts(items: readonly AlertItem[], ctx: RenderContext): RenderedMail {
  if (items.length === 0) throw new RangeError('renderAlerts needs at least one alert');
  const f = formatter(ctx);
  const sorted = [...items].sort(byUrgency);
  const [first] = sorted as [AlertItem, ...AlertItem[]];
  const digest = sorted.length > 1;
  const blocks: Block[] = digest
    ? [
        { kind: 'p', text: f.s.digestIntro(sorted.length) },
        ...sorted.flatMap((item, i) => [
          ...(i === 0 ? [] : [{ kind: 'rule' } as const]),
          ...alertBlocks(f, item, 'heading'),
        ]),
      ]
    : alertBlocks(f, first, 'banner');
  // Only deadlines still ahead belong in a calendar; a "window closed" notice is about the past.
  const ahead = sorted.filter(
    (i) => i.alert.kind !== 'window-closed' && Date.parse(i.alert.deadline) > Date.parse(ctx.now),
  );
  const filename = digest ? 'orderwatch-deadlines.ics' : `orderwatch-${first.alert.orderId.slice(-4)}.ics`;
  return mail(
    f,
    {
      purpose: digest ? 'digest' : 'alert',
      subject: digest
        ? f.s.digestSubject(sorted.length, alertTitle(f, first.alert))
        : alertTitle(f, first.alert),
      blocks,
      attachments:
        ahead.length === 0
          ? []
          : [
              calendarAttachment(
                filename,
                f.s.calendarName,
                ahead.map((i) => calendarEntry(f, i)),
                ctx.now,
              ),
            ],
    },
    // Alerts are ours, not answers: RFC 3834 auto-generated, with a one-click way out (subject "stop").
    { autoSubmitted: 'auto-generated', inReplyToUser: false, listUnsubscribe: true },
  );
}
