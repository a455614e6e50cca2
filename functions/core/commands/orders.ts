/**
 * Naming an order in a command: the full 15/16-digit number, or its last 4+ digits when exactly one of the
 * user's orders ends that way. Our mails show orders as "…0979", so a user who copies that (ellipsis,
 * three dots or a `#` included) must get the order they meant.
 */
import { isOrderId } from '../events';
import type { CommandProblem, OrderRef } from './types';

/** Shortest suffix accepted: 3 digits would often match several orders and nobody reads them that way. */
export const MIN_SUFFIX_DIGITS = 4;

export type OrderResult =
  | { readonly ok: true; readonly order: OrderRef }
  | { readonly ok: false; readonly problem: CommandProblem };

const DECORATION = /^(?:#|…|\.{2,3}|order)+/i;

/** The order a command names, resolved against the user's known order ids. */
export function resolveOrder(text: string, knownOrderIds: readonly string[]): OrderResult {
  const digits = text.trim().replace(DECORATION, '');
  if (!/^\d+$/.test(digits) || digits.length < MIN_SUFFIX_DIGITS || digits.length > 16) {
    return { ok: false, problem: { kind: 'bad-order', text } };
  }
  const known = new Set(knownOrderIds);
  if (isOrderId(digits)) {
    // A full number the user typed is taken even when we hold nothing for it: the fact they tell us may be
    // the first we hear of the order (its mails were never forwarded).
    return { ok: true, order: { orderId: digits, known: known.has(digits) } };
  }
  const candidates = [...known].filter((id) => id.endsWith(digits)).sort();
  const [only, ...others] = candidates;
  if (only === undefined) return { ok: false, problem: { kind: 'unknown-order', text: digits } };
  if (others.length > 0) {
    return { ok: false, problem: { kind: 'ambiguous-order', text: digits, candidates } };
  }
  return { ok: true, order: { orderId: only, known: true } };
}

/** How our mails show an order: its last four digits after an ellipsis ("…0979"). */
export function shortOrder(orderId: string): string {
  return `…${orderId.slice(-MIN_SUFFIX_DIGITS)}`;
}

/**
 * The shortest suffix (at least 4 digits) that names `orderId` unambiguously among `knownOrderIds`, for
 * the command lines our mails suggest ("reply `dispute 0979`").
 */
export function orderSuffix(orderId: string, knownOrderIds: readonly string[] = []): string {
  const others = knownOrderIds.filter((id) => id !== orderId);
  for (let n = MIN_SUFFIX_DIGITS; n < orderId.length; n += 1) {
    const suffix = orderId.slice(-n);
    if (!others.some((id) => id.endsWith(suffix))) return suffix;
  }
  return orderId;
}
