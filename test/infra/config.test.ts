import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS, ConfigError, loadConfig, SES_RECEIVING_REGIONS } from '../../lib/config';
import { exampleConfig, exampleContext } from './support';

function without(key: string): Record<string, unknown> {
  const context = exampleContext();
  delete context[`orderwatch:${key}`];
  return context;
}

function error(overrides: Record<string, unknown>): string {
  try {
    exampleConfig(overrides);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration (cdk.json context)', () => {
  it('the shipped example is complete and valid', () => {
    const config = exampleConfig();
    expect(config).toMatchObject({
      region: 'eu-west-1',
      domain: 'orders.example.com',
      address: 'watch@orders.example.com',
      activateRuleSet: true,
      reminderEveryMinutes: 15,
      hostedZone: null,
    });
    // Every key is spelled out in the example, so it doubles as the reference.
    for (const key of CONFIG_KEYS) expect(exampleContext()).toHaveProperty([`orderwatch:${key}`]);
  });

  it('fills in documented defaults for optional keys', () => {
    const context = exampleContext();
    for (const key of ['fromName', 'policy', 'dailyReplyCap', 'retentionDays', 'hostedZone', 'sesSandbox']) {
      delete context[`orderwatch:${key}`];
    }
    expect(loadConfig(context)).toMatchObject({
      fromName: 'orderwatch',
      policy: {},
      dailyReplyCap: 20,
      retentionDays: 30,
      hostedZone: null,
      sesSandbox: false,
    });
  });

  it('names a missing required key', () => {
    expect(() => loadConfig(without('domain'))).toThrow('"orderwatch:domain": is required');
    expect(() => loadConfig(without('alarmEmail'))).toThrow('"orderwatch:alarmEmail": is required');
  });

  it('takes the region of the credentials when cdk.json sets none', () => {
    expect(loadConfig(without('region'), 'us-east-1').region).toBe('us-east-1');
    expect(() => loadConfig(without('region'))).toThrow('"orderwatch:region": is required');
  });

  it('refuses a region where SES cannot receive mail, naming the regions that can', () => {
    const message = error({ region: 'eu-south-1' });
    expect(message).toContain('SES cannot receive mail in eu-south-1');
    for (const region of SES_RECEIVING_REGIONS) expect(message).toContain(region);
    expect(message).toContain('https://docs.aws.amazon.com/general/latest/gr/ses.html');
    expect(exampleConfig({ region: 'eu-south-1', extraReceivingRegions: ['eu-south-1'] }).region).toBe(
      'eu-south-1',
    );
  });

  it('refuses unknown keys (a typo must not fall back to a default)', () => {
    expect(() => loadConfig({ ...exampleContext(), 'orderwatch:alowed': [] })).toThrow(
      '"orderwatch:alowed": is not a setting orderwatch knows',
    );
  });

  it.each([
    [{ domain: 'not a domain' }, '"orderwatch:domain": must be a domain name'],
    [
      { address: 'watch@elsewhere.example.com' },
      '"orderwatch:address": must be an address in the mail domain',
    ],
    [{ allow: [] }, '"orderwatch:allow": must list at least one user'],
    [{ allow: ['you@example.com', 'nobody'] }, '"orderwatch:allow.1": each entry must be an email address'],
    [{ allow: ['watch@orders.example.com'] }, "must not contain orderwatch's own address"],
    [{ allow: ['you@example.com', '@orders.example.com'] }, "must not contain orderwatch's own address"],
    [{ alarmEmail: 'ops@orders.example.com' }, '"orderwatch:alarmEmail": must be an address outside'],
    [{ timeZone: 'Mars/Olympus' }, '"orderwatch:timeZone": must be an IANA time zone'],
    [{ policy: { protectionDay: 60 } }, '"orderwatch:policy": unknown policy field "protectionDay"'],
    [{ policy: { appealDays: -1 } }, '"orderwatch:policy": policy "appealDays" must be a whole number'],
    [{ policy: { defaultTimeZone: 'UTC' } }, '"orderwatch:policy.defaultTimeZone"'],
    [{ dailyReplyCap: 0 }, '"orderwatch:dailyReplyCap": must be at least 1'],
    [{ retentionDays: 1.5 }, '"orderwatch:retentionDays": must be a whole number'],
    [{ reminderEveryMinutes: 1 }, '"orderwatch:reminderEveryMinutes": must be at least 5'],
    [{ maxMailBytes: 20 * 1024 * 1024 }, '"orderwatch:maxMailBytes": must be at most 10485760'],
    [{ alarmEmail: 'ops' }, '"orderwatch:alarmEmail": must be an email address'],
    [{ activateRuleSet: 'yes' }, '"orderwatch:activateRuleSet": must be true or false'],
    [{ ruleSet: 'shop-mail' }, '"orderwatch:activateRuleSet": must be false with "orderwatch:ruleSet"'],
    [{ ruleSet: '-shop', activateRuleSet: false }, '"orderwatch:ruleSet": must be the name of an SES'],
    [{ hostedZone: { id: 'Z123', name: 'other.org' } }, '"orderwatch:hostedZone.name": must be'],
    [{ hostedZone: { id: 'nope', name: 'example.com' } }, '"orderwatch:hostedZone.id"'],
    [{ fromName: 'a\r\nBcc: x' }, '"orderwatch:fromName": must not contain line breaks'],
  ])('refuses %j with a message naming the key', (overrides, message) => {
    expect(error(overrides)).toContain(message);
  });

  it('normalises addresses to lower case and drops duplicates', () => {
    const config = exampleConfig({ allow: ['You@Example.com', 'you@example.com', '@Example.NET'] });
    expect(config.allow).toEqual(['you@example.com', '@example.net']);
  });

  it('accepts a hosted zone for the domain or a parent of it', () => {
    expect(exampleConfig({ hostedZone: { id: 'Z0123456789ABC', name: 'example.com' } }).hostedZone).toEqual({
      id: 'Z0123456789ABC',
      name: 'example.com',
    });
  });
});
