import type { Formatters, PlaylistItem } from '@vitrina/contracts';

/** What the default slides may say about the program: read from the loyalty settings on every request, never written here. */
export interface ProgramFacts {
  /** Points per 10 000 minor units spent (basis points of the net amount). */
  earnRateBp: number;
  /** What one point is worth when spent, in minor units. */
  pointValueMinor: number;
  /** Days a point stays valid after the day it was earned. */
  validityDays: number;
}

/**
 * What a zone's screens loop until staff publish their own playlist, in the store's language.
 * Every claim about the program comes from its settings (earn rate, point value, validity), so a
 * screen never contradicts the kiosk: "never expire" was once written here while points expire
 * after `validityDays`.
 */
export function defaultPlaylistItems(program: ProgramFacts, fmt: Pick<Formatters, 'language' | 'money' | 'points' | 'count'>): PlaylistItem[] {
  const w = fmt.language === 'ru' ? RU : EN;
  return [
    { id: 'welcome', kind: 'message', src: null, title: w.welcomeTitle, body: w.welcomeBody, durationMs: 8000 },
    { id: 'produce', kind: 'image', src: '/media/produce.svg', title: w.produceTitle, body: w.produceBody, durationMs: 8000 },
    { id: 'points', kind: 'message', src: null, ...pointsSlide(program, fmt, w), durationMs: 8000 },
    { id: 'bakery', kind: 'image', src: '/media/bakery.svg', title: w.bakeryTitle, body: w.bakeryBody, durationMs: 8000 },
  ];
}

/** The points slide: how many points what amount earns, what a point is worth, how long it lasts. */
function pointsSlide(p: ProgramFacts, fmt: Pick<Formatters, 'money' | 'points' | 'count'>, w: Words): { title: string; body: string } {
  if (p.earnRateBp <= 0) return { title: w.joinTitle, body: w.joinBody };
  // The smallest whole spend that earns a whole number of points: 100 bp → 1 point per 100 minor.
  const per = spendForOnePoint(p.earnRateBp);
  const earn = w.earn(fmt.points(per.points), fmt.money(per.minor));
  return { title: w.pointsTitle, body: `${earn} ${w.worth(fmt.money(p.pointValueMinor))} ${w.valid(fmt.count(p.validityDays))}` };
}

/** points = floor(net × bp / 10 000): the spend (in minor units, a round 100s where possible) and the points it earns. */
export function spendForOnePoint(earnRateBp: number): { minor: number; points: number } {
  for (const minor of [100, 1000, 10_000]) {
    const points = Math.floor((minor * earnRateBp) / 10_000);
    if (points >= 1) return { minor, points };
  }
  return { minor: Math.ceil(10_000 / earnRateBp), points: 1 };
}

interface Words {
  welcomeTitle: string; welcomeBody: string; produceTitle: string; produceBody: string; bakeryTitle: string; bakeryBody: string;
  pointsTitle: string; joinTitle: string; joinBody: string;
  earn(points: string, money: string): string; worth(money: string): string; valid(days: string): string;
}

const EN: Words = {
  welcomeTitle: 'Welcome to Vitrina Market',
  welcomeBody: 'Fresh every morning. Scan your loyalty card at the kiosk to see your points and this week’s offers.',
  produceTitle: 'Seasonal produce', produceBody: 'Local apples, pears and squash are in.',
  bakeryTitle: 'From our bakery', bakeryBody: 'Sourdough out of the oven at 7, 11 and 4.',
  pointsTitle: 'Every purchase earns points', joinTitle: 'Join our loyalty program', joinBody: 'It takes a minute at any kiosk.',
  earn: (points, money) => `${points} for every ${money} you spend;`,
  worth: (money) => `each point is worth ${money} at the till.`,
  valid: (days) => `Points stay valid for ${days} days after the purchase that earned them.`,
};

const RU: Words = {
  welcomeTitle: 'Добро пожаловать в Vitrina Market',
  welcomeBody: 'Свежее каждое утро. Отсканируйте карту в киоске — там ваши баллы и предложения недели.',
  produceTitle: 'Сезонные овощи и фрукты', produceBody: 'Уже в продаже местные яблоки, груши и тыквы.',
  bakeryTitle: 'Из нашей пекарни', bakeryBody: 'Хлеб на закваске из печи в 7, 11 и 16 часов.',
  pointsTitle: 'Баллы за каждую покупку', joinTitle: 'Вступайте в программу лояльности', joinBody: 'Это займёт минуту в любом киоске.',
  earn: (points, money) => `${points} за каждые ${money} покупки;`,
  worth: (money) => `один балл — это ${money} на кассе.`,
  valid: (days) => `Баллы действуют ${days} дн. после покупки, за которую начислены.`,
};
