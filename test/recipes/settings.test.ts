import { describe, expect, it } from 'vitest';
import { recipeFieldValues, resolveFieldValues } from '../../main/recipes/custom-fields.ts';
import { buildPollingRequests, parseHeaders, splitUrls } from '../../main/recipes/data/polling-request.ts';
import { RecipeError } from '../../main/recipes/errors.ts';
import { parseSettings } from '../../main/recipes/settings.ts';
import type { Recipe } from '../../main/recipes/types.ts';

const context = { timeZone: 'UTC', locale: 'en', now: new Date('2025-01-01T00:00:00Z'), device: { width: 800, height: 480 } };

function recipeOf(yaml: string): Recipe {
  return { settings: parseSettings(yaml), markup: { full: '' }, values: {} };
}

async function requestsOf(yaml: string, values: Record<string, unknown> = {}) {
  const recipe = recipeOf(yaml);
  return buildPollingRequests(recipe, resolveFieldValues(recipe.settings.customFields, values), context);
}

describe('parseSettings', () => {
  it('reads the plain settings with TRMNL defaults', () => {
    const settings = parseSettings('name: Weather\nstrategy: polling\npolling_url: https://api.example.com/w\nrefresh_interval: 15\n');
    expect(settings).toMatchObject({ name: 'Weather', strategy: 'polling', pollingVerb: 'GET', refreshIntervalMinutes: 15, noScreenPadding: false, darkMode: false, customFields: [] });
  });

  it('takes polling_url as a YAML list and polling_headers as a YAML mapping', () => {
    const settings = parseSettings('strategy: polling\npolling_url:\n- https://a.example.com/1\n- https://a.example.com/2\npolling_headers:\n  Authorization: Bearer {{ token }}\n  Accept: application/json\n');
    expect(settings.pollingUrl).toBe('https://a.example.com/1\nhttps://a.example.com/2');
    expect(settings.pollingHeaders).toBe('Authorization: Bearer {{ token }}\nAccept: application/json');
  });

  it('reads framework_version, no_screen_padding and dark_mode as TRMNL writes them ("yes"/"no") and as YAML 1.1 booleans', () => {
    const quoted = parseSettings('strategy: static\nframework_version: "2.1.0"\nno_screen_padding: "yes"\ndark_mode: "no"\n');
    expect(quoted).toMatchObject({ frameworkVersion: '2.1.0', noScreenPadding: true, darkMode: false });
    const bare = parseSettings('strategy: static\nno_screen_padding: no\ndark_mode: yes\n');
    expect(bare).toMatchObject({ noScreenPadding: false, darkMode: true });
  });

  it('takes static_data as JSON text or as YAML', () => {
    expect(parseSettings('strategy: static\nstatic_data: \'{"a": [1, 2]}\'\n').staticData).toEqual({ a: [1, 2] });
    expect(parseSettings('strategy: static\nstatic_data:\n  a: 1\n').staticData).toEqual({ a: 1 });
  });

  it.each([
    ['invalid YAML', 'name: [unclosed\nstrategy: polling', /settings.yml is not valid YAML/],
    ['not a mapping', '- a\n- b\n', /must be a mapping/],
    ['an unknown strategy', 'strategy: carrier_pigeon\n', /strategy must be polling, webhook or static/],
    ['a polling recipe without URL', 'strategy: polling\n', /needs a polling_url/],
    ['a bad verb', 'strategy: polling\npolling_url: http://x\npolling_verb: delete\n', /polling_verb must be get or post/],
    ['a bad refresh interval', 'strategy: static\nrefresh_interval: soon\n', /refresh_interval must be a positive number/],
    ['static_data that is not JSON', "strategy: static\nstatic_data: '{nope'\n", /static_data is not valid JSON/],
    ['an unknown field type', 'strategy: static\ncustom_fields:\n- keyname: a\n  field_type: hologram\n', /unknown field_type "hologram"/],
    ['a select without options', 'strategy: static\ncustom_fields:\n- keyname: a\n  field_type: select\n', /select without options/],
    ['a field declared twice', 'strategy: static\ncustom_fields:\n- keyname: a\n- keyname: a\n', /declared twice/],
  ])('refuses %s with a clear RecipeError', (_what, yaml, message) => {
    expect(() => parseSettings(yaml)).toThrow(RecipeError);
    expect(() => parseSettings(yaml)).toThrow(message);
  });
});

