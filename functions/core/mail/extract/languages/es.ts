import type { LanguageTable } from './types';

/**
 * Spanish. Verified: confirmed, shipped and the parcel subjects (seen); awaiting confirmation
 * ("pendiente de confirmación") and delivery confirmed ("¿cómo ha ido?") are reported. Everything else
 * (ready to ship, carrier pickup, dispute, refund, payment, cancellation, protection) is UNVERIFIED.
 *
 * Parcel subjects: VictorPiella/deliver-tracker app/mock_gmail.py (subjects copied from a real Spanish
 * inbox, June 2026) and app/parsers/aliexpress.py (subjects it says were observed). Word order differs
 * between templates: "Paquete ID: …", "El paquete ID está …", "Actualización del paquete ID".
 * No Spanish body sentence of a notice is public, so `bodies` holds only the multi-package block status
 * lines and guesses.
 */
export const es: LanguageTable = {
  code: 'es',
  subjects: [
    { type: 'order_confirmed', pattern: 'Pedido {n} ?: pedido confirmado', evidence: 'verified' },
    {
      type: 'order_confirmed',
      pattern: '{count} pedidos (?:han sido |fueron )?confirmados',
      evidence: 'unverified',
    },
    { type: 'ready_to_ship', pattern: 'Pedido {n} ?: listo para (?:el )?envío', evidence: 'unverified' },
    { type: 'shipped', pattern: 'Pedido {n} ?: pedido enviado', evidence: 'verified' },
    { type: 'shipped', pattern: 'Pedido {n} ?: recogido por el transportista', evidence: 'unverified' },
    { type: 'in_transit', pattern: 'Paquete {p} ?: salió de la región de origen', evidence: 'verified' },
    { type: 'in_transit', pattern: 'Paquete {p} ?: en aduanas?', evidence: 'verified' },
    { type: 'in_transit', pattern: 'El paquete {p} ha pasado la aduana', evidence: 'verified' },
    { type: 'in_transit', pattern: 'Paquete {p} ?: en tu país ?/ ?región', evidence: 'verified' },
    { type: 'in_transit', pattern: 'Paquete {p} ?: con (?:el )?transportista local', evidence: 'verified' },
    // Seen (mock_gmail.py). The guessed "Paquete ID: en centro de distribución" it replaces would not match.
    {
      type: 'in_transit',
      pattern: 'El paquete {p} está en el centro de (?:distribución|reparto)',
      evidence: 'verified',
    },
    { type: 'in_transit', pattern: 'Paquete {p} (?:está )?en reparto', evidence: 'unverified' },
    // A parcel named with no status word, id last (parsers/aliexpress.py, "observados"); the guessed
    // "Paquete ID tiene una actualización" it replaces was never seen.
    { type: 'in_transit', pattern: 'Actualización del paquete {p}', evidence: 'verified' },
    // Multi-package mail: one block per parcel, ids only in each block's link (mock_gmail.py; its HTML in
    // tests/test_parsers_aliexpress.py MERGE_HTML). Every block status seen is a transit status.
    {
      type: 'in_transit',
      pattern: 'Tus {count} paquetes tienen actualizaciones de entrega',
      evidence: 'verified',
    },
    { type: 'in_transit', pattern: 'Pedido {n} ?: (?:paquete )?en tránsito', evidence: 'unverified' },
    // Seen without a colon: "Paquete 315193140438420019 entregado" (mock_gmail.py).
    {
      type: 'delivered',
      pattern:
        'Paquete {p} ?:? (?:ha sido )?entregado(?! al? (?:la )?(?:transportista|operador|empresa|mensajer))',
      evidence: 'verified',
    },
    {
      type: 'awaiting_confirmation',
      pattern: 'Pedido {n} ?: pendiente de confirmación',
      evidence: 'verified',
    },
    { type: 'delivery_confirmed', pattern: 'Pedido {n} ?: ¿?cómo ha ido', evidence: 'verified' },
    { type: 'order_closed', pattern: 'Tu pedido {n} (?:se ha cerrado|está cerrado)', evidence: 'unverified' },
    {
      type: 'payment_confirmed',
      pattern: 'Pedido {n} ?: pago (?:confirmado|recibido)',
      evidence: 'unverified',
    },
    { type: 'order_cancelled', pattern: 'Pedido {n} ?: pedido cancelado', evidence: 'unverified' },
    {
      type: 'seller_responded',
      pattern: 'Pedido {n} ?: el vendedor ha respondido a (?:tu|la) disputa',
      evidence: 'unverified',
    },
    { type: 'dispute_escalated', pattern: 'Pedido {n} ?: disputa escalada', evidence: 'unverified' },
    {
      type: 'dispute_closed',
      pattern: 'Pedido {n} ?: disputa (?:cerrada|finalizada|resuelta)',
      evidence: 'unverified',
    },
    { type: 'dispute_opened', pattern: 'Pedido {n} ?: disputa abierta', evidence: 'unverified' },
    {
      type: 'refund_issued',
      pattern: 'Pedido {n} ?: reembolso (?:emitido|procesado|realizado|aprobado)',
      evidence: 'unverified',
    },
    {
      type: 'protection_extended',
      pattern: 'Pedido {n} ?: protección (?:del comprador )?(?:ampliada|extendida)',
      evidence: 'unverified',
    },
  ],
  ignoreSubjects: [
    { pattern: 'Pedido {n} ?: ¿?qué te ha parecido', reason: 'a review request, not an order event' },
    { pattern: 'cupón|cupones', reason: 'a coupon offer, not an order event' },
    { pattern: 'encuesta', reason: 'a survey, not an order event' },
    { pattern: 'código de verificación', reason: 'a login code, not an order event' },
  ],
  bodies: [
    // Status lines of the multi-package blocks (tests/test_parsers_aliexpress.py MERGE_HTML, a real mail).
    { type: 'in_transit', pattern: 'En tránsito global', evidence: 'verified' },
    { type: 'in_transit', pattern: 'Ha salido de la central', evidence: 'verified' },
    {
      type: 'delivery_confirmed',
      pattern: 'Hemos confirmado la entrega de tu pedido',
      evidence: 'unverified',
    },
    { type: 'awaiting_confirmation', pattern: 'pronto se marcará como completado', evidence: 'unverified' },
    {
      type: 'protection_stated',
      pattern: 'Reembolso si no se entrega antes del? {date}',
      evidence: 'unverified',
    },
    {
      type: 'protection_stated',
      pattern: 'Protección del comprador[^.]{0,40}? hasta (?:el )?{date}',
      evidence: 'unverified',
    },
  ],
  ignoreBodies: [
    { pattern: 'Escribe una reseña|Valora tu pedido', reason: 'a review request, not an order event' },
  ],
  orderWords: ['Pedido', 'N\\.º de pedido', 'Número de pedido'],
  packageWords: ['Paquete'],
  labels: {
    orderNumber: ['N\\.º de pedido ?:?', 'Número de pedido ?:?'],
    placedOn: ['Realizado el', 'Fecha del pedido ?:?'],
    estimatedDelivery: ['Entrega estimada ?:?', 'Fecha de entrega estimada ?:?'],
    orderTotal: ['Total del pedido ?:?', 'Importe total ?:?'],
    refundAmount: ['Importe del reembolso ?:?', 'reembolso de'],
    trackingNumber: ['número de seguimiento es'],
  },
  phrases: {
    disputeWindow: ['tienes {days} días para abrir una disputa'],
    protectionEnds: [
      'Reembolso si no se entrega antes del? {date}',
      'Protección del comprador[^.]{0,40}? hasta (?:el )?{date}',
    ],
    protectionExtendedTo: ['(?:ampliad|extendid)[ao][^.]{0,40}? hasta (?:el )?{date}'],
    protectionExtendedBy: ['(?:ampliad|extendid)[ao] (?:en )?{days} días'],
    outcomes: [
      { outcome: 'partial', pattern: 'reembolso parcial' },
      { outcome: 'won', pattern: 'a tu favor|reembolso completo|reembolso total' },
      { outcome: 'lost', pattern: 'a favor del vendedor|sin reembolso|rechazad[ao]' },
    ],
    paymentMethods: [
      { method: 'card', pattern: 'tarjeta|Visa|Mastercard' },
      { method: 'alipay', pattern: 'Alipay' },
      { method: 'other', pattern: 'PayPal|saldo' },
    ],
  },
  markers: ['\\bHola\\b', '\\btu\\b', '\\bGracias\\b', '\\bdel\\b', '\\benvío\\b'],
};
