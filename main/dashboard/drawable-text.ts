// Emoji (pictographs drawn as emoji by default or asked to be by U+FE0F) and the joiners,
// selectors, skin tones and flag letters that build them: no bundled font has them, and the engine
// would draw a "no glyph" box for each. Text signs such as © and ™ stay.
const PICTOGRAPHS = /\p{Extended_Pictographic}\ufe0f|\p{Emoji_Presentation}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\u200d|\ufe0e|\ufe0f|\u20e3/gu;

/** The text without emoji, spaces tidied: "🎂 Anna" → "Anna". */
export function drawableText(text: string): string {
  return text.replace(PICTOGRAPHS, '').replace(/\s{2,}/g, ' ').trim();
}
