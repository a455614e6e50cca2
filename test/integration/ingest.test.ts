/**
 * The ingest handler on the emulators (raw mail in s3rver, the store on DynamoDB Local, replies through
 * SES to aws-ses-v2-local): what each kind of mail changes and what it is answered with.
 */
import { describe, expect, it } from 'vitest';
import { evaluateOrder } from '../../functions/core/rules/index';
import { ingestMail } from '../../functions/handlers/ingest';
import { nextCheckAt } from '../../functions/handlers/orders';
import {
  ADDRESS,
  ALIEXPRESS_DKIM,
  fixtureMail,
  harness,
  inboundFor,
  parsedMail,
  serviceConfig,
  useEmulators,
} from './support/ingest-harness';

const emulators = useEmulators();

const MAX = 'max@example.org';
const BUYER = 'buyer@example.net';
const SHIPPED_ORDER = '8123456789012345';
const ORDER = '8101234567800001';

/** AliExpress's own mail as a Gmail filter forwards it: outer From AliExpress, signed by AliExpress. */
function autoForwarded(fixture: string, replace: Record<string, string> = {}) {
  return fixtureMail(`events/${fixture}`, {
    replace,
    prepend: [ALIEXPRESS_DKIM, 'X-Forwarded-For: buyer@example.net orders@orderwatch.example'],
  });
}

