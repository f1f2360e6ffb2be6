import { render } from 'preact';
import '../shared/ui/theme.css';
import './popup.css';
import { Popup } from './Popup.tsx';

const root = document.getElementById('app');
if (!root) throw new Error('popup root element #app is missing');
render(<Popup />, root);
