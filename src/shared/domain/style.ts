// Fabric styles: greige styles (`base/version`), the finished -> greige bridge (eFab_Styles, G02 pairs) and the
// finished fabric specs; and the rule that reads a style's base and version.
import { z } from 'zod';
import { isoDateSchema } from './isoDate';

/** QuadS greige fabric list: greige style = base/version. */
export const greigeStyleSchema = z.strictObject({
  style: z.string().min(1),
  base: z.string(),
  version: z.string(),
  workCenter: z.string().nullable(),
  construction: z.string().nullable(),
  constructionId: z.string().nullable(),
  customer: z.string().nullable(),
  stage: z.string().nullable(),
  pricePerLb: z.number().nullable(),
  active: z.boolean().nullable(),
  refStyle: z.string().nullable(),
});
export type GreigeStyle = z.infer<typeof greigeStyleSchema>;

/** eFab_Styles: finished style -> greige base (duplicates removed; an fStyle can map to several gBases). */
export const styleBridgeRowSchema = z.strictObject({
  finishedStyle: z.string().min(1),
  finishedVersion: z.string().nullable(),
  customerBase: z.string().nullable(),
  styleAlias: z.string().nullable(),
  greigeBase: z.string().min(1),
  greigeCreated: isoDateSchema.nullable(),
});
export type StyleBridgeRow = z.infer<typeof styleBridgeRowSchema>;

/** A direct finished (fStyle/fVersion) -> greige style (base/version) pair seen on G02 rolls at the dyer. */
export const greigePairSchema = z.strictObject({
  finishedBase: z.string(),
  greigeStyle: z.string(),
  rolls: z.number().int().positive(),
});
export type GreigePair = z.infer<typeof greigePairSchema>;

export const fabricSpecSourceSchema = z.enum(['styles_master', 'finished_specs']);
export type FabricSpecSource = z.infer<typeof fabricSpecSourceSchema>;

export const fabricSpecSchema = z.strictObject({
  source: fabricSpecSourceSchema,
  finishedStyle: z.string().min(1),
  finishedVersion: z.string().nullable(),
  specId: z.string().nullable(),
  finishCode: z.string().nullable(),
  overallWidthIn: z.number().nullable(),
  cuttableWidthIn: z.number().nullable(),
  ozPerLinYd: z.number().nullable(),
  ydsPerLb: z.number().nullable(),
  gsm: z.number().nullable(),
  ozPerSqYd: z.number().nullable(),
  composition: z.string().nullable(),
  construction: z.string().nullable(),
  fabricType: z.string().nullable(),
  rollWeightLbs: z.number().nullable(),
  rollLengthYds: z.number().nullable(),
  stage: z.string().nullable(),
});
export type FabricSpec = z.infer<typeof fabricSpecSchema>;

/**
 * A style's base and version: the parts before and after the first "/" (greige `CT2655/1` -> `CT2655` + `1`; finished
 * `C1B4374-1/0` -> `C1B4374-1` + `0`), trimmed; the version is null when there is none. A style without "/" is its own
 * base. (QuadS's greige list states base and version itself and is kept as exported: it splits `860000/3/70P` at the
 * last "/" but `C0332F//1IV` at the first.)
 */
export function splitStyle(style: string): { base: string; version: string | null } {
  const slash = style.indexOf('/');
  if (slash < 0) return { base: style.trim(), version: null };
  return { base: style.slice(0, slash).trim(), version: style.slice(slash + 1).trim() || null };
}

/** A style's base: see `splitStyle`. */
export function styleBase(style: string): string {
  return splitStyle(style).base;
}
