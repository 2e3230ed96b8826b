/** What a view shows when its screen cannot be drawn: the screen's name and the reason, plainly. */
export function problemCard(title: string, reason: string): string {
  return `<div class="layout layout--col layout--center"><span class="title">${escapeHtml(title)}</span><span class="description" data-clamp="4">${escapeHtml(reason)}</span></div>`
    + `<div class="title_bar"><span class="title">${escapeHtml(title)}</span><span class="instance">could not be drawn</span></div>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
