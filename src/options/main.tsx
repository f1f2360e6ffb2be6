import { render } from 'preact';
import '../shared/ui/theme.css';
import './options.css';
import { Options } from './Options.tsx';

const root = document.getElementById('app');
if (!root) throw new Error('options root element #app is missing');
render(<Options />, root);
