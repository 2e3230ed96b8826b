/**
 * The English inflections Rails' pluralize applies (the common rules, irregulars and
 * uncountables of ActiveSupport's defaults), and ordinals; written out because no small, kept
 * npm package follows Rails' rules.
 */
const UNCOUNTABLE = new Set(['equipment', 'information', 'rice', 'money', 'species', 'series', 'fish', 'sheep', 'jeans', 'police', 'news']);
const IRREGULAR: Record<string, string> = { person: 'people', man: 'men', child: 'children', sex: 'sexes', move: 'moves', zombie: 'zombies', ox: 'oxen', mouse: 'mice', louse: 'lice' };

const RULES: [RegExp, string][] = [
  [/(quiz)$/i, '$1zes'],
  [/^(oxen)$/i, '$1'],
  [/(matr|vert|ind)(?:ix|ex)$/i, '$1ices'],
  [/(x|ch|ss|sh)$/i, '$1es'],
  [/([^aeiouy]|qu)y$/i, '$1ies'],
  [/(hive)$/i, '$1s'],
  [/(?:([^f])fe|([lr])f)$/i, '$1$2ves'],
  [/sis$/i, 'ses'],
  [/([ti])a$/i, '$1a'],
  [/([ti])um$/i, '$1a'],
  [/(buffal|tomat)o$/i, '$1oes'],
  [/(bu)s$/i, '$1ses'],
  [/(alias|status)$/i, '$1es'],
  [/(octop|vir)(?:us|i)$/i, '$1i'],
  [/(ax|test)is$/i, '$1es'],
  [/s$/i, 's'],
];

export function pluralizeWord(word: string): string {
  const lower = word.toLowerCase();
  if (UNCOUNTABLE.has(lower)) return word;
  const irregular = IRREGULAR[lower];
  if (irregular) return word[0] + irregular.slice(1);
  for (const [pattern, replacement] of RULES) if (pattern.test(word)) return word.replace(pattern, replacement);
  return `${word}s`;
}

export function ordinalNumber(value: number): string {
  const abs = Math.abs(value);
  const lastTwo = abs % 100;
  const suffix = lastTwo >= 11 && lastTwo <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[abs % 10] ?? 'th';
  return `${value}${suffix}`;
}
