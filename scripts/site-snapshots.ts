/**
 * Build time (vite.config.ts's `siteSnapshots` plugin loads this through Vite): each simulated
 * project's database as its `setUp()` leaves it, migrated and seeded by the real code, exported
 * with sql.js. A page opens the file (`createSite({ snapshot })`) instead of running the
 * migrations and the seed on its main thread. Keyed as `mocks/simulation.ts` names the projects.
 */
import initSqlJs from 'sql.js';
import { seededDatabaseFile } from '../src/lib/sim/site';
import { mysite } from '../src/lib/sim/mysite';
import { mysiteFull } from '../src/lib/sim/mysite/full';

export async function seededDatabaseFiles(): Promise<Record<string, Uint8Array>> {
	const sqlJs = await initSqlJs();
	return {
		mysite: await seededDatabaseFile(sqlJs, mysite),
		'mysite-full': await seededDatabaseFile(sqlJs, mysiteFull)
	};
}
