/**
 * A user writing to orderwatch directly (not forwarding): the subject or first line starts with a
 * command word. Only recognition lives here; the grammar of each command is core/commands.
 */
import { COMMAND_ALIASES } from '../../commands/specs';

/**
 * Command words, lowercased: exactly the words the grammar parses (its names and aliases, one list in
 * core/commands/specs.ts), so a line recognised as a command is one the grammar understands or answers
 * with the right form, and every command the grammar knows is recognised.
 */
export const COMMAND_WORDS: ReadonlySet<string> = new Set(Object.keys(COMMAND_ALIASES));

/**
 * Reply prefixes a user's client adds when answering one of our mails (`Re: status`). Forward prefixes
 * (`Fwd:`) are not stripped: a forward is never a command.
 */
const REPLY_PREFIX = /^\s*((re|aw|sv|antw)\s*:\s*)+/i;
/** A command line is short; longer first lines are prose, not commands. */
const MAX_COMMAND_CHARS = 200;

export function commandWordOf(line: string): string | null {
  const trimmed = line.replace(REPLY_PREFIX, '').trim();
  if (trimmed.length === 0 || trimmed.length > MAX_COMMAND_CHARS) return null;
  const word = /^[\p{L}]+/u.exec(trimmed.toLowerCase())?.[0];
  return word !== undefined && COMMAND_WORDS.has(word) ? trimmed : null;
}

/** The raw command line (subject first, else the first non-blank body line), or null. */
export function findCommand(subject: string, text: string): string | null {
  const fromSubject = commandWordOf(subject);
  if (fromSubject) return fromSubject;
  const firstLine = text
    .slice(0, 2000)
    .split('\n')
    .find((l) => l.trim() !== '');
  return firstLine === undefined ? null : commandWordOf(firstLine);
}
