/**
 * Who a mail is from and whether it may change anything (ARCHITECTURE.md, trust boundaries). Pure: the
 * inbound envelope and verdicts, what the reader found, the configuration.
 *
 * Three ways a mail reaches us, each with its own proof:
 *  - `hand`: the user forwarded it (or wrote a command): the outer From is the user, on the allowlist, and
 *    SES verified a DKIM signature of the From's own domain, or an SPF pass for an envelope sender
 *    of the From's own domain (a pass for a foreign domain proves nothing about the From); DMARC must
 *    not fail.
 *  - `auto`: a Gmail filter forwarded AliExpress's own mail unchanged: the outer From is AliExpress, the
 *    user is its recipient (on the allowlist), and SES must have verified an AliExpress DKIM signature
 *    (SES's verdict alone does not name the signer: `authentication-results.ts`); DMARC must not fail.
 *  - `confirmation`: Gmail's forwarding confirmation, with a verified Google signature, for a requester on
 *    the allowlist.
 * Every way needs exactly one From header and at most one To.
 * Every way also needs SES's spam and virus verdicts to pass.
 */
import { isPlainAddress } from '../core/formats';
import type { MailReading } from '../core/mail';
import { decodeAppleRelay, isAliExpressDomain, isAliExpressSender } from '../core/mail';
import type { TrustVerdict } from '../ports';
import type { ServiceConfig } from './deps';
import { firstAddress, headerValues, type InboundMail } from './inbound';

export type Route = 'hand' | 'auto' | 'confirmation';

export interface Assessment {
  /** The known user the mail maps to (its record's partition), or null. */
  readonly user: string | null;
  readonly route: Route;
  readonly trust: TrustVerdict;
}

/**
 * Is the address a known user: listed exactly, or in a listed `@domain` (exact domain, not subdomains).
 * `*` lets every address in: only `orderwatch local` without `--allow` puts it there (the deployment's
 * config reader refuses it), as on loopback the person at the keyboard is the only sender.
 */
export const ALLOW_EVERYONE = '*';

export function isAllowed(address: string, allow: readonly string[]): boolean {
  const a = address.toLowerCase();
  if (!isPlainAddress(a)) return false;
  const at = a.lastIndexOf('@');
  return allow.includes(ALLOW_EVERYONE) || allow.includes(a) || allow.includes(a.slice(at));
}

