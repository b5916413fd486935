import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import Fastify, { LogController, type FastifyBaseLogger } from 'fastify';
import fastifyStatic from '@fastify/static';
import { Hocuspocus } from '@hocuspocus/server';
import crossws from 'crossws/adapters/node';
import type { Logger } from 'pino';
import { LIMITS } from '../shared/api';
import { encodeSeedBody } from '../core/editor/headless';
import { openDatabase, SQLITE_FILE } from './db/database';
import { UserDirectory } from './users/userDirectory';
import { SessionStore } from './auth/sessionStore';
import { LoginGuard } from './auth/loginGuard';
import { createLocalLogin } from './auth/localLogin';
import { DocumentStore } from './documents/documentStore';
import { DocumentRemover } from './documents/documentRemover';
import { YjsStore } from './collab/yjsStore';
import { BodyStore } from './collab/bodyStore';
import { SuggestionHistory } from './collab/suggestionHistory';
import { NameMemory } from './users/nameMemory';
import { PersistenceExtension } from './collab/PersistenceExtension';
import { SqliteLogWriter } from './collab/logWriter';
import { ChangeTimes } from './collab/changeTimes';
import { isBodyName } from './collab/documentNames';
import { AuthenticationExtension } from './collab/AuthenticationExtension';
import { withChineseCloseReasons } from './collab/closeReasons';
import { answerFrameworkError, installErrorHandling } from './http/errorHandler';
import { answerClientError } from './http/frameworkErrors';
import { registerAuthRoutes } from './http/authRoutes';
import { registerUserRoutes } from './http/userRoutes';
import { registerDocumentRoutes } from './http/documentRoutes';
import { registerLedgerRoutes } from './http/ledgerRoutes';
import { createLedgerServices } from './ledger';
import type { Audit, Services } from './services';
import { registerReviewRoutes } from './http/reviewRoutes';
import { registerCommentRoutes } from './http/commentRoutes';
import { registerAuditRoutes } from './http/auditRoutes';
import { registerDocxRoutes } from './http/docxRoutes';
import { registerProofingRoutes } from './http/proofingRoutes';
import { registerSuggestionRoutes } from './http/suggestionRoutes';
import { SuggestionDecisionLog } from './review/suggestionDecisionLog';
import { SuggestionAuthority } from './review/suggestionAuthority';
import { SuggestionResolver } from './review/suggestionResolver';
import { openAuditLog } from './audit/auditLog';
import { CollabGate } from './review/collabGate';
import { ChainStore } from './review/chainStore';
import { VersionStore } from './review/versionStore';
import { WorkflowService } from './review/workflowService';
import { TransitionLog } from './review/transitionLog';
import { transactor } from './db/transactor';
import { ThreadStore } from './review/threadStore';
import { ProofreadingGate } from './proofing/proofGate';
import { ProofingStore } from './proofing/proofingStore';
import { ReviewQueries } from './review/reviewQueries';
import { OfflineRescuer } from './review/offlineRescuer';
import { DocumentCreator } from './documents/documentCreator';
import { DocumentUpdater } from './documents/documentUpdater';
import { DocumentExporter } from './documents/documentExporter';
import { DispatchFormExporter } from './print/dispatchFormExporter';
import { PdfExporter } from './print/pdfExporter';
import { OfficeConverter } from './print/officeConverter';
import { registerPrintRoutes } from './http/printRoutes';
import { CollaboratorManager } from './documents/collaboratorManager';
import { LedgerImporter } from './ledger/ledgerImporter';
import { UserUpdater } from './users/userUpdater';
import { createLogger, logResponse } from './log';
import { InProcessEventBus, type EventBus } from './events/eventBus';
import { EventStreams } from './events/eventStreams';
import { InboxNotifier } from './events/inboxNotifier';
import { StepHolderStore } from './review/stepHolderStore';
import { HolderReminder, remindAfterHoursFromEnv } from './review/holderReminder';
import { registerEventRoutes } from './http/eventRoutes';
import { TemplateStore } from './templates/templateStore';
import { TemplateLibrary } from './templates/templateLibrary';
import { DocumentLinks } from './templates/documentLinks';
import { PieceDeriver } from './templates/pieceDeriver';
import { registerTemplateRoutes } from './http/templateRoutes';
import { CommissionStore } from './commissions/commissionStore';
import { CommissionSweeper } from './commissions/commissionSweeper';
import { CommissionDesk } from './commissions/commissionDesk';
import { registerCommissionRoutes } from './http/commissionRoutes';
import { createHeavyWork, heavyWorkSettingsFromEnv, type HeavyWorkSettings } from './work/heavyWork';
import { SearchStore } from './search/searchStore';
import { SearchIndexer } from './search/searchIndexer';
import { registerSearchRoutes } from './http/searchRoutes';

