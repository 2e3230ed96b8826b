/** The Liquid engine behaves as TRMNL's Ruby Liquid does, on what recipes rely on. */
import { describe, expect, it } from 'vitest';
import { RecipeError } from '../../main/recipes/errors.ts';
import { renderLiquid } from '../../main/recipes/render-liquid.ts';
import { parseRubyJson } from '../../main/recipes/ruby-json.ts';
import type { Recipe } from '../../main/recipes/types.ts';

const time = { timeZone: 'Europe/Berlin', now: new Date('2025-06-15T12:00:00Z') };

function recipe(full: string, shared?: string): Recipe {
  return { settings: {} as Recipe['settings'], markup: { full, shared }, values: {} };
}

async function renderWithErrors(source: string, data: unknown = {}, shared?: string) {
  const { html, errors } = await renderLiquid(recipe(source, shared), 'full', data as Record<string, unknown>, time);
  return { html: html.trim(), errors };
}

async function render(source: string, data: unknown = {}, shared?: string): Promise<string> {
  return (await renderWithErrors(source, data, shared)).html;
}

describe('lenient parsing like Ruby lax mode', () => {
  it('reads {% assign x = {{ y }} %} as assign x = y', async () => {
    expect(await render('{% assign x = {{ name | upcase }} %}[{{ x }}]', { name: 'ada' })).toBe('[ADA]');
  });

  it('drops a filter inside {% if %} with the rest of its clause, as Ruby does', async () => {
    expect(await render('{% if items | size > 5 %}yes{% else %}no{% endif %}', { items: [1] })).toBe('yes');
    expect(await render('{% if missing | size > 0 %}yes{% else %}no{% endif %}')).toBe('no');
    expect(await render('{% if a | upcase == "X" and b %}both{% endif %}', { a: 'x', b: true })).toBe('both');
    expect(await render('{% unless a | size %}none{% endunless %}', {})).toBe('none');
  });

  it('keeps a pipe inside a quoted string in a condition', async () => {
    expect(await render('{% if a == "x|y" %}same{% endif %}', { a: 'x|y' })).toBe('same');
  });

  it('takes first and last of arrays and hashes as Ruby does, and nothing of a string', async () => {
    expect(await render('{{ a | first }}{{ a | last }}|{{ h | first | join: "=" }}|{{ h | last | last }}|{{ "word" | first }}|{{ a.first }}', { a: [1, 2, 3], h: { x: 1, y: 2 } })).toBe('13|x=1|2||1');
  });

  it('asks a hash for a key with contains, as Ruby does', async () => {
    expect(await render('{% if h contains "a" %}has a{% endif %}{% if h contains "z" %}has z{% endif %}{% if list contains 2 %} has 2{% endif %}', { h: { a: 1 }, list: [1, 2] })).toBe('has a has 2');
  });

  it('skips {%# comments %} and {% # inline comments %}', async () => {
    expect(await render('a{%# this is ignored %}b{% # so is this %}c')).toBe('abc');
  });
});

