// A page is "ready" when every grid and chart on it has rendered; printing and e2e wait on this.
const pending = new Set<Promise<void>>();

/** Registers something that will render; returns its resolve function. */
export function trackRender(): () => void {
  let resolve!: () => void;
  const p = new Promise<void>((r) => (resolve = r));
  pending.add(p);
  void p.then(() => pending.delete(p));
  return resolve;
}

export async function whenReady(): Promise<void> {
  // Loop: rendering one component can mount another (e.g. a grid inside a freshly loaded panel).
  while (pending.size) await Promise.all([...pending]);
}

if (typeof window !== 'undefined') window.__bkpWhenReady = whenReady;
