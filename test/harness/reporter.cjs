// Mocha reporter: the usual spec output, plus a JSON summary file (AZB_REPORT or --reporter-option report=FILE)
// so that runners whose stdout is hidden (the extension host) can still tell what passed.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Mocha = require('mocha');

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const file = (options.reporterOptions && options.reporterOptions.report) || process.env.AZB_REPORT;
    const results = [];
    runner.on('pass', (t) => results.push({ title: t.fullTitle(), file: t.file, state: 'passed', ms: t.duration }));
    runner.on('fail', (t, err) =>
      results.push({ title: t.fullTitle(), file: t.file, state: 'failed', err: String((err && err.stack) || err) }),
    );
    runner.on('pending', (t) => results.push({ title: t.fullTitle(), file: t.file, state: 'pending' }));
    runner.once('end', () => {
      const count = (s) => results.filter((r) => r.state === s).length;
      const summary = { passed: count('passed'), failed: count('failed'), pending: count('pending'), results };
      if (file) {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, JSON.stringify(summary, null, 2));
      }
    });
  }
}

module.exports = SummaryReporter;
