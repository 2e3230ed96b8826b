// Entry of the process that makes the server's first certificate (certificate.ts forks it): it sends
// the pair over the IPC channel and exits.
import { generateCertificate } from './generate-certificate.ts';

process.send!(await generateCertificate(), () => process.disconnect());
