/**
 * A simulated season on DynamoDB Local: 100 orders of 33 users over 150 days, every event recorded at its
 * instant, the remind run every 15 minutes (14,400 runs, each querying the index), a 6-hour outage on a
 * busy morning. Every alert the engine owes goes out exactly once, at the first run inside its window,
 * never after its deadline. `npm run bench` plays a larger season on 4 shards.
 *
 * One `due` shard here: each of the 14,400 runs queries every shard, and on a loaded 2-core machine that
 * query is most of the test's time; reading every shard is proven in remind.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoStore } from '../../functions/aws/dynamo-store';
import { DEFAULT_POLICY } from '../../functions/core/rules';
import { generateSeason } from '../support/season';
import { judge } from '../support/season-judge';
import { type Outage, owedAlerts, playSeason } from '../support/season-run';
import { type DynamoEmulator, startDynamoDbLocal } from './support/emulators';
import { OUR_ADDRESS, RecordingMailer } from './support/remind-kit';
import { createTable } from './support/table';

/** 05:00–11:00 UTC on a weekday mid-season: 09:00 in UTC and Berlin falls inside. */
const OUTAGE: Outage = { from: '2026-03-04T05:00:00Z', hours: 6 };

describe('a season of reminders', () => {
  let emulator: DynamoEmulator;

  beforeAll(async () => {
    emulator = await startDynamoDbLocal({ throughput: true });
  }, 90_000);
  afterAll(async () => {
    await emulator?.stop();
  });

  it('sends every owed alert once, on time, and catches up after a 6-hour outage', async () => {
    const season = generateSeason({ orders: 100, ordersPerUser: 3, seed: 8 });
    const store = new DynamoStore(emulator.client, {
      tableName: await createTable(emulator.client),
      dueShardCount: 1,
    });
    const mailer = new RecordingMailer();
    const played = await playSeason(store, mailer, season, {
      policy: DEFAULT_POLICY,
      address: OUR_ADDRESS,
      outage: OUTAGE,
    });
    const owed = owedAlerts(season, DEFAULT_POLICY, OUTAGE);
    const verdict = judge(played.sent, owed, owedAlerts(season, DEFAULT_POLICY));
    console.log(
      JSON.stringify({
        played: { ...played, sent: played.sent.length },
        verdict: { ...verdict, offTick: verdict.offTick.slice(0, 5) },
      }),
    );

    expect(played.runs).toBe(150 * 96 + 1 - 24);
    expect(played.failures).toBe(0);
    expect(mailer.sent).toHaveLength(played.mails);
    expect(verdict.owed).toBeGreaterThan(100);
    expect(verdict.duplicates).toEqual([]);
    expect(verdict.missing).toEqual([]);
    expect(verdict.unexpected).toEqual([]);
    expect(verdict.offTick).toEqual([]);
    expect(verdict.afterDeadline).toEqual([]);
    expect(verdict.latenessOutsideOutageMaxMin).toBeLessThanOrEqual(15);
    expect(verdict.latenessMin.max).toBeLessThanOrEqual(6 * 60 + 15);
    expect(verdict.delayedByOutage).toBeGreaterThan(0);
    expect(played.digests).toBeGreaterThan(0);
    // Every kind of the catalogue but A1 shows up in this season's histories.
    expect(Object.keys(verdict.byCode).sort()).toEqual(
      expect.arrayContaining(['A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8', 'A9']),
    );
  }, 240_000);
});
