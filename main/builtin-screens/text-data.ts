import { z } from 'zod';
import { answerPrompt } from './ai-text.ts';
import { localDay, type LoadContext } from './time-data.ts';

/** "Text": a message, a quote of the day from a list (one per line, "quote — author"), or a prompt answered by the AI provider. */
export const textSettings = z.strictObject({
  mode: z.enum(['message', 'quote_of_the_day', 'ai_prompt']).default('message'),
  text: z.string().trim().min(1, 'the message, the quotes one per line, or the prompt').max(10_000),
  provider: z.enum(['openai', 'ollama']).default('openai'),
});

export async function textData(settings: z.infer<typeof textSettings>, context: LoadContext) {
  if (settings.mode === 'message') return { text: settings.text, author: '' };
  if (settings.mode === 'ai_prompt') return { text: await answerPrompt(settings.text, settings.provider, context), author: '' };
  return { quotes: settings.text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean) };
}

/** When drawn: the same quote all day in the display's zone, the next one tomorrow (the day number picks it). */
export function presentText(data: { quotes?: string[] }, context: LoadContext) {
  if (!Array.isArray(data.quotes) || data.quotes.length === 0) return data;
  const dayNumber = Math.floor(Date.parse(localDay(context.now, context.timeZone)) / 86_400_000);
  const [text, author = ''] = data.quotes[dayNumber % data.quotes.length].split(/\s+[—–-]\s+(?=[^—–-]+$)/);
  return { text, author };
}
