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
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-de-bestellauftrag-bestaetigt@example.net>',
          language: 'de',
          evidence: 'verified',
        },
        placedAt: '2026-03-02T09:05',
        store: 'Muster Elektronik Store',
        items: ['Muster-Ladegerät 65 W GaN mit zwei...'],
        amount: {
          value: 5.49,
          currency: 'EUR',
        },
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
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-de-order-confirmed-three-orders-glued-index@example.net>',
          language: 'de',
          evidence: 'verified',
        },
        items: ['Muster-Kabel USB-C auf...'],
        amount: {
          value: 1.99,
          currency: 'EUR',
        },
      },
      {
        type: 'order_confirmed',
        orderIds: ['3041234567800003'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-de-order-confirmed-three-orders-glued-index@example.net>',
          language: 'de',
          evidence: 'verified',
        },
        items: ['Muster-Sensor für Temp...'],
        amount: {
          value: 3.98,
          currency: 'EUR',
        },
      },
      {
        type: 'order_confirmed',
        orderIds: ['3041234567800007'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-de-order-confirmed-three-orders-glued-index@example.net>',
          language: 'de',
          evidence: 'verified',
        },
        items: ['Muster-Halterung Wand...'],
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
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-de-versandfertig-zustellzeit@example.net>',
          language: 'de',
          evidence: 'verified',
        },
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
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-de-wurde-versandt@example.net>',
          language: 'de',
          evidence: 'verified',
        },
        placedAt: '2026-03-02T09:05',
        store: 'Muster Elektronik Store',
        items: ['Muster-Ladegerät 65 W GaN mit zwei...'],
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
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-de-wird-zugestellt-is-shipped-not-delivered@example.net>',
          language: 'de',
          evidence: 'verified',
        },
        placedAt: '2026-03-02T09:05',
        store: 'Muster Elektronik Store',
        items: ['Muster-Ladegerät 65 W GaN mit zwei...'],
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
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-de-packstueck-beim-zoll@example.net>',
          language: 'de',
          evidence: 'verified',
        },
        parcelId: 'LP00304123456789',
        items: ['Muster-Ersatzteil Set für...'],
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
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-de-packstueck-mit-lokalem-kurier-hermes-two-orders@example.net>',
          language: 'de',
          evidence: 'verified',
        },
        parcelId: 'H1004123456789012345',
      },
      {
        type: 'in_transit',
        orderIds: ['3041234567800009'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-de-packstueck-mit-lokalem-kurier-hermes-two-orders@example.net>',
          language: 'de',
          evidence: 'verified',
        },
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
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-de-paket-wurde-zugestellt@example.net>',
          language: 'de',
          evidence: 'verified',
        },
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
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-de-auf-bestaetigung-wird-gewartet@example.net>',
          language: 'de',
          evidence: 'verified',
        },
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
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-de-wie-ist-es-gelaufen-15-tage@example.net>',
          language: 'de',
          evidence: 'verified',
        },
        placedAt: '2026-03-02T09:05',
        store: 'Muster Elektronik Store',
        items: ['Muster-Ladegerät 65 W GaN mit zwei...'],
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
    reason: 'a review request, not an order event',
  },
  {
    file: 'de-gutschein-ignored.eml',
    kind: 'ignored',
    language: 'de',
    reason: 'a coupon offer, not an order event',
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
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-de-html-named-entities-dispute-window@example.net>',
          language: 'de',
          evidence: 'verified',
        },
        placedAt: '2026-03-02T09:05',
        store: 'Muster Elektronik Store',
        items: ['Muster-Ladegerät 65 W GaN mit zwei…'],
        amount: {
          value: 5.49,
          currency: 'EUR',
        },
        disputeWindowDays: 15,
      },
    ],
  },
  {
    file: 'de-bestellung-vom-kurier-abgeholt-order-level.eml',
    kind: 'aliexpress',
    language: 'de',
    events: [
      {
        type: 'shipped',
        orderIds: ['3041234567800070'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-de-bestellung-vom-kurier-abgeholt-order-level@example.net>',
          language: 'de',
          evidence: 'verified',
        },
      },
    ],
  },
  {
    file: 'de-generic-subject-body-lieferaktualisierung.eml',
    kind: 'aliexpress',
    language: 'de',
    events: [
      {
        type: 'in_transit',
        orderIds: ['3041234567800073'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-de-generic-subject-body-lieferaktualisierung@example.net>',
          language: 'de',
          evidence: 'verified',
        },
        parcelId: 'LR123456799DE',
      },
    ],
  },
  {
    file: 'de-generic-subject-body-versandunternehmen-uebergeben.eml',
    kind: 'aliexpress',
    language: 'de',
    events: [
      {
        type: 'shipped',
        orderIds: ['3041234567800072'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-de-generic-subject-body-versandunternehmen-uebergeben@example.net>',
          language: 'de',
          evidence: 'verified',
        },
      },
    ],
  },
  {
    file: 'de-gmail-forward-generic-subject-15-tage-streitigkeit.eml',
    forwarded: true,
    kind: 'aliexpress',
    language: 'de',
    events: [
      {
        type: 'delivery_confirmed',
        orderIds: ['3041234567800074'],
        occurredAt: '2026-02-16T16:22:00+01:00',
        source: {
          kind: 'mail',
          messageId: '<fixture-de-gmail-forward-generic-subject-15-tage-streitigkeit@example.net>',
          language: 'de',
          evidence: 'verified',
        },
        disputeWindowDays: 15,
      },
    ],
  },
  {
    file: 'de-packstueck-hat-eine-aktualisierung-order-in-link.eml',
    kind: 'aliexpress',
    language: 'de',
    events: [
      {
        type: 'in_transit',
        orderIds: ['3041234567800071'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-de-packstueck-hat-eine-aktualisierung-order-in-link@example.net>',
          language: 'de',
          evidence: 'verified',
        },
        parcelId: 'LR123456785DE',
      },
    ],
  },
  {
    file: 'de-generic-subject-body-abflugort-verlassen.eml',
    kind: 'aliexpress',
    language: 'de',
    events: [
      {
        type: 'in_transit',
        orderIds: ['3041234567800094'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-de-generic-subject-body-abflugort-verlassen@example.net>',
          language: 'de',
          evidence: 'verified',
        },
        parcelId: '00340123456789012394',
      },
    ],
  },
  {
    file: 'de-generic-subject-body-die-bestellung-wurde-versandt.eml',
    kind: 'aliexpress',
    language: 'de',
    events: [
      {
        type: 'shipped',
        orderIds: ['3041234567800090'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-de-generic-subject-body-die-bestellung-wurde-versandt@example.net>',
          language: 'de',
          evidence: 'verified',
        },
      },
    ],
  },
  {
    file: 'de-generic-subject-body-ist-jetzt-auf-dem-weg.eml',
    kind: 'aliexpress',
    language: 'de',
    events: [
      {
        type: 'in_transit',
        orderIds: ['3041234567800091'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-de-generic-subject-body-ist-jetzt-auf-dem-weg@example.net>',
          language: 'de',
          evidence: 'verified',
        },
      },
    ],
  },
  {
    file: 'de-generic-subject-body-kombinierte-lieferung.eml',
    kind: 'aliexpress',
    language: 'de',
    events: [
      {
        type: 'in_transit',
        orderIds: ['3041234567800093'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-de-generic-subject-body-kombinierte-lieferung@example.net>',
          language: 'de',
          evidence: 'verified',
        },
      },
    ],
  },
  {
    file: 'de-generic-subject-body-packstueck-mit-bestellung-abgeholt.eml',
    kind: 'aliexpress',
    language: 'de',
    events: [
      {
        type: 'shipped',
        orderIds: ['3041234567800097'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-de-generic-subject-body-packstueck-mit-bestellung-abgeholt@example.net>',
          language: 'de',
          evidence: 'verified',
        },
      },
    ],
  },
  {
    file: 'de-generic-subject-body-paket-in-ihrem-land-angekommen.eml',
    kind: 'aliexpress',
    language: 'de',
    events: [
      {
        type: 'in_transit',
        orderIds: ['3041234567800092'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-de-generic-subject-body-paket-in-ihrem-land-angekommen@example.net>',
          language: 'de',
          evidence: 'verified',
        },
        parcelId: 'H1234567890123456792',
      },
    ],
  },
  {
    file: 'de-generic-subject-body-paket-vom-versandpartner-abgeholt.eml',
    kind: 'aliexpress',
    language: 'de',
    events: [
      {
        type: 'in_transit',
        orderIds: ['3041234567800096'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-de-generic-subject-body-paket-vom-versandpartner-abgeholt@example.net>',
          language: 'de',
          evidence: 'verified',
        },
        parcelId: 'AP00304123456896',
      },
    ],
  },
  {
    file: 'de-generic-subject-body-zollabfertigung-abgeschlossen.eml',
    kind: 'aliexpress',
    language: 'de',
    events: [
      {
        type: 'in_transit',
        orderIds: ['3041234567800095'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-de-generic-subject-body-zollabfertigung-abgeschlossen@example.net>',
          language: 'de',
          evidence: 'verified',
        },
        parcelId: '00340123456789012395',
      },
    ],
  },
];
