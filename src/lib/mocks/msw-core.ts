/**
 * The parts of msw the page uses besides `msw/browser`, imported by name. A dynamic
 * `import('msw')` keeps every export of msw's index alive, GraphQL's parser and the WebSocket API
 * among them (~140 KiB of JavaScript to parse and run on the main thread); a named import lets the
 * bundle leave them out.
 */
export { getResponse, http, HttpResponse } from 'msw';
