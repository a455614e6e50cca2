/**
 * The local page: one server-rendered HTML document, no script, no external asset, so it is fast, works
 * on a phone and cannot break on a missing CDN. Everything that came from a mail is escaped; a mail's
 * own HTML is shown only inside a sandboxed iframe (no scripts, no same-origin, no forms).
 */
import { CLOCK_NAMES, formatInstant } from '../core/rules/index';
import type { ClockSummary } from '../ports';
import type { OutboxMail, UserOrders } from './views';

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Content-Security-Policy of the page: nothing but itself, inline styles, and framed mail HTML. */
export const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self'; form-action 'self'; base-uri 'none'";

const STYLE = `
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;padding:12px;max-width:980px;color:#1b1b1b;background:#fafafa}
h1{font-size:1.3em;margin:.2em 0}h2{font-size:1.1em;margin:1.4em 0 .4em;border-bottom:1px solid #ccc}
h3{font-size:1em;margin:.8em 0 .3em}.muted{color:#666}.card{background:#fff;border:1px solid #ddd;border-radius:6px;padding:8px 10px;margin:8px 0}
table{border-collapse:collapse;width:100%;font-size:.92em}td,th{text-align:left;padding:3px 6px;border-top:1px solid #eee;vertical-align:top}
.tag{display:inline-block;padding:0 6px;border-radius:8px;background:#eef;font-size:.85em}.est{background:#fff3d6}.stated{background:#dff5df}
pre{white-space:pre-wrap;word-break:break-word;background:#f4f4f4;padding:8px;border-radius:4px;font-size:.88em}
iframe{width:100%;height:420px;border:1px solid #ddd;background:#fff}summary{cursor:pointer}
form{display:flex;gap:6px;flex-wrap:wrap;align-items:center}input{font:inherit;padding:3px}
.scroll{overflow-x:auto}`;

export interface PageData {
  readonly now: string;
  readonly clockMode: 'system' | 'manual';
  readonly defaultTimeZone: string;
  readonly users: readonly UserOrders[];
  readonly outbox: readonly OutboxMail[];
  readonly address: string;
  readonly smtpPort: number;
}

function when(instant: string | null | undefined, zone: string): string {
  if (!instant) return '<span class="muted">—</span>';
  return `<time datetime="${escapeHtml(instant)}">${escapeHtml(formatInstant(instant, zone))}</time>`;
}

/** A clock whose end has passed says so: the stored state is as of the order's last evaluation. */
function clockRow(c: ClockSummary, zone: string, now: string): string {
  const passed = c.end !== null && c.end <= now ? ' <span class="muted">(passed)</span>' : '';
  return `<tr><td>${escapeHtml(c.id)} ${escapeHtml(CLOCK_NAMES[c.id])}</td><td>${escapeHtml(c.state)}</td><td>${when(c.end, zone)}${passed}</td><td><span class="tag ${c.provenance === 'estimated' ? 'est' : 'stated'}">${escapeHtml(c.provenance)}</span></td></tr>`;
}

function ordersSection(users: readonly UserOrders[], fallbackZone: string, now: string): string {
  if (users.length === 0) return '<p class="muted">No orders yet: send a mail (see below).</p>';
  return users
    .map(({ user, profile, orders }) => {
      const zone = profile?.timeZone ?? fallbackZone;
      const list = orders
        .map((o) => {
          const next = o.summary.nextAlert;
          const nextLine = next
            ? `next alert <b>${escapeHtml(next.code)}</b> (${escapeHtml(next.kind)}) at ${when(next.sendAt, zone)}, deadline ${when(next.deadline, zone)} <span class="tag ${next.provenance === 'estimated' ? 'est' : 'stated'}">${escapeHtml(next.provenance)}</span>`
            : '<span class="muted">no alert planned</span>';
          return `<div class="card order"><h3>Order ${escapeHtml(o.orderId)} <span class="tag">${escapeHtml(o.status)}</span>${o.muted ? ' <span class="tag">muted</span>' : ''}</h3>
<p>${nextLine}</p>
<div class="scroll"><table><tr><th>clock</th><th>state</th><th>ends</th><th>provenance</th></tr>${o.summary.clocks.map((c) => clockRow(c, zone, now)).join('')}</table></div>
<p class="muted">next check ${when(o.nextCheckAt, zone)} · updated ${when(o.updatedAt, zone)}</p></div>`;
        })
        .join('\n');
      const status = profile ? `${escapeHtml(profile.status)}, ${escapeHtml(zone)}` : 'no profile';
      return `<section class="user"><h3>${escapeHtml(user)} <span class="muted">(${status})</span></h3>${list || '<p class="muted">no orders</p>'}</section>`;
    })
    .join('\n');
}

/** `open`: the text is shown unfolded (the newest mail); the others fold, so the page stays short. */
function mailCard(m: OutboxMail, open: boolean): string {
  const base = `/outbox/${encodeURIComponent(m.file)}`;
  const links = [
    `<a href="${base}/raw">.eml</a>`,
    ...m.attachments.map(
      (a) =>
        `<a href="${base}/attachments/${a.index}" download="${escapeHtml(a.filename)}">${escapeHtml(a.filename)}</a>`,
    ),
  ].join(' · ');
  const html =
    m.html === null
      ? ''
      : `<details><summary>HTML version</summary><iframe sandbox="" referrerpolicy="no-referrer" title="${escapeHtml(m.subject)}" src="${base}/html"></iframe></details>`;
  return `<div class="card mail"><h3>${escapeHtml(m.subject)}</h3>
<p class="muted">to ${escapeHtml(m.to.join(', '))} · ${when(m.date, 'UTC')} · ${links}</p>
<details${open ? ' open' : ''}><summary>Text</summary><pre>${escapeHtml(m.text)}</pre></details>${html}</div>`;
}

export function renderPage(d: PageData): string {
  const mails = [...d.outbox].reverse();
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>orderwatch local</title><style>${STYLE}</style></head>
<body>
<h1>orderwatch local</h1>
<p>Now: ${when(d.now, d.defaultTimeZone)} <span class="muted">(${d.clockMode === 'manual' ? 'manual clock: moves only when told' : 'real clock, a remind sweep every minute'})</span></p>
<form method="post" action="/tick"><label for="now">Move the clock to</label>
<input id="now" name="now" value="${escapeHtml(d.now)}" size="26"><button type="submit">Tick</button></form>
<h2 id="orders">Orders</h2>
${ordersSection(d.users, d.defaultTimeZone, d.now)}
<h2 id="outbox">Outbox <span class="muted">(${d.outbox.length} sent, newest first)</span></h2>
${mails.length === 0 ? '<p class="muted">Nothing sent yet.</p>' : mails.map((m, i) => mailCard(m, i === 0)).join('\n')}
<h2>Send a mail</h2>
<pre>npm run --silent orderwatch -- send path/to/saved-aliexpress-mail.eml --port ${d.smtpPort}</pre>
<p class="muted">Mail to ${escapeHtml(d.address)} on SMTP 127.0.0.1:${d.smtpPort}. JSON: <a href="/api/orders">/api/orders</a> · <a href="/api/outbox">/api/outbox</a></p>
</body></html>`;
}
