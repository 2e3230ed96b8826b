import { z } from 'zod';
import { CONTENT_TYPES, QUALITY_BUCKETS } from '../../../contract/dtos.ts';
import { ProviderError } from '../http.ts';
import type { Classification } from './types.ts';

const MAX_DESCRIPTION = 300;

/** What a vision model is told. The quality buckets are about suitability for a wall frame, not only technical quality. */
export const CLASSIFY_PROMPT = [
  'You classify photos for a digital picture frame with a colour e-ink screen.',
  'Answer in JSON with:',
  '- quality: NOT_SUITED (screenshots, documents, receipts, blank or broken pictures), BAD (blurred, badly exposed or dull),',
  '  PASSABLE (fine but unremarkable), GOOD (a pleasant photo worth showing), VERY_GOOD (striking, well composed, would look great framed);',
  `- content_type: the main subject, one of ${CONTENT_TYPES.join(', ')} (Portrait = one face close up; Person = one person; People = a group);`,
  '- people_count: how many people are visible (0 if none);',
  '- description: one short sentence describing the picture.',
].join('\n');

/** The JSON schema sent as OpenAI `response_format.json_schema.schema` and Ollama `format` (strict-mode compatible). */
export const CLASSIFY_JSON_SCHEMA = {
  type: 'object',
  properties: {
    quality: { type: 'string', enum: [...QUALITY_BUCKETS] },
    content_type: { type: 'string', enum: [...CONTENT_TYPES] },
    people_count: { type: 'integer', minimum: 0 },
    description: { type: 'string' },
  },
  required: ['quality', 'content_type', 'people_count', 'description'],
  additionalProperties: false,
} as const;

const answerSchema = z.object({
  quality: z.enum(QUALITY_BUCKETS),
  content_type: z.enum(CONTENT_TYPES),
  people_count: z.number().int().min(0).nullable(),
  description: z.string(),
});

/** Parses the model's message content; anything that is not JSON of the schema is a ProviderError naming what is wrong. */
export function parseClassification(content: unknown, label: string): Classification {
  if (typeof content !== 'string' || !content.trim()) throw new ProviderError(`${label}: the answer has no message content`);
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    throw new ProviderError(`${label}: the model's answer is not JSON (${content.slice(0, 120).replace(/\s+/g, ' ')})`);
  }
  const parsed = answerSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ProviderError(`${label}: the model's answer does not match the schema (${issue.path.join('.') || 'answer'}: ${issue.message})`);
  }
  const a = parsed.data;
  return { quality: a.quality, contentType: a.content_type, peopleCount: a.people_count, description: a.description.trim().slice(0, MAX_DESCRIPTION) };
}