describe('partials', () => {
  it('serves {% template %} blocks from shared.liquid to render, with an isolated scope', async () => {
    const shared = '{% template badge %}<b>{{ text }}|{{ secret }}</b>{% endtemplate %}';
    expect(await render('{% render "badge", text: "hi" %}', { secret: 'outer' }, shared)).toBe('<b>hi|</b>');
  });

  it("reads render 'x' with a: b as a parameter", async () => {
    const shared = "{% template row %}<i>{{ a }}</i>{% endtemplate %}";
    expect(await render("{% render 'row' with a: word %}", { word: 'w' }, shared)).toBe('<i>w</i>');
  });

  it('renders a partial for each item with render … for … as', async () => {
    const shared = '{% template item %}[{{ it.n }}]{% endtemplate %}';
    expect(await render("{% render 'item' for list as it %}", { list: [{ n: 1 }, { n: 2 }] }, shared)).toBe('[1][2]');
  });

  it('never reads a partial from the file system', async () => {
    for (const source of ["{% render '../../../../etc/hostname' %}", "{% include '/etc/hostname' %}"]) {
      const { html, errors } = await renderWithErrors(source);
      expect(html).toMatch(/^Liquid error: /);
      expect(errors).toHaveLength(1);
    }
  });

  it('stops a template that would build without end, with a RecipeError', async () => {
    await expect(render('{% for i in (1..100000000) %}x{% endfor %}')).rejects.toThrow(/full.liquid: memory alloc limit exceeded/);
    await expect(render('{% assign s = "xxxxxxxx" %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s.size }}')).rejects.toThrow(RecipeError);
  });

  it('names the file and line when a partial is missing', async () => {
    const { html, errors } = await renderWithErrors('a\n{% render "nowhere" %}b');
    expect(html).toMatch(/^a\nLiquid error: .*nowhere.*b$/);
    expect(errors).toEqual([expect.stringMatching(/^full\.liquid line 2: .*nowhere/)]);
  });
});

describe('runtime errors, as Ruby Liquid\'s lax mode shows them', () => {
  it('renders the rest of the template around a failing output or tag', async () => {
    const source = '<h1>{{ title }}</h1>\n{{ total | divided_by: count }}\n{% render "gone" %}\n<p>{{ title | upcase }}</p>';
    const { html, errors } = await renderWithErrors(source, { title: 'Tides', total: 10, count: 0 });
    expect(html.split('\n')).toEqual(['<h1>Tides</h1>', 'Liquid error: divided by 0', expect.stringMatching(/^Liquid error: .*gone/), '<p>TIDES</p>']);
    expect(errors).toEqual(['full.liquid line 2: divided by 0', expect.stringMatching(/^full\.liquid line 3: .*gone/)]);
  });

  it('keeps a loop going past the item that fails, and names the failure once', async () => {
    const { html, errors } = await renderWithErrors('{% for n in list %}[{{ 12 | divided_by: n }}]{% endfor %}', { list: [3, 0, 4, 0] });
    expect(html).toBe('[4][Liquid error: divided by 0][3][Liquid error: divided by 0]');
    expect(errors).toEqual(['full.liquid line 1: divided by 0']);
  });

  it('reports nothing for a template that renders cleanly', async () => {
    expect(await renderWithErrors('{{ 12 | divided_by: 4 }}')).toEqual({ html: '3', errors: [] });
  });

  it('still refuses Liquid that does not parse', async () => {
    await expect(render('{% if %}x')).rejects.toThrow(RecipeError);
  });
});

