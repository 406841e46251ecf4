/** Template keys are lower-case kebab-case (definitionSchema): `Process_Credit Check` → `process-credit-check`. */
export function normaliseKey(raw: string): string {
  const key = raw.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/-+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80);
  return key || 'imported-process';
}

/** Roles are short lower-case words: lane `Sales Rep` → role `sales-rep`. */
export function normaliseRole(raw: string): string {
  return raw.trim().toLowerCase().replace(/\s+/g, '-').replace(/[^a-z0-9_-]/g, '').slice(0, 60);
}
