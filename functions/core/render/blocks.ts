/**
 * One document model, two renderings. Every mail is a list of blocks; this file is the only place that
 * writes HTML, and it escapes every piece of text it is given, so no renderer can forget to (a store
 * name is whatever a seller typed). HTML uses tables and inline styles only: Gmail drops <style> in some
 * views, Outlook lays out with Word, phones need a fluid width. No images, remote or otherwise.
 *
 * Inline markup: text between backticks is a command the user can type, shown as code.
 */

export type Tone = 'urgent' | 'action' | 'info';

export type Block =
  | { readonly kind: 'banner'; readonly tone: Tone; readonly text: string }
  | { readonly kind: 'heading'; readonly text: string }
  /** A label over the block that follows ("What to do"). */
  | { readonly kind: 'subheading'; readonly text: string }
  | { readonly kind: 'p'; readonly text: string }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: readonly string[] }
  | { readonly kind: 'facts'; readonly rows: readonly (readonly [string, string])[] }
  | { readonly kind: 'button'; readonly label: string; readonly url: string }
  | { readonly kind: 'link'; readonly label: string; readonly url: string }
  /** Command lines to reply with, one a line. */
  | { readonly kind: 'commands'; readonly lines: readonly string[] }
  | { readonly kind: 'rule' }
  | { readonly kind: 'small'; readonly text: string };

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Only web and mail links become links: a `javascript:` URL from a mail would survive escaping. */
export function safeUrl(url: string): string | null {
  return /^(https?:\/\/|mailto:)/i.test(url.trim()) ? url.trim() : null;
}

const FONT = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
const MONO = "font-family:Consolas,'Courier New',monospace";
const TONE_COLOUR: Readonly<Record<Tone, string>> = { urgent: '#b42318', action: '#b54708', info: '#175cd3' };
const CODE_STYLE = `${MONO};background:#f2f4f7;border-radius:3px;padding:1px 4px;font-size:14px`;

/** Escaped HTML of a text with `code` spans. */
function inline(text: string): string {
  return text
    .split('`')
    .map((part, i) =>
      i % 2 === 1 ? `<code style="${CODE_STYLE}">${escapeHtml(part)}</code>` : escapeHtml(part),
    )
    .join('');
}

function blockHtml(b: Block): string {
  switch (b.kind) {
    case 'banner':
      return `<p style="margin:0 0 16px;padding:10px 12px;border-left:4px solid ${TONE_COLOUR[b.tone]};background:#f9fafb;font-weight:bold;color:${TONE_COLOUR[b.tone]}">${inline(b.text)}</p>`;
    case 'heading':
      return `<h2 style="margin:24px 0 8px;font-size:18px;line-height:1.3;color:#101828">${inline(b.text)}</h2>`;
    case 'subheading':
      return `<p style="margin:16px 0 4px;font-weight:bold">${inline(b.text)}</p>`;
    case 'p':
      return `<p style="margin:0 0 12px">${inline(b.text)}</p>`;
    case 'small':
      return `<p style="margin:16px 0 0;font-size:13px;color:#667085">${inline(b.text)}</p>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      const items = b.items.map((i) => `<li style="margin:0 0 6px">${inline(i)}</li>`).join('');
      return `<${tag} style="margin:0 0 12px;padding-left:22px">${items}</${tag}>`;
    }
    case 'facts': {
      const rows = b.rows
        .map(
          ([label, value]) =>
            `<tr><td style="padding:2px 12px 2px 0;color:#667085;vertical-align:top;white-space:nowrap">${inline(label)}</td><td style="padding:2px 0;vertical-align:top">${inline(value)}</td></tr>`,
        )
        .join('');
      return `<table role="presentation" cellpadding="0" cellspacing="0" style="margin:0 0 12px;border-collapse:collapse">${rows}</table>`;
    }
    case 'button': {
      const url = safeUrl(b.url);
      if (url === null) return `<p style="margin:0 0 12px">${inline(b.label)}</p>`;
      return `<p style="margin:0 0 12px"><a href="${escapeHtml(url)}" style="display:inline-block;padding:10px 16px;background:#175cd3;color:#ffffff;text-decoration:none;border-radius:4px;font-weight:bold">${inline(b.label)}</a></p>`;
    }
    case 'link': {
      const url = safeUrl(b.url);
      if (url === null) return `<p style="margin:0 0 12px">${inline(b.label)}</p>`;
      return `<p style="margin:0 0 12px"><a href="${escapeHtml(url)}" style="color:#175cd3">${inline(b.label)}</a></p>`;
    }
    case 'commands': {
      const lines = b.lines.map((l) => escapeHtml(l)).join('<br>');
      return `<p style="margin:0 0 12px;padding:8px 12px;background:#f2f4f7;border-radius:4px;${MONO};font-size:14px">${lines}</p>`;
    }
    case 'rule':
      return '<hr style="border:0;border-top:1px solid #eaecf0;margin:24px 0">';
  }
}

function blockText(b: Block): string {
  switch (b.kind) {
    case 'banner':
      return `>> ${b.text}`;
    case 'heading':
      return `${b.text}\n${'-'.repeat(Math.min(b.text.length, 60))}`;
    case 'subheading':
    case 'p':
    case 'small':
      return b.text;
    case 'list':
      return b.items.map((item, i) => (b.ordered ? `${i + 1}. ${item}` : `- ${item}`)).join('\n');
    case 'facts':
      return b.rows.map(([label, value]) => `${label}: ${value}`).join('\n');
    case 'button':
    case 'link':
      return safeUrl(b.url) === null ? b.label : `${b.label}: ${b.url}`;
    case 'commands':
      return b.lines.map((l) => `    ${l}`).join('\n');
    case 'rule':
      return '----------------------------------------';
  }
}

export function toText(blocks: readonly Block[]): string {
  return `${blocks.map(blockText).join('\n\n')}\n`;
}

export function toHtml(blocks: readonly Block[], title: string, lang: string): string {
  const body = blocks.map(blockHtml).join('\n');
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(lang)}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title></head>`,
    '<body style="margin:0;padding:0;background:#f2f4f7">',
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f2f4f7"><tr><td align="center" style="padding:16px 8px">',
    `<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="width:100%;max-width:600px;background:#ffffff;border-radius:6px"><tr><td style="padding:24px;${FONT};font-size:16px;line-height:1.5;color:#101828">`,
    body,
    '</td></tr></table></td></tr></table></body></html>',
    '',
  ].join('\n');
}
