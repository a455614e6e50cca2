/**
 * Activating orderwatch's receipt rule set: SES's control plane cannot run here, so its one piece of
 * state (which set is active in the region) is a variable; the decisions are what is tested.
 */
import { describe, expect, it } from 'vitest';
import {
  type ActiveRuleSet,
  AnotherRuleSetActiveError,
  activateRuleSet,
} from '../../../functions/handlers/rule-set-activation';

function region(active: string | null): ActiveRuleSet & { active: string | null; calls: (string | null)[] } {
  const state = {
    active,
    calls: [] as (string | null)[],
    async get() {
      return state.active;
    },
    async set(name: string | null) {
      state.calls.push(name);
      state.active = name;
    },
  };
  return state;
}

const create = (name: string) => ({ RequestType: 'Create', ResourceProperties: { RuleSetName: name } });
const remove = (name: string) => ({ RequestType: 'Delete', ResourceProperties: { RuleSetName: name } });
const update = (name: string, old: string) => ({
  RequestType: 'Update',
  ResourceProperties: { RuleSetName: name },
  OldResourceProperties: { RuleSetName: old },
});

describe('creating', () => {
  it('activates ours when no set is active (a new account)', async () => {
    const ses = region(null);
    expect(await activateRuleSet(create('orderwatch-set'), ses)).toEqual({
      PhysicalResourceId: 'orderwatch-set-active',
    });
    expect(ses.active).toBe('orderwatch-set');
  });

  it('does nothing when ours is already active', async () => {
    const ses = region('orderwatch-set');
    await activateRuleSet(create('orderwatch-set'), ses);
    expect(ses.calls).toEqual([]);
  });

  it("refuses to switch another application's set off, and says what to set instead", async () => {
    const ses = region('shop-mail');
    const attempt = activateRuleSet(create('orderwatch-set'), ses);
    await expect(attempt).rejects.toThrow(AnotherRuleSetActiveError);
    await expect(attempt).rejects.toThrow('"orderwatch:ruleSet": "shop-mail"');
    expect(ses.active).toBe('shop-mail');
    expect(ses.calls).toEqual([]);
  });
});

describe('updating (the rule set was replaced)', () => {
  it('moves the activation from our old set to our new one', async () => {
    const ses = region('orderwatch-old');
    await activateRuleSet(update('orderwatch-new', 'orderwatch-old'), ses);
    expect(ses.active).toBe('orderwatch-new');
  });

  it('still refuses when another set is active', async () => {
    const ses = region('shop-mail');
    await expect(activateRuleSet(update('orderwatch-new', 'orderwatch-old'), ses)).rejects.toThrow(
      AnotherRuleSetActiveError,
    );
    expect(ses.active).toBe('shop-mail');
  });
});

describe('deleting', () => {
  it('clears the active set when it is ours, so CloudFormation can delete it', async () => {
    const ses = region('orderwatch-set');
    await activateRuleSet(remove('orderwatch-set'), ses);
    expect(ses.calls).toEqual([null]);
    expect(ses.active).toBeNull();
  });

  it('leaves a set someone activated since alone', async () => {
    const ses = region('shop-mail');
    await activateRuleSet(remove('orderwatch-set'), ses);
    expect(ses.calls).toEqual([]);
    expect(ses.active).toBe('shop-mail');
  });

  it('after a replacement, the old resource leaves our new active set alone', async () => {
    const ses = region('orderwatch-new');
    await activateRuleSet(remove('orderwatch-old'), ses);
    expect(ses.active).toBe('orderwatch-new');
  });
});

it('refuses a request that is not a custom-resource request for a rule set', async () => {
  const ses = region(null);
  await expect(activateRuleSet({ RequestType: 'Create', ResourceProperties: {} }, ses)).rejects.toThrow();
  await expect(
    activateRuleSet({ RequestType: 'Remove', ResourceProperties: { RuleSetName: 'x' } }, ses),
  ).rejects.toThrow();
  expect(ses.calls).toEqual([]);
});
