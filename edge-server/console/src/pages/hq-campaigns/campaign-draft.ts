import { CAMPAIGN_STATUSES, type CampaignStatus, type ChainCampaign, type DiscountKind, type PublishCampaignRequest, type PublishedCampaign } from '@vitrina/contracts';
import { addDays, campaignFormProblems, discountValueFromInput } from '../../lib/forms';
import { consoleI18n } from '../../lib/i18n';
import { ALL_STORES, draftToTarget, targetToDraft, type TargetDraft } from '../../components/store-target/target';

/**
 * Head office's campaign form as plain data: a new campaign or the last published one being
 * edited, its offers (each keeps head office's offer id across edits, so a store rewrites the
 * same offer instead of adding one) and who it goes to. `buildCampaignPublish` turns it into the
 * publish request (the whole campaign every time) or lists what to fix.
 */
export interface OfferDraft {
  offerId: string;
  productId: string;
  title: string;
  discountKind: DiscountKind;
  /** As typed: percent and points whole numbers, money as "12.50". */
  discountValue: string;
}

export interface CampaignDraft {
  /** Null for a new campaign (an id is made at publish time); the campaign's id when editing. */
  id: string | null;
  /** The version being edited (the next publication is one above), 0 for a new campaign. */
  version: number;
  name: string;
  startsOn: string;
  endsOn: string;
  holdoutPct: string;
  priority: string;
  status: CampaignStatus;
  offers: OfferDraft[];
  target: TargetDraft;
}

const ID = /^[A-Za-z0-9_.:-]{1,64}$/;

/** A fresh id for a campaign or offer made at head office (unique enough across the chain's consoles). */
export function chainId(prefix: string, now = Date.now(), random = Math.random): string {
  return `${prefix}-${now.toString(36)}${random().toString(36).slice(2, 8)}`;
}

export function newCampaignDraft(today: string): CampaignDraft {
  return { id: null, version: 0, name: '', startsOn: today, endsOn: addDays(today, 27), holdoutPct: '10', priority: '0', status: 'live', offers: [], target: ALL_STORES };
}

export function newOfferDraft(offerId = chainId('off')): OfferDraft {
  return { offerId, productId: '', title: '', discountKind: 'percent', discountValue: '10' };
}

/** Money in minor units → what the value field shows ("12.50"). */
const moneyText = (minor: number) => (minor / 100).toFixed(2);

/** The form showing a published campaign, ready to edit and re-publish. */
export function draftOfPublished({ publication, payload }: PublishedCampaign): CampaignDraft {
  const c = payload.campaign;
  return {
    id: c.id, version: publication.version, name: c.name, startsOn: c.startsOn, endsOn: c.endsOn, holdoutPct: String(c.holdoutPct), priority: String(c.priority ?? 0),
    status: (CAMPAIGN_STATUSES as readonly string[]).includes(c.status) ? (c.status as CampaignStatus) : 'live',
    offers: (payload.offers ?? []).map((o) => ({
      offerId: o.offerId, productId: o.productId, title: o.title, discountKind: o.discountKind,
      discountValue: o.discountKind === 'amount' || o.discountKind === 'price' ? moneyText(o.discountValue) : String(o.discountValue),
    })),
    target: targetToDraft(publication.target),
  };
}

/** The publish request (the whole campaign, its offers and target), or what to fix in the user's language. */
export function buildCampaignPublish(d: CampaignDraft, makeId: (prefix: string) => string = chainId): { request: PublishCampaignRequest | null; problems: string[] } {
  const { t } = consoleI18n.current();
  const name = d.name.trim();
  const holdoutPct = /^\d+$/.test(d.holdoutPct.trim()) ? Number(d.holdoutPct.trim()) : NaN;
  const problems = campaignFormProblems({ name, startsOn: d.startsOn, endsOn: d.endsOn, holdoutPct });
  const priority = /^-?\d+$/.test(d.priority.trim()) ? Number(d.priority.trim()) : NaN;
  if (!(priority >= -1000 && priority <= 1000)) problems.push(t('hqCampaigns.problems.priority'));
  const offers: NonNullable<ChainCampaign['offers']> = [];
  d.offers.forEach((o, i) => {
    const n = i + 1;
    const productId = o.productId.trim();
    const title = o.title.trim();
    const value = discountValueFromInput(o.discountKind, o.discountValue);
    if (!ID.test(productId)) problems.push(t('hqCampaigns.problems.product', { n }));
    if (!title) problems.push(t('hqCampaigns.problems.title', { n }));
    if (value === null) problems.push(t('hqCampaigns.problems.value', { n }));
    if (ID.test(productId) && title && value !== null) offers.push({ offerId: o.offerId, productId, title: title.slice(0, 120), discountKind: o.discountKind, discountValue: value });
  });
  const target = draftToTarget(d.target);
  if (!target) problems.push(t('hqCampaigns.problems.target'));
  if (problems.length > 0 || !target) return { request: null, problems };
  const campaign = { id: d.id ?? makeId('cmp'), name, startsOn: d.startsOn, endsOn: d.endsOn, holdoutPct, priority, status: d.status };
  return { request: { target, payload: { campaign, offers } }, problems: [] };
}
