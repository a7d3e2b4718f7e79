import type { z } from 'zod';
import type { ChannelName, ChannelOutput, Channels } from '../../../shared/contract';

/** The implementation of every channel: input already validated by `dispatch`. */
export type Handlers = {
  [C in ChannelName]: (input: z.output<Channels[C]['input']>) => Promise<ChannelOutput<C>>;
};
