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
        paymentMethod: 'alipay',
        amount: {
          value: 5.49,
          currency: 'EUR',
        },
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
        paymentMethod: 'card',
        amount: {
          value: 7.99,
          currency: 'EUR',
        },
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
        protectionEndsAt: '2026-04-30',
      },
    ],
  },
];
