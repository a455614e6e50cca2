import type { EventType } from '../../events';
import type { Evidence } from './languages/types';
import { isOrderNumber } from './order-ids';
import { ANY_IGNORE_BODY, ANY_IGNORE_SUBJECT, type CompiledTable, TABLES } from './patterns';

/**
 * Decides what one AliExpress mail is, and in which language, from the wording tables alone:
 *  1. a subject ignore rule of any table (review request, coupon, survey) → ignored;
 *  2. the subject rules of every table; when several tables match (Spanish and Portuguese share
 *     "Pedido N: pedido confirmado"), the body's `markers` pick the language, registry order breaks ties;
 *  3. body sentences (for a subject we do not know), then body ignore rules;
 *  4. nothing: the language is guessed from an order/package word in the subject, the event is unknown.
 * The language is per mail: one mailbox mixes languages, and "Your order N is closed" is English everywhere.
 */

export type WordingMatch =
  | {
      readonly kind: 'event';
      readonly type: EventType;
      readonly evidence: Evidence;
      readonly table: CompiledTable;
      /** Order number and parcel id the matching subject rule captured, if any. */
      readonly subjectOrderId: string | null;
      readonly subjectParcelId: string | null;
    }
  | { readonly kind: 'ignored'; readonly table: CompiledTable; readonly reason: string }
  | { readonly kind: 'unknown'; readonly table: CompiledTable | null };

interface Hit {
  readonly table: CompiledTable;
  readonly match: RegExpExecArray;
  readonly type: EventType;
  readonly evidence: Evidence;
}

function markerScore(table: CompiledTable, text: string): number {
  let score = 0;
  for (const marker of table.markers) score += text.match(marker)?.length ?? 0;
  return score;
}

/** Several tables read the subject (es/pt "Pedido N: pedido confirmado"): the body's markers pick one. */
function best(hits: readonly Hit[], text: string): Hit | undefined {
  let top: Hit | undefined;
  let topScore = -1;
  for (const hit of hits) {
    const score = hits.length > 1 ? markerScore(hit.table, text) : 0;
    if (score > topScore) {
      top = hit;
      topScore = score;
    }
  }
  return top;
}

function eventFrom(hit: Hit): WordingMatch {
  // Captures are positional: `{n}` and `{p}` are the only capturing placeholders a subject rule uses.
  const captured = hit.match.slice(1).filter((c): c is string => typeof c === 'string');
  const order = captured.find(isOrderNumber) ?? null;
  const parcel = captured.find((c) => !isOrderNumber(c)) ?? null;
  return {
    kind: 'event',
    type: hit.type,
    evidence: hit.evidence,
    table: hit.table,
    subjectOrderId: order,
    subjectParcelId: parcel,
  };
}

/**
 * Per table, the first of its rules that matches `text`; `any` (all of them as one regex) passes over a
 * table none of whose rules can match in one search.
 */
function firstHits(
  text: string,
  pick: (t: CompiledTable) => { readonly any: RegExp | null; readonly rules: CompiledTable['subjects'] },
): Hit[] {
  const hits: Hit[] = [];
  for (const table of TABLES) {
    const { any, rules } = pick(table);
    if (any === null || !any.test(text)) continue;
    for (const { rule, regex } of rules) {
      const match = regex.exec(text);
      if (match) {
        hits.push({ table, match, type: rule.type, evidence: rule.evidence });
        break;
      }
    }
  }
  return hits;
}

const subjectHits = (subject: string): Hit[] =>
  firstHits(subject, (t) => ({ any: t.anySubject, rules: t.subjects }));
const bodyHits = (flat: string): Hit[] => firstHits(flat, (t) => ({ any: t.anyBody, rules: t.bodies }));

/** The first table (in registry order) with an ignore rule matching `text`, and that rule's reason. */
function ignoredBy(
  text: string,
  any: RegExp | null,
  rules: (t: CompiledTable) => CompiledTable['ignoreSubjects'],
): WordingMatch | null {
  if (any === null || !any.test(text)) return null;
  for (const table of TABLES) {
    const hit = rules(table).find((r) => r.regex.test(text));
    if (hit) return { kind: 'ignored', table, reason: hit.rule.reason };
  }
  return null;
}

export function matchWording(subject: string, flat: string): WordingMatch {
  const ignoredSubject = ignoredBy(subject, ANY_IGNORE_SUBJECT, (t) => t.ignoreSubjects);
  if (ignoredSubject) return ignoredSubject;
  const fromSubject = best(subjectHits(subject), `${subject} ${flat}`);
  if (fromSubject) return eventFrom(fromSubject);
  const fromBody = best(bodyHits(flat), `${subject} ${flat}`);
  if (fromBody) {
    const c = eventFrom(fromBody);
    // A body sentence's capture is not the subject's: keep only the event and the language.
    return c.kind === 'event' ? { ...c, subjectOrderId: null, subjectParcelId: null } : c;
  }
  const ignoredBody = ignoredBy(flat, ANY_IGNORE_BODY, (t) => t.ignoreBodies);
  if (ignoredBody) return ignoredBody;
  return { kind: 'unknown', table: TABLES.find((t) => t.words.test(subject)) ?? null };
}
