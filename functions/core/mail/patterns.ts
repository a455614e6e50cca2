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
    words: new RegExp(
      `(?:^|[^\\p{L}])(?:${[...table.orderWords, ...table.packageWords].join('|')}) ?:? ?[A-Za-z0-9]{8,}`,
      'u',
    ),
  };
}

export const TABLES: readonly CompiledTable[] = LANGUAGES.map(compileTable);

/** Label alternations across every language: AliExpress mixes English boilerplate into every language. */
function unionLabels(
  pick: (t: LanguageTable) => readonly PatternSource[],
  suffix: string,
  flags?: string,
): RegExp | null {
  // Longest first: at one position "Total del pedido" must win over the generic "Total".
  const sources = LANGUAGES.flatMap(pick).sort((a, b) => b.length - a.length);
  return compileAny(sources, suffix, flags);
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
