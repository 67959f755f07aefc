/** The same handlers for Vitest, through msw/node. */
import { setupServer } from 'msw/node';
import { createHandlers } from './handlers';

export const server = setupServer(...createHandlers());
