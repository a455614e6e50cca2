/**
 * The `delete` round-trip (core/commands/delete-token.ts): `delete` stores a fresh random nonce and when
 * it was asked on the profile and mails the token derived from it; `delete <token>` within a day erases
 * everything held for the user: the raw mail objects first, then every item of their partition.
 *
 * Objects go first because the mail records are what lists them: a crash in between leaves records whose
 * objects are gone (deleting an absent object is no error), and the retry finishes the job. The other way
 * round, a crash would strand raw mail nobody could find any more.
 */
import { randomBytes } from 'node:crypto';
import { checkDeleteToken, DELETE_TOKEN_VALID_MS, deleteToken } from '../core/commands';
import type { CommandReply } from '../core/render';
import type { CommandRequest, HandlerDeps } from './deps';

/** 18 random bytes: 24 base64url characters, far beyond guessing within a day. */
const NONCE_BYTES = 18;

export async function requestDelete(deps: HandlerDeps, request: CommandRequest): Promise<CommandReply> {
  // A new request replaces an older one: only the token of the latest mail works.
  const nonce = randomBytes(NONCE_BYTES).toString('base64url');
  const updated = await deps.store.updateUser(request.user, {
    pendingDelete: { nonce, requestedAt: request.now },
  });
  if (updated === null) throw new Error(`profile of ${request.user} vanished during a delete request`);
  return {
    kind: 'delete-confirmation',
    token: deleteToken(request.user, nonce),
    validForHours: DELETE_TOKEN_VALID_MS / 3_600_000,
  };
}

export async function confirmDelete(
  deps: HandlerDeps,
  request: CommandRequest,
  token: string,
): Promise<CommandReply> {
  const check = checkDeleteToken(token, request.user, request.profile.pendingDelete ?? null, request.now);
  if (check !== 'confirmed') return { kind: 'delete-refused', reason: check };
  await eraseUser(deps, request.user, request.messageId);
  return { kind: 'deleted' };
}

/**
 * Everything held for `user`: every raw mail their mail records name (this command mail included, even
 * should its record not be written yet), then the partition (profile, orders, events, alerts, records).
 */
export async function eraseUser(deps: HandlerDeps, user: string, currentMessageId: string): Promise<void> {
  const records = await deps.store.listMailRecords(user);
  const messageIds = new Set([...records.map((r) => r.messageId), currentMessageId]);
  for (const messageId of messageIds) await deps.mailSource.delete(messageId);
  await deps.store.deleteUser(user);
}
