import { render } from 'preact';
import '../shared/ui/theme.css';
import './popup.css';
import { t, uiLanguage } from '../shared/ui/i18n.ts';
import { PopupApp } from './PopupApp.tsx';

document.documentElement.lang = uiLanguage();
document.title = t('appName');
const root = document.getElementById('app');
if (!root) throw new Error('popup root element #app is missing');
render(<PopupApp />, root);
