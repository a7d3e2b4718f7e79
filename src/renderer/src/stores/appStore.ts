// App-wide state: service info, the snapshot list, the active snapshot, and the light/dark theme.
import { create } from 'zustand';
import type { ChannelOutput, Snapshot } from '../../../shared/contract';
import { api } from '../api';
import { describeError, toast } from './toastStore';

export type Theme = 'light' | 'dark';
export type AppInfo = ChannelOutput<'app.info'>;

const THEME_KEY = 'bkp.theme';

export function readStoredTheme(storage: Pick<Storage, 'getItem'> | undefined, prefersDark: boolean): Theme {
  try {
    const stored = storage?.getItem(THEME_KEY);
    if (stored === 'light' || stored === 'dark') return stored;
  } catch {
    // storage may be unavailable; fall back to the OS preference
  }
  return prefersDark ? 'dark' : 'light';
}

function initialTheme(): Theme {
  if (typeof window === 'undefined') return 'light';
  const prefersDark = typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches;
  return readStoredTheme(window.localStorage, prefersDark);
}

export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  document.documentElement.style.colorScheme = theme;
}

interface AppState {
  info?: AppInfo;
  /** Set when `app.info` fails: the renderer is not connected to the planner service. */
  connectionError?: string;
  snapshots: Snapshot[];
  snapshotsLoaded: boolean;
  activeSnapshotId: number | null;
  theme: Theme;
  loadInfo(): Promise<void>;
  loadSnapshots(): Promise<void>;
  setActiveSnapshotId(id: number | null): void;
  setTheme(theme: Theme): void;
  toggleTheme(): void;
}

export const useApp = create<AppState>((set, get) => ({
  snapshots: [],
  snapshotsLoaded: false,
  activeSnapshotId: null,
  theme: initialTheme(),
  async loadInfo() {
    const r = await api.invoke('app.info', {});
    if (r.ok) set({ info: r.data, activeSnapshotId: r.data.activeSnapshotId, connectionError: undefined });
    else set({ connectionError: describeError(r.error) });
  },
  async loadSnapshots() {
    const r = await api.invoke('snapshots.list', {});
    if (r.ok) set({ snapshots: r.data, snapshotsLoaded: true });
    else if (!get().connectionError) toast('error', 'Could not load snapshots', describeError(r.error));
  },
  setActiveSnapshotId(id) {
    set({ activeSnapshotId: id });
  },
  setTheme(theme) {
    try {
      window.localStorage.setItem(THEME_KEY, theme);
    } catch {
      // not persisted; the theme still applies for this session
    }
    applyTheme(theme);
    set({ theme });
  },
  toggleTheme() {
    get().setTheme(get().theme === 'dark' ? 'light' : 'dark');
  },
}));

/** The active snapshot object (undefined until the list is loaded or when nothing is imported). */
export function useActiveSnapshot(): Snapshot | undefined {
  return useApp((s) => s.snapshots.find((x) => x.id === s.activeSnapshotId));
}
