// Reads vitest's JSON report and prints per-tier counts, then the plain closing line CI reads:
// "N passed, N failed[, N skipped]". Extra failures (lint, typecheck) are added from argv[2].
import { readFileSync } from 'node:fs';

const extraFailures = Number(process.argv[2] ?? 0);
const tiers = {};
let passed = 0, failed = 0, skipped = 0;
try {
  const report = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'));
  for (const file of report.testResults ?? []) {
    const tier = (file.name.match(/\.(unit|prop|int|e2e)\.spec\.ts$/) ?? [, 'other'])[1];
    const t = (tiers[tier] ??= { passed: 0, failed: 0, skipped: 0 });
    const results = file.assertionResults ?? [];
    if (results.length === 0 && file.status === 'failed') { t.failed += 1; failed += 1; } // a file that failed to load
    for (const r of results) {
      if (r.status === 'passed') { t.passed++; passed++; }
      else if (r.status === 'failed') { t.failed++; failed++; }
      else { t.skipped++; skipped++; }
    }
  }
} catch (e) {
  console.log(`[ci] could not read test-results/vitest.json: ${e.message}`);
  failed += 1;
}
for (const [tier, t] of Object.entries(tiers)) console.log(`[ci] ${tier}: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`);
failed += extraFailures;
console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ''));
