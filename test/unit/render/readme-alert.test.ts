/**
 * The alert shown in README.md ("What an alert looks like") is this rendering, word for word: if the
 * wording or the engine changes, this fails until the README shows the mail as it is now.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OrderEvent } from '../../../functions/core/events';
import { renderAlerts } from '../../../functions/core/render';
import { evaluateOrder } from '../../../functions/core/rules';

const ID = '8123456789010979';
const source = { kind: 'mail', messageId: null, language: 'en', evidence: 'verified' } as const;
const EVENTS: OrderEvent[] = [
  {
    type: 'payment_confirmed',
    orderIds: [ID],
    occurredAt: '2026-01-10T10:00:00Z',
    source,
    store: 'Example Store',
  },
  { type: 'shipped', orderIds: [ID], occurredAt: '2026-01-12T10:00:00Z', source },
];
const NOW = '2026-03-10T09:00:00.000Z';
const ZONE = 'Europe/Berlin';

describe('the README alert', () => {
  it('is what renderAlerts makes of the engine’s 3-day protection warning', () => {
    const evaluation = evaluateOrder(EVENTS, { now: NOW, timeZone: ZONE });
    const [alert] = evaluation.alerts;
    expect(alert?.code).toBe('A3');
    if (!alert) return;
    const mail = renderAlerts([{ alert, store: evaluation.store }], {
      timeZone: ZONE,
      now: NOW,
      knownOrderIds: [ID],
    });
    const readme = readFileSync(join(import.meta.dirname, '../../../README.md'), 'utf8');
    expect(readme).toContain(`Subject: ${mail.subject}\n\n${mail.text.trim()}\n`);
  });
});
