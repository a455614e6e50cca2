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
    // A text-only notice whose link kept `&amp;` from the HTML it was made from.
    file: 'en-parcel-text-only-link-amp-entity.eml',
    kind: 'aliexpress',
    language: 'en',
    events: [{ type: 'in_transit', orderIds: ['8101234567800047'], parcelId: 'LP00812345678947' }],
  },
  {
    // No order link, and the only long number is the courier's phone: no order is invented from it.
    file: 'en-parcel-courier-phone-not-order.eml',
    kind: 'unrecognized',
    language: 'en',
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
        placedAt: '2026-02-16T15:22',
        amount: { value: 12.34, currency: 'USD' },
      },
    ],
  },
  {
    // "tracking number provided by…": the word after the label is no parcel id.
    file: 'en-shipped-tracking-number-sentence-no-id.eml',
    kind: 'aliexpress',
    language: 'en',
    events: [{ type: 'shipped', orderIds: ['8101234567800050'] }],
    absent: ['parcelId'],
  },
];
