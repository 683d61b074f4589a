// Short-lived relay keys. Private keys exist only in this process's memory: a new key is minted every
// rotation period, published with its expiry, and dropped (and its KeyObject released) once expiry plus
// the grace period has passed. Restarting the relay therefore invalidates all keys, by design.
import { randomBytes } from 'node:crypto';
import { generateX25519, type X25519KeyPair } from './hpke-native';
import { b64u } from '../client/protocol';

export interface RelayKey {
  id: string;
  pair: X25519KeyPair;
  notBefore: number;
  expiresAt: number;
}

export interface PublicKeyInfo {
  id: string;
  publicKey: string;
  notBefore: number;
  expiresAt: number;
}

export class KeyRing {
  private keys: RelayKey[] = [];

  constructor(
    private readonly rotationMs: number,
    private readonly graceMs: number,
    private readonly now: () => number = Date.now,
    /** Prefix identifying this instance, so a load balancer can route a key id to its holder. */
    private readonly instanceId: string = b64u(randomBytes(4)),
  ) {}

  /** Mints a key when none is current and forgets keys past expiry + grace. Cheap; called per request. */
  maintain(): void {
    const t = this.now();
    this.keys = this.keys.filter((k) => k.expiresAt + this.graceMs > t);
    const newest = this.keys.at(-1);
    // Mint the next key a little before the current one expires so clients never see an empty list.
    if (!newest || newest.expiresAt - t < this.rotationMs / 10) {
      const notBefore = t;
      this.keys.push({
        id: `${this.instanceId}.${b64u(randomBytes(12))}`,
        pair: generateX25519(),
        notBefore,
        expiresAt: notBefore + this.rotationMs,
      });
    }
  }

  published(): PublicKeyInfo[] {
    this.maintain();
    const t = this.now();
    return this.keys
      .filter((k) => k.expiresAt > t)
      .map((k) => ({ id: k.id, publicKey: b64u(k.pair.publicKey), notBefore: k.notBefore, expiresAt: k.expiresAt }));
  }

  /** The key for an incoming request: usable until expiry + grace (requests sealed just before expiry). */
  find(id: string): RelayKey | null {
    this.maintain();
    return this.keys.find((k) => k.id === id) ?? null;
  }

  clear(): void {
    this.keys = [];
  }
}
