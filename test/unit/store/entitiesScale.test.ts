// The entity read at 100x scale: a split table's stage of a million rows (F01 rolls at 100x) is gathered without
// passing its rows as call arguments (push(...rows) overflowed the stack there and failed the import's write).
import { describe, expect, it } from 'vitest';
import { loadEntity } from '../../../src/main/store/entities';
import type { Db } from '../../../src/main/store/dbHandle';
import type { EntityBatch } from '../../../src/shared/domain/entities';

describe('loadEntity at scale', () => {
  it('gathers a 1M-row roll stage and keeps the stages in their order', () => {
    const rolls = Array.from({ length: 1_000_000 }, (_, i) => ({ stage: i % 10 === 0 ? 'G00' : 'F01', rollId: String(i) }));
    const preloaded = { fabricRolls: rolls } as unknown as Partial<EntityBatch>;
    const sources = { 'fabricRolls:G00': 1, 'fabricRolls:F01': 1 };
    // every stage comes from the preloaded batch of snapshot 1: the database is never read
    const out = loadEntity(undefined as unknown as Db, 1, 'fabricRolls', sources, preloaded) as unknown as typeof rolls;
    expect(out.length).toBe(1_000_000);
    expect(out[0]).toEqual({ stage: 'G00', rollId: '0' });
    expect(out[100_000]).toEqual({ stage: 'F01', rollId: '1' });
    expect(out.at(-1)).toEqual({ stage: 'F01', rollId: '999999' });
  });
});
