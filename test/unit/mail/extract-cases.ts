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

export const CASES: readonly FixtureCase[] = [
  {
    file: 'en-order-confirmed.eml',
    kind: 'aliexpress',
    language: 'en',
    events: [
      {
        type: 'order_confirmed',
        orderIds: ['8101234567800001'],
        placedAt: '2026-02-16T15:22',
        store: 'Sample Gadget Store',
        amount: {
          value: 12.34,
          currency: 'USD',
        },
        items: ['Sample USB-C cable braided 1m fast char...'],
      },
    ],
  },
  {
    file: 'en-order-ready-to-ship-estimated-delivery.eml',
    kind: 'aliexpress',
    language: 'en',
    events: [
      {
        type: 'ready_to_ship',
        orderIds: ['8101234567800002'],
        estimatedDelivery: '2026-03-05',
      },
    ],
  },
  {
    file: 'en-order-shipped.eml',
    kind: 'aliexpress',
    language: 'en',
    events: [
      {
        type: 'shipped',
        orderIds: ['8101234567800003'],
        placedAt: '2026-02-16T15:22',
        store: 'Sample Gadget Store',
        amount: {
          value: 12.34,
          currency: 'USD',
        },
      },
    ],
  },
  {
    file: 'en-good-news-regarding-order-older-shipped.eml',
    kind: 'aliexpress',
    language: 'en',
    events: [
      {
        type: 'shipped',
        orderIds: ['8101234567800004'],
      },
    ],
  },
  {
    file: 'en-collected-by-the-carrier-multipart.eml',
    kind: 'aliexpress',
    language: 'en',
    events: [
      {
        type: 'shipped',
        orderIds: ['8101234567800005'],
        placedAt: '2026-02-16T15:22',
        store: 'Sample Gadget Store',
        amount: {
          value: 12.34,
          currency: 'USD',
        },
      },
    ],
  },
  {
    file: 'en-package-left-departure-region-lp-link-only.eml',
    kind: 'aliexpress',
    language: 'en',
    events: [
      {
        type: 'in_transit',
        orderIds: ['8101234567800006'],
        parcelId: 'LP00812345678901',
      },
    ],
  },
  {
    file: 'en-package-at-customs-o-ids-two-orders.eml',
    kind: 'aliexpress',
    language: 'en',
    events: [
      {
        type: 'in_transit',
        orderIds: ['8101234567800007'],
        parcelId: 'AP00812345678902',
      },
      {
        type: 'in_transit',
        orderIds: ['8101234567800008'],
        parcelId: 'AP00812345678902',
      },
    ],
  },
  {
    file: 'en-package-cleared-customs.eml',
    kind: 'aliexpress',
    language: 'en',
    events: [
      {
        type: 'in_transit',
        orderIds: ['8101234567800009'],
        parcelId: 'LP00812345678903',
      },
    ],
  },
  {
    file: 'en-package-out-for-delivery-jjd.eml',
    kind: 'aliexpress',
    language: 'en',
    events: [
      {
        type: 'in_transit',
        orderIds: ['8101234567800010'],
        parcelId: 'JJD0001234567891234',
        estimatedDelivery: '2026-02-18',
      },
    ],
  },
  {
    file: 'en-parcel-dhl-20-digit-three-orders.eml',
    kind: 'aliexpress',
    language: 'en',
    events: [
      {
        type: 'in_transit',
        orderIds: ['8101234567800011'],
        parcelId: '00340434161234567890',
      },
      {
        type: 'in_transit',
        orderIds: ['8101234567800012'],
        parcelId: '00340434161234567890',
      },
      {
        type: 'in_transit',
        orderIds: ['8101234567800013'],
        parcelId: '00340434161234567890',
      },
    ],
  },
  {
    file: 'en-package-has-an-update-combined-two-orders.eml',
    kind: 'aliexpress',
    language: 'en',
    events: [
      {
        type: 'in_transit',
        orderIds: ['8101234567800014'],
        parcelId: 'H1234567890123456789',
        placedAt: '2026-02-16T15:22',
        store: 'Sample Gadget Store',
        amount: {
          value: 12.34,
          currency: 'USD',
        },
      },
      {
        type: 'in_transit',
        orderIds: ['8101234567800015'],
        parcelId: 'H1234567890123456789',
        placedAt: '2026-02-16T15:22',
        store: 'Other Sample Shop',
        amount: {
          value: 12.34,
          currency: 'USD',
        },
      },
    ],
  },
  {
    file: 'en-package-delivered-upu.eml',
    kind: 'aliexpress',
    language: 'en',
    events: [
      {
        type: 'delivered',
        orderIds: ['8101234567800016'],
        parcelId: 'LR123456785NL',
      },
    ],
  },
  {
    file: 'en-awaiting-confirmation.eml',
    kind: 'aliexpress',
    language: 'en',
    events: [
      {
        type: 'awaiting_confirmation',
        orderIds: ['8101234567800017'],
      },
    ],
  },
  {
    file: 'en-delivery-confirmed-15-days.eml',
    kind: 'aliexpress',
    language: 'en',
    events: [
      {
        type: 'delivery_confirmed',
        orderIds: ['8101234567800018'],
        placedAt: '2026-02-16T15:22',
        store: 'Sample Gadget Store',
        amount: {
          value: 12.34,
          currency: 'USD',
        },
        disputeWindowDays: 15,
      },
    ],
  },
  {
    file: 'en-order-closed.eml',
    kind: 'aliexpress',
    language: 'en',
    events: [
      {
        type: 'order_closed',
        orderIds: ['8101234567800019'],
      },
    ],
  },
  {
    file: 'en-payment-confirmed-best-effort.eml',
    kind: 'aliexpress',
    language: 'en',
    events: [
      {
        type: 'payment_confirmed',
        orderIds: ['8101234567800020'],
        placedAt: '2026-02-16T15:22',
        store: 'Sample Gadget Store',
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
        paymentMethod: 'card',
        amount: {
          value: 12.34,
          currency: 'USD',
        },
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
      },
      {
        type: 'protection_stated',
        orderIds: ['8101234567800028'],
        protectionEndsAt: '2026-03-15',
      },
    ],
  },
  {
    file: 'en-invalid-estimated-date.eml',
    kind: 'aliexpress',
    language: 'en',
    events: [
      {
        type: 'ready_to_ship',
        orderIds: ['8101234567800029'],
      },
    ],
    absent: ['estimatedDelivery'],
  },
  {
    file: 'en-sub-order-link-and-item-link-not-orders.eml',
    kind: 'aliexpress',
    language: 'en',
    events: [
      {
        type: 'shipped',
        orderIds: ['8101234567800030'],
        items: ['Sample kitchen scale digital...'],
      },
    ],
  },
  {
    file: 'en-no-date-header.eml',
    kind: 'aliexpress',
    language: 'en',
    events: [
      {
        type: 'shipped',
        orderIds: ['8101234567800031'],
      },
    ],
  },
  {
    file: 'en-parcel-without-order-links-unrecognized.eml',
    kind: 'unrecognized',
    language: 'en',
    orderIds: [],
  },
  {
    file: 'en-delayed-delivery-coupon-ignored.eml',
    kind: 'ignored',
    language: 'en',
  },
  {
    file: 'en-review-request-ignored.eml',
    kind: 'ignored',
    language: 'en',
  },
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
    file: 'es-pedido-confirmado.eml',
    kind: 'aliexpress',
    language: 'es',
    events: [
      {
        type: 'order_confirmed',
        orderIds: ['1151234567800001'],
        placedAt: '2026-01-20T18:40',
        store: 'Tienda Ejemplo Oficial',
        amount: {
          value: 7.99,
          currency: 'EUR',
        },
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
    file: 'es-pedido-enviado.eml',
    kind: 'aliexpress',
    language: 'es',
    events: [
      {
        type: 'shipped',
        orderIds: ['1151234567800003'],
        placedAt: '2026-01-20T18:40',
        store: 'Tienda Ejemplo Oficial',
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
        parcelId: 'LP00115123456789',
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
        parcelId: 'AP00115123456790',
      },
      {
        type: 'in_transit',
        orderIds: ['1151234567800007'],
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
        placedAt: '2026-01-20T18:40',
        store: 'Tienda Ejemplo Oficial',
        amount: {
          value: 7.99,
          currency: 'EUR',
        },
        disputeWindowDays: 15,
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
    file: 'ja-unknown-language-fallback-parcel-link.eml',
    kind: 'unrecognized',
    language: null,
    orderIds: ['8661234567800007'],
  },
];
