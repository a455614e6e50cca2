import type { LanguageTable } from './types';

/**
 * French. "Commande N : commande confirmée / expédiée / partiellement expédiée" are reported (French
 * puts a space before the colon). Everything else is UNVERIFIED. The wording research (2026) found no
 * French parcel update, local-carrier, delivery-centre or delivered mail, nor any French body sentence,
 * so `bodies` stays empty rather than invented.
 */
export const fr: LanguageTable = {
  code: 'fr',
  subjects: [
    { type: 'order_confirmed', pattern: 'Commande {n} ?: commande confirmée', evidence: 'verified' },
    {
      type: 'shipped',
      pattern: 'Commande {n} ?: commande (?:partiellement )?expédiée',
      evidence: 'verified',
    },
    { type: 'ready_to_ship', pattern: 'Commande {n} ?: prête à être expédiée', evidence: 'unverified' },
    {
      type: 'in_transit',
      pattern: 'Colis {p} ?: (?:dans votre pays ?/ ?région|en douane|en transit)',
      evidence: 'unverified',
    },
    {
      type: 'in_transit',
      pattern: 'Commande {n} ?: arrivée? dans votre pays ?/ ?région',
      evidence: 'unverified',
    },
    {
      type: 'delivered',
      pattern: 'Colis {p} (?:a été )?livré(?! (?:au|à) (?:transporteur|la société))',
      evidence: 'unverified',
    },
    {
      type: 'awaiting_confirmation',
      pattern: 'Commande {n} ?: en attente de confirmation',
      evidence: 'unverified',
    },
    { type: 'delivery_confirmed', pattern: "Commande {n} ?: comment ça s'est passé", evidence: 'unverified' },
    { type: 'order_cancelled', pattern: 'Commande {n} ?: commande annulée', evidence: 'unverified' },
    { type: 'dispute_opened', pattern: 'Commande {n} ?: litige ouvert', evidence: 'unverified' },
    {
      type: 'dispute_closed',
      pattern: 'Commande {n} ?: litige (?:clos|fermé|résolu)',
      evidence: 'unverified',
    },
    {
      type: 'refund_issued',
      pattern: 'Commande {n} ?: remboursement (?:effectué|émis|traité)',
      evidence: 'unverified',
    },
  ],
  ignoreSubjects: [
    { pattern: 'coupon|code promo', reason: 'a coupon offer, not an order event' },
    { pattern: 'sondage|enquête', reason: 'a survey, not an order event' },
  ],
  bodies: [],
  ignoreBodies: [],
  orderWords: ['Commande', 'N° de commande'],
  packageWords: ['Colis'],
  labels: {
    orderNumber: ['N° de commande ?:?', 'Numéro de commande ?:?'],
    placedOn: ['Passée le'],
    estimatedDelivery: ['Livraison estimée ?:?', 'Date de livraison estimée ?:?'],
    orderTotal: ['Total de la commande ?:?', 'Montant total ?:?'],
    refundAmount: ['Montant du remboursement ?:?'],
    trackingNumber: ['numéro de suivi est'],
  },
  phrases: {
    disputeWindow: ['vous avez {days} jours pour ouvrir un litige'],
    protectionEnds: ['Remboursement en l.absence de livraison avant le {date}'],
    protectionExtendedTo: ['prolongée?[^.]{0,40}? jusqu.au {date}'],
    protectionExtendedBy: [],
    outcomes: [],
    paymentMethods: [{ method: 'card', pattern: 'carte bancaire|votre carte|Visa|Mastercard' }],
  },
  markers: ['\\bBonjour\\b', '\\bvotre\\b', '\\bvous\\b'],
};
