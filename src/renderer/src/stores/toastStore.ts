// Toast notifications: errors from API calls, job outcomes, confirmations of user actions.
import { create } from 'zustand';
import type { ContractError } from '../../../shared/contract';
import { setErrorReporter } from '../api';

export type ToastKind = 'error' | 'warning' | 'success' | 'info';

export interface Toast {
  id: number;
  kind: ToastKind;
  title: string;
  detail?: string;
  /** How many times the same message was raised while it was showing (shown as "×3"). */
  count: number;
}

interface ToastState {
  toasts: Toast[];
  push(toast: Omit<Toast, 'id' | 'count'>): number;
  dismiss(id: number): void;
}

const AUTO_DISMISS_MS: Record<ToastKind, number | undefined> = { error: undefined, warning: 10_000, success: 4_000, info: 4_000 };
/** A stack taller than this covers the actions near the bottom of a page (the draft form's Save). */
export const MAX_TOASTS = 3;
let nextId = 1;

export const useToasts = create<ToastState>((set, get) => ({
  toasts: [],
  push(toast) {
    const id = nextId++;
    // The same message again replaces the one showing (counted) instead of stacking another copy on top.
    set((s) => {
      const same = s.toasts.find((t) => t.kind === toast.kind && t.title === toast.title && t.detail === toast.detail);
      const others = s.toasts.filter((t) => t !== same);
      return { toasts: [...others, { ...toast, id, count: (same?.count ?? 0) + 1 }].slice(-MAX_TOASTS) };
    });
    const ms = AUTO_DISMISS_MS[toast.kind];
    if (ms) setTimeout(() => get().dismiss(id), ms);
    return id;
  },
  dismiss(id) {
    set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
  },
}));

export function toast(kind: ToastKind, title: string, detail?: string): number {
  return useToasts.getState().push({ kind, title, detail });
}

export function describeError(error: ContractError): string {
  const issues = error.issues?.map((i) => `${i.path}: ${i.message}`).join('; ');
  return issues ? `${error.message} (${issues})` : error.message;
}

setErrorReporter((error, channel) => toast('error', `${channel} failed`, describeError(error)));
