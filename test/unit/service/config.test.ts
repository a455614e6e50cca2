import { describe, expect, it } from 'vitest';
import { parseSesEvent } from '../../../functions/aws/ses-event';
import { ConfigError, readConfig, readRemindConfig } from '../../../functions/config';

const ENV = {
  ORDERWATCH_TABLE: 'orderwatch',
  ORDERWATCH_BUCKET: 'mail',
  ORDERWATCH_ADDRESS: 'Watch@Example.org',
  ORDERWATCH_ALLOW: 'ana@example.org, @Family.example',
};

describe('readConfig', () => {
  it('reads the settings with their defaults', () => {
    const c = readConfig(ENV);
    expect(c).toMatchObject({ tableName: 'orderwatch', bucket: 'mail', prefix: '' });
    expect(c.service).toMatchObject({
      address: 'watch@example.org',
      fromName: 'orderwatch',
      allow: ['ana@example.org', '@family.example'],
      defaultTimeZone: 'UTC',
      dailyReplyCap: 20,
      maxMailBytes: 10 * 1024 * 1024,
      retentionDays: 180,
    });
    expect(c.service.policy.defaultTimeZone).toBe('UTC');
  });

  it('applies policy overrides and the deployment zone', () => {
    const c = readConfig({
      ...ENV,
      ORDERWATCH_TIME_ZONE: 'Europe/Berlin',
      ORDERWATCH_POLICY: '{"protectionDays": 75}',
    });
    expect(c.service.policy).toMatchObject({ protectionDays: 75, defaultTimeZone: 'Europe/Berlin' });
  });

  it.each([
    [{ ORDERWATCH_ALLOW: 'ana@example.org, x' }, 'ORDERWATCH_ALLOW: "x" is not an address or @domain'],
    [{ ORDERWATCH_TABLE: undefined }, 'ORDERWATCH_TABLE'],
    [{ ORDERWATCH_ADDRESS: 'watch' }, 'ORDERWATCH_ADDRESS: "watch" is not an email address'],
    [{ ORDERWATCH_TIME_ZONE: 'Mars/Base' }, 'ORDERWATCH_TIME_ZONE: "Mars/Base" is not an IANA time zone'],
    [{ ORDERWATCH_DAILY_REPLY_CAP: 'ten' }, 'ORDERWATCH_DAILY_REPLY_CAP: "ten" is not a whole number'],
    [
      { ORDERWATCH_POLICY: '{"protectionDayz": 1}' },
      'ORDERWATCH_POLICY: unknown policy field "protectionDayz"',
    ],
    [{ ORDERWATCH_POLICY: '{' }, 'ORDERWATCH_POLICY: is not valid JSON'],
    // Above the mail reader's own 10 MiB limit: such mail would be fetched only to be refused.
    [{ ORDERWATCH_MAX_MAIL_BYTES: String(20 * 1024 * 1024) }, 'ORDERWATCH_MAX_MAIL_BYTES'],
  ])('names the bad setting: %j', (change, message) => {
    expect(() => readConfig({ ...ENV, ...change })).toThrow(ConfigError);
    expect(() => readConfig({ ...ENV, ...change })).toThrow(message);
  });
});

