import type { OrderEvent } from '../../../functions/core/events';
import type { RenderedMail } from '../../../functions/core/render/index';
import {
  ALERT_KIND_INFO,
  type Alert,
  type AlertKind,
  type ClockId,
  type Provenance,
} from '../../../functions/core/rules/index';

export const A = '8123456789010979';
export const B = '8123456789024444';
export const C = '3123456789035555';
export const HOSTILE = '<script>alert("x")</script> & <img src=//evil.example/p.png> Shop';
/** A store name with a backtick: it must not open a code span in our markup. */
export const BACKTICK = 'Shop `Best` Deals';

export function ev(
  type: OrderEvent['type'],
  occurredAt: string,
  extra: Partial<OrderEvent> = {},
): OrderEvent {
  return {
    type,
    orderIds: [A],
    occurredAt,
    source: { kind: 'mail', messageId: null, language: 'en', evidence: 'verified' },
    ...extra,
  };
}

/** An alert as the engine shapes it, built by hand so a test pins one thing at a time. */
export function alert(
  kind: AlertKind,
  orderId: string,
  deadline: string,
  options: { provenance?: Provenance; clock?: ClockId | null; reasons?: string[] } = {},
): Alert {
  const info = ALERT_KIND_INFO[kind];
  return {
    orderId,
    kind,
    code: info.code,
    urgency: info.urgency,
    deadline,
    sendAt: deadline,
    key: `${orderId}/${kind}/${deadline}`,
    step: null,
    clock: options.clock === undefined ? 'C1' : options.clock,
    provenance: options.provenance ?? 'stated',
    reasons: options.reasons ?? [`Reason for ${kind}.`],
    advice: info.advice,
  };
}

export interface IcsComponent {
  readonly name: string;
  readonly props: Map<string, string>;
  readonly children: IcsComponent[];
}

/** A minimal RFC 5545 reader for assertions: unfolds lines, nests BEGIN/END, keeps `NAME[;params]: value`. */
export function parseIcs(content: string): IcsComponent {
  const lines = content
    .replace(/\r\n[ \t]/g, '')
    .split(/\r\n/)
    .filter((l) => l !== '');
  const root: IcsComponent = { name: 'ROOT', props: new Map(), children: [] };
  const stack: IcsComponent[] = [root];
  for (const line of lines) {
    const colon = line.indexOf(':');
    const key = line.slice(0, colon);
    const value = line.slice(colon + 1);
    const top = stack.at(-1) as IcsComponent;
    if (key === 'BEGIN') {
      const child: IcsComponent = { name: value, props: new Map(), children: [] };
      top.children.push(child);
      stack.push(child);
    } else if (key === 'END') {
      stack.pop();
    } else {
      top.props.set(key.split(';')[0] ?? key, value);
    }
  }
  const [calendar] = root.children;
  if (!calendar) throw new Error('no VCALENDAR');
  return calendar;
}

export function events(mail: RenderedMail): IcsComponent[] {
  const [ics] = mail.attachments;
  if (!ics) throw new Error('no attachment');
  return parseIcs(ics.content).children.filter((c) => c.name === 'VEVENT');
}

/** Properties every mail's HTML must have: inline styles only, nothing fetched from elsewhere. */
export function expectSafeHtml(html: string, expect: (v: unknown) => { toBe(v: unknown): void }): void {
  expect(/<style\b/i.test(html)).toBe(false);
  expect(/<(img|script|link|iframe|object)\b/i.test(html)).toBe(false);
  // No tag loads anything (escaped text may still say "src=", harmlessly).
  expect(/<[^>]*\s(src|background)=/i.test(html)).toBe(false);
  // Every tag that has a style has it inline; no class-based styling that needs a <style> block.
  expect(/<[^>]*\sclass=/i.test(html)).toBe(false);
}
