/**
 * A small typed in-process event bus for cross-domain reactions ("a receipt was posted →
 * the recommender refreshes soon"). Publishing never waits for a listener and never fails
 * because of one: a listener that throws is reported to `onListenerError`, and the others
 * still run. Listeners are for reactions that may lag; anything that must commit with a write
 * belongs in the use case that makes the write.
 */
export class EventBus<Events extends object> {
  private readonly listeners = new Map<keyof Events, Array<(payload: never) => void | Promise<void>>>();

  constructor(private readonly onListenerError: (err: unknown, event: string) => void) {}

  on<E extends keyof Events>(event: E, listener: (payload: Events[E]) => void | Promise<void>): () => void {
    const list = this.listeners.get(event) ?? [];
    list.push(listener as (payload: never) => void);
    this.listeners.set(event, list);
    return () => this.listeners.set(event, (this.listeners.get(event) ?? []).filter((l) => l !== listener));
  }

  publish<E extends keyof Events>(event: E, payload: Events[E]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        const result = (listener as (p: Events[E]) => void | Promise<void>)(payload);
        if (result instanceof Promise) result.catch((err: unknown) => this.onListenerError(err, String(event)));
      } catch (err) {
        this.onListenerError(err, String(event));
      }
    }
  }
}
