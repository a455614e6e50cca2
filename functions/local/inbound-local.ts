/**
 * What SES's receipt rule tells ingest, made up locally for a mail the SMTP listener accepted: the same
 * `InboundMail` shape, so `ingestMail` cannot tell local mode from AWS.
 *
 * Verdicts: a mail that reached us over loopback was written by someone on this machine, so it counts as
 * authenticated (SPF, DKIM, DMARC, spam and virus all PASS). A test or demo can mark one mail as failing
 * with the header below — honoured only on loopback (the only place local mode listens), so it is never a
 * way around real checks:
 *
 *   X-Orderwatch-Test-Verdict: spf=fail dkim=fail
 *
 * Keys: spf, dkim, dmarc, spam, virus; values: pass, fail, gray (case-insensitive). Unnamed checks pass.
 */
import { isIP } from 'node:net';
import type { InboundMail, MailHeader, VerdictStatus, Verdicts } from '../handlers/inbound';
import { claimedDkimSigners, firstAddress, headerValues, topLevelHeaders } from '../handlers/inbound';

export const TEST_VERDICT_HEADER = 'X-Orderwatch-Test-Verdict';

const PASSING: Verdicts = { spf: 'PASS', dkim: 'PASS', dmarc: 'PASS', spam: 'PASS', virus: 'PASS' };
const FAILING: Verdicts = { spf: 'FAIL', dkim: 'FAIL', dmarc: 'FAIL', spam: 'FAIL', virus: 'FAIL' };
const VALUES: Record<string, VerdictStatus> = { pass: 'PASS', fail: 'FAIL', gray: 'GRAY' };
const KEYS = ['spf', 'dkim', 'dmarc', 'spam', 'virus'] as const;
type VerdictKey = (typeof KEYS)[number];

/** 127.0.0.0/8, ::1 and IPv4-mapped loopback. */
export function isLoopback(address: string | undefined): boolean {
  if (address === undefined || isIP(address) === 0) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4.startsWith('127.') || address === '::1';
}

/** The verdicts for a mail from `remoteAddress`: loopback passes, unless the test header says otherwise. */
export function localVerdicts(headers: readonly MailHeader[], remoteAddress: string | undefined): Verdicts {
  if (!isLoopback(remoteAddress)) return FAILING;
  const spec = headerValues({ headers }, TEST_VERDICT_HEADER).join(' ');
  const verdicts: Record<VerdictKey, VerdictStatus> = { ...PASSING };
  for (const token of spec.split(/[\s;,]+/)) {
    const [key, value] = token.toLowerCase().split('=');
    const status = value === undefined ? undefined : VALUES[value];
    if (status !== undefined && (KEYS as readonly string[]).includes(key ?? '')) {
      verdicts[key as VerdictKey] = status;
    }
  }
  return verdicts;
}

export interface SmtpDelivery {
  readonly messageId: string;
  readonly receivedAt: string;
  /** MAIL FROM; empty for the null reverse-path. */
  readonly envelopeSender: string;
  readonly recipients: readonly string[];
  readonly remoteAddress: string | undefined;
  readonly raw: Uint8Array;
  /** The decoded Subject (mailparser's reading of the header block), null when there is none. */
  readonly subject: string | null;
}

export function inboundFromSmtp(delivery: SmtpDelivery): InboundMail {
  const headers = topLevelHeaders(delivery.raw);
  const verdicts = localVerdicts(headers, delivery.remoteAddress);
  return {
    messageId: delivery.messageId,
    receivedAt: delivery.receivedAt,
    envelopeSender: delivery.envelopeSender,
    recipients: delivery.recipients.map((r) => r.toLowerCase()),
    verdicts,
    dkimPassDomains: verdicts.dkim === 'PASS' ? loopbackSigners(headers) : [],
    headers,
    headersTruncated: false,
    subject: delivery.subject,
  };
}

/**
 * On loopback the sender counts as authenticated (above), so as signed by whatever it claims: the From's
 * domain and the domain of every DKIM-Signature it carries.
 */
function loopbackSigners(headers: readonly MailHeader[]): string[] {
  const from = firstAddress(headerValues({ headers }, 'from')[0]);
  const fromDomain = from?.slice(from.lastIndexOf('@') + 1);
  return [...new Set([...(fromDomain ? [fromDomain] : []), ...claimedDkimSigners(headers)])];
}
