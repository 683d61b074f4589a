import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { WebSocketServer } from 'ws';
import { MAX_FRAME_BYTES, TOKEN_PARAM, WS_PATH } from '../../shared/transport';
import { Auth } from './auth';
import { ServicesStart, type AppSource, type StartTiming } from './services-start';
import { pickEncoding, StaticFiles } from './static-files';

/** The only interface the browser shell ever listens on. */
export const LOOPBACK = '127.0.0.1';

export interface ServerOptions {
  /**
   * The services, a promise of them, or a loader: the page and its assets need no services, so the
   * CLI listens first and passes a loader, which runs once the page is delivered (see ServicesStart).
   */
  readonly app: AppSource;
  /** When a loader runs at the latest; tests shorten it. */
  readonly servicesStart?: Partial<StartTiming>;
  /** Folder of the built Angular app (index.html and its assets). */
  readonly staticDir: string;
  /** 0 picks any free port. */
  readonly port: number;
}

export interface RunningServer {
  readonly port: number;
  /** The one URL to open, token included. */
  readonly url: string;
  readonly token: string;
  readonly address: AddressInfo;
  close(): Promise<void>;
}

const DEFAULT_START: StartTiming = { quietMs: 200, latestMs: 5000 };

/** Thrown when the port is taken, so the CLI can say so in one line instead of a stack trace. */
export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`Port ${port} is already in use.`);
    this.name = 'PortInUseError';
  }
}

const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};
const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
};

/** Starts the loopback HTTP + WebSocket server for the browser shell. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const files = new StaticFiles(options.staticDir);
  const http = createServer();
  const address = await listen(http, options.port);
  const port = address.port;
  const auth = new Auth(port);
  const services = new ServicesStart(options.app, { ...DEFAULT_START, ...options.servicesStart });
  // The WebSocket side (ws, the RPC and the contract's schemas) is loaded on the first upgrade:
  // nothing on the way to the first paint needs it.
  let wssReady: Promise<WebSocketServer> | undefined;
  const loadWss = (): Promise<WebSocketServer> =>
    (wssReady ??= Promise.all([import('ws'), import('./ws-rpc')]).then(([{ WebSocketServer }, { serveRpc }]) => {
      const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES, perMessageDeflate: false });
      wss.on('connection', (ws) => serveRpc(ws, services.ready));
      return wss;
    }));
  files.warm();

  http.on('request', (req, res) => {
    services.requestStarted();
    res.once('close', () => services.requestFinished());
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    handleRequest(req, res, auth, files).catch(() => {
      if (!res.headersSent) refuse(res, 404);
      else res.destroy();
    });
  });
  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // The session cookie alone is not enough: a WebSocket is not bound by the same-origin
    // policy, so the Origin header must be present and be ours (cross-site WebSocket hijacking).
    const verdict = auth.verify(req, { requireOrigin: true });
    const status = verdict.ok ? (pathOf(req) === WS_PATH ? 0 : 404) : verdict.status;
    if (status !== 0) {
      socket.end(`HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    // The page has booted: start the services once its remaining requests (lazy screens) are done.
    services.pageConnected();
    loadWss().then(
      (wss) => {
        if (!socket.destroyed) wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
      },
      () => socket.destroy(),
    );
  });

  return {
    port,
    address,
    token: auth.token,
    url: `http://${LOOPBACK}:${port}/?${TOKEN_PARAM}=${auth.token}`,
    close: async () => {
      services.dispose();
      const wss = await wssReady?.catch(() => undefined);
      if (wss) {
        for (const ws of wss.clients) ws.close(1001, 'Server shutting down');
        await new Promise<void>((resolve) => {
          wss.close(() => resolve());
        });
      }
      await new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      });
    },
  };
}

async function handleRequest(req: IncomingMessage, res: ServerResponse, auth: Auth, files: StaticFiles): Promise<void> {
  if (!auth.checkHost(req) || !auth.checkOrigin(req, false)) return refuse(res, 403);
  // Origin-form only ('/path'); absolute-form is for proxies. Parsing against a fixed base keeps
  // '//host/x' a path instead of a new host.
  if (!req.url?.startsWith('/')) return refuse(res, 400);
  let url: URL;
  try {
    url = new URL(`http://${LOOPBACK}${req.url}`);
  } catch {
    return refuse(res, 400);
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return refuse(res, 405);
  }
  const tokenOk = auth.tokenInUrl(url);
  if (tokenOk === true) {
    // Swap the token for a session cookie and drop it from the address bar (and from history's last entry).
    res.setHeader('Set-Cookie', auth.newSessionCookie());
    res.setHeader('Cache-Control', 'no-store');
    res.writeHead(303, { Location: '/' }).end();
    return;
  }
  if (tokenOk === false || !auth.hasSession(req)) return refuse(res, 401);
  const encoding = pickEncoding(req.headers['accept-encoding']);
  const found = await files.lookup(url.pathname, encoding);
  if (found.status === 404) return refuse(res, 404);
  found.send(res, encoding);
}

/** Refusals carry no detail: the status says enough and the body must not help an attacker. */
function refuse(res: ServerResponse, status: number): void {
  const body = STATUS_TEXT[status] ?? 'Error';
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

function pathOf(req: IncomingMessage): string {
  const raw = req.url ?? '';
  const q = raw.indexOf('?');
  return q === -1 ? raw : raw.slice(0, q);
}

function listen(http: Server, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port) : error);
    };
    http.once('error', onError);
    http.listen({ port, host: LOOPBACK, exclusive: true }, () => {
      http.off('error', onError);
      resolve(http.address() as AddressInfo);
    });
  });
}
