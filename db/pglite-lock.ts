/**
 * PGlite is a single-process database: two processes opening the same directory would corrupt
 * it. The first opener writes its pid next to the data directory; another process (say the
 * admin CLI while the portal runs) gets a clear error instead. A stale lock (dead pid) is taken over.
 */
import fs from 'node:fs';
import path from 'node:path';

export class DatabaseLockedError extends Error {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquirePgliteLock(dataDir: string): () => void {
  fs.mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  const lockFile = `${path.resolve(dataDir)}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(fs.readFileSync(lockFile, 'utf8'));
      if (pid && pid !== process.pid && alive(pid)) {
        throw new DatabaseLockedError(
          `The embedded database ${dataDir} is in use by process ${pid} (is the portal running?). Stop it first, or use DATABASE_URL with PostgreSQL.`,
        );
      }
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new DatabaseLockedError(`Could not lock ${dataDir}`);
}
