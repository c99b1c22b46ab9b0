import { render } from 'preact';
import { App } from './app';
import './styles/global.css';

window.addEventListener('contextmenu', (e) => e.preventDefault());

// The service worker (registered by lib/use-sw-update.ts) precaches the player and serves the
// media the player prefetched, so the screen keeps playing when the edge server goes away; a new
// build takes over at the next item boundary.

render(<App />, document.getElementById('app')!);
