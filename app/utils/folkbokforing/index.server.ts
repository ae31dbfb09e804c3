/**
 * The process's folkbokföring. For now the only source is the fixture named by
 * FOLKBOKFORING_FIXTURE (the demo file by default); a Navet adapter for production plugs in here,
 * chosen from the environment in the same way (docs/integrations/navet.md).
 */
import path from 'node:path';
import { loadEnv } from '../env.server';
import { setSingleton, singleton } from '../singleton.server';
import { readFolkbokforingFixture } from './fixture.server';
import type { Folkbokforing } from './types';

export type { Folkbokforing, FolkbokforingRecord, NoAddressReason, Protection } from './types';

const NAME = 'folkbokforing';

/**
 * One instance per process (singleton.server.ts), read and validated on first use: a bad fixture
 * stops the first lookup with a message naming the entry, not a letter half-way through.
 */
export function folkbokforing(): Folkbokforing {
  return singleton(NAME, () => readFolkbokforingFixture(path.resolve(process.cwd(), loadEnv().FOLKBOKFORING_FIXTURE)));
}

/** For tests: use this folkbokföring (null: back to the one chosen from the environment). */
export function setFolkbokforingForTests(f: Folkbokforing | null): void {
  setSingleton(NAME, f ?? undefined);
}
