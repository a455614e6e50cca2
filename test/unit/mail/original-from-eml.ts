import { readFile } from 'node:fs/promises';
import { type AddressObject, simpleParser } from 'mailparser';
import type { Address, OriginalMessage } from '../../../functions/core/mail/types';

/**
 * Test helper: a direct (non-forwarded) .eml as an `OriginalMessage`, built on mailparser alone so the
 * extractor's tests do not depend on the unwrapping half.
 */

function addresses(field: AddressObject | AddressObject[] | undefined): Address[] {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  return list
    .flatMap((a) => a.value)
    .map((v) => ({ address: (v.address ?? '').toLowerCase(), name: v.name ?? '' }));
}

export async function originalFromEml(path: string): Promise<OriginalMessage> {
  const mail = await simpleParser(await readFile(path));
  const html = typeof mail.html === 'string' ? mail.html : null;
  return {
    from: addresses(mail.from)[0] ?? null,
    to: addresses(mail.to),
    subject: mail.subject ?? '',
    date: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date.toISOString() : null,
    messageId: mail.messageId ?? null,
    text: mail.text ?? '',
    html,
  };
}
