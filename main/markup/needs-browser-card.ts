import { textContent, parseMarkup } from './dom.ts';

/**
 * The card a recipe that needs a browser shows when there is none: what it needs and how to give
 * it one, drawn by the engine like any other markup. The recipe's title, when its title bar has
 * one, says which screen this is.
 */
export function needsBrowserCardMarkup(html: string): string {
  const title = recipeTitle(html);
  return `
<div class="layout layout--col layout--center gap--medium">
  <span class="title">This screen needs a browser</span>
  <span class="description text--center" data-clamp="3">${escape(title ? `“${title}” draws` : 'It draws')} its content with a script (a chart, a map or live labels), which only a browser can run.</span>
  <span class="label label--outline">Install Chromium or Google Chrome on this computer, or run the Inkstand desktop app</span>
</div>
<div class="title_bar"><span class="title">${escape(title ?? 'Screen')}</span><span class="instance">needs a browser</span></div>`;
}

function recipeTitle(html: string): string | undefined {
  const { root } = parseMarkup(html);
  const stack = [root];
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (el.classes.has('title_bar')) {
      const title = el.children.find((c) => typeof c !== 'string' && c.classes.has('title'));
      const text = title ? textContent(title).replace(/\s+/g, ' ').trim() : '';
      return text ? text.slice(0, 60) : undefined;
    }
    for (const child of el.children) if (typeof child !== 'string') stack.push(child);
  }
  return undefined;
}

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
