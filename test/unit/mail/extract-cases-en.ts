import type { FixtureCase } from './extract-case';

/** English event fixtures: what each must read as. */
export const CASES_EN: readonly FixtureCase[] = [
  {
    file: 'en-order-confirmed.eml',
    kind: 'aliexpress',
    language: 'en',
    events: [
      {
        type: 'order_confirmed',
        orderIds: ['8101234567800001'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-en-order-confirmed@example.net>',
          language: 'en',
          evidence: 'verified',
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
    file: 'en-order-ready-to-ship-estimated-delivery.eml',
    kind: 'aliexpress',
    language: 'en',
    events: [
      {
        type: 'ready_to_ship',
        orderIds: ['8101234567800002'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-en-order-ready-to-ship-estimated-delivery@example.net>',
          language: 'en',
          evidence: 'verified',
        },
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
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-en-order-shipped@example.net>',
          language: 'en',
          evidence: 'verified',
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
    file: 'en-good-news-regarding-order-older-shipped.eml',
    kind: 'aliexpress',
    language: 'en',
    events: [
      {
        type: 'shipped',
        orderIds: ['8101234567800004'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-en-good-news-regarding-order-older-shipped@example.net>',
          language: 'en',
          evidence: 'verified',
        },
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
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-en-collected-by-the-carrier-multipart@example.net>',
          language: 'en',
          evidence: 'verified',
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
    file: 'en-package-left-departure-region-lp-link-only.eml',
    kind: 'aliexpress',
    language: 'en',
    events: [
      {
        type: 'in_transit',
        orderIds: ['8101234567800006'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-en-package-left-departure-region-lp-link-only@example.net>',
          language: 'en',
          evidence: 'verified',
        },
        parcelId: 'LP00812345678901',
        items: ['Sample desk lamp LED flat...'],
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
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-en-package-at-customs-o-ids-two-orders@example.net>',
          language: 'en',
          evidence: 'verified',
        },
        parcelId: 'AP00812345678902',
      },
      {
        type: 'in_transit',
        orderIds: ['8101234567800008'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-en-package-at-customs-o-ids-two-orders@example.net>',
          language: 'en',
          evidence: 'verified',
        },
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
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-en-package-cleared-customs@example.net>',
          language: 'en',
          evidence: 'verified',
        },
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
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-en-package-out-for-delivery-jjd@example.net>',
          language: 'en',
          evidence: 'verified',
        },
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
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-en-parcel-dhl-20-digit-three-orders@example.net>',
          language: 'en',
          evidence: 'verified',
        },
        parcelId: '00340434161234567890',
      },
      {
        type: 'in_transit',
        orderIds: ['8101234567800012'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-en-parcel-dhl-20-digit-three-orders@example.net>',
          language: 'en',
          evidence: 'verified',
        },
        parcelId: '00340434161234567890',
      },
      {
        type: 'in_transit',
        orderIds: ['8101234567800013'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-en-parcel-dhl-20-digit-three-orders@example.net>',
          language: 'en',
          evidence: 'verified',
        },
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
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-en-package-has-an-update-combined-two-orders@example.net>',
          language: 'en',
          evidence: 'verified',
        },
        parcelId: 'H1234567890123456789',
        placedAt: '2026-02-16T15:22',
        store: 'Sample Gadget Store',
        items: ['Sample USB-C cable braided 1m fast char...'],
        amount: {
          value: 12.34,
          currency: 'USD',
        },
      },
      {
        type: 'in_transit',
        orderIds: ['8101234567800015'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-en-package-has-an-update-combined-two-orders@example.net>',
          language: 'en',
          evidence: 'verified',
        },
        parcelId: 'H1234567890123456789',
        placedAt: '2026-02-16T15:22',
        store: 'Other Sample Shop',
        items: ['Sample USB-C cable braided 1m fast char...'],
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
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-en-package-delivered-upu@example.net>',
          language: 'en',
          evidence: 'verified',
        },
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
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-en-awaiting-confirmation@example.net>',
          language: 'en',
          evidence: 'verified',
        },
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
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-en-delivery-confirmed-15-days@example.net>',
          language: 'en',
          evidence: 'verified',
        },
        placedAt: '2026-02-16T15:22',
        store: 'Sample Gadget Store',
        items: ['Sample USB-C cable braided 1m fast char...'],
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
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-en-order-closed@example.net>',
          language: 'en',
          evidence: 'verified',
        },
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
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-en-invalid-estimated-date@example.net>',
          language: 'en',
          evidence: 'verified',
        },
      },
    ],
  },
  {
    file: 'en-sub-order-link-and-item-link-not-orders.eml',
    kind: 'aliexpress',
    language: 'en',
    events: [
      {
        type: 'shipped',
        orderIds: ['8101234567800030'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-en-sub-order-link-and-item-link-not-orders@example.net>',
          language: 'en',
          evidence: 'verified',
        },
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
        occurredAt: '2026-02-17T10:00:00.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-en-no-date-header@example.net>',
          language: 'en',
          evidence: 'verified',
        },
      },
    ],
  },
  {
    file: 'en-parcel-without-order-links-unrecognized.eml',
    kind: 'unrecognized',
    language: 'en',
    reason: 'AliExpress mail, but it reads as "in_transit" yet names no order number',
    orderIds: [],
  },
  {
    file: 'en-delayed-delivery-coupon-ignored.eml',
    kind: 'ignored',
    language: 'en',
    reason: 'a delay coupon, not an order event',
  },
  {
    file: 'en-review-request-ignored.eml',
    kind: 'ignored',
    language: 'en',
    reason: 'a review request, not an order event',
  },
  {
    // A text-only notice whose link kept `&amp;` from the HTML it was made from.
    file: 'en-parcel-text-only-link-amp-entity.eml',
    kind: 'aliexpress',
    language: 'en',
    events: [
      {
        type: 'in_transit',
        orderIds: ['8101234567800047'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-en-parcel-text-only-link-amp-entity@example.net>',
          language: 'en',
          evidence: 'verified',
        },
        parcelId: 'LP00812345678947',
      },
    ],
  },
  {
    // No order link, and the only long number is the courier's phone: no order is invented from it.
    file: 'en-parcel-courier-phone-not-order.eml',
    kind: 'unrecognized',
    language: 'en',
    reason: 'AliExpress mail, but it reads as "in_transit" yet names no order number',
    orderIds: [],
  },
  {
    // "Total" inside "Subtotal" is not the order total.
    file: 'en-order-confirmed-subtotal-is-not-total.eml',
    kind: 'aliexpress',
    language: 'en',
    events: [
      {
        type: 'order_confirmed',
        orderIds: ['8101234567800049'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-en-order-confirmed-subtotal-is-not-total@example.net>',
          language: 'en',
          evidence: 'verified',
        },
        placedAt: '2026-02-16T15:22',
        store: 'Sample Gadget Store',
        items: ['Sample desk lamp with clamp, warm whi...'],
        amount: {
          value: 12.34,
          currency: 'USD',
        },
      },
    ],
  },
  {
    // "tracking number provided by…": the word after the label is no parcel id.
    file: 'en-shipped-tracking-number-sentence-no-id.eml',
    kind: 'aliexpress',
    language: 'en',
    events: [
      {
        type: 'shipped',
        orderIds: ['8101234567800050'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-en-shipped-tracking-number-sentence-no-id@example.net>',
          language: 'en',
          evidence: 'verified',
        },
      },
    ],
  },
  {
    file: 'en-generic-subject-body-15-days-to-open-a-dispute.eml',
    kind: 'aliexpress',
    language: 'en',
    events: [
      {
        type: 'delivery_confirmed',
        orderIds: ['8101234567800075'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-en-generic-subject-body-15-days-to-open-a-dispute@example.net>',
          language: 'en',
          evidence: 'verified',
        },
        disputeWindowDays: 15,
      },
    ],
  },
  {
    file: 'en-generic-subject-body-collected-by-local-carrier.eml',
    kind: 'aliexpress',
    language: 'en',
    events: [
      {
        type: 'in_transit',
        orderIds: ['8101234567800072'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-en-generic-subject-body-collected-by-local-carrier@example.net>',
          language: 'en',
          evidence: 'verified',
        },
        parcelId: 'HM0000010001234567',
      },
    ],
  },
  {
    file: 'en-generic-subject-body-order-has-shipped.eml',
    kind: 'aliexpress',
    language: 'en',
    events: [
      {
        type: 'shipped',
        orderIds: ['8101234567800073'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-en-generic-subject-body-order-has-shipped@example.net>',
          language: 'en',
          evidence: 'verified',
        },
      },
    ],
  },
  {
    file: 'en-generic-subject-body-successfully-delivered.eml',
    kind: 'aliexpress',
    language: 'en',
    events: [
      {
        type: 'delivered',
        orderIds: ['8101234567800071'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-en-generic-subject-body-successfully-delivered@example.net>',
          language: 'en',
          evidence: 'verified',
        },
        parcelId: 'JY12ABC0D000123456',
      },
    ],
  },
  {
    file: 'en-package-collected-by-the-carrier-package-level.eml',
    kind: 'aliexpress',
    language: 'en',
    events: [
      {
        type: 'in_transit',
        orderIds: ['8101234567800070'],
        occurredAt: '2026-02-16T15:22:10.000Z',
        source: {
          kind: 'mail',
          messageId: '<fixture-en-package-collected-by-the-carrier-package-level@example.net>',
          language: 'en',
          evidence: 'verified',
        },
        parcelId: 'BR123456789MG',
      },
    ],
  },
];
