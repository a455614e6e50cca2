/**
 * Making orderwatch's receipt rule set the region's active one, as a CloudFormation custom resource
 * (`lib/constructs/rule-set-activation.ts`). SES has one active rule set per region and no way to activate
 * one without replacing whatever is active, so every step looks first:
 * - create: activate ours only if no other set is active; otherwise fail with what to do instead, rather
 *   than switch another application's mail off;
 * - update (the rule set was replaced): the same, counting the set we activated before as ours;
 * - delete: clear the active set only if it is still ours (so CloudFormation can delete it); a set someone
 *   activated since is left alone.
 */
import * as v from 'valibot';

/** The two SES calls this needs (SES v1 `DescribeActiveReceiptRuleSet`, `SetActiveReceiptRuleSet`). */
export interface ActiveRuleSet {
  /** The active rule set's name, or null when none is active. */
  get(): Promise<string | null>;
  /** Makes `name` the active rule set; null deactivates every set. */
  set(name: string | null): Promise<void>;
}

const RuleSetProperties = v.object({ RuleSetName: v.pipe(v.string(), v.minLength(1)) });

/** The fields of a CloudFormation custom-resource request this reads; a request without them is refused. */
const ActivationEvent = v.variant('RequestType', [
  v.object({ RequestType: v.literal('Create'), ResourceProperties: RuleSetProperties }),
  v.object({
    RequestType: v.literal('Update'),
    ResourceProperties: RuleSetProperties,
    OldResourceProperties: RuleSetProperties,
  }),
  v.object({ RequestType: v.literal('Delete'), ResourceProperties: RuleSetProperties }),
]);

/** Another application's rule set is active: activating ours would stop its mail. */
export class AnotherRuleSetActiveError extends Error {
  override readonly name = 'AnotherRuleSetActiveError';
  constructor(
    readonly active: string,
    readonly ours: string,
  ) {
    super(
      `The SES receipt rule set "${active}" is already active in this region, so another application ` +
        `receives mail here; activating orderwatch's "${ours}" would switch that mail off. Set ` +
        `"orderwatch:ruleSet": "${active}" in cdk.json to add orderwatch's rule to that set (and ` +
        `"orderwatch:activateRuleSet": false), or deploy orderwatch to another region.`,
    );
  }
}

export interface ActivationResult {
  /** Stable per rule set: a new name means a new resource, and CloudFormation deletes the old one. */
  readonly PhysicalResourceId: string;
}

export async function activateRuleSet(event: unknown, active: ActiveRuleSet): Promise<ActivationResult> {
  const request = v.parse(ActivationEvent, event);
  const ours = request.ResourceProperties.RuleSetName;
  const current = await active.get();
  if (request.RequestType === 'Delete') {
    if (current === ours) await active.set(null);
  } else {
    const ourEarlier = request.RequestType === 'Update' ? request.OldResourceProperties.RuleSetName : ours;
    if (current !== null && current !== ours && current !== ourEarlier) {
      throw new AnotherRuleSetActiveError(current, ours);
    }
    if (current !== ours) await active.set(ours);
  }
  return { PhysicalResourceId: `${ours}-active` };
}
