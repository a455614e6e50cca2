/**
 * Parcel / tracking ids (MAIL-FACTS "Bodies"). They matter twice: as the `parcelId` of parcel events, and
 * as things that must never be read as order numbers (a 20-digit DHL id contains 16-digit runs, which is
 * why order numbers are only taken from whole digit runs, see `order-ids.ts`).
 */

interface ParcelShape {
  readonly name: string;
  readonly shape: RegExp;
}

/** Shapes seen in AliExpress mail; whole-token matches on an upper-cased token. */
export const PARCEL_SHAPES: readonly ParcelShape[] = [
  { name: 'AliExpress LP', shape: /^LP[0-9]{14}$/ },
  { name: 'AliExpress AP', shape: /^AP[0-9]{14}$/ },
  { name: 'JY', shape: /^JY[A-Z0-9]{8,26}$/ },
  { name: 'HM', shape: /^HM[0-9]{16}$/ },
  { name: 'DHL 00340', shape: /^00340[0-9]{13}(?:[0-9]{2})?$/ },
  { name: 'DHL JJD', shape: /^JJD[0-9]{10,20}$/ },
  { name: 'Hermes H', shape: /^H[0-9]{19}$/ },
  { name: 'UPU S10', shape: /^[A-Z]{2}[0-9]{9}[A-Z]{2}$/ },
  { name: 'Correos PH', shape: /^PH[A-Z0-9]{10,24}$/ },
  { name: 'numeric 18/20', shape: /^(?:[0-9]{18}|[0-9]{20})$/ },
];

export function parcelShape(token: string): string | null {
  const t = token.toUpperCase();
  return PARCEL_SHAPES.find((s) => s.shape.test(t))?.name ?? null;
}

export function isParcelId(token: string): boolean {
  return parcelShape(token) !== null;
}

/**
 * A token in a parcel id's place (the subject's `<Package word> ID` slot, or after "tracking number"): any
 * known shape, or an unknown carrier's id (8–34 letters/digits with at least 6 digits, so a word never is).
 */
export function acceptSubjectParcelId(token: string): string | null {
  const t = token.toUpperCase();
  if (isParcelId(t)) return t;
  return /^[A-Z0-9]{8,34}$/.test(t) && (t.match(/[0-9]/g)?.length ?? 0) >= 6 ? t : null;
}

const TOKEN_RE = /(?<![A-Za-z0-9])[A-Za-z0-9]{11,34}(?![A-Za-z0-9])/g;

/**
 * Parcel ids written in free text: upper-case as printed and with at least six digits, so a product word
 * ("PHOSPHORESCENT" has the Correos shape) is never one. Bare 18/20-digit runs only count with the DHL
 * 00340 prefix: in free text a long number without a label could be anything.
 */
export function findParcelIds(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const t = m[0];
    if (!/^[A-Z0-9]+$/.test(t) || (t.match(/[0-9]/g)?.length ?? 0) < 6) continue;
    const shape = parcelShape(t);
    if (!shape || (shape === 'numeric 18/20' && !t.startsWith('00340'))) continue;
    if (!found.includes(t)) found.push(t);
  }
  return found;
}

/** `trackingNumber=` in tracking links. */
export function parcelIdsFromUrls(urls: readonly string[]): string[] {
  const found: string[] = [];
  for (const url of urls) {
    for (const m of url.matchAll(/[?&]trackingNumber=([A-Za-z0-9]{8,34})(?![A-Za-z0-9])/g)) {
      const t = (m[1] ?? '').toUpperCase();
      if (t && !found.includes(t)) found.push(t);
    }
  }
  return found;
}

const TRADE_ORDER_RE = /[?&](?:tradeOrderId|o_ids)=([0-9%,A-Fa-f]{15,2000})/;
const TRACKING_RE = /[?&]trackingNumber=([A-Za-z0-9]{8,34})(?![A-Za-z0-9])/;

/**
 * Which parcel each order travels in, from links that name both: a multi-package mail ("Tus 2 paquetes
 * tienen actualizaciones de entrega") has one block per parcel, whose only ids are in its link
 * `…?tradeOrderId=<order>&trackingNumber=<parcel>` (MAIL-FACTS "Bodies"; VictorPiella/deliver-tracker).
 * An order linked to two different parcels is left out: better no parcel id than another block's.
 */
export function parcelsByOrder(urls: readonly string[]): Map<string, string> {
  const found = new Map<string, string>();
  const conflicting = new Set<string>();
  for (const url of urls) {
    const tracking = TRACKING_RE.exec(url)?.[1];
    const orders = tracking ? TRADE_ORDER_RE.exec(url)?.[1] : undefined;
    if (!tracking || !orders) continue;
    const parcel = tracking.toUpperCase();
    for (const order of orders.split(/%2C|,/i)) {
      const known = found.get(order);
      if (known !== undefined && known !== parcel) conflicting.add(order);
      found.set(order, parcel);
    }
  }
  for (const order of conflicting) found.delete(order);
  return found;
}
