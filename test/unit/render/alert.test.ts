import { describe, expect, it } from 'vitest';
import { ALARMS_BEFORE_S, EN, renderAlerts, type Strings } from '../../../functions/core/render/index';
import { evaluateOrder } from '../../../functions/core/rules/index';
import { A, alert, B, BACKTICK, C, ev, events, expectSafeHtml, HOSTILE, parseIcs } from './helpers';

const paidAndShipped = [
  ev('payment_confirmed', '2026-10-01T08:00:00Z'),
  ev('shipped', '2026-10-05T08:00:00Z'),
];
// 09:00 has passed in Berlin (08:00Z) and in Los Angeles (17:00Z): the 7-day warning is due in both.
const now = '2026-11-27T20:00:00Z';

/** The engine's 7-day protection warning for an order shipped 5 Oct (C1 estimated: 4 Dec 08:00Z). */
function lapsing(timeZone: string, extra = paidAndShipped) {
  const evaluation = evaluateOrder(extra, { now, timeZone });
  const [due] = evaluation.alerts;
  if (!due) throw new Error('no alert due');
  return due;
}

describe('one alert', () => {
  it('has a subject a person understands at a glance', () => {
    const mail = renderAlerts([{ alert: lapsing('Europe/Berlin') }], { timeZone: 'Europe/Berlin', now });
    expect(mail.subject).toBe('Open a dispute for order …0979 by Fri 4 Dec');
    expect(mail.purpose).toBe('alert');
  });

  it.each([
    ['Europe/Berlin', 'Fri 4 Dec 2026, 09:00 (Europe/Berlin time)'],
    ['America/Los_Angeles', 'Fri 4 Dec 2026, 00:00 (America/Los_Angeles time)'],
  ])('shows the deadline in the user zone (%s)', (zone, shown) => {
    const mail = renderAlerts([{ alert: lapsing(zone) }], { timeZone: zone, now });
    expect(mail.text).toContain(`Deadline: ${shown}`);
    expect(mail.html).toContain(shown);
  });

  it('a stated date-only deadline falls on the previous evening in Los Angeles (conservative)', () => {
    const stated = [
      ...paidAndShipped,
      ev('protection_stated', '2026-10-06T08:00:00Z', { protectionEndsAt: '2026-12-04' }),
    ];
    const berlin = renderAlerts([{ alert: lapsing('Europe/Berlin', stated) }], {
      timeZone: 'Europe/Berlin',
      now,
    });
    const la = renderAlerts([{ alert: lapsing('America/Los_Angeles', stated) }], {
      timeZone: 'America/Los_Angeles',
      now,
    });
    expect(berlin.subject).toBe('Open a dispute for order …0979 by Thu 3 Dec');
    expect(berlin.text).toContain('Deadline: Thu 3 Dec 2026, 11:00 (Europe/Berlin time)');
    expect(la.text).toContain('Deadline: Thu 3 Dec 2026, 02:00 (America/Los_Angeles time)');
    expect(berlin.text).toContain('AliExpress stated this date.');
    expect(berlin.text).not.toContain('protection 0979 <date>');
  });

  it('an estimate says so once, with the command that makes it exact', () => {
    const mail = renderAlerts([{ alert: lapsing('Europe/Berlin') }], { timeZone: 'Europe/Berlin', now });
    expect(mail.text).toContain('This date is an estimate.');
    expect(mail.text).toContain('`protection 0979 <date>`');
    expect(mail.text.match(/This date is an estimate/g)).toHaveLength(1);
  });

  it('says what happened, what to do step by step, where, and how to record it', () => {
    const item = alert('protection-lapsing', A, '2026-12-04T08:00:00Z', {
      reasons: ['Protection ends soon.'],
    });
    const mail = renderAlerts([{ alert: item }], { timeZone: 'UTC', now });
    expect(mail.text).toContain('- Protection ends soon.');
    item.advice.forEach((step, i) => {
      expect(mail.text).toContain(`${i + 1}. ${step}`);
    });
    expect(mail.text).toContain(`https://www.aliexpress.com/p/order/detail.html?orderId=${A}`);
    expect(mail.html).toContain(`href="https://www.aliexpress.com/p/order/detail.html?orderId=${A}"`);
    expect(mail.text).toContain('Your disputes on AliExpress: https://');
    expect(mail.text).toContain('`dispute 0979`: you opened a dispute');
    expect(mail.text).toContain('`received 0979`');
    expect(mail.text).toContain('`mute 0979`');
    expect(mail.html).toContain('<code style=');
  });

  it('suggests a longer suffix when the last 4 digits name several of the user orders', () => {
    const other = '3123456789020979';
    const mail = renderAlerts([{ alert: alert('late', A, '2026-12-04T08:00:00Z') }], {
      timeZone: 'UTC',
      now,
      knownOrderIds: [A, other],
    });
    expect(mail.text).toContain('`dispute 10979`');
  });

  it('is auto-generated, offers List-Unsubscribe and is no reply', () => {
    const mail = renderAlerts([{ alert: lapsing('UTC') }], { timeZone: 'UTC', now });
    expect(mail).toMatchObject({
      autoSubmitted: 'auto-generated',
      listUnsubscribe: true,
      inReplyToUser: false,
    });
  });

  it('escapes a hostile store name in HTML and keeps it readable in text', () => {
    const mail = renderAlerts([{ alert: lapsing('UTC'), store: HOSTILE }], { timeZone: 'UTC', now });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=//evil');
    expect(mail.text).toContain(HOSTILE);
    expectSafeHtml(mail.html, expect);
  });

  it('a backtick in a store name does not turn text into code', () => {
    const mail = renderAlerts([{ alert: lapsing('UTC'), store: BACKTICK }], { timeZone: 'UTC', now });
    expect(mail.text).toContain("from Shop 'Best' Deals");
    expect(mail.html).toContain('from Shop &#39;Best&#39; Deals');
  });

  it('words come from the table: another table, another language', () => {
    const de: Strings = {
      ...EN,
      locale: 'de-DE',
      shortDate: 'ccc d. LLL',
      order: (o) => `Bestellung ${o}`,
      alertSubject: {
        ...EN.alertSubject,
        'protection-lapsing': (o, by) => `Streitfall für ${o} bis ${by} öffnen`,
      },
    };
    const mail = renderAlerts([{ alert: lapsing('Europe/Berlin') }], {
      timeZone: 'Europe/Berlin',
      now,
      strings: de,
    });
    // Abbreviations come from the platform's locale data ("Fr" or "Fr.").
    expect(mail.subject).toMatch(/^Streitfall für Bestellung …0979 bis Fr\.? 4\. Dez\.? öffnen$/);
  });
});

