// AG Grid cell renderers that turn an ID into a link to the screen explaining it (yarn, knit order, …).
import type { ReactNode } from 'react';

/** `colDef: { cellRenderer: linkCell((id) => navigate('yarn', { yarnId: id })) }`. */
export function linkCell(open: (value: string, row: Record<string, unknown>) => void, title?: string) {
  return function LinkCellRenderer(p: { value?: unknown; data?: Record<string, unknown>; node?: { rowPinned?: string | null } }): ReactNode {
    if (p.value === null || p.value === undefined || p.value === '') return null;
    const text = String(p.value);
    if (p.node?.rowPinned) return text;
    return (
      <button
        type="button"
        className="link-button cell-link-button"
        title={title}
        onClick={(e) => {
          e.stopPropagation();
          open(text, p.data ?? {});
        }}
      >
        {text}
      </button>
    );
  };
}
