import { databaseHandle } from '../utils/db.server';

/** For /healthz: does the database answer? */
export async function pingDatabase(): Promise<void> {
  await databaseHandle().raw.executeSql('select 1', []);
}
