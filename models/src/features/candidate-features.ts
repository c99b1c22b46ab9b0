import { FEATURE_COUNT, F } from './contract.js';
import type { StoreAggregates } from './aggregates.js';
import { topByScore } from './sparse-lists.js';
import { tifuBasketWeights } from './tifu-weights.js';
import { addPeerLatestShares } from './peer-index.js';

export interface HistoryBasket {
  t: number;
  items: readonly string[];
}

export interface CandidateOptions {
  maxCandidates: number;
  /**
   * Score exactly these items (e.g. products with a live offer) instead of generating
   * candidates. Items the aggregates do not know are left out of the result.
   */
  only?: readonly string[];
}

export interface CandidateFeatures {
  candidates: string[];
  /** Row-major candidates.length × FEATURE_COUNT, in FEATURE_CONTRACT order. */
  features: Float32Array;
}

/** Shares of the candidate budget: own items first, then co-bought items, then best-sellers. */
const OWN_SHARE = 0.4;
const NEIGHBOUR_SHARE = 0.3;

const logShare = (count: number, total: number) => Math.log((count + 1) / (total + 1));

/** Weight of the all-items mean gap when smoothing an item's repeat cycle (pseudo-gaps). */
const CYCLE_PRIOR = 2;

/**
 * Candidates and their features for one customer, from their chronological history and the
 * store aggregates. Uses nothing but `history` about the customer, so features for a target
 * basket depend only on the baskets passed in (the caller passes the earlier ones).
 * Synchronous and allocation-light: it runs in the edge server's scan path.
 */
