/**
 * Commands from a known user: parse with the core grammar, apply to the store, answer.
 * PLACEHOLDER until the commands work lands: every command is answered with help.
 */

import type { RenderedMail } from '../core/render';
import { renderCommandReply } from '../core/render';
import type { CommandRequest, HandlerDeps } from './deps';

/** Applies one command; returns the reply to send (the ingest handler sends it), or null for none. */
export async function handleCommand(
  deps: HandlerDeps,
  request: CommandRequest,
): Promise<RenderedMail | null> {
  const timeZone = request.profile.timeZone || deps.config.defaultTimeZone;
  return renderCommandReply({ kind: 'help', topic: null }, { timeZone, now: request.now });
}
