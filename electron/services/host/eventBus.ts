import { eventSchemas, type EventName, type EventPayload } from '../../../shared/contract/events';

export type EventSink = (event: EventName, payload: unknown, clientId?: string) => void;

/**
 * Services publish events here; the active transport attaches a sink that delivers them to
 * windows or WebSocket clients. Payloads are validated on the way out so a service bug
 * cannot push malformed data into the UI.
 */
export class EventBus {
  private sinks = new Set<EventSink>();
  private goneListeners = new Set<(clientId: string) => void>();

  attach(sink: EventSink): () => void {
    this.sinks.add(sink);
    return () => this.sinks.delete(sink);
  }

  /** A window closed or reloaded, or a WebSocket dropped: its streams can stop. */
  clientGone(clientId: string): void {
    for (const listener of this.goneListeners) listener(clientId);
  }

  onClientGone(listener: (clientId: string) => void): () => void {
    this.goneListeners.add(listener);
    return () => this.goneListeners.delete(listener);
  }

  /** Sends to one client when `clientId` is given, else to every client. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>, clientId?: string): void {
    const checked = eventSchemas[event].parse(payload);
    for (const sink of this.sinks) sink(event, checked, clientId);
  }
}
