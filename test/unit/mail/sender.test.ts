/** Is it really AliExpress (exact domain on a label boundary, Apple relay decoded), and whom is it for. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMail } from '../../../functions/core/mail/read';
import {
  decodeAppleRelay,
  isAliExpressDomain,
  isAliExpressSender,
} from '../../../functions/core/mail/unwrap/sender';
import { REAL_MAIL, SKIP_REAL_MAIL } from './fixture-helpers';

describe('isAliExpressSender', () => {
  it.each([
    'transaction@notice.aliexpress.com',
    'Transaction@Notice.AliExpress.com',
    'notice@info.aliexpress.com',
    'aliexpress@notice.aliexpress.com',
    'promo@deals.aliexpress.com',
    'x@aliexpress.com',
    'x@notice.aliexpress.com.',
    'transaction_at_notice_aliexpress_com_0a1b2c3d4e_0a1b2c3d@privaterelay.appleid.com',
    'transaction_at_notice_aliexpress_com_7f3e2d1c0b@privaterelay.appleid.com',
    // A hex id that happens to have no digit is still an id.
    'transaction_at_notice_aliexpress_com_0a1b2c3d4e_abcdefab@privaterelay.appleid.com',
  ])('accepts %s', (address) => {
    expect(isAliExpressSender(address)).toBe(true);
  });

  it.each([
    'transaction@notice.aliexpress.com.evil.net',
    'transaction@evilaliexpress.com',
    'transaction@aliexpress.co',
    'transaction@aliexpress.com-mail.net',
    'aliexpress.com@evil.net',
    'transaction@notice.aliexpress.com@evil.net',
    'transaction_at_notice_aliexpress_com_evil_net_0a1b2c3d@privaterelay.appleid.com',
    'transaction_at_evilaliexpress_com_0a1b2c3d@privaterelay.appleid.com',
    'transaction_at_notice_aliexpress_com_0a1b2c3d@privaterelay.appleid.com.evil.net',
    'transaction_at_notice_aliexpress_com_abcdef@privaterelay.appleid.com',
    'forwarding-noreply@google.com',
    '',
    'no-at-sign',
  ])('rejects %s', (address) => {
    expect(isAliExpressSender(address)).toBe(false);
  });

  it('matches on label boundaries only', () => {
    expect(isAliExpressDomain('aliexpress.com')).toBe(true);
    expect(isAliExpressDomain('a.b.aliexpress.com')).toBe(true);
    expect(isAliExpressDomain('xaliexpress.com')).toBe(false);
  });

  it('decodes the Apple relay form', () => {
    expect(
      decodeAppleRelay('transaction_at_notice_aliexpress_com_0a1b2c3d4e_0a1b2c3d@privaterelay.appleid.com'),
    ).toBe('transaction@notice.aliexpress.com');
    expect(decodeAppleRelay('transaction@notice.aliexpress.com')).toBeNull();
  });
});

describe.skipIf(SKIP_REAL_MAIL)(
  'the 16 real mails (Gmail filter auto-forwards, some via Apple relay)',
  () => {
    const files = SKIP_REAL_MAIL ? [] : readdirSync(REAL_MAIL).filter((f) => f.endsWith('.eml'));

    it('are all there', () => {
      expect(files).toHaveLength(16);
    });

    it.each(files)('%s is for max@example.org and accepted as AliExpress', async (file) => {
      const raw = readFileSync(join(REAL_MAIL, file));
      const reading = await readMail(raw);
      expect(reading.user).toBe('max@example.org');
      // Accepted as AliExpress (relay senders too): extraction ran, so the kind is one extraction gives.
      expect(['aliexpress', 'ignored']).toContain(reading.kind);
      expect(reading.reason ?? '').not.toMatch(/not from AliExpress/);
    });
  },
);
