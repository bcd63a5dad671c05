/**
 * Closes a run with what a reader (and CI) looks for: how many cases of the event store
 * contract ran against each adapter, and one plain "N passed, N failed, N skipped" line.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const contract = new Map();
    for (const file of results.testResults) {
      for (const test of file.testResults) {
        const suite = test.ancestorTitles.find((title) => title.startsWith('event store contract:'));
        if (!suite) continue;
        const counts = contract.get(suite) ?? { passed: 0, failed: 0, skipped: 0 };
        counts[test.status === 'passed' ? 'passed' : test.status === 'failed' ? 'failed' : 'skipped']++;
        contract.set(suite, counts);
      }
    }
    const lines = [...contract].map(
      ([suite, { passed, failed, skipped }]) => `${suite}: ${passed} passed, ${failed} failed, ${skipped} skipped`,
    );
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests, numFailedTestSuites } = results;
    const failed = numFailedTests + (numFailedTests === 0 ? numFailedTestSuites : 0);
    lines.push(`jest: ${numPassedTests} passed, ${failed} failed, ${numPendingTests + numTodoTests} skipped`);
    process.stdout.write(`\n${lines.join('\n')}\n`);
  }
}

module.exports = SummaryReporter;
