// A test's emulator and mini-program project, both removed when the test ends.
import { rmSync } from 'node:fs';
import { startEmulator } from '../../emulator/server.mjs';
import { createProject } from './sandbox.mjs';

export async function emulatorAndProject(t) {
  const emulator = await startEmulator();
  const root = createProject();
  t.after(async () => {
    await emulator.close();
    rmSync(root, { recursive: true, force: true });
  });
  return { emulator, root };
}
