/** Which DKIM signatures SES verified, read only from SES's own header block on the stored mail. */
import { describe, expect, it } from 'vitest';
import { receiverDkimPasses } from '../../../functions/handlers/authentication-results';

const mail = (...headers: string[]) =>
  Buffer.from(
    `${headers.join('\r\n')}\r\nFrom: ana@example.org\r\nSubject: x\r\n\r\nAuthentication-Results: amazonses.com; dkim=pass header.i=@body.example\r\n`,
  );

describe('receiverDkimPasses', () => {
  it('reads the passing signers of SES’s results above its receipt, folded as SES writes them', () => {
    const raw = mail(
      'Return-Path: <ana@example.org>',
      'X-SES-Spam-Verdict: PASS',
      'Authentication-Results: amazonses.com;',
      ' spf=pass (spfCheck: domain of example.org designates 192.0.2.1 as permitted sender) client-ip=192.0.2.1; envelope-from=ana@example.org; helo=mx.example.org;',
      ' dkim=pass header.i=@example.org;',
      ' dkim=fail header.i=@forged.example;',
      ' dkim=pass header.d=Mail.Example.NET;',
      ' dmarc=pass header.from=example.org;',
      'X-SES-RECEIPT: AEFBQUFB',
      'DKIM-Signature: v=1; d=example.org; s=s; b=x',
    );
    expect(receiverDkimPasses(raw)).toEqual(['example.org', 'mail.example.net']);
  });

  it('reads nothing the sender wrote: below the receipt, another authserv-id, inside comments or quotes', () => {
    expect(
      receiverDkimPasses(
        mail(
          'Authentication-Results: mx.google.com; dkim=pass header.i=@victim.example',
          'Authentication-Results: amazonses.com; spf=pass (dkim=pass header.i=@victim.example) smtp.mailfrom="dkim=pass header.i=@victim.example"',
          'X-SES-RECEIPT: AEFBQUFB',
          'Authentication-Results: amazonses.com; dkim=pass header.i=@victim.example',
        ),
      ),
    ).toEqual([]);
  });

  it('a value the sender chose inside the SPF result (HELO, MAIL FROM) never reads as a DKIM result', () => {
    const raw = mail(
      'Authentication-Results: amazonses.com;',
      ' spf=pass (spfCheck: ok) client-ip=192.0.2.1; envelope-from=x@evil.example; helo=x;dkim=pass,header.d=victim.example;dkim=pass header.i=@victim.example x;',
      ' dkim=pass header.i=@evil.example;',
      'X-SES-RECEIPT: AEFBQUFB',
    );
    expect(receiverDkimPasses(raw)).toEqual(['evil.example']);
  });

  it('without SES’s receipt there is nothing to read, whatever results the mail carries', () => {
    expect(
      receiverDkimPasses(mail('Authentication-Results: amazonses.com; dkim=pass header.i=@victim.example')),
    ).toEqual([]);
  });
});
