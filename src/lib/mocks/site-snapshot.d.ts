/** vite.config.ts's `siteSnapshots`: a project's seeded database file, base64; none in dev. */
declare module 'virtual:site-snapshot/*' {
	const file: string | undefined;
	export default file;
}