export interface DeskServerOptions {
  port: number;
  host: string;
  dataDir: string;
  postgresUrl?: string;
  /** Creates user `admin` on a fresh data folder (WENGAO_ADMIN_PASSWORD). */
  adminPassword?: string;
  /** The built renderer to serve at `/` (default: out/renderer). */
  rendererDir?: string;
  sessionTtlMs?: number;
  logger?: Logger;
  /** Where WENGAO_AUDIT_KEY and WENGAO_AUDIT_NEW_KEY are read (default: process.env). */
  env?: NodeJS.ProcessEnv;
  /** Embedded in the desktop app: SHA-256 (hex) of the per-launch local-login secret, and the user's name. */
  localLogin?: { secretHash: string; displayName: string };
  /**
   * The reverse proxies in front of the server (addresses or CIDR ranges, `--trust-proxy`): from
   * these, X-Forwarded-For and X-Forwarded-Proto name the client, so `request.ip` is the client's
   * address (login limits, audit). From any other peer they are ignored. Default: none.
   */
  trustProxy?: string[];
  /**
   * Several instances behind a balancer (WENGAO_REDIS_URL, with `postgresUrl`): Hocuspocus' Redis
   * extension and a channel of our own tie this instance to the others (src/server/cluster). Unset:
   * one instance, nothing of Redis loaded.
   */
  redisUrl?: string;
  /** Fans per-user events out (default: within this process; several instances share one through Redis). */
  eventBus?: EventBus;
  /** Hours a holder has a piece before its writers may 催办 (default: WENGAO_REMIND_AFTER_HOURS, else 24). */
  remindAfterHours?: number;
  /** The worker pool for heavy work; unset settings come from the environment (WENGAO_WORKERS, …). */
  work?: Partial<HeavyWorkSettings>;
}

export interface DeskServer {
  url: string;
  port: number;
  /** Stops accepting, writes every open document's state, closes the database. */
  close(): Promise<void>;
}

const BODY_TOUCH_INTERVAL_MS = 5_000;

