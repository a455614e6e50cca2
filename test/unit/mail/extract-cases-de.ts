import type { FixtureCase } from './extract-case';

/** German event fixtures: what each must read as. */
export const CASES_DE: readonly FixtureCase[] = [
  {
    file: 'de-bestellauftrag-bestaetigt.eml',
    kind: 'aliexpress',
    language: 'de',
    events: [
      {
        type: 'order_confirmed',
        orderIds: ['3041234567800001'],
        placedAt: '2026-03-02T09:05',
        store: 'Muster Elektronik Store',
        amount: {
          value: 5.49,
          currency: 'EUR',
        },
        items: ['Muster-Ladegerät 65 W GaN mit zwei...'],
      },
    ],
  },
  {
    file: 'de-order-confirmed-three-orders-glued-index.eml',
    kind: 'aliexpress',
    language: 'de',
    events: [
      {
        type: 'order_confirmed',
        orderIds: ['3041234567800002'],
        amount: {
          value: 1.99,
          currency: 'EUR',
        },
        items: ['Muster-Kabel USB-C auf...'],
      },
      {
        type: 'order_confirmed',
        orderIds: ['3041234567800003'],
        amount: {
          value: 3.98,
          currency: 'EUR',
        },
      },
      {
        type: 'order_confirmed',
        orderIds: ['3041234567800007'],
        amount: {
          value: 12,
          currency: 'EUR',
        },
      },
    ],
  },
  {
    file: 'de-versandfertig-zustellzeit.eml',
    kind: 'aliexpress',
    language: 'de',
    events: [
      {
        type: 'ready_to_ship',
        orderIds: ['3041234567800004'],
        estimatedDelivery: '2026-03-12',
      },
    ],
  },
  {
    file: 'de-wurde-versandt.eml',
    kind: 'aliexpress',
    language: 'de',
    events: [
      {
        type: 'shipped',
        orderIds: ['3041234567800005'],
        placedAt: '2026-03-02T09:05',
        store: 'Muster Elektronik Store',
        amount: {
          value: 5.49,
          currency: 'EUR',
        },
      },
    ],
  },
  {
    file: 'de-wird-zugestellt-is-shipped-not-delivered.eml',
    kind: 'aliexpress',
    language: 'de',
    events: [
      {
        type: 'shipped',
        orderIds: ['3041234567800006'],
        placedAt: '2026-03-02T09:05',
        store: 'Muster Elektronik Store',
        amount: {
          value: 5.49,
          currency: 'EUR',
        },
      },
    ],
  },
  {
    file: 'de-packstueck-beim-zoll.eml',
    kind: 'aliexpress',
    language: 'de',
    events: [
      {
        type: 'in_transit',
        orderIds: ['3041234567800007'],
        parcelId: 'LP00304123456789',
      },
    ],
  },
  {
    file: 'de-packstueck-mit-lokalem-kurier-hermes-two-orders.eml',
    kind: 'aliexpress',
    language: 'de',
    events: [
      {
        type: 'in_transit',
        orderIds: ['3041234567800008'],
        parcelId: 'H1004123456789012345',
      },
      {
        type: 'in_transit',
        orderIds: ['3041234567800009'],
        parcelId: 'H1004123456789012345',
      },
    ],
  },
  {
    file: 'de-paket-wurde-zugestellt.eml',
    kind: 'aliexpress',
    language: 'de',
    events: [
      {
        type: 'delivered',
        orderIds: ['3041234567800010'],
        parcelId: 'JJD0003041234567890',
      },
    ],
  },
  {
    file: 'de-auf-bestaetigung-wird-gewartet.eml',
    kind: 'aliexpress',
    language: 'de',
    events: [
      {
        type: 'awaiting_confirmation',
        orderIds: ['3041234567800011'],
      },
    ],
  },
  {
    file: 'de-wie-ist-es-gelaufen-15-tage.eml',
    kind: 'aliexpress',
    language: 'de',
    events: [
      {
        type: 'delivery_confirmed',
        orderIds: ['3041234567800012'],
        placedAt: '2026-03-02T09:05',
        store: 'Muster Elektronik Store',
        amount: {
          value: 5.49,
          currency: 'EUR',
        },
        disputeWindowDays: 15,
      },
    ],
  },
  {
    file: 'de-review-request-ignored.eml',
    kind: 'ignored',
    language: 'de',
  },
  {
    file: 'de-gutschein-ignored.eml',
    kind: 'ignored',
    language: 'de',
  },
  {
    // Named entities (&auml; &ouml; &euro; &hellip;) in an HTML-only body read like the characters.
    file: 'de-html-named-entities-dispute-window.eml',
    kind: 'aliexpress',
    language: 'de',
    events: [
      {
        type: 'delivery_confirmed',
        orderIds: ['3041234567800041'],
        placedAt: '2026-03-02T09:05',
        store: 'Muster Elektronik Store',
        amount: { value: 5.49, currency: 'EUR' },
        items: ['Muster-Ladegerät 65 W GaN mit zwei…'],
        disputeWindowDays: 15,
      },
    ],
  },
];
