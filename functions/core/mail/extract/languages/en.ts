import type { LanguageTable } from './types';

/**
 * English. Verified subjects come from MAIL-FACTS ("seen"/"reported"). Every dispute, refund, payment,
 * cancellation and protection wording below is UNVERIFIED: no public sample of those mails exists, so
 * the patterns are plausible guesses kept deliberately narrow (they need the dispute/refund noun).
 *
 * Sources named per rule: "MAIL-FACTS seen" (../shared/docs/MAIL-FACTS.md beside the repository), or
 * the public repository and path where the wording was found.
 */
export const en: LanguageTable = {
  code: 'en',
  subjects: [
    { type: 'order_confirmed', pattern: 'Order {n} ?: order confirmed', evidence: 'verified' },
    {
      type: 'order_confirmed',
      pattern: '{count} orders (?:have been |were )?confirmed',
      evidence: 'unverified',
    },
    { type: 'ready_to_ship', pattern: 'Order {n} ?: ready to ship', evidence: 'verified' },
    { type: 'shipped', pattern: 'Order {n} ?: order shipped', evidence: 'verified' },
    { type: 'shipped', pattern: 'Good news regarding (?:your )?order {n}', evidence: 'verified' },
    { type: 'shipped', pattern: 'Order {n} ?: collected by the carrier', evidence: 'verified' },
    { type: 'shipped', pattern: 'Order {n} ?: (?:order )?partially shipped', evidence: 'unverified' },
    { type: 'in_transit', pattern: 'Package {p} ?: left the departure region', evidence: 'verified' },
    { type: 'in_transit', pattern: 'Package {p} ?: in local transit', evidence: 'verified' },
    { type: 'in_transit', pattern: 'Package {p} has an update', evidence: 'verified' },
    { type: 'in_transit', pattern: 'Package {p} ?: at customs', evidence: 'verified' },
    { type: 'in_transit', pattern: 'Package {p} has cleared customs', evidence: 'verified' },
    { type: 'in_transit', pattern: 'Package {p} ?: in your country ?/ ?region', evidence: 'verified' },
    { type: 'in_transit', pattern: 'Package {p} ?: with local carrier', evidence: 'verified' },
    { type: 'in_transit', pattern: 'Package {p} is out for delivery', evidence: 'verified' },
    {
      type: 'in_transit',
      pattern: 'Package {p} ?: at (?:the )?delivery cent(?:er|re)',
      evidence: 'verified',
    },
    // Package-level pickup, as German "Packstück ID: Vom Kurier abgeholt" (in transit, unlike the order-level
    // "Order N: collected by the carrier"): michaelmichaeli/mailtrack apps/api/src/lib/carrier-detect.ts.
    { type: 'in_transit', pattern: 'Package {p} ?: collected by the carrier', evidence: 'verified' },
    { type: 'in_transit', pattern: 'Package {p} ?: picked up by (?:the )?courier', evidence: 'unverified' },
    // Multi-package update: only the fragment "have delivery updates" is reported (mailtrack
    // email-parser.service.ts); the Spanish subject is seen, the English one never was.
    {
      type: 'in_transit',
      pattern: 'Your {count} packages have delivery updates',
      evidence: 'unverified',
    },
    { type: 'in_transit', pattern: 'Order {n} ?: (?:package )?in transit', evidence: 'unverified' },
    {
      type: 'in_transit',
      pattern: 'Order {n} ?: arrived in your country ?/ ?region',
      evidence: 'unverified',
    },
    {
      type: 'in_transit',
      pattern: 'Order {n} ?: (?:new delivery status|delivery update)',
      evidence: 'unverified',
    },
    {
      type: 'delivered',
      pattern:
        'Package {p} has been delivered(?! to (?:the |a |your )?(?:local )?(?:carrier|courier|logistics))',
      evidence: 'verified',
    },
    { type: 'delivered', pattern: 'Order {n} ?: (?:package |order )?delivered', evidence: 'unverified' },
    { type: 'awaiting_confirmation', pattern: 'Order {n} ?: awaiting confirmation', evidence: 'verified' },
    { type: 'delivery_confirmed', pattern: 'Order {n} ?: how did it go', evidence: 'verified' },
    { type: 'order_closed', pattern: 'Your order {n} is closed', evidence: 'verified' },
    {
      type: 'payment_confirmed',
      pattern: 'Order {n} ?: payment (?:confirmed|received|successful)',
      evidence: 'unverified',
    },
    { type: 'order_cancelled', pattern: 'Order {n} ?: (?:order )?cancell?ed', evidence: 'unverified' },
    {
      type: 'order_cancelled',
      pattern: 'Your order {n} (?:has been|was) cancell?ed',
      evidence: 'unverified',
    },
    {
      type: 'seller_responded',
      pattern: 'Order {n} ?: (?:the )?seller (?:has )?(?:responded|replied) to (?:your|the) dispute',
      evidence: 'unverified',
    },
    { type: 'dispute_escalated', pattern: 'Order {n} ?: dispute escalated', evidence: 'unverified' },
    {
      type: 'dispute_closed',
      pattern: 'Order {n} ?: dispute (?:closed|resolved|finished)',
      evidence: 'unverified',
    },
    { type: 'dispute_opened', pattern: 'Order {n} ?: dispute opened', evidence: 'unverified' },
    {
      type: 'dispute_opened',
      pattern: '(?:You(?:.ve| have) opened a dispute|Dispute opened) for order {n}',
      evidence: 'unverified',
    },
    {
      type: 'refund_issued',
      pattern: 'Order {n} ?: refund (?:issued|processed|approved|initiated)',
      evidence: 'unverified',
    },
    { type: 'refund_issued', pattern: 'Refund (?:issued|processed) for order {n}', evidence: 'unverified' },
    {
      type: 'protection_extended',
      pattern: 'Order {n} ?: (?:buyer |purchase )?protection (?:period |time )?extended',
      evidence: 'unverified',
    },
  ],
  ignoreSubjects: [
    { pattern: 'delayed delivery coupon', reason: 'a delay coupon, not an order event' },
    { pattern: 'coupon', reason: 'a coupon offer, not an order event' },
    {
      pattern: 'Order {n} ?: how was your (?:shopping )?experience',
      reason: 'a review request, not an order event',
    },
    {
      pattern: '(?:leave|write) a review|rate your (?:order|purchase)',
      reason: 'a review request, not an order event',
    },
    { pattern: 'survey|questionnaire|tell us what you think', reason: 'a survey, not an order event' },
    { pattern: 'verification code|security code|log ?in code', reason: 'a login code, not an order event' },
  ],
  // Read only when no subject rule matched (a generic or reworded subject): the first sentence of a notice
  // names the order or parcel and says what happened.
  bodies: [
    // MAIL-FACTS seen ("Delivery confirmed"): opens the 15-day dispute window.
    {
      type: 'delivery_confirmed',
      pattern: "We've confirmed the delivery of your order",
      evidence: 'verified',
    },
    // MAIL-FACTS seen ("Awaiting confirmation").
    { type: 'awaiting_confirmation', pattern: 'will soon be marked as completed', evidence: 'verified' },
    // The window sentence alone still means the delivery was confirmed (MAIL-FACTS seen, same mail):
    // missing it silently loses the buyer's dispute window.
    { type: 'delivery_confirmed', pattern: 'you have {days} days to open a dispute', evidence: 'verified' },
    { type: 'order_closed', pattern: 'Your order {n} has been closed', evidence: 'verified' },
    // moralmunky/Home-Assistant-Mail-And-Packages tests/test_emails/aliexpress_delivered.eml,
    // aliexpress_with_local_carrier.eml, aliexpress_order_shipped.eml (bodies of real 2026 mails,
    // reconstructed by that project).
    { type: 'delivered', pattern: 'Your package {p} has been successfully delivered', evidence: 'verified' },
    {
      type: 'in_transit',
      pattern: 'Your package {p} has been collected by the local carrier',
      evidence: 'verified',
    },
    { type: 'shipped', pattern: 'Your order {n} has shipped', evidence: 'verified' },
    // A 2019 template pasted into a demo app (talah221/Appsus apps/Mail/services/misterEmail-service.js):
    // the only payment wording found anywhere, too old and second-hand to verify.
    {
      type: 'payment_confirmed',
      pattern: 'The payment for order {n} has been confirmed',
      evidence: 'unverified',
    },
    { type: 'protection_stated', pattern: 'Refund if no delivery before {date}', evidence: 'unverified' },
    {
      type: 'protection_stated',
      pattern: 'Purchase protection[^.]{0,40}? until {date}',
      evidence: 'unverified',
    },
  ],
  ignoreBodies: [
    { pattern: 'write a review|leave a review', reason: 'a review request, not an order event' },
  ],
  orderWords: ['Order', 'order', 'Order No\\.', 'Order number'],
  packageWords: ['Package', 'Parcel'],
  labels: {
    orderNumber: ['Order (?:No\\.|number|ID) ?:?'],
    placedOn: ['Placed on', 'Order date ?:?'],
    estimatedDelivery: ['Estimated delivery(?: date| time)? ?:?'],
    orderTotal: ['Order total ?:?', 'Total ?:?'],
    refundAmount: ['Refund amount ?:?', 'refund of'],
    trackingNumber: ['tracking number (?:is )?:?'],
  },
  phrases: {
    disputeWindow: ['you have {days} days to open a dispute'],
    protectionEnds: ['Refund if no delivery before {date}', 'Purchase protection[^.]{0,40}? until {date}'],
    protectionExtendedTo: ['(?:extended|protection)[^.]{0,40}? (?:to|until) {date}'],
    protectionExtendedBy: ['extended (?:it )?by {days} days'],
    outcomes: [
      { outcome: 'partial', pattern: 'partial refund' },
      { outcome: 'won', pattern: 'in your favou?r|full refund' },
      { outcome: 'lost', pattern: 'in favou?r of the seller|without (?:a )?refund|(?:was|been) rejected' },
    ],
    paymentMethods: [
      { method: 'card', pattern: '(?:credit|debit|bank) card|your card|Visa|Mastercard' },
      { method: 'alipay', pattern: 'Alipay' },
      { method: 'other', pattern: 'PayPal|AliExpress balance|wallet' },
    ],
  },
  markers: ['\\bthe\\b', '\\byour\\b', '\\bHi\\b'],
};
