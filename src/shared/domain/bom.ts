// The bill of materials: which yarns a greige style is knitted from, as shares of its weight.
import { z } from 'zod';

/** One (greige style, yarn) pair: the ERP's duplicate feed lines are summed into `fraction` (0..1). */
export const bomLineSchema = z.strictObject({
  style: z.string().min(1),
  yarnId: z.string().min(1),
  fraction: z.number(),
  /** How many export lines were summed. */
  lineCount: z.number().int().positive(),
  /** The BOM file the line came from (a style's lines all come from one file, see import/mappers/bom.ts). */
  sourceFile: z.string(),
});
export type BomLine = z.infer<typeof bomLineSchema>;