function domain(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

/** The relaxed alignment DMARC uses, simplified: same domain, or one a subdomain of the other. */
function aligned(a: string, b: string): boolean {
  return a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`);
}

const rejected = (reason: string): TrustVerdict => ({ verdict: 'rejected', reason });
const TRUSTED: TrustVerdict = { verdict: 'trusted' };

/**
 * Decides user, route and trust. `reading` is null for mail refused unread (over size): then only the
 * headers tell who it is from. `dkimPasses`: the domains whose signatures the receiving side verified
 * (`InboundMail.dkimPassDomains`, or SES's own results in the raw mail), never the mail's own claims.
 */
export function assess(
  mail: InboundMail,
  reading: MailReading | null,
  config: Pick<ServiceConfig, 'address' | 'allow'>,
  dkimPasses: readonly string[],
): Assessment {
  const fromHeaders = headerValues(mail, 'from');
  const from = firstAddress(fromHeaders[0]);
  const v = mail.verdicts;
  let route: Route;
  let candidate: string | null;
  if (reading?.kind === 'forwarding-confirmation') {
    route = 'confirmation';
    candidate = reading.forwardingConfirmation?.requester ?? null;
  } else if (isAliExpressSender(from)) {
    route = 'auto';
    candidate = reading ? reading.user : firstAddress(headerValues(mail, 'to')[0]);
  } else {
    route = 'hand';
    candidate = reading?.user ?? from;
  }
  const user = candidate !== null && isAllowed(candidate, config.allow) ? candidate.toLowerCase() : null;
  const verdict = (trust: TrustVerdict): Assessment => ({ user, route, trust });

  if (!mail.recipients.includes(config.address)) {
    return verdict(rejected(`not addressed to ${config.address}`));
  }
  if (from === config.address || candidate === config.address) {
    return verdict(rejected('mail from our own address'));
  }
  // One From and at most one To (RFC 5322 allows no more): an extra one added above a signed original is
  // how a genuine mail is made to name another user, and readers disagree about which one counts.
  if (fromHeaders.length !== 1 || headerValues(mail, 'to').length > 1) {
    return verdict(rejected('not exactly one From header, or more than one To'));
  }
  if (candidate === null) return verdict(rejected('no sender that could be read'));
  if (user === null) return verdict(rejected(`${candidate} is not on the allowlist`));
  if (v.spam !== 'PASS') return verdict(rejected(`the spam check did not pass (${v.spam})`));
  if (v.virus !== 'PASS') return verdict(rejected(`the virus check did not pass (${v.virus})`));
  if (v.dmarc === 'FAIL') return verdict(rejected('DMARC failed'));

  switch (route) {
    case 'confirmation':
      if (v.dkim !== 'PASS' || !dkimPasses.some((d) => aligned(d, 'google.com'))) {
        return verdict(rejected(`the forwarding confirmation has no passing Google signature (${v.dkim})`));
      }
      return verdict(TRUSTED);
    case 'auto': {
      if (v.dkim !== 'PASS') return verdict(rejected(`AliExpress mail without a DKIM pass (${v.dkim})`));
      // Apple's "Hide My Email" rewrites the From, which breaks AliExpress's signature; the relay signs
      // what it passes on, so there a verified signature of the relay's own domain vouches instead.
      const relayDomain = from !== null && decodeAppleRelay(from) !== null ? domain(from) : null;
      const signed =
        relayDomain !== null
          ? dkimPasses.some((d) => aligned(d, relayDomain))
          : dkimPasses.some(isAliExpressDomain);
      if (!signed) return verdict(rejected('AliExpress mail without a passing AliExpress DKIM signature'));
      return verdict(TRUSTED);
    }
    case 'hand': {
      // The address the reader took as the user must be the one authenticated below: two parsers that
      // read one From header two ways would check one address and serve another.
      if (from === null || candidate !== from) {
        return verdict(rejected('the From header does not name one sender unambiguously'));
      }
      // A From domain without a DMARC record gets no DMARC failure: so a signature counts only when SES
      // verified it and its domain is the From's own.
      if (v.dkim === 'PASS' && dkimPasses.some((d) => aligned(d, domain(from)))) {
        return verdict(TRUSTED);
      }
      const envelope = mail.envelopeSender.toLowerCase();
      if (
        v.spf === 'PASS' &&
        from !== null &&
        envelope.includes('@') &&
        aligned(domain(envelope), domain(from))
      ) {
        return verdict(TRUSTED);
      }
      return verdict(rejected(`neither DKIM (${v.dkim}) nor SPF (${v.spf}) passed for the sender's domain`));
    }
  }
}

const BOUNCE_SENDER = /^(mailer-daemon|postmaster)@/i;

/**
 * Why this mail is itself automatic (a bounce, an auto-reply, list mail), or null: such mail is never
 * answered (RFC 3834), so two robots cannot loop. Read from the envelope and top-level headers as the
 * receiving side reports them; the reader also refuses to take such mail as a command.
 */
export function automaticReason(mail: InboundMail): string | null {
  const envelope = mail.envelopeSender.trim();
  if (envelope === '' || envelope === '<>' || BOUNCE_SENDER.test(envelope)) return 'a bounce';
  const from = firstAddress(headerValues(mail, 'from')[0]);
  if (from !== null && BOUNCE_SENDER.test(from)) return 'a bounce';
  const one = (name: string) => headerValues(mail, name)[0];
  const auto = one('auto-submitted');
  if (auto !== undefined && !/^\s*no\b/i.test(auto)) return 'an automatic reply';
  if (/\b(bulk|junk|list|auto_reply)\b/i.test(one('precedence') ?? '')) return 'bulk or list mail';
  if (one('list-id') !== undefined) return 'mailing-list mail';
  if (/\b(all|oof|autoreply)\b/i.test(one('x-auto-response-suppress') ?? '')) return 'an automatic reply';
  if (one('x-autoreply') !== undefined || one('x-autorespond') !== undefined) return 'an automatic reply';
  if (/^\s*<\s*>\s*$/.test(one('return-path') ?? 'x')) return 'a bounce';
  return null;
}
