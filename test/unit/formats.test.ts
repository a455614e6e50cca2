/**
 * One check per format: two calendar-date or order-number checks drift apart, and then the mail reader
 * produces what the event schema or the engine refuses. These pin that every part asks `formats.ts`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isOrderId } from '../../functions/core/formats';
import { isOrderNumber } from '../../functions/core/mail/extract/order-ids';
import { parseMailDate } from '../../functions/core/mail/text/dates';
import { earliestInstant, InvalidDateError, isDateOnly } from '../../functions/core/rules/time';

const FUNCTIONS = join(import.meta.dirname, '../../functions');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('one validator per format', () => {
  it('the extractor checks order numbers with the event check', () => {
    expect(isOrderNumber).toBe(isOrderId);
  });

  it('the rules engine refuses the impossible dates the schema refuses', () => {
    expect(isDateOnly('2026-02-30')).toBe(false);
    expect(isDateOnly('2024-02-29')).toBe(true);
    expect(() => earliestInstant('2026-01-05T24:30')).toThrow(InvalidDateError);
  });

  it('the mail date reader knows leap years as the schema does', () => {
    expect(parseMailDate('Thu, 29 Feb 2024 10:00:00 +0000')?.iso).toBe('2024-02-29T10:00:00+00:00');
    expect(parseMailDate('Sun, 29 Feb 2026 10:00:00 +0000')).toBeNull();
  });

  it('no other module computes a calendar day or matches an order number by itself', () => {
    const offenders = sources(FUNCTIONS)
      .filter((path) => !path.endsWith('formats.ts'))
      .filter((path) => {
        const text = readFileSync(path, 'utf8');
        return /getUTCDate\(\)|\^\\d\{4\}-\\d\{2\}-\\d\{2\}|\^\[0-9\]\{15,16\}\$/.test(text);
      })
      .map((path) => relative(FUNCTIONS, path));
    expect(offenders).toEqual([]);
  });
});
