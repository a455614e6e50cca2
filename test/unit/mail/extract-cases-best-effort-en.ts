import type { FixtureCase } from './extract-case';

/** English best-effort (unverified wording: disputes, refunds, payment, cancellation, protection) event fixtures: what each must read as. */
export const CASES_BEST_EFFORT_EN: readonly FixtureCase[] = [
  {
    file: 'en-payment-confirmed-best-effort.eml',
    kind: 'aliexpress',
    language: 'en',
    events: [
      {
        type: 'payment_confirmed',
        orderIds: ['8101234567800020'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-en-payment-confirmed-best-effort@example.net>',
          language: 'en',
          evidence: 'unverified',
        },
        placedAt: '2026-02-16T15:22',
        store: 'Sample Gadget Store',
        items: ['Sample USB-C cable braided 1m fast char...'],
        amount: {
          value: 12.34,
          currency: 'USD',
        },
      },
    ],
  },
  {
    file: 'en-order-cancelled-best-effort.eml',
    kind: 'aliexpress',
    language: 'en',
    events: [
      {
        type: 'order_cancelled',
        orderIds: ['8101234567800021'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-en-order-cancelled-best-effort@example.net>',
          language: 'en',
          evidence: 'unverified',
        },
      },
    ],
  },
  {
    file: 'en-dispute-opened-best-effort.eml',
    kind: 'aliexpress',
    language: 'en',
    events: [
      {
        type: 'dispute_opened',
        orderIds: ['8101234567800022'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-en-dispute-opened-best-effort@example.net>',
          language: 'en',
          evidence: 'unverified',
        },
      },
    ],
  },
  {
    file: 'en-seller-responded-dispute-best-effort.eml',
    kind: 'aliexpress',
    language: 'en',
    events: [
      {
        type: 'seller_responded',
        orderIds: ['8101234567800023'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-en-seller-responded-dispute-best-effort@example.net>',
          language: 'en',
          evidence: 'unverified',
        },
      },
    ],
  },
  {
    file: 'en-dispute-escalated-best-effort.eml',
    kind: 'aliexpress',
    language: 'en',
    events: [
      {
        type: 'dispute_escalated',
        orderIds: ['8101234567800024'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-en-dispute-escalated-best-effort@example.net>',
          language: 'en',
          evidence: 'unverified',
        },
      },
    ],
  },
  {
    file: 'en-dispute-closed-won-best-effort.eml',
    kind: 'aliexpress',
    language: 'en',
    events: [
      {
        type: 'dispute_closed',
        orderIds: ['8101234567800025'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-en-dispute-closed-won-best-effort@example.net>',
          language: 'en',
          evidence: 'unverified',
        },
        outcome: 'won',
      },
    ],
  },
  {
    file: 'en-refund-issued-card-best-effort.eml',
    kind: 'aliexpress',
    language: 'en',
    events: [
      {
        type: 'refund_issued',
        orderIds: ['8101234567800026'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-en-refund-issued-card-best-effort@example.net>',
          language: 'en',
          evidence: 'unverified',
        },
        amount: {
          value: 12.34,
          currency: 'USD',
        },
        paymentMethod: 'card',
      },
    ],
  },
  {
    file: 'en-protection-extended-best-effort.eml',
    kind: 'aliexpress',
    language: 'en',
    events: [
      {
        type: 'protection_extended',
        orderIds: ['8101234567800027'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-en-protection-extended-best-effort@example.net>',
          language: 'en',
          evidence: 'unverified',
        },
        protectionEndsAt: '2026-04-30',
      },
    ],
  },
  {
    file: 'en-protection-stated-in-shipped-mail-best-effort.eml',
    kind: 'aliexpress',
    language: 'en',
    events: [
      {
        type: 'shipped',
        orderIds: ['8101234567800028'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-en-protection-stated-in-shipped-mail-best-effort@example.net>',
          language: 'en',
          evidence: 'verified',
        },
      },
      {
        type: 'protection_stated',
        orderIds: ['8101234567800028'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-en-protection-stated-in-shipped-mail-best-effort@example.net>',
          language: 'en',
          evidence: 'unverified',
        },
        protectionEndsAt: '2026-03-15',
      },
    ],
  },
  {
    file: 'en-generic-subject-body-payment-confirmed-best-effort.eml',
    kind: 'aliexpress',
    language: 'en',
    events: [
      {
        type: 'payment_confirmed',
        orderIds: ['8101234567800074'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-en-generic-subject-body-payment-confirmed-best-effort@example.net>',
          language: 'en',
          evidence: 'unverified',
        },
      },
    ],
  },
  {
    file: 'en-your-2-packages-have-delivery-updates-multi-package-best-effort.eml',
    kind: 'aliexpress',
    language: 'en',
    events: [
      {
        type: 'in_transit',
        orderIds: ['8101234567800080'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId:
            '<fixture-en-your-2-packages-have-delivery-updates-multi-package-best-effort@example.net>',
          language: 'en',
          evidence: 'unverified',
        },
        parcelId: 'AP00810123456880',
      },
      {
        type: 'in_transit',
        orderIds: ['8101234567800081'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId:
            '<fixture-en-your-2-packages-have-delivery-updates-multi-package-best-effort@example.net>',
          language: 'en',
          evidence: 'unverified',
        },
        parcelId: 'JY12ABC0D000123457',
      },
    ],
  },
];
