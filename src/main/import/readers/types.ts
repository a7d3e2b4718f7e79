// What every reader returns: sheets of raw cells, before any header detection or cleaning.

/** A raw cell: text verbatim, numbers as stored, dates as UTC `Date`, booleans; `null` when empty or an error. */
export type Cell = string | number | boolean | Date | null;

export interface RawSheet {
  name: string;
  /** rows[i] is spreadsheet row i + 1 (csv: line i + 1); missing cells are undefined or null; rows absent from an
   * xlsx sheet are holes (undefined), so a sparse sheet costs memory per row present, not per row number. */
  rows: Cell[][];
  /** Cells whose cached value was an Excel error such as #REF! (read as null). */
  errorCells: number;
  /** Every line has the header's number of fields (csv: a line with more or fewer is not a data row). */
  fixedWidth?: boolean;
}

export type SourceFormat = 'xlsx' | 'csv' | 'json';

export interface RawBook {
  format: SourceFormat;
  /** How a csv/json file's bytes were decoded (Windows-1252 when they are not UTF-8). */
  encoding?: 'utf-8' | 'windows-1252';
  sheets: RawSheet[];
}

/** A file the readers cannot read at all (corrupt zip, binary garbage, empty, bad JSON). */
export class UnreadableFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableFileError';
  }
}
