// Fills <runtimeDir>/lib with the Neo4j Community jars pinned in neo4j/pom.xml, through Maven (cached in
// ~/.m2, so only the first run needs the network). Skipped when the jars for the pinned version are there.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../config.js';
import { RuntimeError, USE_EXTERNAL } from './errors.js';

export const POM = path.join(ROOT, 'neo4j', 'pom.xml');

export function pinnedVersion(pom = POM): string {
  const m = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(readFileSync(pom, 'utf8'));
  if (!m?.[1]) throw new Error(`${pom} has no <neo4j.version>`);
  return m[1];
}

export function jarsPresent(libDir: string, version: string): boolean {
  if (!existsSync(libDir)) return false;
  const names = readdirSync(libDir);
  return names.includes(`neo4j-${version}.jar`) && names.includes(`neo4j-import-tool-${version}.jar`);
}

export async function ensureJars(runtimeDir: string, log: (msg: string) => void): Promise<string> {
  const version = pinnedVersion();
  const libDir = path.join(runtimeDir, 'lib');
  if (jarsPresent(libDir, version)) return libDir;
  const mvn = process.platform === 'win32' ? 'mvn.cmd' : 'mvn';
  if (spawnSync(mvn, ['-v'], { encoding: 'utf8' }).status !== 0) {
    throw new RuntimeError(
      'NO_MAVEN',
      `The Neo4j ${version} jars are not in ${libDir} and Maven is missing to fetch them. Install Maven 3.8+ (Debian: apt-get install maven), ${USE_EXTERNAL}.`,
    );
  }
  log(`Fetching Neo4j ${version} Community from Maven Central into ${libDir} (once; cached in ~/.m2)…`);
  const args = ['-B', '-q', '-f', POM, 'dependency:copy-dependencies', `-DoutputDirectory=${libDir}`];
  const code = await new Promise<number>((resolve) => {
    const child = spawn(mvn, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('exit', (c) => resolve(c ?? 1));
    child.on('error', () => resolve(1));
  });
  if (code !== 0 || !jarsPresent(libDir, version)) {
    throw new RuntimeError(
      'FETCH_FAILED',
      `Maven could not fetch Neo4j ${version} (exit ${code}). Check that Maven Central is reachable (mvn -f neo4j/pom.xml dependency:copy-dependencies), ${USE_EXTERNAL}.`,
    );
  }
  return libDir;
}
