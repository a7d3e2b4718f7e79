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
}

interface ToastState {
  toasts: Toast[];
  push(toast: Omit<Toast, 'id'>): number;
  dismiss(id: number): void;
}

const AUTO_DISMISS_MS: Record<ToastKind, number | undefined> = { error: undefined, warning: 10_000, success: 4_000, info: 4_000 };
const MAX_TOASTS = 5;
let nextId = 1;

export const useToasts = create<ToastState>((set, get) => ({
  toasts: [],
  push(toast) {
    const id = nextId++;
    set((s) => ({ toasts: [...s.toasts, { ...toast, id }].slice(-MAX_TOASTS) }));
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
