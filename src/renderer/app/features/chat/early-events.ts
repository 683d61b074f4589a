import type { EventPayload } from '../../../../shared/api';

export type StreamEvent =
  | { kind: 'delta'; e: EventPayload<'chat.delta'> }
  | { kind: 'done'; e: EventPayload<'chat.done'> }
  | { kind: 'queue'; e: EventPayload<'chat.queue'> };

/** Bounds the events held for replies not shown yet. */
const MAX_EARLY_IDS = 8;
const MAX_EARLY_EVENTS = 5000;

/**
 * Stream events can overtake the result of chat.send (a new conversation has no id in the renderer yet),
 * so events for a message not shown yet wait here, bounded, and are replayed once its placeholder exists.
 */
export class EarlyEvents {
  private readonly held = new Map<string, StreamEvent[]>();

  hold(ev: StreamEvent): void {
    const id = ev.e.messageId;
    const queue = this.held.get(id) ?? [];
    if (queue.length < MAX_EARLY_EVENTS && (this.held.size < MAX_EARLY_IDS || this.held.has(id))) {
      queue.push(ev);
      this.held.set(id, queue);
    }
  }

  take(messageId: string): StreamEvent[] {
    const queue = this.held.get(messageId) ?? [];
    this.held.delete(messageId);
    return queue;
  }

  clear(): void {
    this.held.clear();
  }
}
