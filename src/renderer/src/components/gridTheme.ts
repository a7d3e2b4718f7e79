// AG Grid themes (Theming API, no CSS import) for the app's light and dark modes; values mirror styles/tokens.css.
import { colorSchemeDark, colorSchemeLight, themeQuartz, type Theme as GridTheme } from 'ag-grid-community';
import type { Theme } from '../stores/appStore';

const shared = {
  fontFamily: "'Segoe UI', system-ui, -apple-system, 'Helvetica Neue', Roboto, Arial, sans-serif",
  fontSize: 12,
  headerFontSize: 12,
  headerFontWeight: 600,
  rowHeight: 28,
  headerHeight: 32,
  spacing: 6,
  wrapperBorderRadius: 0,
  borderRadius: 3,
  wrapperBorder: false,
  cellHorizontalPadding: 10,
};

const light = themeQuartz.withPart(colorSchemeLight).withParams({
  ...shared,
  backgroundColor: '#ffffff',
  foregroundColor: '#1c2430',
  accentColor: '#1f5fa8',
  borderColor: '#e1e5eb',
  headerBackgroundColor: '#f6f7f9',
  headerTextColor: '#3b4553',
  oddRowBackgroundColor: '#fbfcfd',
  rowHoverColor: '#eef3f9',
  selectedRowBackgroundColor: '#e3ecf8',
  browserColorScheme: 'light',
});

const dark = themeQuartz.withPart(colorSchemeDark).withParams({
  ...shared,
  backgroundColor: '#1a2029',
  foregroundColor: '#dfe4eb',
  accentColor: '#4d8fd6',
  borderColor: '#2d3642',
  headerBackgroundColor: '#1e252f',
  headerTextColor: '#c3ccd8',
  oddRowBackgroundColor: '#1c232c',
  rowHoverColor: '#232c38',
  selectedRowBackgroundColor: '#22344d',
  browserColorScheme: 'dark',
});

export function gridThemeFor(theme: Theme): GridTheme {
  return theme === 'dark' ? dark : light;
}