describe('ingest: AliExpress mail', () => {
  it('a hand-forwarded shipped mail records its events and is acknowledged, threaded and marked automatic', async () => {
    const h = await harness(emulators.current);
    const raw = fixtureMail('forward/gmail-inline-text-en.eml');
    await h.put('m-hand-1', raw);
    const outcome = await ingestMail(h.deps, inboundFor('m-hand-1', raw));

    expect(outcome).toMatchObject({
      user: MAX,
      kind: 'aliexpress',
      trust: { verdict: 'trusted' },
      reply: 'sent',
    });
    const events = await h.store.eventsOf(MAX, SHIPPED_ORDER);
    expect(events.map((e) => e.event.type)).toEqual(['shipped']);
    expect(events[0]?.meta.messageId).toBe('m-hand-1');
    const order = await h.store.getOrder(MAX, SHIPPED_ORDER);
    expect(order?.status).toBe('shipped');
    expect(order?.nextCheckAt).not.toBeNull();
    expect(await h.store.getUser(MAX)).toMatchObject({
      acks: 'all',
      status: 'active',
      timeZone: 'Europe/Berlin',
    });
    expect(await h.store.getMailRecord({ user: MAX, messageId: 'm-hand-1' })).toMatchObject({
      kind: 'aliexpress',
      orderIds: [SHIPPED_ORDER],
      state: 'done',
      reply: { state: 'sent' },
    });

    expect(h.mailer.sent).toHaveLength(1);
    const [reply] = h.mailer.sent;
    if (!reply) throw new Error('no reply');
    const { parsed } = await parsedMail(reply);
    expect(parsed.to && 'text' in parsed.to ? parsed.to.text : '').toBe(MAX);
    expect(parsed.from?.value[0]?.address).toBe(ADDRESS);
    expect(parsed.headers.get('auto-submitted')).toBe('auto-replied');
    expect(parsed.inReplyTo).toBe('<afc9b52d4dffe560@mail.example.org>');
    expect(parsed.references).toBe('<afc9b52d4dffe560@mail.example.org>');
    expect(parsed.subject).toContain('…2345');
    expect(parsed.text).toMatch(/shipped/);
    // And SES got it, for the one verified user only.
    const atSes = (await emulators.current.ses.sent()).filter((m) => m.subject === reply.subject);
    expect(atSes.at(-1)?.destination.to).toEqual([MAX]);
  });

  it('auto-forwarded mail: "now watching" once for a new order, nothing for routine news', async () => {
    const h = await harness(emulators.current);
    const confirmed = autoForwarded('en-order-confirmed.eml');
    const customs = autoForwarded('en-package-cleared-customs.eml', { '8101234567800009': ORDER });
    await h.put('m-auto-1', confirmed);
    await h.put('m-auto-2', customs);

    expect((await ingestMail(h.deps, inboundFor('m-auto-1', confirmed))).reply).toBe('sent');
    h.clock.advance(60_000);
    expect((await ingestMail(h.deps, inboundFor('m-auto-2', customs))).reply).toBe('none');

    const types = (await h.store.eventsOf(BUYER, ORDER)).map((e) => e.event.type);
    expect(types).toEqual(['order_confirmed', 'in_transit']);
    expect(h.mailer.sent).toHaveLength(1);
    expect(h.mailer.sent[0]?.to).toBe(BUYER);
    expect(h.mailer.sent[0]?.subject).toMatch(/watching/i);
    // A user whose first mail came through the filter starts at `acks new`; `acks all` opts into news.
    expect((await h.store.getUser(BUYER))?.acks).toBe('new');
    await h.store.updateUser(BUYER, { acks: 'all' });
    const delivered = autoForwarded('en-package-delivered-upu.eml', { '8101234567800016': ORDER });
    await h.put('m-auto-3', delivered);
    expect((await ingestMail(h.deps, inboundFor('m-auto-3', delivered))).reply).toBe('sent');
    expect(h.mailer.sent[1]?.text).toMatch(/delivered/i);
  });

  it("a hand forward with a DKIM signature of the sender's own domain is trusted without SPF", async () => {
    const h = await harness(emulators.current);
    const raw = fixtureMail('forward/gmail-inline-text-en.eml', {
      prepend: ['DKIM-Signature: v=1; d=mail.example.org; s=x; b=y'],
    });
    await h.put('m-dkim', raw);
    const outcome = await ingestMail(
      h.deps,
      inboundFor('m-dkim', raw, {
        verdicts: { spf: 'FAIL', dmarc: 'GRAY' },
        envelopeSender: 'b@relay.example',
      }),
    );
    expect(outcome.trust).toEqual({ verdict: 'trusted' });
    expect(await h.store.eventsOf(MAX, SHIPPED_ORDER)).toHaveLength(1);
  });

  it('the same SES event twice gives one event set and one reply', async () => {
    const h = await harness(emulators.current);
    const raw = fixtureMail('forward/gmail-inline-text-en.eml');
    await h.put('m-twice', raw);
    const mail = inboundFor('m-twice', raw);
    await ingestMail(h.deps, mail);
    const before = await h.snapshot();
    const again = await ingestMail(h.deps, mail);

    expect(again.duplicate).toBe(true);
    expect(await h.snapshot()).toEqual(before);
    expect(await h.store.eventsOf(MAX, SHIPPED_ORDER)).toHaveLength(1);
    expect(h.mailer.sent).toHaveLength(1);
  });

  it('two mails for one order at once both count', async () => {
    const h = await harness(emulators.current);
    // Max forwards the shipped mail by hand while his Gmail filter forwards the customs news, same order.
    const shipped = fixtureMail('forward/gmail-inline-text-en.eml', { replace: { [SHIPPED_ORDER]: ORDER } });
    const customs = fixtureMail('events/en-package-cleared-customs.eml', {
      replace: { '8101234567800009': ORDER },
      set: { To: MAX },
      prepend: [ALIEXPRESS_DKIM],
    });
    await Promise.all([h.put('c-1', shipped), h.put('c-2', customs)]);
    await Promise.all([
      ingestMail(h.deps, inboundFor('c-1', shipped)),
      ingestMail(h.deps, inboundFor('c-2', customs)),
    ]);
    const log = await h.store.eventsOf(MAX, ORDER);
    expect(log.map((e) => e.meta.messageId).sort()).toEqual(['c-1', 'c-2']);
    // The order item reflects the whole log: recomputed after both appends, whichever wrote last.
    const expected = evaluateOrder(
      log.map((e) => e.event),
      { now: h.clock.now(), timeZone: 'Europe/Berlin', policy: h.deps.config.policy, orderId: ORDER },
    );
    const order = await h.store.getOrder(MAX, ORDER);
    expect(order?.status).toBe(expected.status);
    expect(order?.nextCheckAt ?? null).toBe(nextCheckAt(expected, h.clock.now()));
    expect(order?.summary.clocks.map((c) => c.end)).toEqual(expected.clocks.map((c) => c.end));
  });
});

