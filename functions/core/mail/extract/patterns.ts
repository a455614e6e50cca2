import { LANGUAGES, type LanguageTable } from './languages/index';
import type { EventRule, IgnoreRule, OutcomeRule, PatternSource, PaymentMethodRule } from './languages/types';

/**
 * Compiles the wording tables once at module load. Placeholders expand to bounded, non-nested pieces
 * so every compiled pattern stays linear in the input length (no catastrophic backtracking).
 */

/** A stated date: ISO, day-first numeric, "Mar 15, 2026", "15. März 2026", "15 de marzo de 2026". */
export const DATE_SOURCE =
  '[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}[./][0-9]{1,2}[./][0-9]{4}|\\p{L}{3,10}\\.? [0-9]{1,2},? ?[0-9]{4}|[0-9]{1,2}\\.? (?:de )?\\p{L}{3,10}\\.?,?(?: de)? [0-9]{4}';

const PLACEHOLDERS: Record<string, string> = {
  '{n}': '(?<![0-9])([0-9]{15,16})(?![0-9])',
  '{p}': '(?<![A-Za-z0-9])([A-Za-z0-9]{8,34})(?![A-Za-z0-9])',
  '{count}': '[0-9]{1,3}',
  '{days}': '([0-9]{1,3})',
  '{date}': `(${DATE_SOURCE})`,
};

export function expand(source: PatternSource): string {
  return source.replace(/\{(?:n|p|count|days|date)\}/g, (token) => PLACEHOLDERS[token] ?? token);
}

export function compile(source: PatternSource): RegExp {
  return new RegExp(expand(source), 'iu');
}

/** One alternation of several sources, or null when the list is empty. */
export function compileAny(sources: readonly PatternSource[], suffix = '', flags = 'iu'): RegExp | null {
  if (sources.length === 0) return null;
  return new RegExp(`(?:${sources.map(expand).join('|')})${suffix}`, flags);
}

/**
 * One regex that matches wherever any of `regexes` (all compiled by `compile`, so all `iu`) matches: a
 * list none of whose patterns matches is then ruled out with one search instead of one per pattern. Only
 * for yes/no tests; group numbers shift, so captures are read with the individual regexes.
 */
export function anyOf(regexes: readonly RegExp[]): RegExp | null {
  if (regexes.length === 0) return null;
  return new RegExp(regexes.map((r) => `(?:${r.source})`).join('|'), 'iu');
}

export interface Compiled<R> {
  readonly rule: R;
  readonly regex: RegExp;
}

export interface CompiledTable {
  readonly table: LanguageTable;
  readonly subjects: readonly Compiled<EventRule>[];
  readonly ignoreSubjects: readonly Compiled<IgnoreRule>[];
  readonly bodies: readonly Compiled<EventRule>[];
  readonly ignoreBodies: readonly Compiled<IgnoreRule>[];
  readonly disputeWindow: readonly RegExp[];
  readonly protectionEnds: readonly RegExp[];
  readonly protectionExtendedTo: readonly RegExp[];
  readonly protectionExtendedBy: readonly RegExp[];
  readonly outcomes: readonly Compiled<OutcomeRule>[];
  readonly paymentMethods: readonly Compiled<PaymentMethodRule>[];
  readonly markers: readonly RegExp[];
  /**
   * All subject (body) event rules as one alternation: a table none of whose rules matches is passed over
   * with a single search instead of one per rule. Null when the table has no such rules.
   */
  readonly anySubject: RegExp | null;
  readonly anyBody: RegExp | null;
  /** Any order or package word of this language, for guessing the language of an unknown subject. */
  readonly words: RegExp;
}

function withRegex<R extends { readonly pattern: PatternSource }>(rules: readonly R[]): Compiled<R>[] {
  return rules.map((rule) => ({ rule, regex: compile(rule.pattern) }));
}

function compileTable(table: LanguageTable): CompiledTable {
  const p = table.phrases;
  return {
    table,
    subjects: withRegex(table.subjects),
    ignoreSubjects: withRegex(table.ignoreSubjects),
    bodies: withRegex(table.bodies),
    ignoreBodies: withRegex(table.ignoreBodies),
    disputeWindow: p.disputeWindow.map(compile),
    protectionEnds: p.protectionEnds.map(compile),
    protectionExtendedTo: p.protectionExtendedTo.map(compile),
    protectionExtendedBy: p.protectionExtendedBy.map(compile),
    outcomes: withRegex(p.outcomes),
    paymentMethods: withRegex(p.paymentMethods),
    markers: table.markers.map((m) => new RegExp(m, 'giu')),
    anySubject: compileAny(table.subjects.map((r) => r.pattern)),
    anyBody: compileAny(table.bodies.map((r) => r.pattern)),
    words: new RegExp(
      `(?:^|[^\\p{L}])(?:${[...table.orderWords, ...table.packageWords].join('|')}) ?:? ?[A-Za-z0-9]{8,}`,
      'u',
    ),
  };
}

export const TABLES: readonly CompiledTable[] = LANGUAGES.map(compileTable);

/** Every table's subject (body) ignore rules as one regex: most mails match none, learnt in one search. */
export const ANY_IGNORE_SUBJECT = anyOf(TABLES.flatMap((t) => t.ignoreSubjects.map((r) => r.regex)));
export const ANY_IGNORE_BODY = anyOf(TABLES.flatMap((t) => t.ignoreBodies.map((r) => r.regex)));

