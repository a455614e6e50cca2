/**
 * The grammar against everything that names a command: every event type is recordable, the mail reader
 * recognises exactly the grammar's words, and every command line the engine or a mail suggests parses to
 * a command that records the fact it is about.
 */
import { describe, expect, it } from 'vitest';
import type { ParsedCommand } from '../../../functions/core/commands/index';
import {
  COMMAND_ALIASES,
  COMMAND_NAMES,
  COMMAND_SPECS,
  commandEvents,
  FACT_COMMAND_EVENTS,
  type ParseContext,
  parseCommand,
} from '../../../functions/core/commands/index';
import { EVENT_TYPES, type EventType } from '../../../functions/core/events';
import { COMMAND_WORDS, findCommand } from '../../../functions/core/mail/kinds/command';
import { RECORD, RECORDABLE_EVENTS } from '../../../functions/core/render/alert';
import {
  type DoneCommand,
  renderAlerts,
  renderCommandReply,
  renderUnreadable,
} from '../../../functions/core/render/index';
import { ALERT_KINDS } from '../../../functions/core/rules/advice';
import { assumptionNote, canSilence, recordingCommand } from '../../../functions/core/rules/assumptions';
import { A, alert } from '../render/helpers';

const now = '2026-03-10T12:00:00Z';
const ctx: ParseContext = { now, timeZone: 'Europe/Berlin', knownOrderIds: [A] };
const SUFFIX = A.slice(-4);

/** A suggested line made typeable: the order, a date, the first of each choice. */
function concrete(line: string): string {
  return line
    .replaceAll('#', SUFFIX)
    .replaceAll('YYYY-MM-DD', '2026-03-09')
    .replace(/<days\|date>/g, '15')
    .replace(/<date>/g, '2026-03-09')
    .replace(/\b(\w+)(\|\w+)+\b/g, '$1');
}

function recorded(line: string): EventType[] {
  const result = parseCommand(concrete(line), ctx);
  if (!result.ok) throw new Error(`"${line}" does not parse: ${result.error.message}`);
  return commandEvents(result.command, { now, timeZone: ctx.timeZone, messageId: null }).map((e) => e.type);
}

/** Facts only AliExpress reports (nothing a user needs to record: they only sharpen estimates). */
const MAIL_ONLY: readonly EventType[] = [
  'order_confirmed',
  'ready_to_ship',
  'shipped',
  'in_transit',
  'awaiting_confirmation',
  'delivery_confirmed',
];

describe('grammar coverage', () => {
  it('every event type a user may need to tell is recordable by a command', () => {
    const recordable = new Set<EventType>(Object.values(FACT_COMMAND_EVENTS));
    for (const type of EVENT_TYPES) {
      if (!MAIL_ONLY.includes(type)) expect(recordable, type).toContain(type);
    }
  });

  it.each(COMMAND_NAMES)('%s: its example parses to it, and records the event it names', (name) => {
    const spec = COMMAND_SPECS[name];
    expect(spec.usage.startsWith(name)).toBe(true);
    const result = parseCommand(spec.example, ctx);
    if (!result.ok) throw new Error(result.error.message);
    const kind = result.command.kind.replace(/-(request|confirm)$/, '');
    expect(kind).toBe(name);
    if (Object.hasOwn(FACT_COMMAND_EVENTS, name)) {
      const type = FACT_COMMAND_EVENTS[name as keyof typeof FACT_COMMAND_EVENTS];
      expect(recorded(spec.example)).toEqual([type]);
    }
  });
});

describe('one list of command words', () => {
  it('the reader recognises every word the grammar parses', () => {
    for (const word of Object.keys(COMMAND_ALIASES)) {
      expect(findCommand(`${word} 0979`, ''), word).toBe(`${word} 0979`);
      expect(findCommand('', `${word.toUpperCase()}\nrest`), word).not.toBeNull();
    }
  });

  it('every word the reader recognises is a word the grammar parses (no "not a command" for it)', () => {
    for (const word of COMMAND_WORDS) {
      const result = parseCommand(`${word}`, ctx);
      if (!result.ok) expect(result.error.command, word).not.toBeNull();
    }
    expect([...COMMAND_WORDS].sort()).toEqual(Object.keys(COMMAND_ALIASES).sort());
    expect(COMMAND_WORDS).toContain('acks');
  });
});

describe('every command line orderwatch suggests parses and records what it is about', () => {
  it.each(EVENT_TYPES.filter(canSilence))('the engine note for an unverified %s', (type) => {
    const line = recordingCommand(type);
    expect(line).not.toBeNull();
    // The note quotes the line with the order filled in: parse what the user would copy.
    const note = assumptionNote({ kind: 'unverified-wording', type, at: Date.parse(now) }, A, 'UTC');
    const quoted = /reply "([^"]+)"/.exec(note)?.[1] ?? '';
    expect(quoted).toBe((line ?? '').replaceAll('#', SUFFIX));
    // A user's confirmation is the same completion as AliExpress's (assumptions.ts).
    const expected = type === 'delivery_confirmed' ? 'receipt_confirmed' : type;
    expect(recorded(quoted)).toContain(expected);
  });

  it('the engine note for a dispute whose opening was never seen', () => {
    const note = assumptionNote(
      { kind: 'dispute-not-seen-opened', type: 'dispute_escalated', at: Date.parse(now) },
      A,
      'UTC',
    );
    const quoted = /reply "([^"]+)"/.exec(note)?.[1] ?? '';
    expect(recorded(quoted)).toEqual(['dispute_opened']);
  });

  it.each(ALERT_KINDS)('the alert %s: each "record what you did" line', (kind) => {
    const mail = renderAlerts(
      [{ alert: alert(kind, A, '2026-03-20T00:00:00Z', { provenance: 'estimated' }) }],
      {
        timeZone: 'UTC',
        now,
        knownOrderIds: [A],
      },
    );
    const lines = codeSpans(mail.text).filter((l) => !/^(mute|stop|unmute)\b/.test(l));
    const expected = [...RECORD[kind]].map((r) => RECORDABLE_EVENTS[r]);
    const types = lines.flatMap(recorded);
    for (const type of expected) expect(types).toContain(type);
    for (const line of codeSpans(mail.text)) expect(parseCommand(concrete(line), ctx).ok, line).toBe(true);
  });

  it('the unreadable-mail reply, help and every confirmation suggest only lines that parse', () => {
    const rc = { timeZone: 'UTC', now, knownOrderIds: [A] };
    const texts = [
      renderUnreadable({ reason: 'unknown wording', orderIds: [A] }, rc).text,
      renderCommandReply({ kind: 'help', topic: null }, rc).text,
      ...COMMAND_NAMES.map((name) => COMMAND_SPECS[name].example)
        .map((line) => parseCommand(line, ctx))
        .flatMap((r) => (r.ok && isDone(r.command) ? [r.command] : []))
        .map((command) => renderCommandReply({ kind: 'done', command }, rc).text),
    ];
    const spans = texts.flatMap(codeSpans);
    expect(spans.length).toBeGreaterThan(COMMAND_NAMES.length);
    for (const span of spans) expect(parseCommand(concrete(span), ctx).ok, span).toBe(true);
  });
});

/** Text between backticks: the command lines a mail shows as code. */
function codeSpans(text: string): string[] {
  return [...text.matchAll(/`([^`\n]+)`/g)].map((m) => m[1] ?? '');
}

function isDone(c: ParsedCommand): c is DoneCommand {
  return !['help', 'status', 'delete-request', 'delete-confirm'].includes(c.kind);
}