describe('custom fields', () => {
  const yaml = `strategy: static
custom_fields:
- keyname: city
  field_type: string
  name: City
  default: Oslo
- keyname: notes
  field_type: text
  optional: true
- keyname: count
  field_type: number
  default: 5
- keyname: units
  field_type: select
  options:
  - Metric: metric
  - Imperial: imperial
  default: metric
- keyname: include_weekends
  field_type: select
  options:
  - yes
  - no
  default: yes
- keyname: days
  field_type: select
  multiple: true
  options: [Mon, Tue, Wed]
  default: [Mon, Wed]
- keyname: show_icons
  field_type: boolean
  default: true
- keyname: start
  field_type: date
  optional: true
- keyname: token
  field_type: password
- keyname: tags
  field_type: multi_string
  default: news,tech
- keyname: hook
  field_type: copyable_webhook_url
- keyname: about
  field_type: author_bio
  description: Made for the tests
`;

  it('reads every type, turning YAML 1.1 booleans and numbers into the strings TRMNL holds', () => {
    const fields = parseSettings(yaml).customFields;
    expect(fields.map((field) => field.fieldType)).toEqual(['string', 'text', 'number', 'select', 'select', 'select', 'boolean', 'date', 'password', 'multi_string', 'copyable_webhook_url', 'author_bio']);
    expect(fields[3].options).toEqual([{ label: 'Metric', value: 'metric' }, { label: 'Imperial', value: 'imperial' }]);
    expect(fields[4].options).toEqual([{ label: 'true', value: 'true' }, { label: 'false', value: 'false' }]);
    expect(fields[4].defaultValue).toBe('true');
    expect(fields[5]).toMatchObject({ multiple: true, defaultValue: ['Mon', 'Wed'] });
    expect(fields[2].defaultValue).toBe('5');
  });

  it('resolves defaults, user values, multi-selects as arrays and multi_string as one comma-joined string', () => {
    const fields = parseSettings(yaml).customFields;
    const values = resolveFieldValues(fields, { city: 'Bergen', days: ['Tue'], tags: ['a', 'b', 'c'], include_weekends: false, token: 's3cret' });
    expect(values).toMatchObject({ city: 'Bergen', count: '5', units: 'metric', include_weekends: 'false', days: ['Tue'], show_icons: 'true', tags: 'a,b,c', token: 's3cret', notes: '' });
    expect(resolveFieldValues(fields, { days: 'Mon,Tue' }).days).toEqual(['Mon', 'Tue']);
  });

  it('refuses unknown keys and values outside a select, naming each', () => {
    const fields = parseSettings(yaml).customFields;
    expect(() => resolveFieldValues(fields, { colour: 'red', units: 'furlongs', count: 'many' })).toThrow(/unknown field "colour".*"count" must be a number.*"units" must be one of metric, imperial/);
    expect(() => resolveFieldValues(fields, {}, { requireAll: true })).toThrow(/^"token" \(token\) is required$/);
  });
});

describe('polling requests', () => {
  it('splits a block polling_url with {% for %} into one request per line', async () => {
    const requests = await requestsOf(`strategy: polling
polling_url: |
  {% for city in cities %}https://api.example.com/w?q={{ city | url_encode }}
  {% endfor %}
custom_fields:
- keyname: cities
  field_type: select
  multiple: true
  options: [Oslo, Rio de Janeiro, Lima]
`, { cities: ['Oslo', 'Rio de Janeiro'] });
    expect(requests.map((request) => request.url)).toEqual(['https://api.example.com/w?q=Oslo', 'https://api.example.com/w?q=Rio+de+Janeiro']);
  });

  it('reads a "…\\r\\n…" string and an {% if %} that adds a line', async () => {
    const requests = await requestsOf(`strategy: polling
polling_url: "https://a.example.com/one\\r\\n{% if extra == 'true' %}https://a.example.com/two{% endif %}\\r\\n"
custom_fields:
- keyname: extra
  field_type: boolean
  default: true
`);
    expect(requests.map((request) => request.url)).toEqual(['https://a.example.com/one', 'https://a.example.com/two']);
  });

  it('joins a URL a folded scalar broke at spaces, and keeps several URLs on one folded line apart', () => {
    expect(splitUrls('https://api.example.com/v1/items?key=abc &limit=10 &sort=new')).toEqual(['https://api.example.com/v1/items?key=abc&limit=10&sort=new']);
    expect(splitUrls('https://a.example.com/1 https://a.example.com/2')).toEqual(['https://a.example.com/1', 'https://a.example.com/2']);
  });

  it('reads headers as k=v&k2=v2 and as Name: value lines', () => {
    expect(parseHeaders('authorization=Bearer abc&accept=application/json')).toEqual({ authorization: 'Bearer abc', accept: 'application/json' });
    expect(parseHeaders('Authorization: Bearer abc\nX-Mode: a=b')).toEqual({ Authorization: 'Bearer abc', 'X-Mode': 'a=b' });
    expect(() => parseHeaders('bad header=1')).toThrow(/not a valid header name/);
  });

  it('renders a POST body and headers with the field values', async () => {
    const [request] = await requestsOf(`strategy: polling
polling_verb: post
polling_url: https://api.example.com/graphql
polling_headers: "Authorization: Bearer {{ token }}"
polling_body: '{"query": "{ todos(list: \\"{{ list }}\\") { title } }"}'
custom_fields:
- keyname: token
  field_type: password
- keyname: list
  field_type: string
`, { token: 't0k', list: 'home' });
    expect(request).toEqual({
      url: 'https://api.example.com/graphql',
      method: 'POST',
      headers: { Authorization: 'Bearer t0k', 'Content-Type': 'application/json' },
      body: '{"query": "{ todos(list: \\"home\\") { title } }"}',
    });
  });
});

describe('recipeFieldValues', () => {
  it("lays the screen's values over the recipe's own, ignoring keys settings.yml does not declare", () => {
    const recipe: Recipe = { ...recipeOf('strategy: static\ncustom_fields:\n- keyname: a\n  default: x\n- keyname: b\n'), values: { b: 'from trmnlp', stray: 1 } };
    expect(recipeFieldValues(recipe, {})).toEqual({ a: 'x', b: 'from trmnlp' });
    expect(recipeFieldValues(recipe, { b: 'mine' })).toEqual({ a: 'x', b: 'mine' });
    expect(() => recipeFieldValues(recipe, { stray: 2 })).toThrow(/unknown field "stray"/);
  });
});
