/** Generated first names for demo customers (the source data has households, not people). */
const FIRST_NAMES = [
  'Ana', 'Ben', 'Chloe', 'David', 'Elena', 'Farid', 'Grace', 'Hiro', 'Isla', 'Jonas', 'Kira', 'Leo', 'Maya', 'Noah', 'Olivia',
  'Pablo', 'Quinn', 'Rosa', 'Sam', 'Tara', 'Umar', 'Vera', 'Wes', 'Xena', 'Yusuf', 'Zoe', 'Amir', 'Bea', 'Carlos', 'Dana',
  'Emil', 'Fatima', 'Gus', 'Hana', 'Ivan', 'Jade', 'Kofi', 'Lena', 'Marco', 'Nina', 'Omar', 'Priya', 'Raul', 'Sofia', 'Theo',
  'Uma', 'Victor', 'Wanda', 'Yara', 'Zane',
];

export function demoFirstName(i: number): string {
  return FIRST_NAMES[i % FIRST_NAMES.length]!;
}
