/**
 * Replies to commands: help, status, each command's confirmation, each error (what was wrong and the
 * right form), and the delete round-trip (confirmation request, refusal, deleted notice).
 */
import {
  type AckMode,
  COMMAND_NAMES,
  COMMAND_SPECS,
  type CommandError,
  type CommandName,
  type DeleteCheck,
  type ParsedCommand,
} from '../commands/index';
import type { Clock, OrderEvaluation } from '../rules/index';
import type { Block } from './blocks';
import { type Fmt, formatter, reply, storeOf } from './format';
import { outlook, outlookPhrase } from './outlook';
import type { RenderContext, RenderedMail } from './types';

/** The commands that change something and are answered with "Done". */
export type DoneCommand = Exclude<
  ParsedCommand,
  { readonly kind: 'help' | 'status' | 'delete-request' | 'delete-confirm' }
>;

export interface UserSettings {
  readonly timeZone: string;
  readonly acks: AckMode;
  readonly stopped: boolean;
}

export type CommandReply =
  | { readonly kind: 'help'; readonly topic: CommandName | null }
  | {
      readonly kind: 'status';
      readonly orders: readonly OrderEvaluation[];
      readonly mutedOrderIds: ReadonlySet<string>;
      readonly settings: UserSettings;
    }
  /** `evaluation`: the order after a fact command, so the reply can say what comes next. */
  | { readonly kind: 'done'; readonly command: DoneCommand; readonly evaluation?: OrderEvaluation | null }
  | { readonly kind: 'error'; readonly error: CommandError }
  | { readonly kind: 'delete-confirmation'; readonly token: string; readonly validForHours: number }
  | { readonly kind: 'delete-refused'; readonly reason: Exclude<DeleteCheck, 'confirmed'> }
  | { readonly kind: 'deleted' };

export function renderCommandReply(r: CommandReply, ctx: RenderContext): RenderedMail {
  const f = formatter(ctx);
  const s = f.s;
  switch (r.kind) {
    case 'help':
      return reply(f, { purpose: 'command-reply', subject: s.helpSubject, blocks: helpBlocks(f, r.topic) });
    case 'status':
      return status(f, r);
    case 'done':
      return done(f, r.command, r.evaluation ?? null);
    case 'error':
      return reply(f, {
        purpose: 'command-reply',
        subject: s.errorSubject(r.error.usage),
        blocks: [
          { kind: 'p', text: s.problem(r.error.problem) },
          ...(r.error.usage === null
            ? []
            : [
                { kind: 'p', text: `${s.rightForm}:` } as const,
                { kind: 'commands', lines: [r.error.usage] } as const,
                { kind: 'p', text: `${s.example}:` } as const,
                { kind: 'commands', lines: [r.error.example ?? r.error.usage] } as const,
              ]),
          { kind: 'p', text: s.helpHint },
        ],
      });
    case 'delete-confirmation':
      return reply(f, {
        purpose: 'command-reply',
        subject: s.deleteSubject,
        blocks: [
          { kind: 'p', text: s.deleteWhat },
          { kind: 'p', text: s.deleteHow(r.validForHours) },
          { kind: 'commands', lines: [`delete ${r.token}`] },
          { kind: 'small', text: s.deleteIgnore },
        ],
      });
    case 'delete-refused':
      return reply(f, {
        purpose: 'command-reply',
        subject: s.deleteRefusedSubject,
        blocks: [{ kind: 'p', text: s.deleteRefused[r.reason] }],
      });
    case 'deleted':
      return reply(f, {
        purpose: 'command-reply',
        subject: s.deletedSubject,
        blocks: [{ kind: 'p', text: s.deleted }],
      });
  }
}

function helpBlocks(f: Fmt, topic: CommandName | null): Block[] {
  const names = topic === null ? COMMAND_NAMES : [topic];
  return [
    { kind: 'p', text: f.s.helpIntro },
    ...names.flatMap((name): Block[] => [
      { kind: 'heading', text: COMMAND_SPECS[name].usage },
      { kind: 'p', text: `${f.s.help[name]}. ${f.s.example}: \`${COMMAND_SPECS[name].example}\`` },
    ]),
  ];
}

/** Deadlines still ahead, soonest first. C2 is a "not before", not a deadline. */
function deadlinesAhead(e: OrderEvaluation, now: number): Clock[] {
  return e.clocks
    .filter((c) => c.id !== 'C2' && c.state === 'running' && c.end !== null && Date.parse(c.end) > now)
    .sort((a, b) => Date.parse(a.end ?? '') - Date.parse(b.end ?? ''));
}

