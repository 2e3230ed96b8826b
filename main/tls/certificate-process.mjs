// Entry of the certificate process (certificate.ts forks it) when running from the TypeScript
// sources: registers tsx, as main/imaging/worker.mjs does. The bundle has its own of this name.
import { register } from 'tsx/esm/api';

register();
await import('./certificate-process-main.ts');
