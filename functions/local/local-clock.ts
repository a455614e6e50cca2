/**
 * Local mode's clock, one object shared by ingest and remind:
 *  - `system`: the real time; a tick runs one sweep at the instant it names without moving anything else.
 *  - `manual`: time stands at the last tick's instant (mail arriving meanwhile is received at it), kept
 *    in `clock.json` in the data folder so a restart continues at the same instant.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as v from 'valibot';
import { ManualClock, systemClock } from '../clock';
import type { Clock } from '../ports';

export type ClockMode = 'system' | 'manual';

const Stored = v.object({ now: v.pipe(v.string(), v.isoTimestamp()) });

export class LocalClock implements Clock {
  private constructor(
    readonly mode: ClockMode,
    private readonly manual: ManualClock | null,
    private readonly file: string,
  ) {}

  /** The clock of the data folder: for `manual`, the stored instant, else `start`, else the real now. */
  static async open(mode: ClockMode, dataDir: string, start?: string): Promise<LocalClock> {
    const file = join(dataDir, 'clock.json');
    if (mode === 'system') return new LocalClock(mode, null, file);
    const stored = (await LocalClock.read(file)) ?? start ?? systemClock.now();
    const clock = new LocalClock(mode, new ManualClock(stored), file);
    await clock.persist();
    return clock;
  }

  private static async read(file: string): Promise<string | null> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    // A hand-edited or half-written file must not start the clock somewhere odd: refuse it loudly.
    const parsed = v.safeParse(Stored, JSON.parse(text));
    if (!parsed.success) throw new Error(`${file}: not a stored clock (${v.summarize(parsed.issues)})`);
    return new Date(parsed.output.now).toISOString();
  }

  private async persist(): Promise<void> {
    if (this.manual === null) return;
    await writeFile(`${this.file}.tmp`, `${JSON.stringify({ now: this.manual.now() })}\n`);
    await rename(`${this.file}.tmp`, this.file);
  }

  now(): string {
    return this.manual === null ? systemClock.now() : this.manual.now();
  }

  /**
   * The clock a sweep at `instant` runs on. Manual: the shared clock moves there (and is persisted), so
   * later mail is received at it. System: only that sweep sees the instant.
   */
  async moveTo(instant: string): Promise<Clock> {
    if (this.manual === null) {
      const fixed = new Date(instant).toISOString();
      return { now: () => fixed };
    }
    this.manual.set(instant);
    await this.persist();
    return this;
  }
}
