/** Errors this page has met since it started (failed media, refused reports…), for the fleet status. */
let errors = 0;
const listeners = new Set<() => void>();

export function countError(): void {
  errors += 1;
  for (const l of listeners) l();
}
export function errorCount(): number {
  return errors;
}
export function onErrorCounted(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}
