/**
 * Commands from a known, verified user: parse the line with the core grammar, apply it to the store,
 * answer. Facts become events in the order's log (source `command`) exactly like facts read from mail;
 * settings change the profile; `delete` erases after a confirmation round-trip (commands-delete.ts).
 *
 * Every reply is returned, not sent: the ingest handler sends it with the threading headers and under the
 * daily cap, and records that it did, so a retried mail is answered once.
 */
import {
  type CommandName,
  type CommandProblem,
  commandError,
  commandEvents,
  isFactCommand,
  type ParsedCommand,
  parseCommand,
} from '../core/commands';
import { type CommandReply, type RenderedMail, renderCommandReply } from '../core/render';
import { evaluateOrder, isTimeZone, type OrderEvaluation } from '../core/rules';
import type { StoredOrder, UserChanges, UserProfile } from '../ports';
import { confirmDelete, requestDelete } from './commands-delete';
import type { CommandRequest, HandlerDeps } from './deps';
import { applyEvents, type OrderContext, refreshOrder } from './orders';

/** Applies one command; returns the reply to send (the ingest handler sends it), or null for none. */
export async function handleCommand(
  deps: HandlerDeps,
  request: CommandRequest,
): Promise<RenderedMail | null> {
  const timeZone = zoneOf(deps, request.profile);
  const orders = await deps.store.listOrders(request.user);
  const knownOrderIds = orders.map((o) => o.orderId);
  const parsed = parseCommand(request.line, { now: request.now, timeZone, knownOrderIds });
  const reply: CommandReply = parsed.ok
    ? await apply(deps, request, parsed.command, { timeZone, orders })
    : { kind: 'error', error: parsed.error };
  // A new zone shows in the reply that sets it; erased users have no orders to name.
  const shownZone = reply.kind === 'done' && reply.command.kind === 'tz' ? reply.command.timeZone : timeZone;
  const shownOrders = reply.kind === 'deleted' ? [] : withCommandOrder(knownOrderIds, parsed);
  return renderCommandReply(reply, { timeZone: shownZone, now: request.now, knownOrderIds: shownOrders });
}

interface UserState {
  readonly timeZone: string;
  readonly orders: readonly StoredOrder[];
}

async function apply(
  deps: HandlerDeps,
  request: CommandRequest,
  command: ParsedCommand,
  user: UserState,
): Promise<CommandReply> {
  const ctx: OrderContext = { now: request.now, timeZone: user.timeZone, policy: deps.config.policy };
  if (isFactCommand(command)) {
    const events = commandEvents(command, {
      now: request.now,
      timeZone: user.timeZone,
      messageId: request.mailMessageId,
    });
    const applied = await applyEvents(
      deps.store,
      request.user,
      events,
      { messageId: request.messageId, recordedAt: request.now },
      ctx,
    );
    // A retried mail finds its event already logged: the order is then answered as it stands.
    const evaluation =
      applied.changed.find((c) => c.order.orderId === command.order.orderId)?.evaluation ??
      (await refreshOrder(deps.store, request.user, command.order.orderId, ctx)).evaluation;
    return { kind: 'done', command, evaluation };
  }
  switch (command.kind) {
    case 'help':
      return { kind: 'help', topic: command.topic };
    case 'status':
      return status(deps, request, command.order?.orderId ?? null, user);
    case 'mute':
    case 'unmute': {
      // Muting an order we hold nothing for would create an empty order just to silence it.
      if (!command.order.known)
        return error(command.kind, { kind: 'unknown-order', text: command.order.orderId });
      await refreshOrder(deps.store, request.user, command.order.orderId, ctx, {
        muted: command.kind === 'mute',
      });
      return { kind: 'done', command };
    }
    case 'tz': {
      await updateProfile(deps, request.user, { timeZone: command.timeZone });
      // Alert times are local hours: every order's next check moves with the zone.
      const moved: OrderContext = { ...ctx, timeZone: command.timeZone };
      for (const order of user.orders) await refreshOrder(deps.store, request.user, order.orderId, moved);
      return { kind: 'done', command };
    }
    case 'acks':
      await updateProfile(deps, request.user, { acks: command.mode });
      return { kind: 'done', command };
    case 'stop':
    case 'start':
      // The remind run reads the status and sends nothing while it is `stopped`.
      await updateProfile(deps, request.user, { status: command.kind === 'stop' ? 'stopped' : 'active' });
      return { kind: 'done', command };
    case 'delete-request':
      return requestDelete(deps, request);
    case 'delete-confirm':
      return confirmDelete(deps, request, command.token);
  }
}

/** Every open order (or the one named) evaluated from its log now, so the deadlines are today's. */
async function status(
  deps: HandlerDeps,
  request: CommandRequest,
  only: string | null,
  user: UserState,
): Promise<CommandReply> {
  const evaluations: OrderEvaluation[] = [];
  const muted = new Set<string>();
  for (const order of user.orders) {
    if (only !== null && order.orderId !== only) continue;
    if (order.muted) muted.add(order.orderId);
    const log = await deps.store.eventsOf(request.user, order.orderId);
    evaluations.push(
      evaluateOrder(
        log.map((e) => e.event),
        {
          now: request.now,
          timeZone: user.timeZone,
          policy: deps.config.policy,
          orderId: order.orderId,
          muted: order.muted,
        },
      ),
    );
  }
  return {
    kind: 'status',
    orders: evaluations,
    mutedOrderIds: muted,
    settings: {
      timeZone: user.timeZone,
      acks: request.profile.acks,
      stopped: request.profile.status === 'stopped',
    },
  };
}

function error(command: CommandName, problem: CommandProblem): CommandReply {
  const result = commandError(command, problem);
  if (result.ok) throw new Error('commandError returned no error');
  return { kind: 'error', error: result.error };
}

/** The profile is the request's, read a moment ago: its absence now is a store fault, not the user's. */
async function updateProfile(deps: HandlerDeps, user: string, changes: UserChanges): Promise<UserProfile> {
  const updated = await deps.store.updateUser(user, changes);
  if (updated === null) throw new Error(`profile of ${user} vanished while a command changed it`);
  return updated;
}

/** The user's zone; a stored zone this runtime does not know falls back to the deployment's. */
export function zoneOf(deps: HandlerDeps, profile: UserProfile): string {
  return profile.timeZone && isTimeZone(profile.timeZone) ? profile.timeZone : deps.config.defaultTimeZone;
}

/** A fact about an order new to us makes it known: the reply's suggested lines may need longer suffixes. */
function withCommandOrder(known: readonly string[], parsed: ReturnType<typeof parseCommand>): string[] {
  const named = parsed.ok && 'order' in parsed.command ? parsed.command.order?.orderId : undefined;
  return named === undefined || known.includes(named) ? [...known] : [...known, named];
}
