import { Type, type Static } from 'typebox';
import { ErrorResponse } from '../errors.js';
import { defineRoute } from './define-route.js';

const tags = ['recommendations'];
const security = [{ bearer: [] }];

/** Mean of a per-shopper metric over the held-out shoppers, with its 95% interval (± 1.96 SE). */
export const MetricInterval = Type.Object({ mean: Type.Number(), lo: Type.Number(), hi: Type.Number(), se: Type.Number() });

/** What the store serves: its own promoted model, or a named baseline. */
export const RankerChoice = Type.Union([
  Type.Object({
    kind: Type.Literal('model'), version: Type.String(), artifactDir: Type.String(), sha256: Type.String(),
    /** Repeat-first ranking: own items bought in at least this many baskets first (GP-ties order), then the model's order. Absent: the model's order. */
    repeatFirst: Type.Optional(Type.Integer({ minimum: 1 })),
    /** With repeatFirst: at most this many own items in the repeat block. */
    repeatCap: Type.Optional(Type.Integer({ minimum: 1 })),
  }),
  Type.Object({ kind: Type.Literal('baseline'), name: Type.String() }),
]);
export type RankerChoice = Static<typeof RankerChoice>;

export const MethodMetrics = Type.Object({
  name: Type.String(),
  role: Type.Union([Type.Literal('baseline'), Type.Literal('candidate'), Type.Literal('incumbent')]),
  users: Type.Integer(),
  ndcg10: MetricInterval,
  recall10: MetricInterval,
  phr10: MetricInterval,
  /** The candidate's paired NDCG@10 gain over this method: mean difference, its SE, and their ratio. */
  candidateGain: Type.Optional(Type.Object({ diff: Type.Number(), se: Type.Number(), z: Type.Number() })),
});
export type MethodMetrics = Static<typeof MethodMetrics>;

export const TrainingTrigger = Type.Union([Type.Literal('schedule'), Type.Literal('manual'), Type.Literal('first-start'), Type.Literal('chain')]);

/** One training run on the store's own receipts and what it decided. */
export const ModelDecision = Type.Object({
  id: Type.Integer(),
  trigger: TrainingTrigger,
  startedAt: Type.String(),
  finishedAt: Type.String(),
  outcome: Type.Union([Type.Literal('promoted'), Type.Literal('kept-incumbent'), Type.Literal('baseline'), Type.Literal('insufficient-history'), Type.Literal('failed')]),
  served: RankerChoice,
  reason: Type.String(),
  dataWindow: Type.Object({ from: Type.Union([Type.String(), Type.Null()]), to: Type.Union([Type.String(), Type.Null()]) }),
  customers: Type.Integer(),
  baskets: Type.Integer(),
  split: Type.Union([Type.Object({ seed: Type.Integer(), train: Type.Integer(), validation: Type.Integer(), test: Type.Integer() }), Type.Null()]),
  methods: Type.Array(MethodMetrics),
  candidate: Type.Union([
    Type.Object({
      version: Type.String(), kind: Type.String(), bestEpoch: Type.Integer(), trainSeconds: Type.Number(), sha256: Type.String(),
      artifactDir: Type.Union([Type.String(), Type.Null()]),
    }),
    Type.Null(),
  ]),
});
export type ModelDecision = Static<typeof ModelDecision>;

export const RecommendationsState = Type.Object({
  serving: Type.Object({
    /** loaded: the store's model; baseline: a baseline by decision; fallback: a model was refused (reason). */
    status: Type.Union([Type.Literal('loaded'), Type.Literal('baseline'), Type.Literal('fallback')]),
    /** Model version or baseline name. */
    ranker: Type.Union([Type.String(), Type.Null()]),
    reason: Type.Union([Type.String(), Type.Null()]),
  }),
  training: Type.Object({
    running: Type.Boolean(),
    trigger: Type.Union([TrainingTrigger, Type.Null()]),
    phase: Type.Union([Type.String(), Type.Null()]),
    startedAt: Type.Union([Type.String(), Type.Null()]),
  }),
  schedule: Type.Object({
    /** Store-local hour of the nightly run, null when the schedule is off. */
    hour: Type.Union([Type.Integer(), Type.Null()]),
    timeZone: Type.String(),
    nextRunAt: Type.Union([Type.String(), Type.Null()]),
    minCustomers: Type.Integer(),
  }),
  /** Newest first. */
  decisions: Type.Array(ModelDecision),
});
export type RecommendationsState = Static<typeof RecommendationsState>;

export const TrainingStarted = Type.Object({ started: Type.Literal(true), startedAt: Type.String() });

/** The store's ranker: what serves, the training runs and their decisions (admins train; marketers read). */
export const recommendationRoutes = {
  state: defineRoute({ method: 'GET', path: '/api/v1/recommendations', tags, security, response: { 200: RecommendationsState, 401: ErrorResponse, 403: ErrorResponse } }),
  /** Starts a training run in the background; 409 VITRINA_ERR_TRAINING_RUNNING while one runs. */
  train: defineRoute({ method: 'POST', path: '/api/v1/recommendations/train', tags, security, response: { 202: TrainingStarted, 401: ErrorResponse, 403: ErrorResponse, 409: ErrorResponse } }),
};