export function buildCandidateFeatures(history: readonly HistoryBasket[], agg: StoreAggregates, opts: CandidateOptions): CandidateFeatures {
  const s = agg.scratch;
  const count = s.a, d09 = s.b, d05 = s.c, cooc = s.d, coocMax = s.e, coocLast = s.f, trans = s.g;
  const tifu = s.k, transLast = s.l, toLast = s.m, peerShare = s.peerShare;
  const lastIdx = s.last, firstIdx = s.first, stamp = s.stamp;
  const tifuW = tifuBasketWeights(history.length);
  const n = history.length;
  const own: number[] = [];
  const lastBasket: number[] = [];
  let sum09 = 0, sum05 = 0, repeatShareSum = 0, sizeSum = 0;
  for (let j = 0; j < n; j++) {
    const w09 = 0.9 ** (n - 1 - j), w05 = 0.5 ** (n - 1 - j);
    sum09 += w09;
    sum05 += w05;
    let known = 0, repeats = 0;
    for (const id of history[j]!.items) {
      const i = agg.index.get(id);
      if (i === undefined || stamp[i] === j) continue; // unknown to the store, or a duplicate line
      stamp[i] = j;
      known++;
      if (count[i]! > 0) repeats++;
      else own.push(i);
      count[i]! += 1;
      d09[i]! += w09;
      d05[i]! += w05;
      tifu[i]! += tifuW[j]!;
      if (firstIdx[i] === -1) firstIdx[i] = j;
      lastIdx[i] = j;
      if (j === n - 1) lastBasket.push(i);
    }
    sizeSum += known;
    if (j > 0 && known > 0) repeatShareSum += repeats / known;
  }
  // Co-occurrence and transition scores of every item reachable from the customer's items.
  const reached: number[] = [];
  // Scores added are strictly positive, so "all zero" means "not reached yet".
  const touch = (i: number) => {
    if (cooc[i] === 0 && trans[i] === 0 && toLast[i] === 0) reached.push(i);
  };
  const lastSet = new Set(lastBasket);
  let ownMass = 0;
  for (const j of own) ownMass += d09[j]!;
  for (const j of own) {
    const w = d09[j]! / ownMass;
    for (let p = agg.cooc.offsets[j]!; p < agg.cooc.offsets[j + 1]!; p++) {
      const i = agg.cooc.items[p]!, pr = agg.cooc.probs[p]!;
      touch(i);
      cooc[i]! += w * pr;
      if (pr > coocMax[i]!) coocMax[i] = pr;
      if (lastSet.has(j)) coocLast[i]! += pr / lastBasket.length;
    }
    for (let p = agg.trans.offsets[j]!; p < agg.trans.offsets[j + 1]!; p++) {
      const i = agg.trans.items[p]!;
      touch(i);
      trans[i]! += w * agg.trans.probs[p]!;
      if (lastSet.has(j)) transLast[i]! += agg.trans.probs[p]! / lastBasket.length;
    }
    for (let p = agg.toLast.offsets[j]!; p < agg.toLast.offsets[j + 1]!; p++) {
      const i = agg.toLast.items[p]!;
      touch(i);
      toLast[i]! += w * agg.toLast.probs[p]!;
    }
  }
  // The nearest peers' latest baskets (own items carry their TIFU weight in `tifu`).
  const peerTouched: number[] = [];
  addPeerLatestShares(agg.peers, own, tifu, s.peerDot, peerShare, peerTouched);
  // Candidate selection.
  const max = opts.maxCandidates;
  const chosen: number[] = [];
  const isChosen = (i: number) => stamp[i] === -2;
  const choose = (i: number) => {
    if (chosen.length < max && !isChosen(i)) {
      stamp[i] = -2;
      chosen.push(i);
    }
  };
  if (opts.only) {
    for (const id of opts.only) {
      const i = agg.index.get(id);
      if (i !== undefined && !isChosen(i)) {
        stamp[i] = -2;
        chosen.push(i);
      }
    }
  }
  const generate = opts.only === undefined;
  const ownSorted = !generate ? [] : own.slice().sort((a, b) => d09[b]! - d09[a]! || count[b]! - count[a]! || a - b);
  for (const i of ownSorted.slice(0, Math.ceil(max * OWN_SHARE))) choose(i);
  const neighbourBudget = Math.ceil(max * NEIGHBOUR_SHARE);
  if (generate) {
    const fresh = reached.filter((i) => count[i] === 0);
    const linked = s.h;
    for (const i of fresh) linked[i] = cooc[i]! + trans[i]! + toLast[i]!;
    for (const i of topByScore(fresh, linked, neighbourBudget)) choose(i);
  }
  for (let r = 0; generate && chosen.length < max && r < agg.byLast.length; r++) {
    choose(agg.byLast[r]!);
    choose(agg.byAll[r]!);
  }
  // Features.
  const features = new Float32Array(chosen.length * FEATURE_COUNT);
  const userBaskets = Math.log1p(n);
  const userRepeat = n > 1 ? repeatShareSum / (n - 1) : 0;
  const userSize = Math.log1p(n > 0 ? sizeSum / n : 0);
  const userDistinct = Math.log1p(own.length);
  chosen.forEach((i, row) => {
    const o = row * FEATURE_COUNT;
    const c = count[i]!;
    features[o + F.own_share] = n > 0 ? c / n : 0;
    features[o + F.own_count_log] = Math.log1p(c);
    features[o + F.own_decay_09] = sum09 > 0 ? d09[i]! / sum09 : 0;
    features[o + F.own_decay_05] = sum05 > 0 ? d05[i]! / sum05 : 0;
    features[o + F.in_last_basket] = c > 0 && lastIdx[i] === n - 1 ? 1 : 0;
    features[o + F.own_recency] = c > 0 ? 1 / (n - lastIdx[i]!) : 0;
    features[o + F.in_history] = c > 0 ? 1 : 0;
    features[o + F.pop_all_log] = logShare(agg.popAll[i]!, agg.nBaskets);
    features[o + F.pop_last_log] = logShare(agg.popLast[i]!, agg.nCustomers);
    features[o + F.pop_recent_log] = logShare(agg.popRecent[i]!, agg.recentMass);
    features[o + F.pop_rank_all_log] = Math.log1p(agg.rankAll[i]!);
    features[o + F.pop_rank_last_log] = Math.log1p(agg.rankLast[i]!);
    features[o + F.item_repeat_propensity] = (agg.repeatBuyers[i]! + 1) / (agg.buyers[i]! + 2);
    features[o + F.cooc_score] = cooc[i]!;
    features[o + F.cooc_max] = coocMax[i]!;
    features[o + F.cooc_last] = coocLast[i]!;
    features[o + F.trans_score] = trans[i]!;
    features[o + F.user_baskets_log] = userBaskets;
    features[o + F.user_repeat_ratio] = userRepeat;
    features[o + F.user_basket_size_log] = userSize;
    features[o + F.user_distinct_log] = userDistinct;
    features[o + F.gp_tie_score] = c + 1 / (2 + agg.rankAll[i]!);
    features[o + F.tifu_own] = tifu[i]!;
    const since = c > 0 ? n - lastIdx[i]! : 0; // 1 = bought in the latest basket
    const itemCycle = (agg.gapSum[i]! + CYCLE_PRIOR * agg.meanGap) / (agg.gapCount[i]! + CYCLE_PRIOR);
    features[o + F.own_cycle_ratio] = c > 1 ? Math.log1p(since / ((lastIdx[i]! - firstIdx[i]!) / (c - 1))) : 0;
    features[o + F.item_cycle_ratio] = c > 0 ? Math.log1p(since / itemCycle) : 0;
    features[o + F.item_cycle_log] = Math.log1p(itemCycle);
    features[o + F.item_self_next] = (agg.selfNextNum[i]! + 1) / (agg.selfNextDen[i]! + 2);
    features[o + F.trans_last] = transLast[i]!;
    features[o + F.pop_last_new_log] = logShare(agg.lastNew[i]!, agg.nCustomers);
    features[o + F.to_last_score] = toLast[i]!;
    features[o + F.last_repeat_rate] = (agg.popLast[i]! - agg.lastNew[i]! + 1) / (agg.priorBuyers[i]! + 2);
    features[o + F.knn_last_log] = Math.log(0.001 + peerShare[i]!);
  });
  const candidates = chosen.map((i) => agg.itemIds[i]!);
  // Reset the scratch for the next call (only the entries this call touched).
  for (const i of own) {
    count[i] = 0; d09[i] = 0; d05[i] = 0; tifu[i] = 0; lastIdx[i] = -1; firstIdx[i] = -1; stamp[i] = -1;
  }
  for (const i of reached) {
    cooc[i] = 0; coocMax[i] = 0; coocLast[i] = 0; trans[i] = 0; transLast[i] = 0; toLast[i] = 0; s.h[i] = 0; stamp[i] = -1;
  }
  for (const i of peerTouched) peerShare[i] = 0;
  for (const i of chosen) stamp[i] = -1;
  return { candidates, features };
}
