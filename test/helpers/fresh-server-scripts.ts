// Run as its own process (node --import tsx): starts a server on a new data dir as a user's first
// start does, then prints the URL of every script V8 has loaded, as JSON, and exits.
import inspector from 'node:inspector/promises';
import { startTestServer } from './test-server.ts';

const server = await startTestServer();
const session = new inspector.Session();
session.connect();
const urls: string[] = [];
session.on('Debugger.scriptParsed', ({ params }) => urls.push(params.url));
await session.post('Debugger.enable');
await session.post('Debugger.disable');
session.disconnect();
await server.stop();
process.stdout.write(JSON.stringify(urls));
process.exit(0);
