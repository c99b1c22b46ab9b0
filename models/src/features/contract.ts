/**
 * The feature contract shared by training and serving. A model artifact records this
 * version and these names; the edge server refuses a model whose contract differs. Change
 * the meaning or order of any feature → bump the version.
 *
 * Per candidate item i of a customer with n history baskets (oldest first):
 */
export const FEATURE_CONTRACT = {
  version: 'f4',
  names: [
    'own_share', //               baskets containing i / n
    'own_count_log', //           log1p(baskets containing i)
    'own_decay_09', //            Σ 0.9^(n−j)·[i ∈ b_j] / Σ 0.9^(n−j)
    'own_decay_05', //            the same with 0.5: mostly the last few baskets
    'in_last_basket', //          i ∈ b_n
    'own_recency', //             1 / (1 + baskets since i was last bought); 0 if never
    'in_history', //              i bought before
    'pop_all_log', //             log share of all store baskets containing i
    'pop_last_log', //            log share of customers whose latest basket contains i
    'pop_recent_log', //          log share over customers' recent baskets, decayed 0.5 per basket back
    'pop_rank_all_log', //        log1p(rank of i by all-basket popularity)
    'pop_rank_last_log', //       log1p(rank of i by latest-basket popularity)
    'item_repeat_propensity', //  (buyers of i who bought it again + 1) / (buyers + 2)
    'cooc_score', //              Σ_j w_j·P(i ∈ basket | j ∈ basket), w = own_decay_09 normalised
    'cooc_max', //                max over own items j of P(i | j)
    'cooc_last', //               mean over j ∈ b_n of P(i | j)
    'trans_score', //             Σ_j w_j·P(i ∈ next basket | j ∈ basket)
    'user_baskets_log', //        log1p(n)
    'user_repeat_ratio', //       mean share of a basket's items bought before (baskets 2..n)
    'user_basket_size_log', //    log1p(mean basket size)
    'user_distinct_log', //       log1p(distinct items bought)
    'gp_tie_score', //            own count + 1/(2 + popularity rank): GP-TopFreq's order
    // f2: repeat cycles and time-aware weighting (TAIW / ReCANet-style repeat signals)
    'tifu_own', //                TIFU-KNN's own user-vector weight of i (r_b 0.9, r_g 0.7, 7 groups)
    'own_cycle_ratio', //         log1p(baskets since i was last bought / the customer's own mean gap for i); 0 if bought < 2 times
    'item_cycle_ratio', //        log1p(baskets since i was last bought / the store's mean repeat gap of i); 0 if never
    'item_cycle_log', //          log1p(the store's mean repeat gap of i, in baskets, smoothed toward all items' mean)
    'item_self_next', //          (next baskets that repeat i + 1) / (baskets with i followed by another + 2)
    'trans_last', //              mean over j ∈ b_n of P(i ∈ next basket | j)
    // f3: the latest-basket period split into its repeat and explore sides
    'pop_last_new_log', //        log share of customers whose latest basket has i as an item new to them
    'to_last_score', //           Σ_j w_j·P(i ∈ a shopper's latest basket | j in an earlier one), w as cooc_score
    'last_repeat_rate', //        (customers whose latest basket repeats i + 1) / (customers who bought i before their latest basket + 2)
    // f4: user-kNN — what the shoppers most like this one bought on their latest visit
    'knn_last_log', //            log(0.001 + share of the 300 nearest peers (TIFU vectors of their earlier baskets) whose latest basket has i)
  ],
} as const;

export type FeatureName = (typeof FEATURE_CONTRACT.names)[number];
export const FEATURE_COUNT = FEATURE_CONTRACT.names.length;
export const F = Object.fromEntries(FEATURE_CONTRACT.names.map((n, k) => [n, k])) as Record<FeatureName, number>;