describe('readRemindConfig', () => {
  // What the stack gives remind: the same variables as ingest (remind ignores bucket, allowlist and caps).
  const REMIND_ENV = { ...ENV, ORDERWATCH_TIME_ZONE: 'Europe/Berlin', ORDERWATCH_POLICY: '{}' };

  it("reads the shared settings with ingest's rules and defaults", () => {
    const c = readRemindConfig(REMIND_ENV);
    expect(c).toMatchObject({
      tableName: 'orderwatch',
      dueShardCount: undefined,
      sesConfigurationSet: undefined,
    });
    expect(c.service).toMatchObject({
      address: 'watch@example.org',
      fromName: 'orderwatch',
      defaultTimeZone: 'Europe/Berlin',
    });
    expect(c.service.policy.defaultTimeZone).toBe('Europe/Berlin');
    // The same values ingest reads from the same environment.
    const ingest = readConfig(REMIND_ENV).service;
    expect(c.service).toEqual({
      address: ingest.address,
      fromName: ingest.fromName,
      defaultTimeZone: ingest.defaultTimeZone,
      policy: ingest.policy,
    });
  });

  it('needs neither bucket nor allowlist, and reads its own tuning', () => {
    const c = readRemindConfig({
      ORDERWATCH_TABLE: 't',
      ORDERWATCH_ADDRESS: 'watch@example.org',
      ORDERWATCH_DUE_SHARDS: '4',
      ORDERWATCH_SES_CONFIGURATION_SET: 'orderwatch',
    });
    expect(c).toMatchObject({ dueShardCount: 4, sesConfigurationSet: 'orderwatch' });
    expect(c.service.defaultTimeZone).toBe('UTC');
  });

  it.each([
    [{ ORDERWATCH_TABLE: undefined }, 'ORDERWATCH_TABLE'],
    [{ ORDERWATCH_ADDRESS: 'watch' }, 'ORDERWATCH_ADDRESS: "watch" is not an email address'],
    [{ ORDERWATCH_TIME_ZONE: 'Mars/Base' }, 'ORDERWATCH_TIME_ZONE: "Mars/Base" is not an IANA time zone'],
    [{ ORDERWATCH_DUE_SHARDS: '0' }, 'ORDERWATCH_DUE_SHARDS: 0 is below 1'],
    [{ ORDERWATCH_DUE_SHARDS: 'many' }, 'ORDERWATCH_DUE_SHARDS: "many" is not a whole number'],
    [{ ORDERWATCH_POLICY: '{' }, 'ORDERWATCH_POLICY: is not valid JSON'],
  ])('names the bad setting: %j', (change, message) => {
    expect(() => readRemindConfig({ ...REMIND_ENV, ...change })).toThrow(ConfigError);
    expect(() => readRemindConfig({ ...REMIND_ENV, ...change })).toThrow(message);
  });
});

describe('parseSesEvent', () => {
  const record = {
    eventSource: 'aws:ses',
    eventVersion: '1.0',
    ses: {
      mail: {
        timestamp: '2026-03-01T09:00:00.000Z',
        source: 'ana@example.org',
        messageId: 'o3vrnil0e2ic28trm7dfhrc2v0clambda4nbp0g1',
        destination: ['watch@example.org'],
        headersTruncated: false,
        headers: [{ name: 'From', value: 'Ana <ana@example.org>' }],
        commonHeaders: { subject: 'Fwd: shipped', from: ['Ana <ana@example.org>'] },
      },
      receipt: {
        recipients: ['Watch@example.org'],
        spamVerdict: { status: 'PASS' },
        virusVerdict: { status: 'PASS' },
        spfVerdict: { status: 'PASS' },
        dkimVerdict: { status: 'GRAY' },
        dmarcVerdict: { status: 'PASS' },
        action: { type: 'Lambda', invocationType: 'Event' },
      },
    },
  };

  it('takes what ingest reads from a receipt event', () => {
    expect(parseSesEvent({ Records: [record] })).toEqual([
      {
        messageId: 'o3vrnil0e2ic28trm7dfhrc2v0clambda4nbp0g1',
        receivedAt: '2026-03-01T09:00:00.000Z',
        envelopeSender: 'ana@example.org',
        recipients: ['watch@example.org'],
        verdicts: { spam: 'PASS', virus: 'PASS', spf: 'PASS', dkim: 'GRAY', dmarc: 'PASS' },
        headers: [{ name: 'From', value: 'Ana <ana@example.org>' }],
        headersTruncated: false,
        subject: 'Fwd: shipped',
      },
    ]);
  });

  it('refuses anything else, and a message id that could leave its key', () => {
    expect(() => parseSesEvent({})).toThrow(/not an SES receipt event/);
    const bad = { ...record, ses: { ...record.ses, mail: { ...record.ses.mail, messageId: '../x' } } };
    expect(() => parseSesEvent({ Records: [bad] })).toThrow(/not an SES message id/);
  });
});
