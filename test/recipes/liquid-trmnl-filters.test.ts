/** Every trmnl-liquid filter (DESIGN.md §12), with the results TRMNL's Ruby implementation gives. */
import { describe, expect, it } from 'vitest';
import { renderLiquid } from '../../main/recipes/render-liquid.ts';
import { parseRubyJson } from '../../main/recipes/ruby-json.ts';
import type { Recipe } from '../../main/recipes/types.ts';

const time = { timeZone: 'America/New_York', now: new Date('2025-06-15T12:00:00Z') };

async function render(source: string, data: unknown = {}): Promise<string> {
  const recipe: Recipe = { settings: {} as Recipe['settings'], markup: { full: source }, values: {} };
  return (await renderLiquid(recipe, 'full', data as Record<string, unknown>, time)).html.trim();
}

const people = parseRubyJson('[{"name":"Ann","team":"red","age":"31","score":7.5},{"name":"Bo","team":"blue","age":"25","score":9},{"name":"Cy","team":"red","age":"40","score":6}]');

describe('trmnl-liquid filters', () => {
  it('number_with_delimiter', async () => {
    expect(await render('{{ 1234567 | number_with_delimiter }} {{ 1234567.891 | number_with_delimiter }} {{ "9876543" | number_with_delimiter: "." , "," }} {{ "n/a" | number_with_delimiter }}')).toBe('1,234,567 1,234,567.891 9.876.543 n/a');
  });

  it('number_to_currency with a unit, a locale, and explicit separators and precision', async () => {
    expect(await render('{{ 1234.5 | number_to_currency }} {{ -5 | number_to_currency }} {{ 1234.5 | number_to_currency: "£" }} {{ 1234.5 | number_to_currency: "de" }} {{ 1234.567 | number_to_currency: "€", ".", ",", 3 }}')).toBe('$1,234.50 -$5.00 £1,234.50 1,234.50 € €1.234,567');
  });

  it('l_date with a pattern in a locale and with a named format; l_word', async () => {
    expect(await render('{{ "2025-03-04T10:00:00Z" | l_date: "%A %-d %B", "de" }}|{{ "2025-03-04T10:00:00Z" | l_date: "%a %b", "fr" }}|{{ "2025-03-04T10:00:00Z" | l_date: "long" }}')).toBe('Dienstag 4 März|mar mars|March 04, 2025');
    expect(await render('{{ "2025-03-04T10:00:00Z" | l_date: "long", "de" }}|{{ "2025-03-04T10:00:00Z" | l_date: "default", "fr" }}|{{ "2025-03-04T10:00:00Z" | l_date: "short", "xx" }}')).toBe('4. März 2025|04/03/2025|Mar 04');
    expect(await render('{{ "today" | l_word: "es" }} {{ "tomorrow" | l_word: "de-AT" }} {{ "zebra" | l_word: "de" }}')).toBe('Hoy Morgen zebra');
  });

  it('days_ago counts from today in the given zone (UTC by default) and prints a date', async () => {
    expect(await render('{{ 3 | days_ago }} {{ "10" | days_ago: "Pacific/Auckland" }}')).toBe('2025-06-12 2025-06-06');
  });

  it('l_word: TRMNL\'s words as TRMNL prints them in de, fr, es, it, nl, pt, pl and ja, and CLDR\'s day and field words in any locale', async () => {
    const words = '{% for w in words %}{{ w | l_word: lang }}|{% endfor %}';
    const expected: Record<string, string> = {
      en: 'today|tomorrow|Updated|Done|Due|yesterday|now|week|zebra|',
      de: 'Heute|Morgen|Aktualisiert|Erledigt|Fällig|gestern|jetzt|Woche|zebra|',
      fr: "Aujourd'hui|Demain|Mis à jour|Terminé|Échéance|hier|maintenant|semaine|zebra|",
      es: 'Hoy|Mañana|Actualizado|Hecho|Vence|ayer|ahora|semana|zebra|',
      it: 'Oggi|Domani|Aggiornato|Fatto|Scadenza|ieri|ora|settimana|zebra|',
      nl: 'Vandaag|Morgen|Bijgewerkt|Klaar|Vervalt|gisteren|nu|week|zebra|',
      'pt-BR': 'Hoje|Amanhã|Atualizado|Concluído|Vence|ontem|agora|semana|zebra|',
      pl: 'Dzisiaj|Jutro|Zaktualizowano|Gotowe|Termin|wczoraj|teraz|tydzień|zebra|',
      ja: '今日|明日|更新|完了|期限|昨日|今|週|zebra|',
      // A language TRMNL's words are not written for here: CLDR's day words, the others as given.
      sv: 'i dag|i morgon|updated|done|due|i går|nu|vecka|zebra|',
    };
    for (const [lang, line] of Object.entries(expected)) {
      expect(await render(words, { lang, words: ['today', 'tomorrow', 'updated', 'done', 'due', 'yesterday', 'now', 'week', 'zebra'] }), lang).toBe(line);
    }
    expect(await render('{{ "today" | l_word: "not a locale!" }}')).toBe('today');
  });

  it('pluralize by each language\'s plural rules, with an explicit plural or the word as it is outside English', async () => {
    const cases: [string, string][] = [
      ['{{ "jour" | pluralize: 0, plural: "jours", locale: "fr" }}', '0 jour'],
      ['{{ "jour" | pluralize: 1.5, plural: "jours", locale: "fr" }}', '1.5 jour'],
      ['{{ "jour" | pluralize: 2, plural: "jours", locale: "fr" }}', '2 jours'],
      ['{{ "Tag" | pluralize: 0, plural: "Tage", locale: "de" }}', '0 Tage'],
      ['{{ "Tag" | pluralize: 1, plural: "Tage", locale: "de" }}', '1 Tag'],
      ['{{ "dzień" | pluralize: 5, plural: "dni", locale: "pl" }}', '5 dni'],
      ['{{ "dzień" | pluralize: 1, plural: "dni", locale: "pl" }}', '1 dzień'],
      ['{{ "día" | pluralize: 3, plural: "días", locale: "es" }}', '3 días'],
      ['{{ "giorno" | pluralize: 1, plural: "giorni", locale: "it" }}', '1 giorno'],
      ['{{ "dag" | pluralize: 2, plural: "dagen", locale: "nl" }}', '2 dagen'],
      ['{{ "dia" | pluralize: 0, plural: "dias", locale: "pt-PT" }}', '0 dias'],
      ['{{ "dia" | pluralize: 0, plural: "dias", locale: "pt" }}', '0 dia'],
      ['{{ "日" | pluralize: 3, locale: "ja" }}', '3 日'],
      ['{{ "Tag" | pluralize: 3, locale: "de" }}', '3 Tag'],
      ['{{ "day" | pluralize: 3, locale: "en-GB" }}', '3 days'],
    ];
    for (const [source, expected] of cases) expect(await render(source), source).toBe(expected);
  });

  it('relative_time in another language, as CLDR says it', async () => {
    expect(await render('{{ "2025-06-15T09:00:00Z" | relative_time: nil, "de" }}|{{ "2025-06-17T12:00:00Z" | relative_time: nil, "fr" }}|{{ "2025-06-15T11:59:30Z" | relative_time: nil, "es" }}')).toBe('vor 3 Stunden|dans 2 jours|ahora');
  });

  it('pluralize with Rails inflections and an explicit plural', async () => {
    expect(await render('{{ "item" | pluralize: 1 }}, {{ "item" | pluralize: 3 }}, {{ "person" | pluralize: 2 }}, {{ "category" | pluralize: 0 }}, {{ "bus" | pluralize: 2 }}, {{ "sheep" | pluralize: 4 }}, {{ "mouse" | pluralize: 2, plural: "mouses" }}')).toBe('1 item, 3 items, 2 people, 0 categories, 2 buses, 4 sheep, 2 mouses');
  });

  it('ordinalize puts the ordinal day into a strftime pattern', async () => {
    expect(await render('{{ "2025-01-01" | ordinalize: "%B <<ordinal_day>>" }}, {{ "2025-01-02" | ordinalize: "<<ordinal_day>> of %B" }}, {{ "2025-01-13" | ordinalize: "%-m/<<ordinal_day>>" }}, {{ "2025-01-23" | ordinalize: "<<ordinal_day>>" }}')).toBe('January 1st, 2nd of January, 1/13th, 23rd');
  });

  it('group_by gives a hash of groups, find_by the first match or a fallback', async () => {
    expect(await render('{% assign teams = people | group_by: "team" %}{% for t in teams %}{{ t[0] }}:{{ t[1] | map: "name" | join: "+" }} {% endfor %}', { people })).toBe('red:Ann+Cy blue:Bo');
    expect(await render('{{ people | find_by: "name", "Bo" | map: "team" }}|{% assign nobody = people | find_by: "name", "Zed", "none" %}{{ nobody }}', { people })).toBe('blue|none');
  });

  it('where_exp looks at the values of a hash', async () => {
    expect(await render('{{ rooms | where_exp: "r", "r.t > 20" | map: "name" | join: "," }}', { rooms: { a: { name: 'Kitchen', t: 22 }, b: { name: 'Attic', t: 9 } } })).toBe('Kitchen');
  });

  it('where_exp selects with a Liquid condition; map_to_i converts', async () => {
    expect(await render('{{ people | where_exp: "p", "p.score > 6.5" | map: "name" | join: "," }} {{ people | map: "age" | map_to_i | sum }}', { people })).toBe('Ann,Bo 96');
  });

  it('sample picks one element', async () => {
    const picked = await render('{{ list | sample }}', { list: ['a', 'b', 'c'] });
    expect(['a', 'b', 'c']).toContain(picked);
  });

  it('json writes Ruby JSON (floats as floats); parse_json reads it back', async () => {
    expect(await render('{{ people | first | json }}', { people })).toBe('{"name":"Ann","team":"red","age":"31","score":7.5}');
    expect(await render('{% assign v = \'{"a": [1.0, 2], "b": {"c": "d"}}\' | parse_json %}{{ v.a | first }} {{ v.b.c }} {{ v | json }}')).toBe('1.0 d {"a":[1.0,2],"b":{"c":"d"}}');
  });

  it('markdown_to_html', async () => {
    expect(await render('{{ text | markdown_to_html }}', { text: '# Title\n\nSome **bold** and a [link](https://example.com).' })).toBe('<h1>Title</h1>\n<p>Some <strong>bold</strong> and a <a href="https://example.com">link</a>.</p>');
  });

  it('qr_code writes a standalone SVG with the module size asked for', async () => {
    const svg = await render('{{ "https://inkstand.example/pair" | qr_code: 4 }}');
    expect(svg).toMatch(/^<\?xml version="1.0" standalone="yes"\?><svg [^>]*class="qr-code"/);
    const side = Number(/width="(\d+)"/.exec(svg)![1]);
    expect(side % 4).toBe(0);
    expect(svg).toContain('shape-rendering="crispEdges"');
  });

  it('append_random adds four hex characters', async () => {
    expect(await render('{{ "chart-" | append_random }}')).toMatch(/^chart-[0-9a-f]{4}$/);
  });

  it('relative_time', async () => {
    expect(await render('{{ "2025-06-15T09:00:00Z" | relative_time }}|{{ "2025-06-17T12:00:00Z" | relative_time }}|{{ "2025-06-15T11:59:30Z" | relative_time }}')).toBe('3 hours ago|in 2 days|just now');
  });
});
