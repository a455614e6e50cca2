/**
 * Is a sender AliExpress? Only the address decides here; whether the mail really came from that domain
 * (DKIM/SPF/DMARC verdicts) is checked by the ingest pipeline from SES's verdict headers, not in this pure
 * core, which only sees bytes.
 */

/** Registrable domains AliExpress sends notices from (MAIL-FACTS: notice., info., deals., newarrival.). */
const ALIEXPRESS_DOMAINS: readonly string[] = ['aliexpress.com'];

const APPLE_RELAY_DOMAIN = 'privaterelay.appleid.com';

/** Domain of an address (after the last `@`), lowercased, trailing dot dropped; null without `@`. */
export function domainOf(address: string): string | null {
  const at = address.lastIndexOf('@');
  if (at < 1 || at === address.length - 1) return null;
  return dropFinalDot(
    address
      .slice(at + 1)
      .trim()
      .toLowerCase(),
  );
}

/** `aliexpress.com.` (fully qualified) is `aliexpress.com`; a plain check, as it runs several times a mail. */
function dropFinalDot(domain: string): string {
  return domain.endsWith('.') ? domain.slice(0, -1) : domain;
}

/**
 * Exact domain or a subdomain of it, compared on a label boundary: `notice.aliexpress.com` yes,
 * `evilaliexpress.com` and `notice.aliexpress.com.evil.net` no.
 */
export function isAliExpressDomain(domain: string): boolean {
  const d = dropFinalDot(domain.toLowerCase());
  return ALIEXPRESS_DOMAINS.some((root) => d === root || d.endsWith(`.${root}`));
}

/**
 * Apple "Hide My Email" rewrites `transaction@notice.aliexpress.com` as
 * `transaction_at_notice_aliexpress_com_0a1b2c3d4e_0a1b2c3d@privaterelay.appleid.com`. Returns the
 * original address, or null when the address is not a relay address or cannot be decoded.
 *
 * The trailing ids are random hex and (almost always) contain digits; a top-level domain never does, so
 * trailing segments with a digit, or of an id's hex shape, are ids. An id without digits stays in the domain, which then fails the AliExpress check:
 * unsure decoding fails closed (`aliexpress.com.evil.net` can never come out as `aliexpress.com`).
 */
function isRelayId(segment: string): boolean {
  // Apple's ids seen so far are hex runs of 8 and 10; a hex id can, rarely, have no digit at all. No
  // top-level domain has a digit or is 8–10 hex letters, so neither rule can swallow a real domain label.
  return /\d/.test(segment) || /^[a-f]{8,10}$/.test(segment);
}

export function decodeAppleRelay(address: string): string | null {
  const lower = address.toLowerCase();
  if (domainOf(lower) !== APPLE_RELAY_DOMAIN) return null;
  const local = lower.slice(0, lower.lastIndexOf('@'));
  const at = local.lastIndexOf('_at_');
  if (at < 1) return null;
  const segments = local.slice(at + 4).split('_');
  while (segments.length > 2 && isRelayId(segments[segments.length - 1] ?? '')) segments.pop();
  if (segments.some((s) => s.length === 0)) return null;
  return `${local.slice(0, at)}@${segments.join('.')}`;
}

/** True when the address is an AliExpress sender, directly or through Apple's relay. */
export function isAliExpressSender(address: string | null | undefined): boolean {
  if (!address) return false;
  const domain = domainOf(address);
  // Only a relay address is decoded (this runs several times a mail; `domainOf` lowercases, so its
  // answer is the one `decodeAppleRelay` checks).
  if (domain !== APPLE_RELAY_DOMAIN) return domain !== null && isAliExpressDomain(domain);
  const decoded = decodeAppleRelay(address);
  const inner = decoded === null ? null : domainOf(decoded);
  return inner !== null && isAliExpressDomain(inner);
}

const GMAIL_FORWARDING_SENDER = 'forwarding-noreply@google.com';

export function isGmailForwardingSender(address: string | null | undefined): boolean {
  return address?.toLowerCase() === GMAIL_FORWARDING_SENDER;
}
