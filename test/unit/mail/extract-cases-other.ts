import type { FixtureCase } from './extract-case';

/** French, Portuguese, Korean, unknown-language and non-transaction-sender event fixtures: what each must read as. */
export const CASES_OTHER: readonly FixtureCase[] = [
  {
    file: 'deals-sender-order-word-ignored.eml',
    kind: 'ignored',
    language: null,
    reason: 'AliExpress marketing, not an order event',
  },
  {
    file: 'login-code-ignored.eml',
    kind: 'ignored',
    language: null,
    reason: 'an AliExpress login code, not an order event',
  },
  {
    file: 'survey-sender-ignored.eml',
    kind: 'ignored',
    language: null,
    reason: 'an AliExpress survey or coupon, not an order event',
  },
  {
    file: 'newarrival-marketing-ignored.eml',
    kind: 'ignored',
    language: null,
    reason: 'AliExpress marketing, not an order event',
  },
  {
    file: 'message-info-marketing-ignored.eml',
    kind: 'ignored',
    language: null,
    reason: 'AliExpress marketing, not an order event',
  },
  {
    file: 'seller-message-not-a-dispute-ignored.eml',
    kind: 'ignored',
    language: null,
    reason: 'a message from the seller (or marketing); a message does not pause buyer protection',
  },
  {
    file: 'fr-commande-confirmee.eml',
    kind: 'aliexpress',
    language: 'fr',
    events: [
      {
        type: 'order_confirmed',
        orderIds: ['8661234567800001'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-fr-commande-confirmee@example.net>',
          language: 'fr',
          evidence: 'verified',
        },
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
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-fr-commande-expediee@example.net>',
          language: 'fr',
          evidence: 'verified',
        },
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
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-fr-commande-partiellement-expediee@example.net>',
          language: 'fr',
          evidence: 'verified',
        },
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
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-pt-pedido-confirmado@example.net>',
          language: 'pt',
          evidence: 'verified',
        },
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
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-ko-arrived-in-country@example.net>',
          language: 'ko',
          evidence: 'verified',
        },
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
    reason:
      'AliExpress mail about order 8661234567800006, but orderwatch cannot read its wording (a language or notice it does not know yet), so nothing was recorded; if it matters, record the event with a command',
    orderIds: ['8661234567800006'],
  },
  {
    // Handed to the carrier, not delivered to the buyer: a "delivered" here would silence the protection
    // warnings, so an unverified sentence like this must yield no event at all.
    file: 'es-paquete-entregado-al-transportista-not-delivered.eml',
    kind: 'unrecognized',
    language: 'es',
    reason:
      'AliExpress mail about order 1151234567800099, but orderwatch cannot read its wording (a language or notice it does not know yet), so nothing was recorded; if it matters, record the event with a command',
    orderIds: ['1151234567800099'],
  },
  {
    file: 'en-package-delivered-to-local-carrier-not-delivered.eml',
    kind: 'unrecognized',
    language: 'en',
    reason:
      'AliExpress mail about order 8123456780000999, but orderwatch cannot read its wording (a language or notice it does not know yet), so nothing was recorded; if it matters, record the event with a command',
    orderIds: ['8123456780000999'],
  },
  {
    file: 'ja-unknown-language-fallback-parcel-link.eml',
    kind: 'unrecognized',
    language: null,
    reason:
      'AliExpress mail about order 8661234567800007, but orderwatch cannot read its wording (a language or notice it does not know yet), so nothing was recorded; if it matters, record the event with a command',
    orderIds: ['8661234567800007'],
  },
  {
    // A full-width colon (U+FF1A) after the order number.
    file: 'ko-fullwidth-colon-subject.eml',
    kind: 'aliexpress',
    language: 'ko',
    events: [
      {
        type: 'in_transit',
        orderIds: ['8661234567800046'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-ko-fullwidth-colon-subject@example.net>',
          language: 'ko',
          evidence: 'verified',
        },
      },
    ],
  },
  {
    file: 'ko-waybill-number-delivered-best-effort.eml',
    kind: 'aliexpress',
    language: 'ko',
    events: [
      {
        type: 'delivered',
        orderIds: ['8661234567800070'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-ko-waybill-number-delivered-best-effort@example.net>',
          language: 'ko',
          evidence: 'unverified',
        },
        parcelId: '520012345678',
      },
    ],
  },
  // Marketing from the transaction sender, naming no order or parcel: ignored, not "couldn't read".
  {
    file: 'transaction-sender-marketing-no-order-ignored.eml',
    kind: 'ignored',
    language: null,
    reason:
      'an AliExpress mail that names no order or parcel (an advertisement or a general notice), not an order event',
  },
  {
    file: 'relay-deals-sender-bestellung-lokaler-boost-ignored.eml',
    kind: 'ignored',
    language: null,
    reason: 'AliExpress marketing, not an order event',
  },
  // Names an order whose meaning is unclear: stays unrecognized, with the order.
  {
    file: 'transaction-sender-unknown-wording-names-order-unrecognized.eml',
    kind: 'unrecognized',
    language: 'de',
    orderIds: ['3041234567800082'],
    reason:
      'AliExpress mail about order 3041234567800082, but orderwatch cannot read its wording (a language or notice it does not know yet), so nothing was recorded; if it matters, record the event with a command',
  },
];
