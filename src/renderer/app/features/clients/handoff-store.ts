import { Injectable, inject, signal } from '@angular/core';
import type { ApiError, MethodInput, MethodOutput } from '../../../../shared/api';
import { ApiClient } from '../../core/api-client';

type KeyInfo = MethodOutput<'handoff.keys.list'>['keys'][number];
type MyKey = MethodOutput<'handoff.keys.mine'>;
type Client = MethodOutput<'clients.list'>['clients'][number];
type PacketSummary = MethodOutput<'clients.packets'>['packets'][number];
type Packet = MethodOutput<'clients.packet'>;
type ChainSummary = MethodOutput<'chain.list'>['chains'][number];

/** Keys, packets and clients for the hand-off screen. Messages are the contract's calm ones. */
@Injectable()
export class HandoffStore {
  private readonly api = inject(ApiClient);
  readonly myKey = signal<MyKey | null>(null);
  readonly keys = signal<readonly KeyInfo[]>([]);
  readonly chains = signal<readonly ChainSummary[]>([]);
  readonly clients = signal<readonly Client[]>([]);
  readonly packets = signal<readonly PacketSummary[]>([]);
  readonly selectedClient = signal<string | null>(null);
  readonly packet = signal<Packet | null>(null);
  readonly error = signal<ApiError | null>(null);

  async load(): Promise<void> {
    const [keys, clients, chains] = await Promise.all([
      this.api.call('handoff.keys.list', {}),
      this.api.call('clients.list', {}),
      this.api.call('chain.list', {}),
    ]);
    if (!keys.ok) {
      this.error.set(keys.error);
      return;
    }
    this.error.set(null);
    this.keys.set(keys.value.keys);
    if (clients.ok) this.clients.set(clients.value.clients);
    if (chains.ok) this.chains.set(chains.value.chains);
  }

  async showMyKey(): Promise<string | null> {
    const r = await this.api.call('handoff.keys.mine', {});
    if (r.ok) this.myKey.set(r.value);
    return r.ok ? null : r.error.message;
  }

  async importKey(source: { text: string } | { path: string }): Promise<string> {
    const r = await this.api.call('handoff.keys.import', source);
    if (!r.ok) return r.error.message;
    await this.load();
    return `Imported the key “${r.value.label}” (fingerprint ${r.value.fingerprint}). Check the fingerprint with your therapist.`;
  }

  async removeKey(id: string): Promise<string> {
    const r = await this.api.call('handoff.keys.remove', { id });
    await this.load();
    return r.ok ? 'The key was removed.' : r.error.message;
  }

  async createPacket(input: MethodInput<'handoff.packet.create'>): Promise<string> {
    const r = await this.api.call('handoff.packet.create', input);
    return r.ok
      ? `Wrote an encrypted packet (${Math.ceil(r.value.bytes / 1024)} KB) to ${r.value.path}. Only that therapist’s app can open it.`
      : r.error.message;
  }

  async importPacket(path: string): Promise<string> {
    const r = await this.api.call('handoff.packet.import', { path });
    if (!r.ok) return r.error.message;
    await this.load();
    await this.selectClient(r.value.clientId);
    return r.value.duplicate ? 'That packet was already imported.' : 'The packet was verified and imported.';
  }

  async selectClient(clientId: string): Promise<void> {
    this.selectedClient.set(clientId);
    this.packet.set(null);
    const r = await this.api.call('clients.packets', { clientId });
    this.packets.set(r.ok ? r.value.packets : []);
  }

  async openPacket(packetId: string): Promise<void> {
    const r = await this.api.call('clients.packet', { packetId });
    if (r.ok) this.packet.set(r.value);
  }
}
