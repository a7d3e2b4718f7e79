// What a mapper returns for one file.
import type { Bucket } from '../buckets';
import type { EntityBatch, ErpReportType } from '../../../shared/domain/entities';
import type { RowReader } from '../rowReader';

export interface MapContext {
  /** File name as shown in the report. */
  fileName: string;
  /** Id the file's ERP report gets in the snapshot (reference reports only). */
  reportId: number;
  /** Progress tick for long post-processing (the row loop ticks by itself). */
  tick?: () => void;
}

/** An ERP report's header facts, resolved to dates once the batch's as-of date is known. */
export interface ReportMeta {
  type: ErpReportType;
  /** One per bucket (Yarn_Demand: per Demand/Receipts/Balance triple), in column order. */
  buckets: Bucket[];
  labels: string[];
  /** Weekday named in the inventory header ("Tuesday Inventory" -> 2). */
  inventoryWeekday?: number;
  /** A date above the header (the hand-built Yarn_Demand puts each week's start date in its title row). */
  titleWeekStart?: string;
}

export interface MapResult {
  batch: Partial<EntityBatch>;
  notes: string[];
  report?: ReportMeta;
  /** Expected_Yarn_Report: Monday of its "This Week" when its dated columns reveal it. */
  expectedThisWeek?: string;
}

export type Mapper = (r: RowReader, ctx: MapContext) => MapResult;
