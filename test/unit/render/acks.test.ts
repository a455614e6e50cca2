import { describe, expect, it } from 'vitest';
import {
  renderAcknowledgement,
  renderForwardingConfirmation,
  renderUnreadable,
  renderWatching,
} from '../../../functions/core/render/index';
import { evaluateOrder } from '../../../functions/core/rules/index';
import { A, B, ev, expectSafeHtml, HOSTILE } from './helpers';

const paid = ev('payment_confirmed', '2026-10-01T08:00:00Z', { store: 'Gadget World' });
const shipped = ev('shipped', '2026-10-05T08:00:00Z');
const now = '2026-10-05T09:00:00Z';
const berlin = { timeZone: 'Europe/Berlin', now };

function update(events = [paid, shipped], read = [shipped], at = now, timeZone = 'Europe/Berlin') {
  return { evaluation: evaluateOrder(events, { now: at, timeZone }), read };
}

describe('acknowledgement of a hand-forwarded mail', () => {
  it('says what was read, the next deadline with its provenance, and when we will warn', () => {
    const mail = renderAcknowledgement([update()], berlin);
    expect(mail.subject).toBe('Order …0979: shipped Mon 5 Oct');
    expect(mail.text).toContain(
      "Order …0979 shipped Mon 5 Oct; purchase protection ends about Fri 4 Dec (estimated), we'll warn you from Fri 27 Nov.",
    );
    expect(mail.text).toContain('`protection 0979 <date>`');
    expect(mail.text).toContain('Store: Gadget World');
    expect(mail).toMatchObject({
      purpose: 'acknowledgement',
      autoSubmitted: 'auto-replied',
      inReplyToUser: true,
    });
    expect(mail.listUnsubscribe).toBe(false);
  });

  it('a stated protection end is shown as stated, without "about"', () => {
    const stated = ev('protection_stated', '2026-10-06T08:00:00Z', { protectionEndsAt: '2026-12-10' });
    const mail = renderAcknowledgement([update([paid, shipped, stated], [stated], '2026-10-06T09:00:00Z')], {
      timeZone: 'Europe/Berlin',
      now: '2026-10-06T09:00:00Z',
    });
    // The date-only end is read at its earliest (UTC+14), which is the evening before in Berlin.
    expect(mail.text).toContain('purchase protection ends Wed 9 Dec, we');
    expect(mail.text).toContain('AliExpress stated this date.');
    expect(mail.text).not.toContain('(estimated)');
  });

  it('shows dates in the user zone', () => {
    const late = ev('shipped', '2026-10-05T23:30:00Z');
    const la = renderAcknowledgement(
      [update([paid, late], [late], '2026-10-06T00:00:00Z', 'America/Los_Angeles')],
      {
        timeZone: 'America/Los_Angeles',
        now: '2026-10-06T00:00:00Z',
      },
    );
    const de = renderAcknowledgement([update([paid, late], [late], '2026-10-06T00:00:00Z')], {
      timeZone: 'Europe/Berlin',
      now: '2026-10-06T00:00:00Z',
    });
    expect(la.subject).toBe('Order …0979: shipped Mon 5 Oct');
    expect(de.subject).toBe('Order …0979: shipped Tue 6 Oct');
  });

  it('a mail that changed several orders is one acknowledgement', () => {
    const other = ev('shipped', '2026-10-05T08:00:00Z', { orderIds: [B] });
    const mail = renderAcknowledgement([update(), update([other], [other])], berlin);
    expect(mail.subject).toBe('2 orders updated from your forwarded mail');
    expect(mail.text).toContain('Order …0979 shipped');
    expect(mail.text).toContain('Order …4444 shipped');
  });

  it('an order with nothing left to watch says so', () => {
    const refunded = ev('refund_received', '2026-10-20T08:00:00Z');
    const mail = renderAcknowledgement(
      [update([paid, shipped, refunded], [refunded], '2026-10-20T09:00:00Z')],
      {
        timeZone: 'UTC',
        now: '2026-10-20T09:00:00Z',
      },
    );
    expect(mail.text).toContain(
      'Order …0979 had its refund arrive Tue 20 Oct; nothing needs watching for it right now.',
    );
  });
});

describe('now watching', () => {
  it('announces a new order once, with its store escaped', () => {
    const hostilePaid = ev('payment_confirmed', '2026-10-01T08:00:00Z', { store: HOSTILE });
    const mail = renderWatching(update([hostilePaid, shipped], [hostilePaid, shipped]), berlin);
    expect(mail.subject).toBe('Now watching order …0979');
    expect(mail.text).toContain(`orderwatch saw a new AliExpress order …0979 from ${HOSTILE}`);
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;');
    expect(mail.text).toContain('`acks none`');
    expectSafeHtml(mail.html, expect);
  });
});

describe("couldn't read this", () => {
  it('gives the reason, names the orders and the commands that record the fact by hand', () => {
    const mail = renderUnreadable(
      {
        reason: 'the wording of this AliExpress mail is not known yet',
        orderIds: [A],
        subject: 'Votre commande',
      },
      { ...berlin, knownOrderIds: [A] },
    );
    expect(mail.subject).toBe('Couldn\'t read your forwarded mail "Votre commande"');
    expect(mail.text).toContain(
      'orderwatch could not read this mail: the wording of this AliExpress mail is not known yet',
    );
    expect(mail.text).toContain(`It names order …0979 (${A}).`);
    expect(mail.text).toContain('`received 0979`: you received the parcel');
    expect(mail.text).toContain('`dispute 0979`: you opened a dispute');
    expect(mail.text).toContain('`protection 0979 <date>`');
    expect(mail.inReplyToUser).toBe(true);
  });

  it('without orders, shows the command forms and escapes a hostile reason', () => {
    const mail = renderUnreadable({ reason: HOSTILE, orderIds: [] }, berlin);
    expect(mail.subject).toBe("Couldn't read your forwarded mail");
    expect(mail.text).toContain('by its last 4 digits');
    expect(mail.html).not.toContain('<img');
    expectSafeHtml(mail.html, expect);
  });
});

describe('Gmail forwarding confirmation relay', () => {
  it('passes on the code and the confirm link to the requester', () => {
    const url = 'https://mail-settings.google.com/mail/vf-%5BANGjdJ%5D-abc';
    const mail = renderForwardingConfirmation(
      { code: '123456789', confirmUrl: url, requester: 'ann@gmail.com' },
      berlin,
    );
    expect(mail.subject).toBe('Confirm Gmail forwarding to orderwatch');
    expect(mail.text).toContain('ann@gmail.com');
    expect(mail.text).toContain('Confirmation code: 123456789');
    expect(mail.text).toContain(`Confirm forwarding: ${url}`);
    expect(mail.html).toContain(`href="${url}"`);
    expect(mail).toMatchObject({
      purpose: 'forwarding-confirmation',
      autoSubmitted: 'auto-generated',
      inReplyToUser: false,
    });
  });

  it('never turns a non-web URL into a link', () => {
    const mail = renderForwardingConfirmation(
      { code: '1', confirmUrl: 'javascript:alert(1)', requester: 'ann@gmail.com' },
      berlin,
    );
    expect(mail.html).not.toContain('href="javascript');
  });

  it('without a link, tells where the code goes', () => {
    const mail = renderForwardingConfirmation(
      { code: '1', confirmUrl: null, requester: 'ann@gmail.com' },
      berlin,
    );
    expect(mail.text).toContain('Settings → Forwarding');
  });
});
