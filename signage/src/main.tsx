import { render } from 'preact';
import { registerSW } from 'virtual:pwa-register';
import { App } from './app';
import './styles/global.css';

window.addEventListener('contextmenu', (e) => e.preventDefault());

// The service worker precaches the player and caches media as they play, so the screen
// keeps looping when the edge server goes away. autoUpdate: new builds take over by themselves.
registerSW({ immediate: true });

render(<App />, document.getElementById('app')!);
