// Validates a call at the boundary and runs its handler. Never throws: every failure becomes a structured error.
import { z } from 'zod';
import { channels, type ChannelName, type ContractError, type Result } from '../../../shared/contract';
import { NotFoundError } from '../errors';
import type { Handlers } from './handlers';

function issuesOf(err: z.ZodError): ContractError['issues'] {
  return err.issues.map((i) => ({ path: i.path.join('.') || '(payload)', message: i.message }));
}

export async function dispatch(handlers: Handlers, channel: unknown, payload: unknown): Promise<Result<unknown>> {
  if (typeof channel !== 'string' || !Object.prototype.hasOwnProperty.call(channels, channel)) {
    return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `unknown channel: ${String(channel).slice(0, 80)}` } };
  }
  const name = channel as ChannelName;
  const spec = channels[name];
  const parsed = spec.input.safeParse(payload ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'INVALID_INPUT', message: `invalid payload for ${name}`, issues: issuesOf(parsed.error) },
    };
  }
  try {
    const handler = handlers[name] as (input: unknown) => Promise<unknown>;
    const data = await handler(parsed.data);
    const out = spec.output.safeParse(data);
    if (!out.success) {
      return {
        ok: false,
        error: { code: 'INVALID_OUTPUT', message: `handler for ${name} returned an invalid result`, issues: issuesOf(out.error) },
      };
    }
    return { ok: true, data: out.data };
  } catch (err) {
    const code = err instanceof NotFoundError ? 'NOT_FOUND' : 'FAILED';
    return { ok: false, error: { code, message: (err as Error).message ?? String(err) } };
  }
}
