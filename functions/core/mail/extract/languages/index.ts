import { de } from './de';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import { ko } from './ko';
import { pt } from './pt';
import type { LanguageTable } from './types';

/**
 * Every wording table. Order breaks ties only after `markers` scoring (see `wording.ts`); Spanish comes
 * before Portuguese because Spanish "Pedido" subjects are seen far more often. Add a language here.
 */
export const LANGUAGES: readonly LanguageTable[] = [en, de, es, pt, fr, ko];

export type { LanguageTable } from './types';
