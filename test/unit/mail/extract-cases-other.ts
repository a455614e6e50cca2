import type { FixtureCase } from './extract-case';

/** French, Portuguese, Korean, unknown-language and non-transaction-sender event fixtures: what each must read as. */
export const CASES_OTHER: readonly FixtureCase[] = [
  {
    file: 'deals-sender-order-word-ignored.eml',
    kind: 'ignored',
    language: null,
  },
  {
    file: 'login-code-ignored.eml',
    kind: 'ignored',
    language: null,
  },
  {
    file: 'survey-sender-ignored.eml',
    kind: 'ignored',
    language: null,
  },
  {
    file: 'newarrival-marketing-ignored.eml',
    kind: 'ignored',
    language: null,
  },
  {
    file: 'message-info-marketing-ignored.eml',
    kind: 'ignored',
    language: null,
  },
  {
    file: 'seller-message-not-a-dispute-ignored.eml',
    kind: 'ignored',
    language: null,
  },
  {
    file: 'fr-commande-confirmee.eml',
    kind: 'aliexpress',
    language: 'fr',
    events: [
      {
        type: 'order_confirmed',
        orderIds: ['8661234567800001'],
        amount: {
          value: 9.99,
          currency: 'EUR',
        },
      },
    ],
  },
  {
    file: 'fr-commande-expediee.eml',
    kind: 'aliexpress',
    language: 'fr',
    events: [
      {
        type: 'shipped',
        orderIds: ['8661234567800002'],
        estimatedDelivery: '2026-03-14',
      },
    ],
  },
  {
    file: 'fr-commande-partiellement-expediee.eml',
    kind: 'aliexpress',
    language: 'fr',
    events: [
      {
        type: 'shipped',
        orderIds: ['8661234567800003'],
      },
    ],
  },
  {
    file: 'pt-pedido-confirmado.eml',
    kind: 'aliexpress',
    language: 'pt',
    events: [
      {
        type: 'order_confirmed',
        orderIds: ['8661234567800004'],
        amount: {
          value: 49.9,
          currency: 'BRL',
        },
      },
    ],
  },
  {
    file: 'ko-arrived-in-country.eml',
    kind: 'aliexpress',
    language: 'ko',
    events: [
      {
        type: 'in_transit',
        orderIds: ['8661234567800005'],
        amount: {
          value: 12000,
          currency: 'KRW',
        },
      },
    ],
  },
  {
    file: 'pl-unknown-language-fallback.eml',
    kind: 'unrecognized',
    language: null,
    orderIds: ['8661234567800006'],
  },
  {
    // Handed to the carrier, not delivered to the buyer: a "delivered" here would silence the protection
    // warnings, so an unverified sentence like this must yield no event at all.
    file: 'es-paquete-entregado-al-transportista-not-delivered.eml',
    kind: 'unrecognized',
    language: 'es',
    orderIds: ['1151234567800099'],
  },
  {
    file: 'en-package-delivered-to-local-carrier-not-delivered.eml',
    kind: 'unrecognized',
    language: 'en',
    orderIds: ['8123456780000999'],
  },
  {
    file: 'ja-unknown-language-fallback-parcel-link.eml',
    kind: 'unrecognized',
    language: null,
    orderIds: ['8661234567800007'],
  },
  {
    // A full-width colon (U+FF1A) after the order number.
    file: 'ko-fullwidth-colon-subject.eml',
    kind: 'aliexpress',
    language: 'ko',
    events: [{ type: 'in_transit', orderIds: ['8661234567800046'] }],
  },
];
