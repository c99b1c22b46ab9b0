import { createHash } from 'node:crypto';

/**
 * Stable holdout assignment: the arm is a pure function of (campaign, customer), so it is the
 * same on every scan, on every server that replays the data, and needs no coordination.
 * The first 32 bits of SHA-256("campaign:customer") give a uniform bucket in [0, 10000).
 */
export function holdoutBucket(campaignId: string, customerId: string): number {
  const h = createHash('sha256').update(`${campaignId}:${customerId}`).digest();
  return h.readUInt32BE(0) % 10_000;
}

export function armFor(campaignId: string, customerId: string, holdoutPct: number): 'treatment' | 'control' {
  return holdoutBucket(campaignId, customerId) < holdoutPct * 100 ? 'control' : 'treatment';
}

/**
 * The arm a shopper is in: the one stored when they were first assigned, else the campaign's
 * current rule. A holdout share changed later (a chain campaign edited at head office) moves
 * only shoppers not yet assigned, never one already measured in an arm.
 */
export function assignedArm(assigned: ReadonlyMap<string, 'treatment' | 'control'>, campaignId: string, customerId: string, holdoutPct: number): 'treatment' | 'control' {
  return assigned.get(campaignId) ?? armFor(campaignId, customerId, holdoutPct);
}