function status(f: Fmt, r: Extract<CommandReply, { kind: 'status' }>): RenderedMail {
  const now = Date.parse(f.now);
  const rows = r.orders
    .map((e) => ({ e, deadlines: deadlinesAhead(e, now), next: outlook(e, f.now) }))
    // A refunded order is done whatever its clocks say: nothing the user could still do hangs on them.
    .filter((o) => o.e.status !== 'refunded' && (o.deadlines.length > 0 || o.next !== null))
    .sort((a, b) => soonest(a.deadlines) - soonest(b.deadlines) || a.e.orderId.localeCompare(b.e.orderId));
  const finished = r.orders.length - rows.length;
  const blocks: Block[] = rows.length === 0 ? [{ kind: 'p', text: f.s.statusNone }] : [];
  for (const { e, deadlines, next } of rows) {
    const store = storeOf(e);
    const muted = r.mutedOrderIds.has(e.orderId);
    blocks.push(
      { kind: 'heading', text: `${f.s.Order(f.short(e.orderId))}${store ? f.s.fromStore(store) : ''}` },
      {
        kind: 'facts',
        rows: [[f.s.statusLabel, `${f.s.status[e.status]}${muted ? `; ${f.s.statusMuted}` : ''}`]],
      },
      {
        kind: 'list',
        ordered: false,
        items: deadlines.map((c) => f.s.deadline(c.id, c.provenance, f.day(c.end ?? ''))),
      },
      ...(muted ? [] : [{ kind: 'p', text: f.s.next(outlookPhrase(f, next)) } as const]),
    );
  }
  if (finished > 0) blocks.push({ kind: 'small', text: f.s.statusDone(finished) });
  const { timeZone, acks, stopped } = r.settings;
  blocks.push({ kind: 'small', text: f.s.statusSettings(timeZone, acks, stopped) });
  return reply(f, { purpose: 'command-reply', subject: f.s.statusSubject(rows.length), blocks });
}

function soonest(clocks: readonly Clock[]): number {
  const first = clocks[0];
  return first?.end ? Date.parse(first.end) : Number.POSITIVE_INFINITY;
}

function done(f: Fmt, c: DoneCommand, evaluation: OrderEvaluation | null): RenderedMail {
  const s = f.s;
  const order = 'order' in c ? s.order(f.short(c.order.orderId)) : '';
  const date = (iso: string | null) => (iso === null ? null : f.calendarDay(iso));
  let text: string;
  const when = (iso: string | null) => s.done.when(date(iso));
  switch (c.kind) {
    case 'paid':
    case 'delivered':
    case 'received':
    case 'closed':
    case 'cancelled':
    case 'dispute':
    case 'answered':
    case 'escalated':
    case 'withdrawn':
    case 'refunded':
      text = s.done.fact[c.kind](order, when(c.date));
      break;
    case 'negotiation':
      text = s.done.negotiation(order, date(c.endsOn) ?? '');
      break;
    case 'resolved':
      text = s.done.resolved(order, c.outcome, when(c.date));
      break;
    case 'refund':
      text = s.done.refund(order, c.paymentMethod, when(c.date), `refunded ${f.ref(c.order.orderId)}`);
      break;
    case 'protection':
      text = s.done.protection(order, date(c.endsOn) ?? '');
      break;
    case 'extend':
      text =
        c.extension.by === 'days'
          ? s.done.extendDays(order, c.extension.days)
          : s.done.extendDate(order, date(c.extension.endsOn) ?? '');
      break;
    case 'mute':
      text = s.done.mute(order, `unmute ${f.ref(c.order.orderId)}`);
      break;
    case 'unmute':
      text = s.done.unmute(s.Order(f.short(c.order.orderId)));
      break;
    case 'tz':
      text = s.done.tz(c.timeZone);
      break;
    case 'acks':
      text = s.done.acks[c.mode];
      break;
    case 'stop':
    case 'start':
      text = s.done[c.kind];
      break;
  }
  const blocks: Block[] = [{ kind: 'p', text }];
  if ('order' in c && !c.order.known) blocks.push({ kind: 'p', text: s.newOrder });
  if (evaluation !== null && c.kind !== 'mute') {
    blocks.push({
      kind: 'p',
      text: `${s.Order(f.short(evaluation.orderId))}: ${outlookPhrase(f, outlook(evaluation, f.now))}.`,
    });
  }
  const what = 'order' in c ? order : c.kind === 'tz' ? c.timeZone : c.kind === 'acks' ? c.mode : '';
  return reply(f, { purpose: 'command-reply', subject: s.doneSubject[c.kind](what), blocks });
}