/** Regexes tried in order for the first capture; `any` rules them all out in one search. */
export interface Phrases {
  readonly any: RegExp | null;
  readonly list: readonly RegExp[];
}

type PhraseKind = 'disputeWindow' | 'protectionEnds' | 'protectionExtendedTo' | 'protectionExtendedBy';

/**
 * Each kind's phrases of every table as one regex: a yes/no test does not depend on the order, so one
 * regex serves every table's lookup order (and is compiled once, not once per table).
 */
const ANY_PHRASE: Readonly<Record<PhraseKind, RegExp | null>> = {
  disputeWindow: anyOf(TABLES.flatMap((t) => t.disputeWindow)),
  protectionEnds: anyOf(TABLES.flatMap((t) => t.protectionEnds)),
  protectionExtendedTo: anyOf(TABLES.flatMap((t) => t.protectionExtendedTo)),
  protectionExtendedBy: anyOf(TABLES.flatMap((t) => t.protectionExtendedBy)),
};

function phrases(tables: readonly CompiledTable[], kind: PhraseKind): Phrases {
  return { any: ANY_PHRASE[kind], list: tables.flatMap((t) => t[kind]) };
}

/** A table's phrases followed by every other table's, in lookup order. */
export interface PhraseLookup {
  readonly disputeWindow: Phrases;
  readonly protectionEnds: Phrases;
  readonly protectionExtendedTo: Phrases;
  readonly protectionExtendedBy: Phrases;
  readonly outcomes: CompiledTable['outcomes'];
  readonly paymentMethods: CompiledTable['paymentMethods'];
}

/**
 * Phrase lookups try the mail's own table first, then the others (mixed-language bodies happen). The
 * order depends only on the table, so the lists are built once at load rather than per mail.
 */
function lookupFor(table: CompiledTable): PhraseLookup {
  const tables = [table, ...TABLES.filter((t) => t !== table)];
  return {
    disputeWindow: phrases(tables, 'disputeWindow'),
    protectionEnds: phrases(tables, 'protectionEnds'),
    protectionExtendedTo: phrases(tables, 'protectionExtendedTo'),
    protectionExtendedBy: phrases(tables, 'protectionExtendedBy'),
    outcomes: tables.flatMap((t) => t.outcomes),
    paymentMethods: tables.flatMap((t) => t.paymentMethods),
  };
}

const LOOKUPS: ReadonlyMap<CompiledTable, PhraseLookup> = new Map(TABLES.map((t) => [t, lookupFor(t)]));

export function phraseLookup(table: CompiledTable): PhraseLookup {
  return LOOKUPS.get(table) ?? lookupFor(table);
}

/**
 * `source` where it starts a word (no letter right before it), as a regex source. The check sits after
 * the first character, `T(?<![\p{L}][\s\S])otal`, rather than in front, `(?<![\p{L}])Total`: the same
 * condition, but an alternation whose branches all start with a plain character lets V8 skip straight to
 * where one can start, where a leading lookbehind makes it try every position (4–6× slower on a body).
 * A source that starts with regex syntax, or whose first character is quantified, keeps the leading form.
 */
export function atWordStart(source: PatternSource): string {
  const first = String.fromCodePoint(source.codePointAt(0) ?? 0);
  const rest = source.slice(first.length);
  const plainStart = source !== '' && !/[\\()[\]{}.*+?|^$]/.test(first) && !/^[*+?{]/.test(rest);
  if (!plainStart || hasTopLevelBar(source)) return `(?<![\\p{L}])(?:${source})`;
  return `${first}(?<![\\p{L}][\\s\\S])${rest}`;
}

/** True when `source` is an alternation at its top level (`a|b`), where only `a` would get the check. */
function hasTopLevelBar(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return true;
  }
  return false;
}

/** Label alternations across every language: AliExpress mixes English boilerplate into every language. */
function unionLabels(
  pick: (t: LanguageTable) => readonly PatternSource[],
  suffix: string,
  flags?: string,
): RegExp | null {
  // Longest first: at one position "Total del pedido" must win over the generic "Total". A label starts
  // a word: "Total" inside "Subtotal" is not the order total.
  const sources = LANGUAGES.flatMap(pick).sort((a, b) => b.length - a.length);
  return compileAny(sources.map(atWordStart), suffix, flags);
}

// Longest first so "Order No." is tried before "Order" at the same position.
export const ALL_ORDER_WORDS: readonly string[] = LANGUAGES.flatMap((t) => [
  ...t.orderWords,
  ...t.labels.orderNumber,
]).sort((a, b) => b.length - a.length);

export const LABELS = {
  estimatedDelivery: unionLabels(
    (t) => t.labels.estimatedDelivery,
    ' ?([0-9]{1,2})[/.]([0-9]{1,2})[/.]([0-9]{4})',
  ),
  // Global: a generic label ("Total") may match first where no amount follows; `moneyAfter` tries each.
  orderTotal: unionLabels((t) => t.labels.orderTotal, ' ?', 'giu'),
  refundAmount: unionLabels((t) => t.labels.refundAmount, ' ?', 'giu'),
  trackingNumber: unionLabels(
    (t) => t.labels.trackingNumber,
    ' ?:? ?(?<![A-Za-z0-9])([A-Za-z0-9]{8,34})(?![A-Za-z0-9])',
  ),
};
