/**
 * The simulated stack's public face: what the layers above (`flow`, `mocks`, components) import.
 * Everything here is plain TypeScript; nothing knows Svelte, XState, MSW or the DOM.
 */
export * from './types';
export { createSite, type Site, type SiteConfig, type SiteOptions } from './site';
export { TraceRecorder, COST } from './trace';
export { formatRequest, formatResponse, truncateBody } from './http/raw';
export { getHeader, getAllHeaders } from './http/headers';
export { reasonPhrase, nginxReasonPhrase } from './http/status';
export type { DjangoProject, StaticFile } from './django/project';
