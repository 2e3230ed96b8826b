import { z } from 'zod';
import { testProviderConnection } from '../ai/test-connection.ts';
import type { StoreContext } from '../core/app-context.ts';
import { searchLocations } from '../weather/geocoding.ts';
import type { AdminApi } from '../../contract/admin.ts';
import { parseInput, ValidationError } from '../core/errors.ts';

type LookupOperations = Pick<AdminApi, 'weather.searchLocations' | 'providers.test'>;

/** Operations that ask an outside service on the user's behalf: place search, AI provider checks. */
export function lookupOperations(deps: { app: StoreContext }): LookupOperations {
  const { app } = deps;
  return {
    async 'weather.searchLocations'({ query }) {
      const matches = await searchLocations(app, parseInput(z.string().max(100), query, 'query')).catch(asUserError);
      return matches.map((m) => ({
        name: m.name,
        detail: [m.region, m.country].filter(Boolean).join(', '),
        latitude: m.latitude,
        longitude: m.longitude,
        timeZone: m.timeZone,
      }));
    },
    async 'providers.test'({ provider }) {
      return testProviderConnection(app, parseInput(z.enum(['openai', 'ollama', 'sd-webui']), provider, 'provider'));
    },
  };
}

/** The outside service's own words reach the user (the HTTP transport answers 400 with them, not a bare 500). */
function asUserError(err: unknown): never {
  throw new ValidationError(err instanceof Error ? err.message : String(err));
}
