// npm run bench:sim — runs scripts/bench-sim-run.ts through Vite (so `$lib`, `?raw` and `?url`
// imports work as in the app) and prints what one request costs through the simulated stack.
import { createServer } from 'vite';

const server = await createServer({
	appType: 'custom',
	logLevel: 'error',
	server: { middlewareMode: true, hmr: false, watch: null }
});
try {
	const { run } = await server.ssrLoadModule('/scripts/bench-sim-run.ts');
	await run();
} finally {
	await server.close();
}
