/** The simulated site's origin. A `.test` name can never be a real site (RFC 2606). */
export const SITE_ORIGIN = 'https://mysite.test';
export const SITE_HOST = 'mysite.test';