describe('ingest: trust', () => {
  async function rejected(raw: Buffer, edit: Parameters<typeof inboundFor>[2], config = serviceConfig()) {
    const h = await harness(emulators.current, config);
    await h.put('r-1', raw);
    const outcome = await ingestMail(h.deps, inboundFor('r-1', raw, edit));
    const items = (await h.snapshot()) as { sk?: { S?: string } }[];
    return { h, outcome, items };
  }

  it.each([
    [
      'an unknown sender',
      fixtureMail('forward/gmail-inline-text-en.eml', { set: { From: 'eve@evil.example' } }),
      {},
    ],
    ['failing spam verdict', fixtureMail('forward/gmail-inline-text-en.eml'), { verdicts: { spam: 'FAIL' } }],
    [
      'failing virus verdict',
      fixtureMail('forward/gmail-inline-text-en.eml'),
      { verdicts: { virus: 'FAIL' } },
    ],
    [
      'SPF and DKIM both failing',
      fixtureMail('forward/gmail-inline-text-en.eml'),
      { verdicts: { spf: 'FAIL', dkim: 'FAIL', dmarc: 'GRAY' } },
    ],
    [
      'SPF passing only for a foreign envelope sender',
      fixtureMail('forward/gmail-inline-text-en.eml'),
      { verdicts: { dkim: 'GRAY', dmarc: 'GRAY' }, envelopeSender: 'bounce@evil.example' },
    ],
    ['DMARC failing', fixtureMail('forward/gmail-inline-text-en.eml'), { verdicts: { dmarc: 'FAIL' } }],
    [
      "DKIM passing only for a foreign signer (the From's domain has no DMARC)",
      fixtureMail('forward/gmail-inline-text-en.eml', {
        prepend: ['DKIM-Signature: v=1; d=evil.example; s=x; b=y'],
      }),
      { verdicts: { spf: 'FAIL', dmarc: 'GRAY' } },
    ],
    [
      'spoofed AliExpress (no DKIM pass)',
      fixtureMail('events/en-order-confirmed.eml', { prepend: [ALIEXPRESS_DKIM] }),
      { verdicts: { dkim: 'FAIL', dmarc: 'GRAY' } },
    ],
    [
      'spoofed AliExpress (a DKIM pass, but not by AliExpress)',
      fixtureMail('events/en-order-confirmed.eml', {
        prepend: ['DKIM-Signature: v=1; d=evil.example; s=x; b=y'],
      }),
      { verdicts: { dmarc: 'GRAY' } },
    ],
    [
      'mail not addressed to us',
      fixtureMail('forward/gmail-inline-text-en.eml'),
      { recipients: ['x@else.example'] },
    ],
    [
      "a quoted display name holding another address (the attacker's domain passes SPF)",
      fixtureMail('forward/gmail-inline-text-en.eml', {
        set: { From: '"<attacker@evil.example>" <max@example.org>' },
      }),
      { verdicts: { dkim: 'GRAY', dmarc: 'GRAY' }, envelopeSender: 'attacker@evil.example' },
    ],
    [
      'a second From header above the user’s',
      fixtureMail('forward/gmail-inline-text-en.eml', { prepend: ['From: attacker@evil.example'] }),
      { envelopeSender: 'attacker@evil.example' },
    ],
    [
      'a From that is a list, ending in an allowed @domain (a reply would reach the first address)',
      fixtureMail('forward/gmail-inline-text-en.eml', { set: { From: '<victim@gmail.com,x@example.net>' } }),
      { envelopeSender: 'x@example.net' },
    ],
    [
      "a genuine AliExpress mail with the user's To added above its signed one",
      fixtureMail('events/en-order-confirmed.eml', {
        set: { To: 'attacker@evil.example' },
        prepend: ['To: max@example.org', ALIEXPRESS_DKIM],
      }),
      {},
    ],
  ] as const)('%s changes nothing and is not answered, but is recorded', async (_name, raw, edit) => {
    const { h, outcome, items } = await rejected(raw, edit);
    expect(outcome.trust.verdict).toBe('rejected');
    expect(items.map((i) => i.sk?.S)).toEqual(['MAIL#r-1']);
    const record = await h.store.getMailRecord({ user: outcome.user, messageId: 'r-1' });
    expect(record).toMatchObject({ state: 'done', trust: { verdict: 'rejected' } });
    expect(h.mailer.sent).toHaveLength(0);
  });

  it("AliExpress mail through Apple's \"Hide My Email\", auto-forwarded: the relay's verified signature vouches, another's does not", async () => {
    const raw = fixtureMail('forward/relay-sender-apple.eml');
    const h = await harness(emulators.current);
    await h.put('r-relay', raw, { dkimPass: ['privaterelay.appleid.com'] });
    const outcome = await ingestMail(
      h.deps,
      inboundFor('r-relay', raw, { envelopeSender: 'max@example.org' }),
    );
    expect(outcome).toMatchObject({ user: MAX, trust: { verdict: 'trusted' } });
    const other = await harness(emulators.current);
    await other.put('r-relay-2', raw, { dkimPass: ['evil.example'] });
    const forged = await ingestMail(
      other.deps,
      inboundFor('r-relay-2', raw, { envelopeSender: 'a@evil.example' }),
    );
    expect(forged.trust.verdict).toBe('rejected');
    expect(other.mailer.sent).toHaveLength(0);
  });

  it("a signature naming the user's domain that SES did not verify, beside one by the attacker's", async () => {
    // SES's verdict passes because evil.example's signature is valid; its Authentication-Results say whose.
    const raw = fixtureMail('mime/command-status.eml', {
      prepend: [
        'DKIM-Signature: v=1; d=example.org; s=x; b=forged',
        'DKIM-Signature: v=1; d=evil.example; s=x; b=y',
      ],
    });
    const h = await harness(emulators.current);
    await h.put('r-f1', raw, { dkimPass: ['evil.example'] });
    const outcome = await ingestMail(
      h.deps,
      inboundFor('r-f1', raw, { verdicts: { spf: 'FAIL', dmarc: 'GRAY' }, envelopeSender: 'a@evil.example' }),
    );
    expect(outcome.trust.verdict).toBe('rejected');
    expect(h.mailer.sent).toHaveLength(0);
    // …and a forged Authentication-Results of the sender's own, below SES's receipt, is not read.
    const second = await harness(emulators.current);
    const withForgedResults = fixtureMail('mime/command-status.eml', {
      prepend: [
        'Authentication-Results: amazonses.com; dkim=pass header.i=@example.org',
        'X-SES-RECEIPT: forged',
      ],
    });
    await second.put('r-f2', withForgedResults, { dkimPass: [] });
    const forged = await ingestMail(
      second.deps,
      inboundFor('r-f2', withForgedResults, {
        verdicts: { spf: 'FAIL', dmarc: 'GRAY' },
        envelopeSender: 'a@evil.example',
      }),
    );
    expect(forged.trust.verdict).toBe('rejected');
    expect(second.mailer.sent).toHaveLength(0);
  });

  it.each([
    ['a bounce', 'mime/bounce-mailer-daemon-command-word.eml', { envelopeSender: '' }, {}],
    ['an out-of-office reply', 'mime/auto-reply-out-of-office-command-word.eml', {}, {}],
    ['list mail', 'mime/list-mail-command-word.eml', {}, { allow: ['@example.org', '@lists.example.org'] }],
  ] as const)('%s from an allowed address is never answered', async (_name, path, edit, config) => {
    const h = await harness(emulators.current, serviceConfig({ ...config }));
    const raw = fixtureMail(path);
    await h.put('a-1', raw);
    const outcome = await ingestMail(h.deps, inboundFor('a-1', raw, edit));
    expect(outcome.reply).toBe('none');
    expect(h.mailer.sent).toHaveLength(0);
  });

  it('mail from our own address is never answered', async () => {
    const h = await harness(emulators.current, serviceConfig({ allow: ['@orderwatch.example', MAX] }));
    const raw = fixtureMail('mime/command-status.eml', { set: { From: `orderwatch <${ADDRESS}>` } });
    await h.put('own-1', raw);
    const outcome = await ingestMail(h.deps, inboundFor('own-1', raw));
    expect(outcome.trust).toEqual({ verdict: 'rejected', reason: 'mail from our own address' });
    expect(h.mailer.sent).toHaveLength(0);
  });
});