/** The desk server: HTTP API, the renderer, and Hocuspocus on `/collab`, on one port. */
export async function startDeskServer(options: DeskServerOptions): Promise<DeskServer> {
  const log = options.logger ?? createLogger();
  if (options.redisUrl && !options.postgresUrl) throw new Error('WENGAO_REDIS_URL (several instances) needs WENGAO_DATABASE_URL: the instances share one PostgreSQL database');
  const workSettings = { ...heavyWorkSettingsFromEnv(), ...options.work };
  const work = createHeavyWork(workSettings, (problem) => log.warn(problem, 'heavy work stopped'));
  const database = await openDatabase({ dataDir: options.dataDir, postgresUrl: options.postgresUrl });
  const { db } = database;
  const cluster = options.redisUrl
    ? await (await import('./cluster/cluster')).DeskCluster.start({ redisUrl: options.redisUrl, log })
      .catch(async (err: unknown) => { await database.close(); throw err; })
    : null;
  const users = new UserDirectory(db);
  // The names each user has been seen under: a page opened before a rename still writes the old one.
  const names = new NameMemory();
  const sessions = new SessionStore(db, options.sessionTtlMs ?? 14 * 24 * 3600_000, (user) => names.seen(user));
  const transitions = new TransitionLog(db);
  const stepHolders = new StepHolderStore(db);
  const documents = new DocumentStore(db, transitions, stepHolders);
  const templates = new TemplateStore(db);
  // The search index follows every write to a body (created below, once the bodies can be read).
  let searchIndexer: SearchIndexer | null = null;
  const yjsStore = new YjsStore(db, (name) => searchIndexer?.changed(name));
  const auditLog = await openAuditLog(db, { dataDir: options.dataDir, dialect: database.dialect, env: options.env, logger: log })
    .catch(async (err: unknown) => { await database.close(); throw err; });
  const audit: Audit = async (actorId, action, target, detail = {}) => { await auditLog.append(actorId, action, target, detail); };

  if (options.adminPassword && (await users.count()) === 0) {
    const admin = await users.create({ username: 'admin', password: options.adminPassword, displayName: '管理员', roles: ['admin'] });
    await audit(null, 'setup.admin', admin.id, { from: 'WENGAO_ADMIN_PASSWORD' });
    log.info({ username: 'admin' }, 'created the admin account');
  }
  await sessions.purgeExpired();

  // The collaboration server is created below; these parts reach it through a getter.
  let collab: Hocuspocus | null = null;
  const collabServer = (): Hocuspocus => {
    if (!collab) throw new Error('collaboration server not started');
    return collab;
  };
  // SQLite: the update log is written by a thread of its own (its fsync off the event loop); pg is asynchronous already.
  const logWriter = database.driver === 'pg' ? null : new SqliteLogWriter(resolve(options.dataDir, SQLITE_FILE), database.driver, (name) => searchIndexer?.changed(name));
  // The editors of a revision are noted at a user's first edit of it: on SQLite by that thread too.
  const editorLog = logWriter
    ? { recordEditor: (id: string, revision: number, userId: string) => logWriter.run(transitions.recordEditorQuery(id, revision, userId).compile()) }
    : transitions;
  const gate = new CollabGate(collabServer, documents, editorLog);
  const changeTimes = new ChangeTimes(
    (ids, at) => logWriter ? logWriter.run(documents.touchQuery(ids, at).compile()) : documents.touchQuery(ids, at).execute().then(() => undefined),
    (err, ids) => log.error({ err, ids }, 'could not record the change time'),
    BODY_TOUCH_INTERVAL_MS,
  );
  const suggestionHistory = new SuggestionHistory(db, log);
  if (logWriter) suggestionHistory.useWriter((query) => logWriter.run(query));
  const persistence = new PersistenceExtension({
    store: yjsStore,
    suggestionHistory,
    formerNames: (userId) => names.namesOf(userId),
    logWriter: logWriter ?? cluster?.compaction(db, yjsStore, (name) => searchIndexer?.changed(name)),
    log,
    seed: () => encodeSeedBody([]),
    isLocked: (name) => gate.isLocked(name),
    judge: (name, update, userId) => authority.judgeIncoming(name, update, userId),
    onEdit: (name, userId) => {
      gate.recordEditor(name, userId).catch((err: unknown) => log.error({ err, name }, 'could not record the editor'));
    },
    onBodyChanged: (name) => {
      if (isBodyName(name)) changeTimes.changed(name);
    },
  });
  collab = new Hocuspocus({
    name: 'wengao-desk',
    quiet: true,
    debounce: 2_000,
    maxDebounce: 10_000,
    extensions: [new AuthenticationExtension(sessions, documents), ...(cluster ? [cluster.extension] : []), persistence],
  });
  const bodies = new BodyStore(yjsStore, collabServer, work);
  const search = new SearchStore(db, database.dialect, { transitions, holders: stepHolders });
  if (logWriter) search.useWriter((query) => logWriter.run(query));
  searchIndexer = new SearchIndexer({ store: search, bodies, work, log });
  const decisions = new SuggestionDecisionLog(db);
  const authority = new SuggestionAuthority({ documents, bodies, work, log, decisions });
  gate.onRightsChange((id) => authority.forget(id));
  const chains = new ChainStore(db);
  const versions = new VersionStore(db, documents, bodies, yjsStore, collabServer, work);
  const bus = options.eventBus ?? cluster?.events ?? new InProcessEventBus((err) => log.error({ err }, 'an event listener failed'));
  const inbox = new InboxNotifier(documents, bus, log, stepHolders);
  const streams = new EventStreams({ bus, log, sessionHolds: async (token) => (await sessions.authenticate(token)) !== null });
  const proofing = new ProofingStore(db);
  const proofGate = new ProofreadingGate(proofing, work);
  const suggestions = new SuggestionResolver({ documents, bodies, yjsStore, collab: collabServer, work, gate, audit, decisions });
  const reminder = new HolderReminder({
    transact: transactor(db), documents, transitions, holders: stepHolders, users, audit: auditLog, inbox,
    announce: (id) => gate.announceChange(id), afterHours: options.remindAfterHours ?? remindAfterHoursFromEnv(options.env ?? process.env),
  });
  const workflow = new WorkflowService({
    transact: transactor(db), documents, transitions, bodies, users, chains, gate, versions, audit: auditLog, proofGate, inbox, suggestions, decisions,
    holders: stepHolders, reminder,
    isTemplate: (id) => templates.isTemplateDocument(id),
  });
  const threads = new ThreadStore({ db, documents, bodies, work, audit, announce: (id, threadId) => gate.announceComments(id, threadId) });

  // Fastify's own request lines are off; logResponse writes one per request at debug (5xx at warn),
  // so the open tabs of an office do not fill the log at info.
  const app = Fastify({
    loggerInstance: log as FastifyBaseLogger, bodyLimit: LIMITS.jsonBody,
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: options.trustProxy && options.trustProxy.length > 0 ? options.trustProxy : false,
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
    // Long enough that every id reaches its route and is refused there with the field's own message
    // (编号不能超过 64 个字); at the default 100 an over-long id fell through to the web app's catch-all.
    routerOptions: { maxParamLength: 1024 },
  });
  app.addHook('onResponse', logResponse);
  installErrorHandling(app);
  const ledger = createLedgerServices(db, documents, options.dataDir, work);
  const documentExporter = new DocumentExporter({ documents, bodies, work, audit, approvals: workflow });
  const library = new TemplateLibrary({ templates, documents, bodies, audit });
  const documentCreator = new DocumentCreator({ documents, bodies, work, audit, starter: library });
  const commissions = new CommissionStore(db);
  const sweeper = new CommissionSweeper({ commissions, submissions: ledger.submissions, audit, log });
  const commissionDesk = new CommissionDesk({
    commissions, sweeper, documents, users, outlets: ledger.outlets, targets: ledger.targets, creator: documentCreator, audit,
  });
  const deriver = new PieceDeriver({
    documents, bodies, links: new DocumentLinks(db), templates, submissions: ledger.submissions, commissions, audit,
  });
  const loginGuard = new LoginGuard();
  cluster?.join({ gate, updateLog: persistence.updateLog, store: yjsStore, collab: collabServer, loginGuard });
  const services: Services = {
    users, sessions, loginGuard, documents, bodies, audit,
    remover: new DocumentRemover({ documents, ledger: ledger.submissions, gate, audit, inbox }),
    ledger,
    localLogin: options.localLogin && createLocalLogin(users, options.localLogin.secretHash, options.localLogin.displayName),
    auditLog,
    review: { workflow, versions, chains, threads, queries: new ReviewQueries(documents, transitions), reminder },
    proofing: { store: proofing, gate: proofGate },
    events: { streams, inbox },
    work,
    flows: {
      documentCreator,
      documentUpdater: new DocumentUpdater({ documents, gate, inbox, audit }),
      documentExporter,
      dispatchFormExporter: new DispatchFormExporter({ documents, transitions, chains, users, work, audit, holders: stepHolders }),
      pdfExporter: new PdfExporter({ exporter: documentExporter, converter: new OfficeConverter() }),
      collaborators: new CollaboratorManager({ documents, inbox, audit }),
      offlineRescuer: new OfflineRescuer({ documents, bodies, audit, work, suggestionHistory, formerNames: (userId) => names.namesOf(userId) }),
      ledgerImporter: new LedgerImporter({ outlets: ledger.outlets, submissions: ledger.submissions, work, audit }),
      userUpdater: new UserUpdater({ users, sessions, audit }),
    },
  };
  registerAuthRoutes(app, services);
  registerUserRoutes(app, services);
  registerDocumentRoutes(app, services);
  registerReviewRoutes(app, services);
  registerCommentRoutes(app, services);
  registerAuditRoutes(app, services);
  registerEventRoutes(app, services);
  registerLedgerRoutes(app, services);
  registerDocxRoutes(app, services);
  registerPrintRoutes(app, services);
  registerSuggestionRoutes(app, services, suggestions);
  registerProofingRoutes(app, services);
  registerTemplateRoutes(app, services, { library, deriver });
  registerCommissionRoutes(app, services, commissionDesk);
  registerSearchRoutes(app, services, search);
  const rendererDir = resolve(options.rendererDir ?? 'out/renderer');
  if (existsSync(rendererDir)) {
    await app.register(fastifyStatic, { root: rendererDir, prefix: '/', index: 'index.html' });
  } else {
    log.warn({ rendererDir }, 'no built renderer: run `npm run build` to serve the web app');
  }

  const websockets = crossws({
    serverOptions: { maxPayload: LIMITS.yjsMessage },
    hooks: {
      open: (peer) => { connections.set(peer.id, collabServer().handleConnection(withChineseCloseReasons(peer.websocket as never), peer.request)); },
      message: (peer, message) => { connections.get(peer.id)?.handleMessage(message.uint8Array()); },
      close: (peer, event) => {
        connections.get(peer.id)?.handleClose({ code: event.code ?? 1000, reason: event.reason ?? '' });
        connections.delete(peer.id);
      },
      error: (peer, error) => { log.warn({ err: error, peer: peer.id }, 'websocket error'); },
    },
  });
  const connections = new Map<string, ReturnType<Hocuspocus['handleConnection']>>();
  app.server.on('upgrade', (request, socket, head) => {
    if (new URL(request.url ?? '/', 'http://localhost').pathname !== '/collab') {
      socket.destroy();
      return;
    }
    websockets.handleUpgrade(request, socket, head).catch((err: unknown) => {
      log.warn({ err }, 'websocket upgrade failed');
      socket.destroy();
    });
  });

  await app.listen({ port: options.port, host: options.host });
  sweeper.start();
  const { port } = app.server.address() as AddressInfo;
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;
  log.info({ url, dataDir: options.dataDir, dialect: database.dialect, driver: database.driver, cluster: cluster?.identifier ?? null, node: process.versions.node, trustProxy: options.trustProxy ?? [], work: workSettings }, 'desk server listening');
  // Loading a worker takes a moment: let it happen while nobody waits for one yet.
  work.warm();
  searchIndexer.start();
  logWriter?.warm();

  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    close: () => (closing ??= (async () => {
      log.info('shutting down: writing open documents');
      sweeper.stop();
      await persistence.flushAll();
      await searchIndexer?.flush();
      await searchIndexer?.close();
      await logWriter?.close();
      streams.closeAll();
      collabServer().closeConnections();
      // Clients reconnect to the next server and resend what it has not acknowledged.
      websockets.closeAll(1001, 'server shutting down', true);
      await app.close();
      await cluster?.close();
      await auditLog.close();
      await work.close();
      await database.close();
      log.info('shut down');
    })()),
  };
}
