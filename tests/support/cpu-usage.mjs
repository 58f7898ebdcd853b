// Preload (node --import) for the tests: at exit, writes the CPU time the process used (user + system, all threads,
// in milliseconds) to the file named by PHARMALD_TEST_CPU_FILE, so a time limit can be checked on CPU time, which a
// loaded machine does not inflate the way it inflates wall-clock time.
import { writeFileSync } from 'node:fs';
import process from 'node:process';

const file = process.env.PHARMALD_TEST_CPU_FILE;
if (file) {
  process.on('exit', () => {
    const { user, system } = process.cpuUsage();
    writeFileSync(file, `${Math.round((user + system) / 1000)}\n`);
  });
}