describe('the .ics attachment', () => {
  it('carries the deadline, the title and reminders, parsed back', () => {
    const mail = renderAlerts([{ alert: lapsing('Europe/Berlin') }], { timeZone: 'Europe/Berlin', now });
    const [attachment] = mail.attachments;
    expect(attachment?.filename).toBe('orderwatch-0979.ics');
    expect(attachment?.contentType).toMatch(/^text\/calendar; charset=utf-8; method=PUBLISH$/);
    const calendar = parseIcs(attachment?.content ?? '');
    expect(calendar.props.get('METHOD')).toBe('PUBLISH');
    const [event, ...more] = events(mail);
    expect(more).toHaveLength(0);
    expect(event?.props.get('DTEND')).toBe('20261204T080000Z');
    expect(event?.props.get('DTSTART')).toBe('20261204T073000Z');
    expect(event?.props.get('SUMMARY')).toBe('Open a dispute for order …0979 by Fri 4 Dec');
    expect(event?.props.get('UID')).toMatch(/^8123456789010979-protection-lapsing-.*@orderwatch$/);
    const alarms = event?.children.filter((c) => c.name === 'VALARM') ?? [];
    expect(alarms.map((a) => a.props.get('TRIGGER'))).toEqual(['-P1D', '-PT2H']);
    expect(alarms.map((a) => a.props.get('ACTION'))).toEqual(['DISPLAY', 'DISPLAY']);
    expect(ALARMS_BEFORE_S).toEqual([86_400, 7_200]);
  });

  it('escapes what the calendar format reserves (a hostile reason stays one property)', () => {
    const item = alert('late', A, '2026-12-04T08:00:00Z', { reasons: ['a;b,c\nEND:VEVENT'] });
    const [event] = events(renderAlerts([{ alert: item }], { timeZone: 'UTC', now }));
    expect(event?.props.get('DESCRIPTION')).toContain('a\\;b\\,c\\nEND:VEVENT');
  });
});

describe('digest', () => {
  const items = [
    { alert: alert('not-shipped', C, '2026-11-20T08:00:00Z', { clock: null, provenance: 'estimated' }) },
    { alert: alert('dispute-window-closing', B, '2026-12-01T08:00:00Z', { clock: 'C3' }) },
    { alert: alert('protection-lapsing', A, '2026-12-06T08:00:00Z') },
    { alert: alert('late', B, '2026-12-02T08:00:00Z') },
  ];
  const mail = renderAlerts(items, { timeZone: 'Europe/Berlin', now });

  it('puts several alerts for one user in one mail, most urgent first, then soonest', () => {
    expect(mail.purpose).toBe('digest');
    expect(mail.subject).toBe('4 AliExpress deadlines. First: Open a dispute for order …0979 by Sun 6 Dec');
    const order = [
      'Urgent: Open a dispute for order …0979',
      'Action needed: Inspect order …4444',
      'Action needed: Order …4444 is late',
      'For your information: Order …5555 has not shipped',
    ].map((h) => mail.text.indexOf(h));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('has one calendar entry per deadline still ahead', () => {
    const summaries = events(mail).map((e) => e.props.get('SUMMARY'));
    expect(summaries).toEqual([
      'Open a dispute for order …0979 by Sun 6 Dec',
      'Inspect order …4444: disputes close Tue 1 Dec',
      'Order …4444 is late: open a dispute by Wed 2 Dec',
    ]);
    expect(mail.attachments[0]?.filename).toBe('orderwatch-deadlines.ics');
  });

  it('puts no deadline that has passed in the calendar', () => {
    const closed = alert('window-closed', A, '2026-11-20T08:00:00Z', {
      reasons: ['Purchase protection ended.'],
    });
    const mail = renderAlerts([{ alert: closed }], { timeZone: 'UTC', now });
    expect(mail.subject).toBe('A window for order …0979 has closed: what is still possible');
    expect(mail.attachments).toEqual([]);
  });

  it('refuses an empty digest', () => {
    expect(() => renderAlerts([], { timeZone: 'UTC', now })).toThrow(RangeError);
  });
});
