import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Options as MdnsOptions } from 'multicast-dns';
import { createAdminApi } from './admin/operations.ts';
import type { AdminApi } from '../contract/admin.ts';
import { APP_VERSION, type ServerConfig } from './config.ts';
import { APP_ROOT } from './core/app-root.ts';
import { releaseNativeMemoryWhenIdle, type NativeMemory } from './core/native-memory.ts';
import { createCore, type Core, type CoreOptions } from './create-core.ts';
import { MdnsAdvert } from './discovery/mdns-advert.ts';
import { UdpDiscovery } from './discovery/udp-discovery.ts';
import { invalidateExternallyChanged } from './display-content/external-changes.ts';
import { createRequestListener } from './http/app.ts';
import { answerUnparsableRequests } from './http/client-errors.ts';
import { closeIdleSockets, SERVER_TIMEOUTS, TLS_HANDSHAKE_TIMEOUT_MS } from './http/server-timeouts.ts';
import { FolderWatchService } from './library/folder-watch-service.ts';
import { preferredLanAddress } from './frame-program/lan-address.ts';
import { NodePresence } from './nodes/node-presence.ts';
import { NODE_GONE_AFTER_MS } from './nodes/node-store.ts';
import { StatsCollector } from './stats/collector.ts';
import { DatabaseChangeWatcher } from './storage/change-watcher.ts';
import type { ChangedTables } from './storage/postgres-change-feed.ts';
import { isDatabaseUnavailable } from './storage/errors.ts';
import { ExclusiveRole, JOB_RUNNER_LOCK_KEY } from './storage/exclusive-role.ts';
import { loadOrCreateCertificate } from './tls/certificate.ts';

export interface ServerOptions extends CoreOptions {
  /** multicast-dns options (tests bind to loopback), or false for no mDNS advert. */
  mdns?: MdnsOptions | false;
  rendererDir?: string;
}

export interface ServerUrls {
  http: string;
  https: string;
  discovery: string | null;
  /** The browser control UI, with the admin token minted at this start. */
  adminUi: string;
  adminToken: string;
}

export interface InkstandServer {
  core: Core;
  admin: AdminApi;
  start(): Promise<ServerUrls>;
  /** Re-reads settings and stored state (SIGHUP for `inkstand serve`); what changes in the database is also noticed on its own. */
  reload(): Promise<void>;
  stop(): Promise<void>;
}

const DEFAULT_RENDERER_DIR = path.join(APP_ROOT, 'dist', 'renderer');

