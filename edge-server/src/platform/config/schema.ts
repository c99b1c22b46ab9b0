import { Type, type Static } from 'typebox';
import type { StoreLocaleTag } from '@vitrina/contracts';
import { SERVER_NICENESS } from '../process/niceness.js';

/** Environment of the edge server, validated once at boot. Defaults run the demo store. */
export const ConfigSchema = Type.Object({
  NODE_ENV: Type.Union([Type.Literal('development'), Type.Literal('production'), Type.Literal('test')], { default: 'production' }),
  /**
   * Interface to listen on. Loopback by default, so a laptop running `npm start` is not open to
   * its network; a store server sets HOST=0.0.0.0 (deploy/env/edge.env.example) so kiosks and
   * screens on the LAN reach it.
   */
  HOST: Type.String({ default: '127.0.0.1' }),
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 8080 }),
  LOG_LEVEL: Type.Union(
    [Type.Literal('fatal'), Type.Literal('error'), Type.Literal('warn'), Type.Literal('info'), Type.Literal('debug'), Type.Literal('trace'), Type.Literal('silent')],
    { default: 'info' },
  ),
  /** Folder for the SQLite file, the install secret and uploaded media. */
  DATA_DIR: Type.String({ default: './data' }),
  /** Store id: keys every store-local write so head office can replay it safely. */
  STORE_ID: Type.String({ default: 'demo-store', pattern: '^[A-Za-z0-9_-]{1,40}$' }),
  /** IANA time zone for "today", promotion periods, expiry days and birthdays. */
  STORE_TIME_ZONE: Type.String({ default: 'America/New_York' }),
  /**
   * Language and number/date style of everything a person reads: kiosk (the shopper may switch),
   * signage, console default, and the discount words the server writes. Catalogues exist for these two.
   */
  STORE_LOCALE: Type.Union([Type.Literal('en-US'), Type.Literal('ru-RU')], { default: 'en-US' }),
  /** ISO 4217 code prices are in (amounts are stored in its minor units); checked against Intl at boot. */
  STORE_CURRENCY: Type.String({ default: 'USD', pattern: '^[A-Z]{3}$' }),
  /** Per-install HMAC secret (hex, ≥ 32 bytes). Generated into DATA_DIR/secret when unset. */
  VITRINA_SECRET: Type.Optional(Type.String({ minLength: 64, pattern: '^[0-9a-fA-F]+$' })),
  /**
   * A model.onnx + model.json folder to serve until the store's first decision (reference and
   * demo use, e.g. models/artifacts/current). Empty by default: a store serves only a model
   * trained on its own receipts, or a baseline (usecases/model-lifecycle).
   */
  MODEL_DIR: Type.String({ default: '' }),
  /**
   * CPU niceness of the server process, every thread (platform/process/niceness.ts): below the
   * box's other work so scans and tills never wait behind a busy core. Needs root or
   * CAP_SYS_NICE below 0 (the systemd unit sets it itself); refused, the server warns and runs on.
   */
  SERVER_NICENESS: Type.Integer({ minimum: -20, maximum: 19, default: SERVER_NICENESS }),
  /** Store-local hour (0–23) of the nightly training on the store's own receipts; -1 turns the schedule off. */
  TRAINING_HOUR: Type.Integer({ minimum: -1, maximum: 23, default: 3 }),
  /**
   * Customers with 3+ baskets below which the store trains nothing and serves the default
   * baseline: 20% of 150 is 30 held-out shoppers, about the fewest on which a paired test on
   * NDCG@10 can separate rankers at all; fewer, and any "win" is noise.
   */
  TRAINING_MIN_CUSTOMERS: Type.Integer({ minimum: 10, default: 150 }),
  /** Training epochs per run (the best epoch on validation customers is kept). */
  TRAINING_EPOCHS: Type.Integer({ minimum: 1, maximum: 100, default: 6 }),
  /** V8 heap limit of the training child process: training never takes the server's memory. */
  TRAINING_MEMORY_MB: Type.Integer({ minimum: 256, maximum: 16384, default: 1536 }),
  /** An aggregates refresh (worker thread) not finished by then is stopped; the old aggregates keep serving and it is retried with backoff. */
  AGGREGATES_REFRESH_TIMEOUT_MS: Type.Integer({ minimum: 1000, default: 300_000 }),
  /** Train once in the background on first start when the store has no decision yet (the demo store gets one). */
  TRAINING_ON_FIRST_START: Type.Boolean({ default: true }),
  /** Seed the demo store when the database is empty. */
  DEMO_SEED: Type.Boolean({ default: true }),
  /**
   * Restricted terms (comma-separated; a term may be several words): a product whose department
   * or category names one is restricted — never shown on signage, and on the kiosk only when
   * KIOSK_SHOWS_RESTRICTED. Matched on whole word stems, plurals folded ("Beers/Ales" names
   * beer and ale; "Kale" names neither): domains/catalog/restriction.ts.
   */
  RESTRICTED_CATEGORIES: Type.String({
    default: 'alcohol,alcoholic,beer,ale,lager,stout,wine,champagne,prosecco,spirit,liquor,liqueur,vodka,whisky,whiskey,gin,rum,tequila,'
      + 'brandy,cognac,bourbon,hard cider,hard seltzer,tobacco,cigarette,cigar,cigarillo,vape',
  }),
  KIOSK_SHOWS_RESTRICTED: Type.Boolean({ default: false }),
  KIOSK_OFFER_COUNT: Type.Integer({ minimum: 1, maximum: 12, default: 4 }),
  SIGNAGE_OFFER_COUNT: Type.Integer({ minimum: 1, maximum: 8, default: 3 }),
  TAKEOVER_MS: Type.Integer({ minimum: 1000, maximum: 120000, default: 12000 }),
  /** Version of the consent wording the kiosk shows; recorded with every consent given at a kiosk. Change it with the wording. */
  KIOSK_CONSENT_TEXT_VERSION: Type.String({ default: 'kiosk-1', minLength: 1, maxLength: 40 }),
  /** Extra loyalty-card number patterns (comma-separated regexes) besides EAN-13. */
  CARD_PATTERNS: Type.String({ default: '' }),
  /** JSON array of scanner bindings: [{"kioskId","vendorId","productId","path","layout"}]. */
  SCANNERS: Type.String({ default: '[]' }),
  /** Use a simulated HID backend fed over a dev route (tests, demos without hardware). */
  SCANNER_SIMULATOR: Type.Boolean({ default: false }),
  /** Card lookups one kiosk may make per second (keypad, wedge and scanner), after a burst of 20: a shopper never reaches it, a card-number guesser does. */
  SCAN_RATE_PER_KIOSK: Type.Number({ minimum: 0.1, maximum: 10_000, default: 2 }),
  BODY_LIMIT_BYTES: Type.Integer({ minimum: 1024, maximum: 50_000_000, default: 1_048_576 }),
  /**
   * The store's leaf nats-server (e.g. nats://127.0.0.1:4222) when the store is part of a chain
   * (deploy/chain/README.md). Empty (the default): a single store, nothing of NATS starts.
   */
  CHAIN_NATS_URL: Type.String({ default: '' }),
  /** User and password on the leaf's client port, when it asks for them. */
  CHAIN_NATS_USER: Type.String({ default: '' }),
  CHAIN_NATS_PASSWORD: Type.String({ default: '' }),
  /**
   * The store's NKey seed file (deploy/chain/gen-chain-config.mjs writes `<storeId>.nk`, mode
   * 0600): the edge server signs in to its leaf with it. Takes the place of user and password.
   */
  CHAIN_NATS_NKEY_SEED_FILE: Type.String({ default: '' }),
  /** The store's region on the chain (campaigns may target a region); empty for none. */
  CHAIN_REGION: Type.String({ default: '', pattern: '^([A-Za-z0-9_-]{1,40})?$' }),
  /**
   * What this process is: a store (the default) or the chain's head office (roles/headoffice:
   * its own database DATA_DIR/headoffice.sqlite, API and console pages; ingest and publication over NATS).
   */
  ROLE: Type.Union([Type.Literal('store'), Type.Literal('headoffice')], { default: 'store' }),
  /** Head office: the hub's NATS URL(s), comma-separated; empty runs head office without a hub (nothing ingested or published). */
  HQ_NATS_URL: Type.String({ default: '' }),
  HQ_NATS_USER: Type.String({ default: '' }),
  HQ_NATS_PASSWORD: Type.String({ default: '' }),
  /** Head office on a single nats-server without leaf nodes (one-box demo, tests): VITRINA_UP captures `vitrina.up.>` itself. */
  HQ_NATS_DIRECT: Type.Boolean({ default: false }),
  /** Media library upload limits (domains/media): images (JPEG, PNG, WebP, SVG) and videos (MP4, WebM). */
  MEDIA_IMAGE_MAX_BYTES: Type.Integer({ minimum: 1024, maximum: 200_000_000, default: 20_000_000 }),
  MEDIA_VIDEO_MAX_BYTES: Type.Integer({ minimum: 1024, maximum: 5_000_000_000, default: 500_000_000 }),
  /** How far ahead of the server's clock a screen's proof-of-play records may end before the batch is refused. */
  PLAY_CLOCK_SKEW_MS: Type.Integer({ minimum: 0, maximum: 3_600_000, default: 120_000 }),
  /** Fleet: an active device not connected and silent for longer than this raises an alert in the console. */
  FLEET_SILENT_MINUTES: Type.Integer({ minimum: 1, maximum: 1440, default: 5 }),
  /** Fleet: the largest remote screenshot kept, and how long the console waits for one. */
  FLEET_SCREENSHOT_MAX_BYTES: Type.Integer({ minimum: 10_000, maximum: 1_500_000, default: 1_500_000 }),
  FLEET_SCREENSHOT_TIMEOUT_MS: Type.Integer({ minimum: 500, maximum: 60_000, default: 10_000 }),
});
export type Config = Static<typeof ConfigSchema>;

/** The config's locales are exactly the ones contracts has catalogues for. */
export const STORE_LOCALE_MATCHES_CONTRACTS: StoreLocaleTag extends Config['STORE_LOCALE'] ? (Config['STORE_LOCALE'] extends StoreLocaleTag ? true : never) : never = true;
