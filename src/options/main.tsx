import { render } from 'preact';
import '../shared/ui/theme.css';
import './options.css';
import { t, uiLanguage } from '../shared/ui/i18n.ts';
import { OptionsApp } from './OptionsApp.tsx';

document.documentElement.lang = uiLanguage();
document.title = t('optionsTitle');
const root = document.getElementById('app');
if (!root) throw new Error('options root element #app is missing');
render(<OptionsApp />, root);
