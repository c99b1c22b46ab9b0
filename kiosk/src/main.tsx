import { render } from 'preact';
import { registerSW } from 'virtual:pwa-register';
import { App } from './app';
import './styles/global.css';

// A kiosk is a public device: no long-press menus.
window.addEventListener('contextmenu', (e) => e.preventDefault());

// Precache the app shell so the kiosk page itself still opens when the network blips.
registerSW({ immediate: true });

render(<App />, document.getElementById('app')!);
