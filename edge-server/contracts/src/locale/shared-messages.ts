/**
 * The words the server and all three apps share: points with their plural forms and the
 * discount wording (kiosk and signage offers, console promotions). Keys with _one/_few/_many/_other
 * are CLDR plural forms; i18next picks one through Intl.PluralRules for the language.
 * Both catalogues must have the same keys (format.test.ts checks it).
 */
export const SHARED_MESSAGES = {
  en: {
    points_one: '{{n}} point',
    points_other: '{{n}} points',
    discount: {
      percent: '{{value}}% off',
      amount: '{{money}} off',
      points_one: '{{n}} bonus point',
      points_other: '{{n}} bonus points',
      price: 'Now {{money}}',
    },
  },
  ru: {
    points_one: '{{n}} балл',
    points_few: '{{n}} балла',
    points_many: '{{n}} баллов',
    points_other: '{{n}} балла',
    discount: {
      percent: 'Скидка {{value}}%',
      amount: 'Скидка {{money}}',
      points_one: '{{n}} бонусный балл',
      points_few: '{{n}} бонусных балла',
      points_many: '{{n}} бонусных баллов',
      points_other: '{{n}} бонусного балла',
      price: 'Теперь {{money}}',
    },
  },
} as const;
