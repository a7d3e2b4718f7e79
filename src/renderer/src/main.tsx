// Renderer entry: styles, theme, and the React root.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/tokens.css';
import './styles/base.css';
import './styles/widgets.css';
import { applyTheme, useApp } from './stores/appStore';
import './stores/toastStore';
import './lib/readiness';
import { App } from './App';

applyTheme(useApp.getState().theme);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
