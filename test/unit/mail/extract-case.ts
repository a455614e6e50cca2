import type { OrderEvent } from '../../../functions/core/events';

/**
 * What each fixture in test/fixtures/mail/events/ must read as. Event fields listed here must match; the
 * test also checks kind, language, the exact event types and order ids, and that every event validates.
 */
export interface FixtureCase {
  readonly file: string;
  readonly kind: 'aliexpress' | 'ignored' | 'unrecognized';
  readonly language: string | null;
  readonly events?: readonly (Partial<OrderEvent> & Pick<OrderEvent, 'type' | 'orderIds'>)[];
  /** For unrecognized: the order ids it still names. */
  readonly orderIds?: readonly string[];
  /** Fields no event may carry (e.g. an invalid date must yield no field). */
  readonly absent?: readonly (keyof OrderEvent)[];
}
