import { describe, expect, it } from 'vitest';
import { topLevelHeaders } from '../../../functions/handlers/inbound';
import { inboundFromSmtp, isLoopback, localVerdicts } from '../../../functions/local/inbound-local';

const raw = (headers: string) =>
  Buffer.from(`${headers}\r\n\r\nbody: X-Orderwatch-Test-Verdict: spf=fail\r\n`);

describe('local verdicts', () => {
  it('passes every check for loopback mail', () => {
    const headers = topLevelHeaders(raw('From: a@example.org'));
    expect(localVerdicts(headers, '127.0.0.1')).toEqual({
      spf: 'PASS',
      dkim: 'PASS',
      dmarc: 'PASS',
      spam: 'PASS',
      virus: 'PASS',
    });
    expect(localVerdicts(headers, '::ffff:127.0.0.1').dkim).toBe('PASS');
  });

  it('lets the test header fail named checks, on loopback only', () => {
    const headers = topLevelHeaders(
      raw('From: a@example.org\r\nX-Orderwatch-Test-Verdict: spf=fail DKIM=Fail bogus=1'),
    );
    expect(localVerdicts(headers, '::1')).toMatchObject({ spf: 'FAIL', dkim: 'FAIL', dmarc: 'PASS' });
    expect(localVerdicts(headers, '192.0.2.7')).toMatchObject({ spf: 'FAIL', dkim: 'FAIL', spam: 'FAIL' });
  });

  it('reads the header only in the header block, never in the body', () => {
    const headers = topLevelHeaders(raw('From: a@example.org'));
    expect(localVerdicts(headers, '127.0.0.1').spf).toBe('PASS');
  });

  it('knows loopback addresses', () => {
    expect(['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1'].every(isLoopback)).toBe(true);
    expect(['192.0.2.1', '::ffff:10.0.0.1', 'localhost', undefined].some(isLoopback)).toBe(false);
  });
});

describe('inboundFromSmtp', () => {
  it('builds what SES would: unfolded headers in order, recipients lowercased', () => {
    const mail = inboundFromSmtp({
      messageId: 'm1',
      receivedAt: '2026-01-05T11:00:00.000Z',
      envelopeSender: 'a@example.org',
      recipients: ['Watch@Orderwatch.localhost'],
      remoteAddress: '127.0.0.1',
      raw: raw('From: A <a@example.org>\r\nSubject: one\r\n two\r\nMessage-ID: <x@y>'),
      subject: 'one two',
    });
    expect(mail.headers).toEqual([
      { name: 'From', value: 'A <a@example.org>' },
      { name: 'Subject', value: 'one two' },
      { name: 'Message-ID', value: '<x@y>' },
    ]);
    expect(mail.recipients).toEqual(['watch@orderwatch.localhost']);
    expect(mail.headersTruncated).toBe(false);
  });

  it("counts a loopback sender as signed by what it claims (From's domain, its DKIM-Signatures), unless DKIM is marked failing", () => {
    const delivery = (headers: string) => ({
      messageId: 'm2',
      receivedAt: '2026-01-05T11:00:00.000Z',
      envelopeSender: 'a@example.org',
      recipients: ['watch@orderwatch.localhost'],
      remoteAddress: '127.0.0.1',
      raw: raw(headers),
      subject: null,
    });
    const signed = 'From: A <a@example.org>\r\nDKIM-Signature: v=1; d=Notice.AliExpress.com; s=s; b=x';
    expect(inboundFromSmtp(delivery(signed)).dkimPassDomains).toEqual([
      'example.org',
      'notice.aliexpress.com',
    ]);
    expect(
      inboundFromSmtp(delivery(`${signed}\r\nX-Orderwatch-Test-Verdict: dkim=fail`)).dkimPassDomains,
    ).toEqual([]);
  });
});
