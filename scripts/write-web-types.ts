// Generates the dashboard's API types (web/src/api-types.ts) from openapi.json, so the client's
// types are the API's own. A test fails when the file is out of date: run `npm run web:types`
// (npm run openapi runs it too) after changing a route.
import { readFileSync, writeFileSync } from 'node:fs';
import openapiTS, { astToString } from 'openapi-typescript';

export const WEB_TYPES_FILE = new URL('../web/src/api-types.ts', import.meta.url);

export async function generateWebTypes(): Promise<string> {
  const doc = JSON.parse(readFileSync(new URL('../openapi.json', import.meta.url), 'utf8'));
  const ast = await openapiTS(doc, { alphabetize: true });
  return '// Generated from openapi.json by scripts/write-web-types.ts (npm run web:types). Do not edit.\n\n' + astToString(ast);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(WEB_TYPES_FILE, await generateWebTypes());
  process.stdout.write('web/src/api-types.ts written\n');
}
