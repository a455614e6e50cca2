/**
 * The season's verdict: what was sent against what the engine says was owed (`owedAlerts`), as numbers a
 * test asserts and the bench prints.
 */
import type { Owed, SentAlert } from './season-run';

const MIN = 60_000;

export interface Verdict {
  readonly owed: number;
  readonly sent: number;
  /** Keys sent more than once. */
  readonly duplicates: readonly string[];
  /** Owed, never sent. */
  readonly missing: readonly string[];
  /** Sent, never owed. */
  readonly unexpected: readonly string[];
  /** Sent at another run than the first one inside the alert's window. */
  readonly offTick: readonly string[];
  /** Warnings (deadline ahead at their send time) that went out at or after their deadline. */
  readonly afterDeadline: readonly string[];
  /** Minutes from when an alert became due (its send time, or the facts' arrival) to its mail. */
  readonly latenessMin: { readonly max: number; readonly mean: number };
  /** The same, for alerts not held up by the outage. */
  readonly latenessOutsideOutageMaxMin: number;
  /** Alerts the outage held up, sent after recovery. */
  readonly delayedByOutage: number;
  /** Alerts owed without the outage but not with it: their window passed while no run ran. */
  readonly lostToOutage: readonly string[];
  readonly byCode: Readonly<Record<string, number>>;
}

export function judge(
  sent: readonly SentAlert[],
  owed: ReadonlyMap<string, Owed>,
  owedWithoutOutage: ReadonlyMap<string, Owed> = owed,
): Verdict {
  const seen = new Map<string, SentAlert[]>();
  for (const s of sent) seen.set(s.alert.key, [...(seen.get(s.alert.key) ?? []), s]);
  const duplicates = [...seen].filter(([, list]) => list.length > 1).map(([key]) => key);
  const missing = [...owed.keys()].filter((key) => !seen.has(key));
  const unexpected = [...seen.keys()].filter((key) => !owed.has(key));
  const offTick: string[] = [];
  const afterDeadline: string[] = [];
  const lateness: number[] = [];
  let outsideMax = 0;
  let delayedByOutage = 0;
  const byCode: Record<string, number> = {};
  for (const [key, list] of seen) {
    const first = list[0];
    const o = owed.get(key);
    if (!first || !o) continue;
    byCode[first.alert.code] = (byCode[first.alert.code] ?? 0) + 1;
    if (first.at !== o.tick)
      offTick.push(
        `${key}: sent ${new Date(first.at).toISOString()}, owed ${new Date(o.tick).toISOString()}`,
      );
    const deadline = Date.parse(o.alert.deadline);
    if (Date.parse(o.alert.sendAt) < deadline && first.at >= deadline) afterDeadline.push(key);
    const late = (first.at - o.dueSince) / MIN;
    lateness.push(late);
    const plain = owedWithoutOutage.get(key);
    if (plain && plain.tick !== o.tick) delayedByOutage += 1;
    else outsideMax = Math.max(outsideMax, late);
  }
  const lostToOutage = [...owedWithoutOutage.keys()].filter((key) => !owed.has(key));
  return {
    owed: owed.size,
    sent: sent.length,
    duplicates,
    missing,
    unexpected,
    offTick,
    afterDeadline,
    latenessMin: {
      max: lateness.length === 0 ? 0 : Math.max(...lateness),
      mean: lateness.length === 0 ? 0 : lateness.reduce((a, b) => a + b, 0) / lateness.length,
    },
    latenessOutsideOutageMaxMin: outsideMax,
    delayedByOutage,
    lostToOutage,
    byCode,
  };
}
