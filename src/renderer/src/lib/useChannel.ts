// Fetch one channel's data for a component: { status, data, error, reload }. Refetches when `deps` change.
import { useCallback, useEffect, useState } from 'react';
import type { ChannelInput, ChannelName, ChannelOutput, ContractError } from '../../../shared/contract';
import { api } from '../api';

export interface ChannelState<T> {
  status: 'idle' | 'loading' | 'ready' | 'error';
  data?: T;
  error?: ContractError;
  reload(): void;
}

/** `input` undefined means "do not fetch" (e.g. nothing selected). */
export function useChannel<C extends ChannelName>(channel: C, input: ChannelInput<C> | undefined, deps: unknown[]): ChannelState<ChannelOutput<C>> {
  const [state, setState] = useState<Omit<ChannelState<ChannelOutput<C>>, 'reload'>>({ status: 'idle' });
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  useEffect(() => {
    if (input === undefined) {
      setState({ status: 'idle' });
      return;
    }
    let live = true;
    setState((s) => ({ ...s, status: 'loading' }));
    void api.invoke(channel, input).then((r) => {
      if (!live) return;
      setState(r.ok ? { status: 'ready', data: r.data } : { status: 'error', error: r.error });
    });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller's `deps` say when to call again (`input` is a new object every render)
  }, [...deps, tick]);
  return { ...state, reload };
}
