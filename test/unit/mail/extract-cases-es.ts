import type { FixtureCase } from './extract-case';

/** Spanish event fixtures: what each must read as. */
export const CASES_ES: readonly FixtureCase[] = [
  {
    file: 'es-pedido-confirmado.eml',
    kind: 'aliexpress',
    language: 'es',
    events: [
      {
        type: 'order_confirmed',
        orderIds: ['1151234567800001'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-es-pedido-confirmado@example.net>',
          language: 'es',
          evidence: 'verified',
        },
        placedAt: '2026-01-20T18:40',
        store: 'Tienda Ejemplo Oficial',
        items: ['Ejemplo auriculares inalámbricos con...'],
        amount: {
          value: 7.99,
          currency: 'EUR',
        },
      },
    ],
  },
  {
    file: 'es-pedido-enviado.eml',
    kind: 'aliexpress',
    language: 'es',
    events: [
      {
        type: 'shipped',
        orderIds: ['1151234567800003'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-es-pedido-enviado@example.net>',
          language: 'es',
          evidence: 'verified',
        },
        placedAt: '2026-01-20T18:40',
        store: 'Tienda Ejemplo Oficial',
        items: ['Ejemplo auriculares inalámbricos con...'],
        amount: {
          value: 7.99,
          currency: 'EUR',
        },
      },
    ],
  },
  {
    file: 'es-package-at-customs.eml',
    kind: 'aliexpress',
    language: 'es',
    events: [
      {
        type: 'in_transit',
        orderIds: ['1151234567800004'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-es-package-at-customs@example.net>',
          language: 'es',
          evidence: 'verified',
        },
        parcelId: 'LP00115123456789',
        items: ['Ejemplo funda de móvil...'],
      },
    ],
  },
  {
    file: 'es-paquete-ha-pasado-la-aduana-correos.eml',
    kind: 'aliexpress',
    language: 'es',
    events: [
      {
        type: 'in_transit',
        orderIds: ['1151234567800005'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-es-paquete-ha-pasado-la-aduana-correos@example.net>',
          language: 'es',
          evidence: 'verified',
        },
        parcelId: 'PH1A2B3C4D5E6F7G',
      },
    ],
  },
  {
    file: 'es-paquete-con-transportista-local-two-orders-o-ids.eml',
    kind: 'aliexpress',
    language: 'es',
    events: [
      {
        type: 'in_transit',
        orderIds: ['1151234567800006'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-es-paquete-con-transportista-local-two-orders-o-ids@example.net>',
          language: 'es',
          evidence: 'verified',
        },
        parcelId: 'AP00115123456790',
      },
      {
        type: 'in_transit',
        orderIds: ['1151234567800007'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-es-paquete-con-transportista-local-two-orders-o-ids@example.net>',
          language: 'es',
          evidence: 'verified',
        },
        parcelId: 'AP00115123456790',
      },
    ],
  },
  {
    file: 'es-paquete-entregado.eml',
    kind: 'aliexpress',
    language: 'es',
    events: [
      {
        type: 'delivered',
        orderIds: ['1151234567800008'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-es-paquete-entregado@example.net>',
          language: 'es',
          evidence: 'verified',
        },
        parcelId: 'LP00115123456791',
      },
    ],
  },
  {
    file: 'es-pendiente-de-confirmacion.eml',
    kind: 'aliexpress',
    language: 'es',
    events: [
      {
        type: 'awaiting_confirmation',
        orderIds: ['1151234567800009'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-es-pendiente-de-confirmacion@example.net>',
          language: 'es',
          evidence: 'verified',
        },
      },
    ],
  },
  {
    file: 'es-como-ha-ido-15-dias.eml',
    kind: 'aliexpress',
    language: 'es',
    events: [
      {
        type: 'delivery_confirmed',
        orderIds: ['1151234567800010'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-es-como-ha-ido-15-dias@example.net>',
          language: 'es',
          evidence: 'verified',
        },
        placedAt: '2026-01-20T18:40',
        store: 'Tienda Ejemplo Oficial',
        items: ['Ejemplo auriculares inalámbricos con...'],
        amount: {
          value: 7.99,
          currency: 'EUR',
        },
        disputeWindowDays: 15,
      },
    ],
  },
  {
    file: 'es-actualizacion-del-paquete-id-last.eml',
    kind: 'aliexpress',
    language: 'es',
    events: [
      {
        type: 'in_transit',
        orderIds: ['1151234567800071'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-es-actualizacion-del-paquete-id-last@example.net>',
          language: 'es',
          evidence: 'verified',
        },
        parcelId: 'AP00115123456800',
      },
    ],
  },
  {
    file: 'es-el-paquete-esta-en-el-centro-de-distribucion.eml',
    kind: 'aliexpress',
    language: 'es',
    events: [
      {
        type: 'in_transit',
        orderIds: ['1151234567800070'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-es-el-paquete-esta-en-el-centro-de-distribucion@example.net>',
          language: 'es',
          evidence: 'verified',
        },
        parcelId: '315100000000000123',
      },
    ],
  },
  {
    file: 'es-paquete-entregado-18-digits-no-colon.eml',
    kind: 'aliexpress',
    language: 'es',
    events: [
      {
        type: 'delivered',
        orderIds: ['1151234567800072'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-es-paquete-entregado-18-digits-no-colon@example.net>',
          language: 'es',
          evidence: 'verified',
        },
        parcelId: '315100000000000124',
      },
    ],
  },
  // One block per parcel, ids only in each block's link: each order gets its own parcel, never the other's.
  {
    file: 'es-tus-2-paquetes-multi-package-own-parcel-per-order.eml',
    kind: 'aliexpress',
    language: 'es',
    events: [
      {
        type: 'in_transit',
        orderIds: ['1151234567800080'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-es-tus-2-paquetes-multi-package-own-parcel-per-order@example.net>',
          language: 'es',
          evidence: 'verified',
        },
        parcelId: 'LP00115123456880',
      },
      {
        type: 'in_transit',
        orderIds: ['1151234567800081'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-es-tus-2-paquetes-multi-package-own-parcel-per-order@example.net>',
          language: 'es',
          evidence: 'verified',
        },
        parcelId: 'LP00115123456881',
      },
    ],
  },
  {
    file: 'es-generic-subject-block-status-en-transito-global.eml',
    kind: 'aliexpress',
    language: 'es',
    events: [
      {
        type: 'in_transit',
        orderIds: ['1151234567800098'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-es-generic-subject-block-status-en-transito-global@example.net>',
          language: 'es',
          evidence: 'verified',
        },
        parcelId: 'LP00115123456898',
      },
    ],
  },
  {
    file: 'es-generic-subject-block-status-ha-salido-de-la-central.eml',
    kind: 'aliexpress',
    language: 'es',
    events: [
      {
        type: 'in_transit',
        orderIds: ['1151234567800099'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-es-generic-subject-block-status-ha-salido-de-la-central@example.net>',
          language: 'es',
          evidence: 'verified',
        },
        parcelId: 'LP00115123456899',
      },
    ],
  },
];
