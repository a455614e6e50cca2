import type { LanguageTable } from './types';

/**
 * German. Verified subjects and body sentences come from real mails (MAIL-FACTS, real-mail de_126…140).
 * Trap: "Bestellung N: Wird zugestellt" means handed to the carrier (shipped), NOT delivered; only
 * "Paket ID wurde zugestellt" is a delivery. Dispute, refund, payment, cancellation and protection
 * wordings are UNVERIFIED guesses (no public sample), kept narrow.
 *
 * Sources: "real-mail de_1xx" are the real mails in ../shared/real-mail (SoerenKaiser99/parcel_tracker
 * tests/fixtures/mail/126…142); "parcel_tracker #143/#144" are that project's fixtures written after the
 * wording of real mails, and its parser custom_components/parcel_tracker/mail/aliexpress.py.
 */
export const de: LanguageTable = {
  code: 'de',
  subjects: [
    { type: 'order_confirmed', pattern: 'Bestellung {n} ?: Bestellauftrag bestätigt', evidence: 'verified' },
    { type: 'order_confirmed', pattern: '{count} Bestellungen wurden bestätigt', evidence: 'verified' },
    { type: 'ready_to_ship', pattern: 'Bestellung {n} ?: versandfertig', evidence: 'verified' },
    { type: 'shipped', pattern: 'Bestellung {n} wurde versandt', evidence: 'verified' },
    { type: 'shipped', pattern: 'Bestellung {n} ?: Wird zugestellt', evidence: 'verified' },
    { type: 'shipped', pattern: 'Bestellung {n} ?: teilweise versandt', evidence: 'unverified' },
    { type: 'in_transit', pattern: 'Packstück {p} hat die Abflugregion verlassen', evidence: 'verified' },
    { type: 'in_transit', pattern: 'Bestellung {n} ?: Paket im Transit', evidence: 'verified' },
    { type: 'in_transit', pattern: 'Packstück {p} ?: beim Zoll', evidence: 'verified' },
    { type: 'in_transit', pattern: 'Zollabfertigung für {p} wurde beendet', evidence: 'verified' },
    {
      type: 'in_transit',
      pattern: 'Bestellung {n} ?: In Ihrem Land ?/ ?Ihrer Region angekommen',
      evidence: 'verified',
    },
    { type: 'in_transit', pattern: 'Packstück {p} ?: In Ihrem Land ?/ ?Ihrer Region', evidence: 'verified' },
    { type: 'in_transit', pattern: 'Packstück {p} ?: mit lokalem Kurier', evidence: 'verified' },
    { type: 'in_transit', pattern: 'Packstück {p} ?: Vom Kurier abgeholt', evidence: 'verified' },
    { type: 'in_transit', pattern: 'Bestellung {n} ?: Neuer Lieferstatus', evidence: 'verified' },
    // A parcel named with no status word; the order is only in the link (parcel_tracker #144).
    { type: 'in_transit', pattern: 'Packstück {p} hat eine Aktualisierung', evidence: 'verified' },
    // Order-level pickup: handed to the carrier, like "Wird zugestellt" (parcel_tracker #143 and parser).
    { type: 'shipped', pattern: 'Bestellung {n} ?: Vom Kurier abgeholt', evidence: 'verified' },
    {
      type: 'in_transit',
      pattern: 'Packstück {p} ?: (?:wird zugestellt|in Zustellung)',
      evidence: 'unverified',
    },
    { type: 'in_transit', pattern: 'Packstück {p} ?: im Zustellzentrum', evidence: 'unverified' },
    { type: 'delivered', pattern: '(?:Paket|Packstück) {p} wurde zugestellt', evidence: 'verified' },
    { type: 'delivered', pattern: 'Bestellung {n} ?: (?:Paket )?zugestellt', evidence: 'unverified' },
    {
      type: 'awaiting_confirmation',
      pattern: 'Bestellung {n} ?: auf Bestätigung wird gewartet',
      evidence: 'verified',
    },
    { type: 'delivery_confirmed', pattern: 'Bestellung {n} ?: wie ist es gelaufen', evidence: 'verified' },
    { type: 'order_closed', pattern: 'Ihre Bestellung {n} wurde geschlossen', evidence: 'unverified' },
    {
      type: 'payment_confirmed',
      pattern: 'Bestellung {n} ?: Zahlung (?:bestätigt|erhalten|erfolgreich)',
      evidence: 'unverified',
    },
    {
      type: 'order_cancelled',
      pattern: 'Bestellung {n} ?: (?:Bestellung )?storniert',
      evidence: 'unverified',
    },
    { type: 'order_cancelled', pattern: 'Bestellung {n} wurde storniert', evidence: 'unverified' },
    {
      type: 'seller_responded',
      pattern:
        'Bestellung {n} ?: (?:Der )?Verkäufer hat auf (?:Ihren Streitfall|Ihre Streitigkeit) (?:geantwortet|reagiert)',
      evidence: 'unverified',
    },
    {
      type: 'dispute_escalated',
      pattern: 'Bestellung {n} ?: (?:Streitfall|Streitigkeit) eskaliert',
      evidence: 'unverified',
    },
    {
      type: 'dispute_closed',
      pattern: 'Bestellung {n} ?: (?:Streitfall|Streitigkeit) (?:geschlossen|beendet|abgeschlossen)',
      evidence: 'unverified',
    },
    {
      type: 'dispute_opened',
      pattern: 'Bestellung {n} ?: (?:Streitfall|Streitigkeit) (?:eröffnet|geöffnet)',
      evidence: 'unverified',
    },
    {
      type: 'refund_issued',
      pattern: 'Bestellung {n} ?: Rückerstattung (?:veranlasst|erfolgt|ausgestellt|bearbeitet|genehmigt)',
      evidence: 'unverified',
    },
    {
      type: 'protection_extended',
      pattern: 'Bestellung {n} ?: Käuferschutz (?:wurde )?verlängert',
      evidence: 'unverified',
    },
  ],
  ignoreSubjects: [
    {
      pattern: 'Bestellung {n} ?: Wie war Ihr Einkaufserlebnis',
      reason: 'a review request, not an order event',
    },
    { pattern: 'Gutschein|Coupon', reason: 'a coupon offer, not an order event' },
    { pattern: 'Umfrage', reason: 'a survey, not an order event' },
    { pattern: 'Bestätigungscode|Sicherheitscode|Anmeldecode', reason: 'a login code, not an order event' },
  ],
  // Read only when no subject rule matched (a generic or reworded subject). Every sentence below is the
  // first sentence of a real mail, so a notice is read from its body as well as from its subject.
  bodies: [
    // real-mail de_139 (no space after its full stop: "bestätigt.Wenn").
    {
      type: 'delivery_confirmed',
      pattern: 'Wir haben die Lieferung Ihrer Bestellung {n} bestätigt',
      evidence: 'verified',
    },
    // real-mail de_140.
    {
      type: 'awaiting_confirmation',
      pattern: '(?:in Kürze|demnächst) als abgeschlossen markiert',
      evidence: 'verified',
    },
    // real-mail de_139: the window sentence alone still opens the 15-day window.
    {
      type: 'delivery_confirmed',
      pattern: 'haben Sie {days} Tage Zeit, eine Streitigkeit zu eröffnen',
      evidence: 'verified',
    },
    // real-mail de_129.
    { type: 'shipped', pattern: 'Die Bestellung {n} wurde versandt', evidence: 'verified' },
    // real-mail de_130 (handed to the carrier).
    {
      type: 'shipped',
      pattern: 'Ihre Bestellung {n} wurde dem Versandunternehmen übergeben',
      evidence: 'verified',
    },
    // parcel_tracker #143 (order-level pickup).
    {
      type: 'shipped',
      pattern: 'Das Packstück mit Ihrer Bestellung {n} wurde von unserem Versandpartner abgeholt',
      evidence: 'verified',
    },
    // real-mail de_131.
    {
      type: 'in_transit',
      pattern: 'Ihre Bestellung {n} ist jetzt auf dem Weg zu Ihnen',
      evidence: 'verified',
    },
    // real-mail de_132 (order) and de_136 (parcel).
    {
      type: 'in_transit',
      pattern:
        '(?:Ihre Bestellung|Ihr Paket|Ihr Packstück) {p} ist in Ihrem Land ?/ ?Ihrer Region angekommen',
      evidence: 'verified',
    },
    // real-mail de_133 (combined delivery).
    {
      type: 'in_transit',
      pattern: 'Ihre kombinierte Lieferung \\(Bestellung {n}\\) hat ein Versandupdate',
      evidence: 'verified',
    },
    // real-mail de_134.
    { type: 'in_transit', pattern: 'Ihr Packstück {p} hat den Abflugort verlassen', evidence: 'verified' },
    // real-mail de_135.
    {
      type: 'in_transit',
      pattern: 'die Zollabfertigung für Ihr Paket {p} wurde abgeschlossen',
      evidence: 'verified',
    },
    // real-mail de_137 (parcel picked up: in transit, as its subject).
    {
      type: 'in_transit',
      pattern: 'Ihr (?:Paket|Packstück) {p} wurde von unserem Versandpartner abgeholt',
      evidence: 'verified',
    },
    // parcel_tracker #144 (delivery update without a status word).
    { type: 'in_transit', pattern: 'Ihr Packstück {p} hat eine Lieferaktualisierung', evidence: 'verified' },
    {
      type: 'protection_stated',
      pattern: 'Rückerstattung, wenn keine Lieferung (?:vor|bis) (?:dem |zum )?{date}',
      evidence: 'unverified',
    },
    {
      type: 'protection_stated',
      pattern: 'Käuferschutz[^.]{0,40}? bis (?:zum )?{date}',
      evidence: 'unverified',
    },
  ],
  ignoreBodies: [
    {
      pattern: 'Bewertung schreiben|Bewerten Sie Ihre Bestellung',
      reason: 'a review request, not an order event',
    },
  ],
  orderWords: ['Bestellung', 'Bestellauftrag', 'Bestell-Nr\\.'],
  packageWords: ['Packstück', 'Paket'],
  labels: {
    orderNumber: ['Bestell-Nr\\. ?:?', 'Bestellnummer ?:?'],
    placedOn: ['Aufgegeben am'],
    estimatedDelivery: ['Voraussichtliche Zustell(?:zeit|ung) ?:?'],
    orderTotal: ['Bestellsumme ?:?', 'Gesamtbetrag ?:?'],
    refundAmount: ['Erstattungsbetrag ?:?', 'Rückerstattung (?:in Höhe )?von'],
    trackingNumber: ['Sendungsverfolgungsnummer lautet'],
  },
  phrases: {
    disputeWindow: ['haben Sie {days} Tage Zeit, eine Streitigkeit zu eröffnen'],
    protectionEnds: [
      'Rückerstattung, wenn keine Lieferung (?:vor|bis) (?:dem |zum )?{date}',
      'Käuferschutz[^.]{0,40}? bis (?:zum )?{date}',
    ],
    protectionExtendedTo: ['verlängert[^.]{0,40}? bis (?:zum )?{date}'],
    protectionExtendedBy: ['um {days} Tage verlängert'],
    outcomes: [
      { outcome: 'partial', pattern: 'teilweise Rückerstattung|Teilerstattung' },
      { outcome: 'won', pattern: 'zu Ihren Gunsten|volle Rückerstattung' },
      { outcome: 'lost', pattern: 'zugunsten des Verkäufers|ohne Rückerstattung|abgelehnt' },
    ],
    paymentMethods: [
      { method: 'card', pattern: '(?:Kredit|Debit|Bank)karte|Ihre Karte|Visa|Mastercard' },
      { method: 'alipay', pattern: 'Alipay' },
      { method: 'other', pattern: 'PayPal|Guthaben|Klarna' },
    ],
  },
  markers: ['\\bHallo\\b', '\\bIhre?\\b', '\\bSie\\b', '\\bund\\b'],
};