/** The composition root: storage, device API, discovery, scheduler and stats over one data dir. */
export async function createServer(config: ServerConfig, options: ServerOptions = {}): Promise<InkstandServer> {
  const core = await createCore(config.dataDir, { databaseUrl: config.databaseUrl, nodeName: config.nodeName, ...options });
  const admin = createAdminApi(core);
  const handler = createRequestListener(core, admin, { rendererDir: options.rendererDir ?? DEFAULT_RENDERER_DIR });
  const stats = new StatsCollector(core.app);
  const folderWatch = new FolderWatchService(core.app);
  const listeners: (http.Server | https.Server)[] = [];
  let discovery: UdpDiscovery | null = null;
  let mdns: MdnsAdvert | null = null;
  let serverName = 'Inkstand';
  let nativeMemory: NativeMemory | null = null;

  /** The name discovery and mDNS announce follows the setting, whoever changes it. */
  const refreshServerName = async () => {
    const name = (await core.app.settings.get('server.name')) ?? 'Inkstand';
    if (name === serverName) return;
    serverName = name;
    mdns?.announce();
  };
  const refreshServerNameLater = () => void refreshServerName().catch((err: unknown) => core.app.log.warn({ err }, 'could not read server.name'));
  /** Reloads what depends on the tables another process changed (null: all of it); device tokens check for themselves per request. */
  const reloadStoredState = (changes: ChangedTables = null) => {
    const changed = (table: string) => changes === null || changes.has(table);
    if (changes === null) core.deviceAuth.clear();
    if (changed('settings')) {
      core.adminTokens.reload();
      folderWatch.refresh();
      refreshServerNameLater();
    }
    invalidateExternallyChanged(core.displayContent, changes);
    if (!changed('jobs')) return;
    core.jobs.reloadSchedule().catch((err: unknown) => {
      // While the database is away every check looks like a change; the reconnection brings one more.
      if (!isDatabaseUnavailable(err)) core.app.log.warn({ err }, 'could not reload the job schedule');
    });
  };
  const changeWatcher = new DatabaseChangeWatcher(core.db, reloadStoredState);
  // Nodes sharing one PostgreSQL database: one of them schedules and runs the jobs at a time.
  const jobRunner = new ExclusiveRole(core.db, 'job runner', JOB_RUNNER_LOCK_KEY, {
    acquired: async () => { await core.jobs.start(); void presence.beatNow(); },
    lost: async () => { await core.jobs.stop(); void presence.beatNow(); },
  }, core.app.log);
  const presence = new NodePresence(core.nodes, () => jobRunner.isHeld, core.app.log, core.app.now);
  const stopFollowingSettings = core.app.events.on('content-changed', ({ kind }) => kind === 'settings' && refreshServerNameLater());

  const listen = (server: http.Server | https.Server, port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      answerUnparsableRequests(server);
      server.listen(port, config.host, () => resolve((server.address() as AddressInfo).port));
      listeners.push(server);
    });

  return {
    core,
    admin,
    async start() {
      const certificate = await loadOrCreateCertificate(config.dataDir);
      await refreshServerName();
      const httpPort = await listen(closeIdleSockets(http.createServer(SERVER_TIMEOUTS, handler)), config.httpPort);
      const tls = { key: certificate.key, cert: certificate.cert, handshakeTimeout: TLS_HANDSHAKE_TIMEOUT_MS };
      const httpsPort = await listen(closeIdleSockets(https.createServer({ ...SERVER_TIMEOUTS, ...tls }, handler)), config.httpsPort);
      let discoveryUrl: string | null = null;
      const boundHost = config.host === '0.0.0.0' || config.host === '::' ? null : config.host;
      core.frameProgram.listeners.current = { httpPort, httpsPort, fingerprint: certificate.fingerprint, boundHost };
      if (config.discovery) {
        discovery = new UdpDiscovery({ httpPort, httpsPort, fingerprint: certificate.fingerprint, version: APP_VERSION, name: () => serverName, boundHost }, core.app.log);
        const port = await discovery.start(config.host.includes(':') ? '0.0.0.0' : config.host, config.discoveryPort);
        discoveryUrl = `udp://${config.host}:${port}`;
        if (options.mdns !== false) {
          mdns = new MdnsAdvert({ httpPort, httpsPort, fingerprint: certificate.fingerprint, instanceName: () => serverName }, core.app.log, options.mdns);
          mdns.start();
        }
      }
      core.panelImages.sweepInterruptedWrites();
      core.displayContent.start();
      core.screens.data.start();
      core.telemetry.start();
      core.offline.start();
      changeWatcher.start();
      stats.start();
      nativeMemory = releaseNativeMemoryWhenIdle();
      await jobRunner.start();
      await presence.start({ name: core.nodeName, address: await preferredLanAddress(boundHost), httpPort, httpsPort, version: APP_VERSION });
      await folderWatch.start();
      const adminToken = await core.adminTokens.uiTokenForStart(() => core.nodes.othersAliveSince(core.nodeName, new Date(core.app.now().getTime() - NODE_GONE_AFTER_MS)));
      const hostPart = config.host.includes(':') ? `[${config.host}]` : config.host;
      const uiHost = config.host === '0.0.0.0' ? '127.0.0.1' : hostPart;
      const urls = {
        http: `http://${hostPart}:${httpPort}`,
        https: `https://${hostPart}:${httpsPort}`,
        discovery: discoveryUrl,
        adminUi: `http://${uiHost}:${httpPort}/?token=${adminToken}`,
        adminToken,
      };
      core.listeners.publish(urls);
      return urls;
    },
    async reload() {
      reloadStoredState();
      await refreshServerName();
      core.app.log.info({ serverName }, 'reloaded settings');
    },
    async stop() {
      stopFollowingSettings();
      changeWatcher.stop();
      stats.stop();
      nativeMemory?.stop();
      await folderWatch.stop();
      mdns?.stop();
      await discovery?.stop();
      core.displayContent.stop();
      await Promise.all(listeners.map((server) => new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      })));
      await presence.stop();
      await jobRunner.stop();
      await core.close();
    },
  };
}
