// React DOM and i18next's setup: a stage of main.tsx, evaluated in a task of its own.
export { createRoot } from 'react-dom/client';
export { startInPreferredLanguage } from '../i18n/i18n';
