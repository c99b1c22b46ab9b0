/**
 * The words the server and all three apps share: points with their plural forms, the
 * discount wording (kiosk and signage offers, console promotions), and the two screens every
 * device shows alike (not paired, crashed: @vitrina/contracts/client). Keys with _one/_few/_many/_other
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
    device: {
      staffSetup: 'Staff setup',
      notPaired_kiosk: 'This kiosk is not paired',
      notPaired_screen: 'This screen is not paired',
      revoked: 'Its pairing was revoked in the store console.',
      unknown: 'The store server does not recognise its pairing token.',
      noPairing: 'The store server has no pairing for it.',
      unauthorized: 'The store server did not accept its pairing token.',
      refused: 'The store server refused it.',
      noToken: 'It has no pairing token yet.',
      howTo_kiosk: 'Create a pairing in the store console (Devices → Pair), then open the link it gives you on this kiosk, or paste the token here.',
      howTo_screen: 'Create a pairing in the store console (Devices → Pair), then open the link it gives you on this screen, or paste the token here.',
      tokenLabel: 'Pairing token',
      tokenInvalid: 'That doesn’t look like a pairing token (8–256 characters, no spaces).',
      pair_kiosk: 'Pair this kiosk',
      pair_screen: 'Pair this screen',
      crashTitle: 'Sorry, something went wrong',
      crashText: 'This screen will restart in a few seconds.',
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
    device: {
      staffSetup: 'Настройка для сотрудников',
      notPaired_kiosk: 'Этот киоск не подключён',
      notPaired_screen: 'Этот экран не подключён',
      revoked: 'Его подключение отозвано в консоли магазина.',
      unknown: 'Сервер магазина не узнаёт его токен подключения.',
      noPairing: 'На сервере магазина нет подключения для него.',
      unauthorized: 'Сервер магазина не принял его токен подключения.',
      refused: 'Сервер магазина отказал ему.',
      noToken: 'У него ещё нет токена подключения.',
      howTo_kiosk: 'Создайте подключение в консоли магазина (Устройства → Подключить), затем откройте полученную ссылку на этом киоске или вставьте токен сюда.',
      howTo_screen: 'Создайте подключение в консоли магазина (Устройства → Подключить), затем откройте полученную ссылку на этом экране или вставьте токен сюда.',
      tokenLabel: 'Токен подключения',
      tokenInvalid: 'Это не похоже на токен подключения (8–256 символов, без пробелов).',
      pair_kiosk: 'Подключить этот киоск',
      pair_screen: 'Подключить этот экран',
      crashTitle: 'Извините, что-то пошло не так',
      crashText: 'Экран перезапустится через несколько секунд.',
    },
  },
} as const;
