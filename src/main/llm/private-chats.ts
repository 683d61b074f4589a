import { createMemoryPersistence, type ChatPersistence } from './chat-persistence';

/**
 * "Don't save" conversations: held only in this process's memory, never handed to the encrypted store,
 * never written to a file. Closing one (or locking, or quitting) drops it; there is nothing to delete later.
 * The chat service routes a conversation here purely by its id, so every other code path — safety
 * screens, providers, remote confirmation — is the same one a saved conversation goes through.
 */
export class PrivateChats {
  private memory = createMemoryPersistence();

  get persistence(): ChatPersistence {
    return this.memory;
  }

  has(conversationId: string | undefined): boolean {
    return conversationId !== undefined && this.memory.conversations.has(conversationId);
  }

  get count(): number {
    return this.memory.conversations.size;
  }

  /** Forgets one conversation; true if it existed. */
  forget(conversationId: string): boolean {
    return this.memory.conversations.delete(conversationId);
  }

  /** Lock and shutdown: a fresh map, so nothing of the old one stays reachable. */
  clear(): void {
    this.memory.conversations.clear();
    this.memory = createMemoryPersistence();
  }
}
