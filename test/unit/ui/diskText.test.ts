import * as assert from 'node:assert/strict';
import { diskSelectionOf, includedDataLuns } from '../../../src/azure/diskSelection';
import { diskSelectionSentence } from '../../../src/presentation/diskText';
import { diskSelectionOfChoice, parseDiskChoice } from '../../../src/webview/diskChoice';

const t = {
  t: (message: string, ...args: (string | number)[]): string =>
    message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)])),
};

describe('Selective disk backup: the service shape, the form payload, the sentence on the item', () => {
  it('reads diskExclusionProperties; "exclude nothing" and no list both mean every disk', () => {
    assert.deepEqual(diskSelectionOf({ diskExclusionProperties: { isInclusionList: true, diskLunList: [2, 0] } }), {
      isInclusionList: true,
      luns: [0, 2],
    });
    assert.equal(diskSelectionOf({ diskExclusionProperties: { isInclusionList: false, diskLunList: [] } }), undefined);
    assert.equal(diskSelectionOf(undefined), undefined);
    assert.deepEqual(includedDataLuns({ isInclusionList: false, luns: [1] }, [0, 1, 2]), [0, 2]);
  });

  it('says which disks a backup includes', () => {
    assert.equal(diskSelectionSentence(undefined, t), undefined);
    assert.equal(diskSelectionSentence({ isInclusionList: true, luns: [] }, t), 'Backs up the OS disk only');
    assert.equal(
      diskSelectionSentence({ isInclusionList: true, luns: [0, 2] }, t),
      'Backs up the OS disk and data disks 0, 2',
    );
    assert.equal(
      diskSelectionSentence({ isInclusionList: true, luns: [3] }, t),
      'Backs up the OS disk and data disk 3',
    );
    assert.equal(
      diskSelectionSentence({ isInclusionList: false, luns: [1] }, t),
      'Backs up the OS disk and every data disk but 1',
    );
  });

  it('accepts only a known choice with whole LUNs from the page; no choice means every disk', () => {
    assert.deepEqual(parseDiskChoice({}), {});
    assert.deepEqual(parseDiskChoice({ disks: 'chosen', luns: [2, 0, 2] }), { disks: 'chosen', luns: [2, 0, 2] });
    assert.equal(parseDiskChoice({ disks: 'some', luns: [] }), undefined);
    assert.equal(parseDiskChoice({ disks: 'chosen', luns: [1.5] }), undefined);
    assert.equal(parseDiskChoice({ disks: 'chosen', luns: [64] }), undefined);
    assert.equal(parseDiskChoice({ disks: 'os' }), undefined);
    assert.deepEqual(diskSelectionOfChoice({ disks: 'chosen', luns: [2, 0, 2] }), {
      isInclusionList: true,
      luns: [0, 2],
    });
    assert.deepEqual(diskSelectionOfChoice({ disks: 'os', luns: [] }), { isInclusionList: true, luns: [] });
    assert.equal(diskSelectionOfChoice({ disks: 'all', luns: [] }), undefined);
  });
});
