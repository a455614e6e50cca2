/**
 * The calendar attachment of an alert: one event per deadline, with reminders, made by ical-generator
 * (escaping, folding and line endings of RFC 5545 are its job, not ours).
 *
 * Times are written in UTC: the deadline is an instant, every calendar shows it in its own zone, and no
 * VTIMEZONE (which ical-generator would need a zone database plugin for) can be wrong.
 */
import ical, { ICalAlarmType, ICalCalendarMethod } from 'ical-generator';
import type { MailAttachment } from './types';

export interface CalendarDeadline {
  /** Stable per alert key, so a re-sent alert updates the calendar entry instead of adding one. */
  readonly uid: string;
  readonly deadline: string;
  readonly summary: string;
  readonly description: string;
  readonly url: string | null;
  readonly alarmText: string;
}

/** The event sits in the half hour before the deadline: "by 11:00" must show before 11:00, not after. */
const EVENT_MS = 30 * 60_000;
/** Reminders before the event: a day ahead (time to act), and two hours ahead (last call). */
export const ALARMS_BEFORE_S: readonly number[] = [24 * 3600, 2 * 3600];

export function calendarAttachment(
  filename: string,
  name: string,
  deadlines: readonly CalendarDeadline[],
  now: string,
): MailAttachment {
  const calendar = ical({
    name,
    method: ICalCalendarMethod.PUBLISH,
    prodId: { company: 'orderwatch', product: 'orderwatch', language: 'EN' },
  });
  for (const d of deadlines) {
    const end = new Date(d.deadline);
    const event = calendar.createEvent({
      id: d.uid,
      start: new Date(end.getTime() - EVENT_MS),
      end,
      stamp: new Date(now),
      summary: d.summary,
      description: d.description,
      ...(d.url === null ? {} : { url: d.url }),
    });
    for (const before of ALARMS_BEFORE_S) {
      event.createAlarm({ type: ICalAlarmType.display, trigger: before, description: d.alarmText });
    }
  }
  return {
    filename,
    contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
    content: calendar.toString(),
  };
}

/**
 * A UID from the alert's order, kind and deadline but not its lead step: the 7-, 3- and 1-day warnings
 * for one deadline are one calendar entry, updated rather than repeated.
 */
export function calendarUid(orderId: string, kind: string, deadline: string): string {
  return `${orderId}-${kind}-${deadline.replace(/[^0-9A-Za-z]/g, '')}@orderwatch`;
}
