/** `npm run admin -- <command>`: see db/admin-commands.ts and README "Admin CLI". */
import { openDatabase, databaseHandle } from '../app/utils/db.server';
import { runAdmin } from './admin-commands';
import { DatabaseLockedError } from './pglite-lock';

try {
  await openDatabase();
} catch (error) {
  if (!(error instanceof DatabaseLockedError)) throw error;
  console.error(`Fel: ${error.message}`);
  process.exit(1);
}
const code = await runAdmin(process.argv.slice(2), { out: (l) => console.log(l), err: (l) => console.error(l) });
await databaseHandle().close();
process.exit(code);
