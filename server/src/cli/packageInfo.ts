import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/** The root of the installed package (or of the repository): server/out/cli is three levels below it. */
export const PACKAGE_ROOT = path.join(__dirname, '..', '..', '..');

/** Where the project lives, for reports that link to it. */
export const HOMEPAGE = 'https://github.com/connlint/connlint';

/** The version in the root package.json. */
export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}
