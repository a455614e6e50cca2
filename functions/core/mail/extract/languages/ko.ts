import type { LanguageTable } from './types';

/**
 * Korean. Only "주문 N: 귀하의 국가/지역 도착" (arrived in your country) is seen (MAIL-FACTS, a Gmail
 * triage report of a real inbox); the rest is UNVERIFIED. No Korean body, parcel update or last-mile
 * (local carrier, delivery centre) wording is public: none is guessed here.
 * `\b` does not work around Hangul, so markers are plain substrings.
 */
export const ko: LanguageTable = {
  code: 'ko',
  subjects: [
    { type: 'in_transit', pattern: '주문 {n} ?: 귀하의 국가 ?/ ?지역 도착', evidence: 'verified' },
    { type: 'order_confirmed', pattern: '주문 {n} ?: 주문 확인(?:됨|완료)', evidence: 'unverified' },
    { type: 'shipped', pattern: '주문 {n} ?: (?:주문 )?발송(?:됨|완료)', evidence: 'unverified' },
    // "운송장 번호 N: 배송 완료" (waybill number), the only Korean delivered subject found: a real-looking
    // example in a mail-classifier test whose repository the search index did not name, so not verified.
    // It replaces the guess "패키지 ID: 배송 완료", which no source shows.
    { type: 'delivered', pattern: '운송장 번호 {p} ?: 배송 완료', evidence: 'unverified' },
    { type: 'order_closed', pattern: '주문 {n} ?: 주문 종료', evidence: 'unverified' },
  ],
  ignoreSubjects: [{ pattern: '쿠폰', reason: 'a coupon offer, not an order event' }],
  bodies: [],
  ignoreBodies: [],
  orderWords: ['주문', '주문 번호'],
  packageWords: ['운송장 번호', '패키지'],
  labels: {
    orderNumber: ['주문 번호 ?:?'],
    placedOn: ['주문일 ?:?'],
    estimatedDelivery: ['예상 배송일? ?:?'],
    orderTotal: ['주문 합계 ?:?', '총액 ?:?'],
    refundAmount: ['환불 금액 ?:?'],
    trackingNumber: ['운송장 번호는'],
  },
  phrases: {
    disputeWindow: ['{days}일 (?:이내에|동안) 분쟁'],
    protectionEnds: [],
    protectionExtendedTo: [],
    protectionExtendedBy: [],
    outcomes: [],
    paymentMethods: [{ method: 'card', pattern: '카드' }],
  },
  markers: ['안녕하세요', '귀하'],
};
