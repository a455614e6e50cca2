/**
 * What the local page and its JSON API show: the outbox (each `.eml` the OutboxMailer wrote, parsed once
 * and cached by file name — an outbox file never changes) and each user's orders as the store holds them.
 */
import { type AddressObject, simpleParser } from 'mailparser';
import type { Store, StoredOrder, UserProfile } from '../ports';
import type { OutboxMailer } from './outbox-mailer';

export interface OutboxAttachment {
  readonly index: number;
  readonly filename: string;
  readonly contentType: string;
  readonly content: Buffer;
}

export interface OutboxMail {
  /** The outbox file name: the mail's id on the page and in URLs. */
  readonly file: string;
  readonly messageId: string | null;
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  /** ISO instant of the Date header (local mode dates mail by its clock). */
  readonly date: string | null;
  readonly text: string;
  readonly html: string | null;
  readonly inReplyTo: string | null;
  readonly attachments: readonly OutboxAttachment[];
}

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return list.flatMap((a) => a.value.map((entry) => entry.address ?? '')).filter((a) => a !== '');
}

export class OutboxView {
  private readonly cache = new Map<string, OutboxMail>();
  private readonly raws = new Map<string, Buffer>();

  constructor(private readonly outbox: OutboxMailer) {}

  /** Every sent mail, oldest first. */
  async list(): Promise<readonly OutboxMail[]> {
    const entries = await this.outbox.list();
    return Promise.all(
      entries.map(async ({ file, raw }) => {
        const cached = this.cache.get(file);
        if (cached) return cached;
        const parsed = await simpleParser(raw, { skipImageLinks: true });
        const mail: OutboxMail = {
          file,
          messageId: parsed.messageId ?? null,
          from: addresses(parsed.from)[0] ?? '',
          to: addresses(parsed.to),
          subject: parsed.subject ?? '',
          date: parsed.date ? parsed.date.toISOString() : null,
          text: parsed.text ?? '',
          html: typeof parsed.html === 'string' ? parsed.html : null,
          inReplyTo: parsed.inReplyTo ?? null,
          attachments: parsed.attachments.map((a, index) => ({
            index,
            filename: a.filename ?? `attachment-${index}`,
            contentType: a.contentType,
            content: a.content,
          })),
        };
        this.cache.set(file, mail);
        this.raws.set(file, raw);
        return mail;
      }),
    );
  }

  async get(file: string): Promise<OutboxMail | null> {
    return (await this.list()).find((m) => m.file === file) ?? null;
  }

  /** The mail's bytes as stored (after `list` or `get` has seen it). */
  async raw(file: string): Promise<Buffer | null> {
    if (!this.raws.has(file)) await this.list();
    return this.raws.get(file) ?? null;
  }
}

export interface UserOrders {
  readonly user: string;
  readonly profile: UserProfile | null;
  readonly orders: readonly StoredOrder[];
}

/** Every user's profile and orders (a scan: fine for one person's machine, never done per mail). */
export async function ordersOfAll(store: Store): Promise<readonly UserOrders[]> {
  const users = [...(await store.listUsers())].sort();
  return Promise.all(
    users.map(async (user) => ({
      user,
      profile: await store.getUser(user),
      orders: [...(await store.listOrders(user))].sort((a, b) => a.orderId.localeCompare(b.orderId)),
    })),
  );
}

/** `GET /api/outbox`: what a test or script needs of each mail (the page shows more). */
export function outboxJson(mails: readonly OutboxMail[]) {
  return mails.map((m) => ({
    file: m.file,
    messageId: m.messageId,
    inReplyTo: m.inReplyTo,
    from: m.from,
    to: m.to,
    subject: m.subject,
    date: m.date,
    text: m.text,
    attachments: m.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      url: `/outbox/${encodeURIComponent(m.file)}/attachments/${a.index}`,
    })),
  }));
}

/** `GET /api/orders`: each user's orders with status, clocks, deadlines and next alert. */
export function ordersJson(all: readonly UserOrders[]) {
  return all.map(({ user, profile, orders }) => ({
    user,
    timeZone: profile?.timeZone ?? null,
    status: profile?.status ?? null,
    orders: orders.map((o) => ({
      orderId: o.orderId,
      status: o.status,
      muted: o.muted,
      nextCheckAt: o.nextCheckAt,
      updatedAt: o.updatedAt,
      clocks: o.summary.clocks,
      nextAlert: o.summary.nextAlert,
    })),
  }));
}
