/**
 * Every event fixture in test/fixtures/mail/events/ and what it must read as (`FixtureCase`), one file
 * per group so each stays short.
 */
import type { FixtureCase } from './extract-case';
import { CASES_BEST_EFFORT } from './extract-cases-best-effort';
import { CASES_BEST_EFFORT_EN } from './extract-cases-best-effort-en';
import { CASES_DE } from './extract-cases-de';
import { CASES_EN } from './extract-cases-en';
import { CASES_ES } from './extract-cases-es';
import { CASES_OTHER } from './extract-cases-other';

export type { FixtureCase } from './extract-case';

export const CASES: readonly FixtureCase[] = [
  ...CASES_EN,
  ...CASES_DE,
  ...CASES_ES,
  ...CASES_BEST_EFFORT_EN,
  ...CASES_BEST_EFFORT,
  ...CASES_OTHER,
];
