import * as assert from 'node:assert/strict';
import { regionDisplayName } from '../../../src/azure/regionNames';
import { detailsCsp, detailsHtml, detailsText, type DetailsPage } from '../../../src/presentation/detailsPage';
import { cspOf } from '../security/cspCheck';
import { formatDate, formatDateTime } from '../../../src/presentation/time';

const cspSource = 'https://*.vscode-cdn.net';
const hostile = '<img src=x onerror=alert(1)>**bold** | `x` \\(y\\)';
const page: DetailsPage = {
  title: `Backup policy ${hostile}`,
  sections: [
    {
      facts: [
        ['Daily backups kept', '30 days'],
        ['Item', hostile],
      ],
    },
    { heading: 'Tasks', table: { columns: ['Task', 'Status'], rows: [[hostile, 'Completed']] } },
  ],
};

describe('details pages: rendered, escaped, no script', () => {
  const html = detailsHtml(page, { cspSource, styleUri: 'https://x.vscode-cdn.net/media/details.css', language: 'nl' });

  it('allows nothing but the stylesheet: no script source at all', () => {
    const csp = cspOf(html);
    assert.deepEqual(csp.get('default-src'), ["'none'"]);
    assert.equal(csp.get('script-src'), undefined, 'no script-src: default-src none forbids every script');
    assert.deepEqual(csp.get('style-src'), [cspSource]);
    assert.equal(detailsCsp(cspSource).includes('unsafe'), false);
    assert.doesNotMatch(html, /<script/i);
  });

  it('renders facts and tables as HTML with every value as text', () => {
    assert.match(html, /<dt>Daily backups kept<\/dt><dd>30 days<\/dd>/);
    assert.match(html, /<th scope="col">Task<\/th>/);
    assert.ok(!html.includes('<img'), 'a name never becomes markup');
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;**bold** | `x` \\(y\\)'), 'shown exactly as typed');
    assert.match(html, /<html lang="nl">/);
  });

  it('gives the same content as plain text', () => {
    assert.match(detailsText(page), /^Backup policy <img/);
    assert.match(detailsText(page), /Daily backups kept: 30 days/);
  });
});

describe('dates in the display language', () => {
  const moment = new Date('2026-12-03T09:27:00Z');

  it('writes Dutch dates the Dutch way, in the given time zone', () => {
    assert.equal(formatDateTime(moment, 'nl', 'Europe/Amsterdam'), '3 dec 2026, 10:27');
    assert.equal(formatDate(moment, 'nl', 'UTC'), '3 dec 2026');
  });

  it('writes English dates the English way, and falls back to English for an unknown language', () => {
    assert.equal(formatDateTime(moment, 'en', 'UTC'), 'Dec 3, 2026, 9:27 AM');
    assert.equal(formatDateTime(moment, 'x-not-a-locale!', 'UTC'), 'Dec 3, 2026, 9:27 AM');
  });
});

describe('region names', () => {
  it('shows a region by its display name, whatever the case; an unknown one by its name', () => {
    assert.equal(regionDisplayName('westeurope'), 'West Europe');
    assert.equal(regionDisplayName('WestEurope'), 'West Europe');
    assert.equal(regionDisplayName('West Europe'), 'West Europe');
    assert.equal(regionDisplayName('marsnorth'), 'marsnorth');
  });
});
