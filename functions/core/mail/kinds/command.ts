/**
 * A user writing to orderwatch directly (not forwarding): the subject or first line starts with a
 * command word. Only recognition lives here; the grammar of each command belongs to the pipeline.
 */

/** Command words, lowercased. English first; a few German ones users are likely to type. */
export const COMMAND_WORDS: ReadonlySet<string> = new Set([
  'status',
  'help',
  'stop',
  'start',
  'mute',
  'unmute',
  'protection',
  'dispute',
  'refund',
  'delivered',
  'received',
  'closed',
  'cancelled',
  'canceled',
  'extend',
  'extended',
  'list',
  'timezone',
  'tz',
  'language',
  'forget',
  'delete',
  'hilfe',
  'stumm',
  'laut',
]);

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
