/**
 * Dates and orders as the mails show them, always in the user's zone (never the machine's), and the
 * shared pieces every renderer needs from its context.
 */
import { DateTime } from 'luxon';
import { orderSuffix, shortOrder } from '../commands/index';
import type { OrderEvaluation } from '../rules/index';
import type { Block } from './blocks';
import { toHtml, toText } from './blocks';
import { EN, type Strings } from './strings/en';
import {
  type AliExpressLinks,
  DEFAULT_LINKS,
  type MailPurpose,
  type RenderContext,
  type RenderedMail,
} from './types';

export interface Fmt {
  readonly s: Strings;
  readonly zone: string;
  readonly now: string;
  readonly links: AliExpressLinks;
  /** "Fri 4 Dec" (the year only when it is not the current one). */
  readonly day: (instant: string) => string;
  /** A calendar date the user typed (YYYY-MM-DD), as a day: no instant, so no zone can shift it. */
  readonly calendarDay: (isoDate: string) => string;
  /** "Fri 4 Dec 2026, 11:00 (Europe/Berlin time)". */
  readonly at: (instant: string) => string;
  /** "…0979" */
  readonly short: (orderId: string) => string;
  /** The shortest suffix that names the order among the user's: what command lines should use. */
  readonly ref: (orderId: string) => string;
}

function local(instant: string, zone: string, locale: string): DateTime {
  return DateTime.fromISO(instant, { setZone: true }).setZone(zone).setLocale(locale);
}

export function formatter(ctx: RenderContext): Fmt {
  const s = ctx.strings ?? EN;
  const zone = ctx.timeZone;
  const known = ctx.knownOrderIds ?? [];
  const thisYear = local(ctx.now, zone, s.locale).year;
  return {
    s,
    zone,
    now: ctx.now,
    links: ctx.links ?? DEFAULT_LINKS,
    day: (instant) => {
      const dt = local(instant, zone, s.locale);
      return dt.toFormat(dt.year === thisYear ? s.shortDate : s.longDate);
    },
    calendarDay: (isoDate) => {
      const dt = DateTime.fromISO(isoDate, { zone: 'UTC' }).setLocale(s.locale);
      return dt.toFormat(dt.year === thisYear ? s.shortDate : s.longDate);
    },
    at: (instant) => {
      const dt = local(instant, zone, s.locale);
      return s.at(dt.toFormat(s.longDate), dt.toFormat(s.time), zone);
    },
    short: shortOrder,
    ref: (orderId) => orderSuffix(orderId, known),
  };
}

/**
 * A value from outside (a store name a seller typed, a mail's subject) made safe to put in our text:
 * backticks mark commands in our strings, so a stray one would turn the rest of a line into "code".
 * HTML escaping is separate and always done by blocks.ts.
 */
export function untrusted(value: string): string {
  return value.replace(/`/g, "'").replace(/\s+/g, ' ').trim();
}

/** The store an order's events name (the latest that names one), or null. */
export function storeOf(evaluation: Pick<OrderEvaluation, 'store'>): string | null {
  return evaluation.store === null ? null : untrusted(evaluation.store);
}

interface MailParts {
  readonly purpose: MailPurpose;
  readonly subject: string;
  readonly blocks: readonly Block[];
  readonly attachments?: RenderedMail['attachments'];
}

/** A reply to the user's own mail. */
export function reply(f: Fmt, parts: MailParts): RenderedMail {
  return mail(f, parts, { autoSubmitted: 'auto-replied', inReplyToUser: true, listUnsubscribe: false });
}

export function mail(
  f: Fmt,
  parts: MailParts,
  flags: Pick<RenderedMail, 'autoSubmitted' | 'inReplyToUser' | 'listUnsubscribe'>,
): RenderedMail {
  const blocks: Block[] = [...parts.blocks, { kind: 'small', text: f.s.footer }];
  return {
    purpose: parts.purpose,
    // A subject is one line: a hostile store name must not add header lines (the MIME library would
    // encode them, but a folded subject still reads wrong).
    subject: parts.subject.replace(/[\r\n\t]+/g, ' ').trim(),
    text: toText(blocks),
    html: toHtml(blocks, parts.subject, f.s.lang),
    attachments: parts.attachments ?? [],
    ...flags,
  };
}
