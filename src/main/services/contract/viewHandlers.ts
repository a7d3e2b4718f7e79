// The view channels of the contract: each reads the plan of the requested (or active) snapshot.
import type { z } from 'zod';
import type { ViewChannel, ViewChannels } from '../../../shared/views';
import type { Db } from '../../store/db';
import { readView } from '../views/planViews';
import type { Handlers } from './handlers';

export function createViewHandlers(db: Db, requireSnapshot: (id?: number) => number): Pick<Handlers, ViewChannel> {
  const view =
    <C extends ViewChannel>(channel: C) =>
    async (input: z.output<ViewChannels[C]['input']>) =>
      readView(db, channel, requireSnapshot(input.snapshotId), input);
  return {
    'view.dashboard': view('view.dashboard'),
    'view.alerts': view('view.alerts'),
    'view.yarnPosition': view('view.yarnPosition'),
    'view.yarnShortages': view('view.yarnShortages'),
    'view.yarnDetail': view('view.yarnDetail'),
    'view.demand': view('view.demand'),
    'view.purchasing': view('view.purchasing'),
    'view.capacity': view('view.capacity'),
    'view.schedule': view('view.schedule'),
    'view.forecast': view('view.forecast'),
    'view.forecastSeries': view('view.forecastSeries'),
  };
}
