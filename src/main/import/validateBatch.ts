// The import boundary: every row the mappers produce is checked against its entity schema (src/shared/domain)
// before the batch can be written. A row that breaks it is a fault of the mapper, not of the file (the mappers
// reject bad cells with file, row and column already): the file is refused, naming the entity, row and field.
import { entitySchemas, type EntityBatch, type EntityKind } from '../../shared/domain/entities';

/** At most this many problems are named per file. */
const MAX_PROBLEMS = 5;

/** Why rows of `batch` do not fit their schemas (empty when they all do). */
export function entityProblems(batch: Partial<EntityBatch>): string[] {
  const problems: string[] = [];
  for (const [kind, rows] of Object.entries(batch) as [EntityKind, unknown[]][]) {
    const schema = entitySchemas[kind];
    for (let i = 0; i < rows.length && problems.length < MAX_PROBLEMS; i++) {
      const parsed = schema.safeParse(rows[i]);
      if (parsed.success) continue;
      const issue = parsed.error.issues[0];
      if (issue.code === 'unrecognized_keys') {
        problems.push(`${kind} row ${i + 1}: ${issue.keys.join(', ')} is no field of the entity`);
        continue;
      }
      const value = (rows[i] as Record<string, unknown>)[String(issue.path[0])];
      problems.push(
        `${kind} row ${i + 1}, ${issue.path.join('.')}: ${issue.message} (got ${typeof value === 'number' ? String(value) : JSON.stringify(value)})`,
      );
    }
  }
  return problems;
}
