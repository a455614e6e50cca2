import type { LanguageTable } from './types';

/**
 * Portuguese (Brazil). Only "Pedido N: pedido confirmado" is seen (identical to Spanish, so `markers`
 * decide between the two). Everything else is UNVERIFIED. The wording research (2026) found no
 * Portuguese parcel update, local-carrier, delivery-centre or delivered mail, nor any body sentence, so
 * `bodies` stays empty rather than invented.
 */
export const pt: LanguageTable = {
  code: 'pt',
  subjects: [
    { type: 'order_confirmed', pattern: 'Pedido {n} ?: pedido confirmado', evidence: 'verified' },
    { type: 'shipped', pattern: 'Pedido {n} ?: pedido enviado', evidence: 'unverified' },
    {
      type: 'in_transit',
      pattern: 'Pacote {p} ?: (?:no seu país ?/ ?região|na alfândega|em trânsito)',
      evidence: 'unverified',
    },
    {
      type: 'delivered',
      pattern: 'Pacote {p} (?:foi )?entregue(?! (?:à|ao|a) (?:transportadora|operador|empresa))',
      evidence: 'unverified',
    },
    {
      type: 'awaiting_confirmation',
      pattern: 'Pedido {n} ?: aguardando confirmação',
      evidence: 'unverified',
    },
    { type: 'delivery_confirmed', pattern: 'Pedido {n} ?: como foi', evidence: 'unverified' },
    { type: 'order_cancelled', pattern: 'Pedido {n} ?: pedido cancelado', evidence: 'unverified' },
    { type: 'dispute_opened', pattern: 'Pedido {n} ?: disputa aberta', evidence: 'unverified' },
    {
      type: 'refund_issued',
      pattern: 'Pedido {n} ?: reembolso (?:emitido|processado|realizado)',
      evidence: 'unverified',
    },
  ],
  ignoreSubjects: [
    { pattern: 'cupom|cupons', reason: 'a coupon offer, not an order event' },
    { pattern: 'pesquisa', reason: 'a survey, not an order event' },
  ],
  bodies: [],
  ignoreBodies: [],
  orderWords: ['Pedido', 'N[º°] do pedido'],
  packageWords: ['Pacote'],
  labels: {
    orderNumber: ['N[º°] do pedido ?:?', 'Número do pedido ?:?'],
    placedOn: ['Feito em', 'Realizado em'],
    estimatedDelivery: ['Entrega estimada ?:?', 'Previsão de entrega ?:?'],
    orderTotal: ['Total do pedido ?:?'],
    refundAmount: ['Valor do reembolso ?:?'],
    trackingNumber: ['código de rastreio é'],
  },
  phrases: {
    disputeWindow: ['você tem {days} dias para abrir uma disputa'],
    protectionEnds: ['Reembolso se não (?:houver entrega|for entregue) até {date}'],
    protectionExtendedTo: ['(?:prorrogad|estendid)a[^.]{0,40}? até {date}'],
    protectionExtendedBy: [],
    outcomes: [],
    paymentMethods: [
      { method: 'card', pattern: 'cartão|Visa|Mastercard' },
      { method: 'other', pattern: 'Pix|boleto|PayPal' },
    ],
  },
  markers: ['\\bOlá\\b', '\\bseu\\b', '\\bsua\\b', '\\bObrigad[oa]\\b', '\\bvocê\\b', '\\bdo\\b'],
};
