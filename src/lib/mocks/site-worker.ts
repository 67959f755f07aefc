/**
 * The simulated sites' own thread: a dedicated Web Worker that loads sql.js and the whole stack,
 * builds each project's site and answers the page's requests (`site-host.ts`), so none of that
 * work ever blocks the page's main thread: its clicks, frames and animation. The page talks to it
 * through Comlink (`simulation.ts`).
 */
import { expose } from 'comlink';
import { createSiteHost } from './site-host';

expose(createSiteHost());
