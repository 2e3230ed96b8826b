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
  const quotes = settings.text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  // The same quote all day, the next one tomorrow: the day number picks it.
  const dayNumber = Math.floor(Date.parse(localDay(context.now, context.timeZone)) / 86_400_000);
  const [text, author = ''] = quotes[dayNumber % quotes.length].split(/\s+[—–-]\s+(?=[^—–-]+$)/);
  return { text, author };
}
