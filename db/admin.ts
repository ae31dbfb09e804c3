/** `npm run admin -- <command>`: see db/admin-commands.ts and README "Admin CLI". */
import { openDatabase, databaseHandle } from '../app/utils/db.server';
import { runAdmin } from './admin-commands';

await openDatabase();
const code = await runAdmin(process.argv.slice(2), { out: (l) => console.log(l), err: (l) => console.error(l) });
await databaseHandle().close();
process.exit(code);
