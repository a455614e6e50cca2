/** Clocks: the real one, and one that stands still until moved (local mode's `--clock manual`, tests). */
import type { Clock } from './ports';

export const systemClock: Clock = { now: () => new Date().toISOString() };

export class ManualClock implements Clock {
  private instant: number;

  constructor(start: string) {
    this.instant = ManualClock.parse(start);
  }

  private static parse(iso: string): number {
    const ms = Date.parse(iso);
    if (Number.isNaN(ms)) throw new RangeError(`not an ISO instant: ${JSON.stringify(iso)}`);
    return ms;
  }

  now(): string {
    return new Date(this.instant).toISOString();
  }

  set(iso: string): void {
    this.instant = ManualClock.parse(iso);
  }

  advance(ms: number): void {
    this.instant += ms;
  }
}