describe("Ruby's numbers", () => {
  const data = parseRubyJson('{"price": 100.0, "count": 10, "ratio": 0.25, "big": 1e20, "tiny": 0.00001}');

  it('prints floats as floats, from data and literals', async () => {
    expect(await render('{{ price }} {{ 100.0 }} {{ 2.50 }} {{ count }} {{ big }} {{ tiny }}', data)).toBe('100.0 100.0 2.5 10 1.0e+20 1.0e-05');
  });

  it('floors integer division and keeps float division', async () => {
    expect(await render('{{ 10 | divided_by: 4 }} {{ -7 | divided_by: 2 }} {{ 10.0 | divided_by: 4 }} {{ count | divided_by: 4.0 }}', data)).toBe('2 -4 2.5 2.5');
  });

  it('keeps the float type through arithmetic and string operands', async () => {
    expect(await render('{{ price | times: 2 }} {{ count | times: ratio }} {{ count | plus: "2.5" }} {{ count | plus: "2" }} {{ price | minus: 1 }} {{ 7 | modulo: -3 }}', data)).toBe('200.0 2.5 12.5 12 99.0 -2');
  });

  it('sums as Ruby does: a Float anywhere makes a Float', async () => {
    expect(await render('{{ floats | sum }} {{ ints | sum }} {{ rows | sum: "v" }} {{ mixed | sum }}', { floats: parseRubyJson('[1.0, 2.0]'), ints: [1, 2], rows: parseRubyJson('[{"v": 1}, {"v": 0.5}]'), mixed: ['2', '3.5', 'x'] })).toBe('3.0 3 1.5 5.5');
  });

  it('rounds half away from zero; round without digits, ceil and floor give integers', async () => {
    expect(await render('{{ 2.5 | round }} {{ -2.5 | round }} {{ 3.14159 | round: 2 }} {{ 4.0 | round: 1 }} {{ 4.2 | ceil }} {{ 4.8 | floor }} {{ -3.5 | abs }}')).toBe('3 -3 3.14 4.0 5 4 3.5');
  });

  it('prints a float in append and join as Ruby does', async () => {
    expect(await render('{{ "€" | append: price }} {{ list | join: ", " }}', { ...(data as object), list: parseRubyJson('[1.0, 2, 3.5]') })).toBe('€100.0 1.0, 2, 3.5');
  });

  it('compares floats with integers by value', async () => {
    expect(await render('{% if price == 100 %}eq{% endif %} {% if price > 99 %}gt{% endif %}', data)).toBe('eq gt');
  });

  it('shows division by zero as a Liquid error in its place', async () => {
    expect(await renderWithErrors('[{{ 1 | divided_by: 0 }}]')).toEqual({ html: '[Liquid error: divided by 0]', errors: ['full.liquid line 1: divided by 0'] });
  });
});

describe('date', () => {
  it('keeps the offset an ISO string carries', async () => {
    expect(await render('{{ t | date: "%Y-%m-%d %H:%M %z %:z" }}', { t: '2025-03-01T10:05:00+05:30' })).toBe('2025-03-01 10:05 +0530 +05:30');
    expect(await render('{{ t | date: "%H:%M %Z" }}', { t: '2025-03-01T10:05:00Z' })).toBe('10:05 UTC');
  });

  it("places epochs, \"now\" and strings without offset in the display's zone", async () => {
    expect(await render('{{ 1735689600 | date: "%Y-%m-%d %H:%M %Z" }}')).toBe('2025-01-01 01:00 CET');
    expect(await render('{{ "1735689600" | date: "%H:%M" }}')).toBe('01:00');
    expect(await render('{{ "now" | date: "%H:%M %Z" }}')).toBe('14:00 CEST');
    expect(await render('{{ "2025-07-04 09:00" | date: "%H:%M %z" }}')).toBe('09:00 +0200');
  });

  it('parses the RFC 2822 dates feeds use, with their offset', async () => {
    expect(await render('{{ t | date: "%a %-d %b %H:%M" }}', { t: 'Wed, 15 Jan 2025 10:00:00 -0500' })).toBe('Wed 15 Jan 10:00');
  });

  it("follows Ruby's strftime: flags, widths, names, week numbers", async () => {
    const t = '2025-01-05T07:08:09.123+00:00';
    expect(await render(`{{ t | date: "%-d|%e|%-m|%_m|%^a|%^B|%#p|%I%P|%l|%k|%j|%3N|%L|%u|%w|%U|%W|%V|%G|%y|%C|%s" }}`, { t })).toBe('5| 5|1| 1|SUN|JANUARY|am|07am| 7| 7|005|123|123|7|0|01|00|01|2025|25|20|1736060889');
    expect(await render('{{ t | date: "%F %T %D %R %r %v %10A|%-10A|%%|%Q" }}', { t })).toBe('2025-01-05 07:08:09 01/05/25 07:08 07:08:09 AM  5-JAN-2025     Sunday|Sunday|%|1736060889123');
  });

  it('leaves what it cannot read as it was', async () => {
    expect(await render('{{ "not a date" | date: "%Y" }}|{{ nothing | date: "%Y" }}|{{ "2025-01-01" | date: "" }}')).toBe('not a date||2025-01-01');
  });
});
