import { z } from 'zod';
import { ValidationError } from '../core/errors.ts';
import type { JobKind } from './types.ts';

/** Params a kind refused; the message names the field. Raised before any execution exists. */
export class JobParamsError extends ValidationError {}

/** Validates params against the kind's schema. Unknown fields are refused, also for object schemas a kind left non-strict. */
export function validateJobParams(kind: JobKind, raw: unknown): Record<string, unknown> {
  if (raw !== undefined && raw !== null && (typeof raw !== 'object' || Array.isArray(raw))) {
    throw new JobParamsError(`params for ${kind.kind} must be a JSON object`);
  }
  const schema = kind.params instanceof z.ZodObject ? kind.params.strict() : kind.params;
  const result = schema.safeParse(raw ?? {});
  if (result.success) return result.data as Record<string, unknown>;
  throw new JobParamsError(`invalid params for ${kind.kind}: ${describeIssue(result.error.issues[0])}`);
}

function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'invalid';
  const field = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const names = issue.keys.map((key) => `"${field ? `${field}.` : ''}${key}"`).join(', ');
    return `unknown field ${names}`;
  }
  return field ? `field "${field}": ${issue.message}` : issue.message;
}
