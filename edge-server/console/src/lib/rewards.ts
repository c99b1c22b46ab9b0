import type { CreateRewardRequest, RewardKind } from '@vitrina/contracts';
import { isDay } from './forms';
import { consoleI18n } from './i18n';

/** The rewards catalogue form → CreateRewardRequest, or what staff must fix (in their language). */
export interface RewardForm {
  name: string;
  kind: RewardKind;
  points: string;
  stock: string;
  limit: string;
  startsOn: string;
  endsOn: string;
  productId: string;
  promotionId: string;
  validDays: string;
}

const ID = /^[A-Za-z0-9_.:-]{1,64}$/;

function whole(s: string, min: number): number | null {
  return /^\d+$/.test(s.trim()) && Number(s) >= min ? Number(s) : null;
}

export function buildRewardRequest(f: RewardForm): { request: CreateRewardRequest | null; problems: string[] } {
  const { t } = consoleI18n.current();
  const problems: string[] = [];
  const p = (k: string) => problems.push(t(`rewards.problems.${k}`));
  const name = f.name.trim();
  if (!name) p('name');
  const pointsPrice = whole(f.points, 1);
  if (pointsPrice === null) p('points');
  const stock = f.stock.trim() ? whole(f.stock, 0) : undefined;
  if (stock === null) p('stock');
  const perMemberLimit = f.limit.trim() ? whole(f.limit, 1) : undefined;
  if (perMemberLimit === null) p('limit');
  if (!isDay(f.startsOn) || !isDay(f.endsOn) || f.endsOn < f.startsOn) p('days');
  if (f.kind === 'product' && !ID.test(f.productId.trim())) p('product');
  const validDays = f.kind === 'voucher' ? whole(f.validDays, 1) : undefined;
  if (f.kind === 'voucher' && !ID.test(f.promotionId.trim())) p('promotion');
  if (validDays === null || (validDays !== undefined && validDays > 366)) p('validDays');
  if (problems.length > 0) return { request: null, problems };
  const request: CreateRewardRequest = { kind: f.kind, name, pointsPrice: pointsPrice!, startsOn: f.startsOn, endsOn: f.endsOn };
  if (stock !== undefined && stock !== null) request.stock = stock;
  if (perMemberLimit !== undefined && perMemberLimit !== null) request.perMemberLimit = perMemberLimit;
  if (f.kind === 'product') request.productId = f.productId.trim();
  if (f.kind === 'voucher') {
    request.promotionId = f.promotionId.trim();
    request.voucherValidDays = validDays!;
  }
  return { request, problems: [] };
}
