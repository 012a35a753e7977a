// Writes the common-password list of @zxcvbn-ts/language-common as text, one per line.
// Usage: node tools/export_common_passwords.mjs <output file>
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const module = require('@zxcvbn-ts/language-common/dist/passwords.json.cjs');
const passwords = module.default ?? module;
if (!Array.isArray(passwords) || passwords.length < 10000) {
  console.error('unexpected @zxcvbn-ts/language-common password list');
  process.exit(1);
}
writeFileSync(process.argv[2], passwords.join('\n') + '\n');