describe('ingest: the Gmail forwarding confirmation', () => {
  const raw = fixtureMail('mime/gmail-forwarding-confirmation-en.eml');

  it('is relayed, code and link, to an allowlisted requester (not as a reply to Google)', async () => {
    const h = await harness(emulators.current);
    await h.put('g-1', raw, { dkimPass: ['google.com'] });
    const outcome = await ingestMail(h.deps, inboundFor('g-1', raw));
    expect(outcome).toMatchObject({ user: 'max.mustermann@gmail.com', reply: 'sent' });
    const [relay] = h.mailer.sent;
    expect(relay?.to).toBe('max.mustermann@gmail.com');
    expect(relay?.inReplyTo).toBeUndefined();
    expect(relay?.autoSubmitted).toBe('auto-generated');
    expect(relay?.text).toContain('99427480');
    expect(relay?.text).toContain('https://mail-settings.google.com/mail/vf-');
  });

  it('is not relayed to a requester off the allowlist, nor without a verified Google signature', async () => {
    const off = await harness(emulators.current, serviceConfig({ allow: [MAX] }));
    await off.put('g-2', raw, { dkimPass: ['google.com'] });
    expect((await ingestMail(off.deps, inboundFor('g-2', raw))).trust.verdict).toBe('rejected');
    const unsigned = await harness(emulators.current);
    await unsigned.put('g-3', raw, { dkimPass: ['google.com'] });
    const outcome = await ingestMail(unsigned.deps, inboundFor('g-3', raw, { verdicts: { dkim: 'FAIL' } }));
    expect(outcome.trust.verdict).toBe('rejected');
    // SES's verdict passes for any valid signature: one by another domain vouches for nothing of Google's.
    const forged = fixtureMail('mime/gmail-forwarding-confirmation-en.eml', {
      prepend: [
        'DKIM-Signature: v=1; d=google.com; s=x; b=forged',
        'DKIM-Signature: v=1; d=evil.example; s=x; b=y',
      ],
    });
    const other = await harness(emulators.current);
    await other.put('g-4', forged, { dkimPass: ['evil.example'] });
    expect((await ingestMail(other.deps, inboundFor('g-4', forged))).trust.verdict).toBe('rejected');
    expect([...off.mailer.sent, ...unsigned.mailer.sent, ...other.mailer.sent]).toHaveLength(0);
  });
});
