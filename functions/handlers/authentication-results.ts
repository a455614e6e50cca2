/**
 * Which DKIM signatures SES verified, read from the stored raw mail. SES's receipt verdict passes when
 * *any* signature is valid and does not say whose, so a sender could sign with its own domain and add a
 * fake signature naming the user's. SES also prepends its own results to the mail it stores:
 *
 *   X-SES-Spam-Verdict: PASS
 *   Authentication-Results: amazonses.com;
 *    spf=pass (spfCheck: …) client-ip=…; envelope-from=ana@example.org; helo=…;
 *    dkim=pass header.i=@example.org;
 *    dmarc=pass header.from=example.org;
 *   X-SES-RECEIPT: …
 *
 * (as SES-received mails published in public projects show; the format is RFC 8601). A sender can write
 * such headers too, but below SES's: only results above SES's own receipt header, from `amazonses.com`,
 * are read. A mail without that receipt yields nothing, so nothing is taken on the sender's word.
 */
import { topLevelHeaders } from './inbound';

const SES_AUTHSERV_ID = 'amazonses.com';
const SES_RECEIPT_HEADER = 'x-ses-receipt';
/** One passing DKIM result as SES writes it: `dkim=pass header.i=@example.org` (or `header.d=`). */
const DKIM_PASS = /^\s*dkim=pass\s+header\.[id]=@?([a-z0-9.-]+)\s*$/i;

/** RFC 8601 comments and quoted strings: removed before reading, so text inside them is never a result. */
function withoutCommentsAndQuotes(value: string): string {
  let text = value.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  // Comments nest; innermost first until none is left.
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text.replace(/\([^()]*\)/g, ' ');
  }
  return text;
}

/** The domains of the DKIM signatures SES reports as passing (`header.i=@domain` or `header.d=domain`). */
export function receiverDkimPasses(raw: Uint8Array): string[] {
  const headers = topLevelHeaders(raw);
  const receipt = headers.findIndex((h) => h.name.toLowerCase() === SES_RECEIPT_HEADER);
  if (receipt === -1) return [];
  const domains = new Set<string>();
  for (const header of headers.slice(0, receipt)) {
    if (header.name.toLowerCase() !== 'authentication-results') continue;
    const [authserv, ...results] = withoutCommentsAndQuotes(header.value).split(';');
    if (authserv?.trim().toLowerCase().split(/\s+/)[0] !== SES_AUTHSERV_ID) continue;
    for (const result of results) {
      // Exactly SES's shape, nothing else in the clause: the SPF result quotes values the sender chose
      // (HELO, MAIL FROM), and such a value must not be able to pass for a result of its own.
      const identity = DKIM_PASS.exec(result)?.[1];
      const domain = identity?.slice(identity.lastIndexOf('@') + 1).toLowerCase();
      if (domain) domains.add(domain);
    }
  }
  return [...domains];
}
