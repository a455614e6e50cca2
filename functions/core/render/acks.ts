/**
 * Replies to forwarded mail (issue 7): the acknowledgement of a hand-forwarded mail that changed an
 * order, "now watching" for a new order seen in auto-forwarded mail, "couldn't read this", and the relay
 * of Gmail's forwarding confirmation.
 */
import type { OrderEvent } from '../events';
import type { OrderEvaluation } from '../rules/index';
import type { Block } from './blocks';
import { type Fmt, formatter, mail, reply, storeOf, untrusted } from './format';
import { outlook, outlookPhrase, provenanceBlock } from './outlook';
import type { RenderContext, RenderedMail } from './types';

export interface OrderUpdate {
  /** The order after the mail's events were applied. */
  readonly evaluation: OrderEvaluation;
  /** The events this mail added to the order (what was read). */
  readonly read: readonly OrderEvent[];
}

/** "shipped 5 Oct, is in transit 7 Oct": each fact once, in the order it happened. */
function factsPhrase(f: Fmt, read: readonly OrderEvent[]): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const e of [...read].sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt))) {
    const phrase = f.s.eventOn(f.s.event[e.type], f.day(e.occurredAt));
    if (!seen.has(phrase)) parts.push(phrase);
    seen.add(phrase);
  }
  return parts.join(', ');
}

/** "Order …0979 shipped 5 Oct; protection ends about 4 Dec (estimated), we'll warn you from 27 Nov." */
export function updateSummary(f: Fmt, u: OrderUpdate): string {
  const order = f.s.Order(f.short(u.evaluation.orderId));
  const next = outlookPhrase(f, outlook(u.evaluation, f.now));
  const facts = factsPhrase(f, u.read);
  return facts === '' ? f.s.summaryNoFacts(order, next) : f.s.summary(order, facts, next);
}

function orderBlocks(f: Fmt, u: OrderUpdate): Block[] {
  const next = outlook(u.evaluation, f.now);
  const store = storeOf(u.evaluation);
  return [
    { kind: 'p', text: updateSummary(f, u) },
    ...(store ? [{ kind: 'facts', rows: [[f.s.storeLabel, store]] } as const] : []),
    ...(next ? [provenanceBlock(f, next, u.evaluation.orderId)] : []),
  ];
}

/** The acknowledgement of a hand-forwarded mail that changed one or more orders. */
export function renderAcknowledgement(updates: readonly OrderUpdate[], ctx: RenderContext): RenderedMail {
  const f = formatter(ctx);
  const [only] = updates;
  const subject =
    updates.length === 1 && only
      ? f.s.ackSubject(f.s.Order(f.short(only.evaluation.orderId)), factsPhrase(f, only.read) || f.s.ackIntro)
      : f.s.ackSubjectMany(updates.length);
  return reply(f, {
    purpose: 'acknowledgement',
    subject,
    blocks: [
      { kind: 'p', text: f.s.ackIntro },
      ...updates.flatMap((u) => orderBlocks(f, u)),
      { kind: 'small', text: f.s.acksHint },
    ],
  });
}

/** "Now watching order …0979": one per new order seen in auto-forwarded mail, nothing for routine news. */
export function renderWatching(update: OrderUpdate, ctx: RenderContext): RenderedMail {
  const f = formatter(ctx);
  const { orderId } = update.evaluation;
  const store = storeOf(update.evaluation);
  return reply(f, {
    purpose: 'watching',
    subject: f.s.watchingSubject(f.s.order(f.short(orderId))),
    blocks: [
      { kind: 'p', text: f.s.watchingIntro(f.s.order(f.short(orderId)), store ? f.s.fromStore(store) : '') },
      ...orderBlocks(f, update),
      { kind: 'small', text: f.s.watchingHint },
    ],
  });
}

export interface Unreadable {
  /** Why the reader could not read it, in words a user understands (the reader's `reason`). */
  readonly reason: string;
  /** Orders the mail named (the reader's `orderIds`). */
  readonly orderIds: readonly string[];
  /** The forwarded mail's subject, so the user knows which one. */
  readonly subject?: string | null;
}

/** "Couldn't read this": the reason, the orders it named, and the commands that record a fact by hand. */
export function renderUnreadable(u: Unreadable, ctx: RenderContext): RenderedMail {
  const f = formatter(ctx);
  const refs = u.orderIds.length === 0 ? ['0979'] : u.orderIds.map((id) => f.ref(id));
  const lines = refs.flatMap((ref) => [
    f.s.commandLine(`received ${ref}`, f.s.recordWhat.received),
    f.s.commandLine(`dispute ${ref}`, f.s.recordWhat.dispute),
    f.s.commandLine(`protection ${ref} <date>`, f.s.recordWhat.protection),
  ]);
  const named = u.orderIds.map((id) => `${f.s.order(f.short(id))} (${id})`).join(', ');
  return reply(f, {
    purpose: 'unreadable',
    subject: f.s.unreadableSubject(u.subject ? untrusted(u.subject) || null : null),
    blocks: [
      { kind: 'p', text: f.s.unreadableIntro(untrusted(u.reason)) },
      { kind: 'p', text: u.orderIds.length > 0 ? f.s.unreadableOrders(named) : f.s.unreadableNoOrders },
      { kind: 'list', ordered: false, items: lines },
      { kind: 'small', text: f.s.unreadableLater },
    ],
  });
}

export interface ForwardingRelay {
  readonly code: string | null;
  readonly confirmUrl: string | null;
  /** The Gmail address that asked to forward to us (it receives this relay). */
  readonly requester: string;
}

/** Gmail's forwarding confirmation, passed on to the (allowlisted) requester. */
export function renderForwardingConfirmation(r: ForwardingRelay, ctx: RenderContext): RenderedMail {
  const f = formatter(ctx);
  // Not an answer to the user's own mail (Gmail sent the original), so no In-Reply-To to their thread.
  return mail(
    f,
    {
      purpose: 'forwarding-confirmation',
      subject: f.s.forwardingSubject,
      blocks: [
        { kind: 'p', text: f.s.forwardingIntro(untrusted(r.requester)) },
        ...(r.code ? [{ kind: 'facts', rows: [[f.s.forwardingCode, untrusted(r.code)]] } as const] : []),
        r.confirmUrl
          ? { kind: 'button', label: f.s.forwardingButton, url: r.confirmUrl }
          : { kind: 'p', text: f.s.forwardingNoLink },
        { kind: 'small', text: f.s.forwardingIgnore },
      ],
    },
    { autoSubmitted: 'auto-generated', inReplyToUser: false, listUnsubscribe: false },
  );
}
