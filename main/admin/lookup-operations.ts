import type { Core } from '../core/create-core.ts';
import type { AdminApi } from './contract.ts';

type LookupOperations = Pick<AdminApi, 'weather.searchLocations' | 'providers.test'>;

/** Operations that ask an outside service on the user's behalf: place search, AI provider checks. */
export function lookupOperations(_core: Core): LookupOperations {
  return {
    async 'weather.searchLocations'() {
      throw new Error('location search is not available yet: main/weather has no searchLocations');
    },
    async 'providers.test'() {
      throw new Error('provider tests are not available yet: main/ai has no test-connection');
    },
  };
}
