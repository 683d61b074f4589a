import { appendFile, mkdir, readFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { AppError } from './errors';

export interface ConnectionRecord {
  readonly at: string;
  readonly host: string;
  readonly purpose: string;
  readonly allowed: boolean;
}

export interface OutboundGuardOptions {
  offline: boolean;
  /** Where the log is kept across restarts (host, time, purpose: never content). Omit for memory only. */
  logFile?: string;
  onRecord?: (record: ConnectionRecord) => void;
  now?: () => Date;
}

const MAX_RECORDS = 1000;
const MAX_REFUSED_HOSTS = 200;

/**
 * Every provider and the downloader ask this guard before they open a connection. In offline
 * mode only loopback and the configured local-network server pass. Every attempt is recorded,
 * allowed or not, so Settings → Privacy can prove what left the machine.
 */
export class OutboundGuard {
  private offlineMode: boolean;
  private localServerHost: string | null = null;
  private readonly records: ConnectionRecord[] = [];
  private loaded = false;
  private readonly refusedHosts = new Set<string>();

  constructor(private readonly options: OutboundGuardOptions) {
    this.offlineMode = options.offline;
  }

  get offline(): boolean {
    return this.offlineMode;
  }

  setOffline(offline: boolean): void {
    this.offlineMode = offline;
  }

  /** The one remote host that may be reached in offline mode, if it is on the local network. */
  setLocalServer(baseUrl: string | null): void {
    this.localServerHost = baseUrl ? hostOf(baseUrl) : null;
  }

  /** Throws OFFLINE when the connection is not allowed; records the attempt either way. */
  async check(url: string, purpose: string): Promise<void> {
    const host = hostOf(url);
    const allowed = this.isAllowed(host);
    await this.record({ at: (this.options.now?.() ?? new Date()).toISOString(), host, purpose, allowed });
    if (!allowed) {
      throw new AppError('OFFLINE', 'Offline mode is on: the app does not connect to hosts outside this network.');
    }
  }

  /**
   * A request another layer already refused (the Electron session's filter): recorded as not allowed,
   * host only. Each host is recorded once per run, so a misbehaving page cannot flood the log.
   */
  async recordRefused(url: string, purpose: string): Promise<void> {
    let host: string;
    try {
      host = hostOf(url);
    } catch {
      return;
    }
    if (!host || this.refusedHosts.has(host) || this.refusedHosts.size >= MAX_REFUSED_HOSTS) return;
    this.refusedHosts.add(host);
    await this.record({ at: (this.options.now?.() ?? new Date()).toISOString(), host, purpose, allowed: false });
  }

  isAllowed(host: string): boolean {
    if (isLoopback(host)) return true;
    if (!this.offlineMode) return true;
    return host === this.localServerHost && isLocalNetwork(host);
  }

  async connections(): Promise<ConnectionRecord[]> {
    await this.loadOnce();
    return [...this.records];
  }

  private async record(r: ConnectionRecord): Promise<void> {
    await this.loadOnce();
    this.records.push(r);
    if (this.records.length > MAX_RECORDS) this.records.splice(0, this.records.length - MAX_RECORDS);
    this.options.onRecord?.(r);
    if (this.options.logFile) {
      await mkdir(path.dirname(this.options.logFile), { recursive: true, mode: 0o700 });
      await appendFile(this.options.logFile, `${JSON.stringify(r)}\n`, { mode: 0o600 });
    }
  }

  private async loadOnce(): Promise<void> {
    if (this.loaded || !this.options.logFile) return;
    this.loaded = true;
    const text = await readFile(this.options.logFile, 'utf8').catch(() => '');
    for (const line of text.split('\n').slice(-MAX_RECORDS)) {
      const parsed = parseRecord(line);
      if (parsed) this.records.push(parsed);
    }
  }
}

function parseRecord(line: string): ConnectionRecord | null {
  try {
    const v = JSON.parse(line) as Partial<ConnectionRecord>;
    if (typeof v.at !== 'string' || typeof v.host !== 'string' || typeof v.purpose !== 'string') return null;
    return { at: v.at.slice(0, 40), host: v.host.slice(0, 255), purpose: v.purpose.slice(0, 64), allowed: !!v.allowed };
  } catch {
    return null;
  }
}

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    throw new AppError('INVALID_INPUT', 'That server address is not a valid URL.');
  }
}

export function isLoopback(host: string): boolean {
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (net.isIPv4(host)) return host.startsWith('127.');
  if (net.isIPv6(host)) return host === '::1' || /^::ffff:127\./.test(host);
  return false;
}

/** Private, link-local and mDNS names: a clinic's own server or Ollama on the LAN. */
export function isLocalNetwork(host: string): boolean {
  if (isLoopback(host)) return true;
  if (net.isIPv4(host)) {
    const [a = 0, b = 0] = host.split('.').map(Number);
    return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254);
  }
  if (net.isIPv6(host)) return /^f[cd]/.test(host) || /^fe[89ab]/.test(host);
  return host.endsWith('.local') || host.endsWith('.lan') || host.endsWith('.home.arpa') || !host.includes('.');
}
