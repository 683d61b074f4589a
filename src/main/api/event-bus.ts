import { eventSchemas, type EventName, type EventPayload } from '../../shared/api';

type Listener = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

/** Main-process events fan out to every connected transport. Payloads are validated on the way out. */
export class EventBus {
  private readonly listeners = new Set<Listener>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    eventSchemas[name].parse(payload);
    for (const l of this.listeners) l(name, payload);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
