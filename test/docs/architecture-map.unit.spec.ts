import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const doc = readFileSync(join(root, 'docs', 'architecture.md'), 'utf8');
const mapped = [...doc.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]!);
const folders = (dir: string) => readdirSync(join(root, dir), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `${dir}/${d.name}/`);

describe('docs/architecture.md file map', () => {
  it('lists paths', () => expect(mapped.length).toBeGreaterThan(20));
  it.each(mapped)('%s exists', (p) => expect(existsSync(join(root, p))).toBe(true));
  it.each([...folders('src').filter((f) => f !== 'src/adapters/' && f !== 'src/services/'), ...folders('src/adapters'), ...folders('src/services')])('%s is listed', (folder) => {
    expect(mapped).toContain(folder);
  });
});
