// The whole site prerenders to plain files that any static host can serve.
export const prerender = true;
export const trailingSlash = 'always';
