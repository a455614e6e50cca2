/**
 * The local page and its JSON API, on node:http (no framework: five routes).
 *
 *   GET  /                                  the page (orders, outbox, a form to move the clock)
 *   GET  /api/orders                        each user's orders: status, clocks, deadlines, next alert
 *   GET  /api/outbox                        each sent mail: recipients, subject, date, text, attachments
 *   POST /api/tick   {"now": "<ISO>"}       one remind sweep at that instant (JSON answer: the sweep)
 *   POST /tick       now=<ISO> (the form)   the same, then back to the page
 *   GET  /outbox/<file>/raw | /html | /attachments/<n>   a sent mail's bytes, HTML body, attachment
 *
 * Request bodies are validated with valibot before anything reads them; they are capped in size.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as v from 'valibot';
import { PAGE_CSP, renderPage } from './page';
import type { OutboxView, UserOrders } from './views';
import { ordersJson, outboxJson } from './views';

const MAX_BODY_BYTES = 4096;

const TickBody = v.object({
  now: v.pipe(v.string('now must be a string'), v.isoTimestamp('now must be an ISO instant')),
});

export interface TickResult {
  readonly now: string;
  readonly mails: number;
  readonly dueOrders: number;
  readonly errors: number;
}

export interface HttpDeps {
  readonly outbox: OutboxView;
  readonly orders: () => Promise<readonly UserOrders[]>;
  readonly now: () => string;
  readonly tick: (instant: string) => Promise<TickResult>;
  readonly clockMode: 'system' | 'manual';
  readonly defaultTimeZone: string;
  readonly address: string;
  readonly smtpPort: () => number;
  readonly log: (line: string) => void;
}

export interface HttpListener {
  readonly port: number;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseTick(input: unknown): string {
  const parsed = v.safeParse(TickBody, input);
  if (!parsed.success) throw new HttpError(400, v.summarize(parsed.issues));
  return new Date(parsed.output.now).toISOString();
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, extra = {}): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...extra,
  });
  res.end(body);
}

const json = (res: ServerResponse, status: number, value: unknown) =>
  send(res, status, 'application/json; charset=utf-8', `${JSON.stringify(value, null, 2)}\n`);

async function route(deps: HttpDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = url.pathname;
  const method = req.method ?? 'GET';

  if (method === 'GET' && path === '/') {
    const [users, outbox] = await Promise.all([deps.orders(), deps.outbox.list()]);
    const page = renderPage({
      now: deps.now(),
      clockMode: deps.clockMode,
      defaultTimeZone: deps.defaultTimeZone,
      users,
      outbox,
      address: deps.address,
      smtpPort: deps.smtpPort(),
    });
    return send(res, 200, 'text/html; charset=utf-8', page, { 'content-security-policy': PAGE_CSP });
  }
  if (method === 'GET' && path === '/favicon.ico') return send(res, 204, 'text/plain', '');
  if (method === 'GET' && path === '/api/orders') return json(res, 200, ordersJson(await deps.orders()));
  if (method === 'GET' && path === '/api/outbox') return json(res, 200, outboxJson(await deps.outbox.list()));
  if (method === 'POST' && path === '/api/tick') {
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch (error) {
      if (error instanceof HttpError) throw error;
      throw new HttpError(400, 'body must be JSON: {"now": "<ISO instant>"}');
    }
    return json(res, 200, await deps.tick(parseTick(body)));
  }
  if (method === 'POST' && path === '/tick') {
    const form = new URLSearchParams(await readBody(req));
    await deps.tick(parseTick({ now: form.get('now') ?? undefined }));
    res.writeHead(303, { location: '/' });
    return void res.end();
  }
  const mailRoute = /^\/outbox\/([^/]+)\/(raw|html|attachments\/(\d+))$/.exec(path);
  if (method === 'GET' && mailRoute) {
    const mail = await deps.outbox.get(decodeURIComponent(mailRoute[1] ?? ''));
    if (mail === null) throw new HttpError(404, 'no such mail');
    if (mailRoute[2] === 'raw') {
      const raw = (await deps.outbox.raw(mail.file)) ?? Buffer.alloc(0);
      return send(res, 200, 'message/rfc822', raw, {
        'content-disposition': `attachment; filename="${mail.file}"`,
      });
    }
    if (mailRoute[2] === 'html') {
      // Shown in a sandboxed iframe; the header sandboxes it again should it be opened on its own.
      return send(res, 200, 'text/html; charset=utf-8', mail.html ?? '', {
        'content-security-policy': "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'",
      });
    }
    const attachment = mail.attachments[Number(mailRoute[3])];
    if (attachment === undefined) throw new HttpError(404, 'no such attachment');
    const safeName = attachment.filename.replace(/[^A-Za-z0-9._-]/g, '_');
    return send(res, 200, attachment.contentType, attachment.content, {
      'content-disposition': `attachment; filename="${safeName}"`,
    });
  }
  throw new HttpError(404, 'not found');
}

export async function startHttpServer(deps: HttpDeps, host: string, port: number): Promise<HttpListener> {
  const server = createServer((req, res) => {
    route(deps, req, res).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (status === 500) deps.log(`http: ${error instanceof Error ? error.message : String(error)}`);
      const message = error instanceof HttpError ? error.message : 'internal error (see the terminal)';
      if (!res.headersSent) json(res, status, { error: message });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
