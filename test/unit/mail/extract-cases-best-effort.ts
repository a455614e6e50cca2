import type { FixtureCase } from './extract-case';

/** German and Spanish best-effort (unverified wording: disputes, refunds, payment, cancellation, protection) event fixtures: what each must read as. */
export const CASES_BEST_EFFORT: readonly FixtureCase[] = [
  {
    file: 'de-bestellung-geschlossen-best-effort.eml',
    kind: 'aliexpress',
    language: 'de',
    events: [
      {
        type: 'order_closed',
        orderIds: ['3041234567800013'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-de-bestellung-geschlossen-best-effort@example.net>',
          language: 'de',
          evidence: 'unverified',
        },
      },
    ],
  },
  {
    file: 'de-zahlung-bestaetigt-best-effort.eml',
    kind: 'aliexpress',
    language: 'de',
    events: [
      {
        type: 'payment_confirmed',
        orderIds: ['3041234567800014'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-de-zahlung-bestaetigt-best-effort@example.net>',
          language: 'de',
          evidence: 'unverified',
        },
      },
    ],
  },
  {
    file: 'de-storniert-best-effort.eml',
    kind: 'aliexpress',
    language: 'de',
    events: [
      {
        type: 'order_cancelled',
        orderIds: ['3041234567800015'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-de-storniert-best-effort@example.net>',
          language: 'de',
          evidence: 'unverified',
        },
      },
    ],
  },
  {
    file: 'de-streitfall-eroeffnet-best-effort.eml',
    kind: 'aliexpress',
    language: 'de',
    events: [
      {
        type: 'dispute_opened',
        orderIds: ['3041234567800016'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-de-streitfall-eroeffnet-best-effort@example.net>',
          language: 'de',
          evidence: 'unverified',
        },
      },
    ],
  },
  {
    file: 'de-verkaeufer-hat-geantwortet-best-effort.eml',
    kind: 'aliexpress',
    language: 'de',
    events: [
      {
        type: 'seller_responded',
        orderIds: ['3041234567800017'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-de-verkaeufer-hat-geantwortet-best-effort@example.net>',
          language: 'de',
          evidence: 'unverified',
        },
      },
    ],
  },
  {
    file: 'de-streitfall-eskaliert-best-effort.eml',
    kind: 'aliexpress',
    language: 'de',
    events: [
      {
        type: 'dispute_escalated',
        orderIds: ['3041234567800018'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-de-streitfall-eskaliert-best-effort@example.net>',
          language: 'de',
          evidence: 'unverified',
        },
      },
    ],
  },
  {
    file: 'de-streitfall-geschlossen-teilweise-best-effort.eml',
    kind: 'aliexpress',
    language: 'de',
    events: [
      {
        type: 'dispute_closed',
        orderIds: ['3041234567800019'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-de-streitfall-geschlossen-teilweise-best-effort@example.net>',
          language: 'de',
          evidence: 'unverified',
        },
        outcome: 'partial',
      },
    ],
  },
  {
    file: 'de-rueckerstattung-alipay-best-effort.eml',
    kind: 'aliexpress',
    language: 'de',
    events: [
      {
        type: 'refund_issued',
        orderIds: ['3041234567800020'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-de-rueckerstattung-alipay-best-effort@example.net>',
          language: 'de',
          evidence: 'unverified',
        },
        amount: {
          value: 5.49,
          currency: 'EUR',
        },
        paymentMethod: 'alipay',
      },
    ],
  },
  {
    file: 'de-kaeuferschutz-verlaengert-um-tage-best-effort.eml',
    kind: 'aliexpress',
    language: 'de',
    events: [
      {
        type: 'protection_extended',
        orderIds: ['3041234567800021'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-de-kaeuferschutz-verlaengert-um-tage-best-effort@example.net>',
          language: 'de',
          evidence: 'unverified',
        },
        extensionDays: 15,
      },
    ],
  },
  {
    file: 'de-kaeuferschutz-bis-datum-best-effort.eml',
    kind: 'aliexpress',
    language: 'de',
    events: [
      {
        type: 'protection_stated',
        orderIds: ['3041234567800022'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-de-kaeuferschutz-bis-datum-best-effort@example.net>',
          language: 'de',
          evidence: 'unverified',
        },
        protectionEndsAt: '2026-04-15',
      },
    ],
  },
  {
    file: 'es-listo-para-envio-best-effort.eml',
    kind: 'aliexpress',
    language: 'es',
    events: [
      {
        type: 'ready_to_ship',
        orderIds: ['1151234567800002'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-es-listo-para-envio-best-effort@example.net>',
          language: 'es',
          evidence: 'unverified',
        },
        estimatedDelivery: '2026-02-09',
      },
    ],
  },
  {
    file: 'es-pedido-cerrado-best-effort.eml',
    kind: 'aliexpress',
    language: 'es',
    events: [
      {
        type: 'order_closed',
        orderIds: ['1151234567800011'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-es-pedido-cerrado-best-effort@example.net>',
          language: 'es',
          evidence: 'unverified',
        },
      },
    ],
  },
  {
    file: 'es-pago-confirmado-best-effort.eml',
    kind: 'aliexpress',
    language: 'es',
    events: [
      {
        type: 'payment_confirmed',
        orderIds: ['1151234567800012'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-es-pago-confirmado-best-effort@example.net>',
          language: 'es',
          evidence: 'unverified',
        },
      },
    ],
  },
  {
    file: 'es-pedido-cancelado-best-effort.eml',
    kind: 'aliexpress',
    language: 'es',
    events: [
      {
        type: 'order_cancelled',
        orderIds: ['1151234567800013'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-es-pedido-cancelado-best-effort@example.net>',
          language: 'es',
          evidence: 'unverified',
        },
      },
    ],
  },
  {
    file: 'es-disputa-abierta-best-effort.eml',
    kind: 'aliexpress',
    language: 'es',
    events: [
      {
        type: 'dispute_opened',
        orderIds: ['1151234567800014'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-es-disputa-abierta-best-effort@example.net>',
          language: 'es',
          evidence: 'unverified',
        },
      },
    ],
  },
  {
    file: 'es-vendedor-ha-respondido-best-effort.eml',
    kind: 'aliexpress',
    language: 'es',
    events: [
      {
        type: 'seller_responded',
        orderIds: ['1151234567800015'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-es-vendedor-ha-respondido-best-effort@example.net>',
          language: 'es',
          evidence: 'unverified',
        },
      },
    ],
  },
  {
    file: 'es-disputa-escalada-best-effort.eml',
    kind: 'aliexpress',
    language: 'es',
    events: [
      {
        type: 'dispute_escalated',
        orderIds: ['1151234567800016'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-es-disputa-escalada-best-effort@example.net>',
          language: 'es',
          evidence: 'unverified',
        },
      },
    ],
  },
  {
    file: 'es-disputa-cerrada-lost-best-effort.eml',
    kind: 'aliexpress',
    language: 'es',
    events: [
      {
        type: 'dispute_closed',
        orderIds: ['1151234567800017'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-es-disputa-cerrada-lost-best-effort@example.net>',
          language: 'es',
          evidence: 'unverified',
        },
        outcome: 'lost',
      },
    ],
  },
  {
    file: 'es-reembolso-tarjeta-best-effort.eml',
    kind: 'aliexpress',
    language: 'es',
    events: [
      {
        type: 'refund_issued',
        orderIds: ['1151234567800018'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-es-reembolso-tarjeta-best-effort@example.net>',
          language: 'es',
          evidence: 'unverified',
        },
        amount: {
          value: 7.99,
          currency: 'EUR',
        },
        paymentMethod: 'card',
      },
    ],
  },
  {
    file: 'es-proteccion-ampliada-best-effort.eml',
    kind: 'aliexpress',
    language: 'es',
    events: [
      {
        type: 'protection_extended',
        orderIds: ['1151234567800019'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-es-proteccion-ampliada-best-effort@example.net>',
          language: 'es',
          evidence: 'unverified',
        },
        protectionEndsAt: '2026-04-20',
      },
    ],
  },
  {
    file: 'es-proteccion-hasta-best-effort.eml',
    kind: 'aliexpress',
    language: 'es',
    events: [
      {
        type: 'protection_stated',
        orderIds: ['1151234567800020'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-es-proteccion-hasta-best-effort@example.net>',
          language: 'es',
          evidence: 'unverified',
        },
        protectionEndsAt: '2026-04-30',
      },
    ],
  },
];
