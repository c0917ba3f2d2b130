import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/**
 * The two closing lines of `npm run test:web`: journeys (distinct names) and the languages they ran
 * in, and the distinct screens axe checked (in any language). Printed only when every test passed.
 */
export default class SummaryReporter implements Reporter {
  private readonly journeys = new Set<string>();
  private readonly languages = new Set<string>();
  private readonly screens = new Set<string>();
  private failed = 0;
  private passed = 0;

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'passed') {
      if (result.status !== 'skipped' || test.expectedStatus !== 'skipped') this.failed += 1;
      return;
    }
    this.passed += 1;
    const annotations = [...test.annotations, ...result.annotations];
    for (const annotation of annotations) {
      if (annotation.type === 'journey' && annotation.description) this.journeys.add(annotation.description);
      if (annotation.type === 'language' && annotation.description) this.languages.add(annotation.description);
      // A screen checked in several languages (`audit-log`, `audit-log-fr`) counts once.
      if (annotation.type === 'screen' && annotation.description) this.screens.add(annotation.description.replace(/-(nl|fr|de|en)$/, ''));
    }
  }

  onEnd(result: FullResult): void {
    process.stdout.write(`\nweb: ${this.passed} passed, ${this.failed} failed\n`);
    if (result.status !== 'passed' || this.failed > 0) return;
    // A run of part of the suite (`--grep`, one file) may have no journey or screen to count.
    if (this.journeys.size > 0) process.stdout.write(`web journeys: ${this.journeys.size} journeys in ${this.languages.size} languages passed in Chromium\n`);
    if (this.screens.size > 0) process.stdout.write(`accessibility: ${this.screens.size} screens, 0 serious or critical violations\n`);
  }

  printsToStdio(): boolean {
    return true;
  }
}
