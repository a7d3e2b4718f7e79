// The chart palette of the current theme (charts re-render on theme change).
import { useApp } from '../stores/appStore';
import { chartPalette, type ChartPalette } from './chartThemes';

export function usePalette(): ChartPalette {
  return chartPalette(useApp((s) => s.theme));
}
