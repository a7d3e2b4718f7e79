// Every area's benchmark returns figures against budgets; test/bench/run.ts prints them all.
export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  /** Budget in the same unit; `lowerIsBetter` false for rates such as rows/s. */
  budget?: number;
  lowerIsBetter?: boolean;
  note?: string;
}
export type BenchArea = () => Promise<BenchFigure[]>;
