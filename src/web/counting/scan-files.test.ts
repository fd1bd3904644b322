import { describe, expect, it } from 'vitest';
import { SCAN_FILE_MAX_BYTES, SCAN_MAX_FILES } from '../../api/scan.ts';
import { formatBytes, formatProgress, isScanFile, percentDone, selectScanFiles } from './scan-files.ts';

const f = (name: string, size = 100, webkitRelativePath?: string) => ({ name, size, ...(webkitRelativePath === undefined ? {} : { webkitRelativePath }) });

describe('scan files: filter and stack order', () => {
  it('keeps PNG, JPEG, TIFF and PDF by extension, in any case, and counts the rest as skipped', () => {
    const s = selectScanFiles([f('a.png'), f('b.JPG'), f('c.jpeg'), f('d.tif'), f('e.TIFF'), f('f.pdf'), f('Thumbs.db'), f('ghi-chu.txt'), f('.png'), f('png')]);
    expect(s.files.map((x) => x.name)).toEqual(['a.png', 'b.JPG', 'c.jpeg', 'd.tif', 'e.TIFF', 'f.pdf']);
    expect(s.skipped).toBe(4);
    expect(isScanFile('quet.webp')).toBe(false);
  });

  it('says apart the iPhone\'s HEIC photos, which the server cannot read', () => {
    const s = selectScanFiles([f('IMG_0001.HEIC'), f('IMG_0002.heif'), f('IMG_0003.JPG'), f('ghi-chu.txt')]);
    expect(s.files.map((x) => x.name)).toEqual(['IMG_0003.JPG']);
    expect(s).toMatchObject({ heic: 2, skipped: 1 });
  });

  it('orders by file name with numbers in natural order (the stack order)', () => {
    const s = selectScanFiles([f('quet-10.png'), f('quet-2.png'), f('quet-1.png'), f('quet-100.png'), f('quet-9.png')]);
    expect(s.files.map((x) => x.name)).toEqual(['quet-1.png', 'quet-2.png', 'quet-9.png', 'quet-10.png', 'quet-100.png']);
  });

  it('orders a folder by the path inside it, and Vietnamese letters in Vietnamese order', () => {
    const s = selectScanFiles([f('2.png', 1, 'tap/b/2.png'), f('10.png', 1, 'tap/a/10.png'), f('1.png', 1, 'tap/b/1.png'), f('3.png', 1, 'tap/a/3.png')]);
    expect(s.files.map((x) => x.webkitRelativePath)).toEqual(['tap/a/3.png', 'tap/a/10.png', 'tap/b/1.png', 'tap/b/2.png']);
    expect(selectScanFiles([f('đ-1.png'), f('e-1.png'), f('d-1.png')]).files.map((x) => x.name)).toEqual(['d-1.png', 'đ-1.png', 'e-1.png']);
  });

  it('adds up the size and flags what the server would refuse', () => {
    const s = selectScanFiles([f('a.png', 1000), f('b.png', SCAN_FILE_MAX_BYTES + 1), f('x.txt', 5)]);
    expect(s.totalBytes).toBe(1000 + SCAN_FILE_MAX_BYTES + 1);
    expect(s.tooLarge).toEqual(['b.png']);
    expect(s.tooMany).toBe(false);
    expect(selectScanFiles(Array.from({ length: SCAN_MAX_FILES + 1 }, (_, i) => f(`${i}.png`))).tooMany).toBe(true);
    expect(selectScanFiles(Array.from({ length: SCAN_MAX_FILES }, (_, i) => f(`${i}.png`))).tooMany).toBe(false);
  });
});

describe('scan files: sizes and progress in Vietnamese', () => {
  it('writes sizes with a decimal comma', () => {
    expect(formatBytes(900)).toBe('900 B');
    expect(formatBytes(1024)).toBe('1 KB');
    expect(formatBytes(12_800)).toBe('12,5 KB');
    expect(formatBytes(13_107_200)).toBe('12,5 MB');
    expect(formatBytes(3 * 1024 ** 3)).toBe('3 GB');
  });

  it('writes progress as a whole percent, 100% only at the end', () => {
    expect(formatProgress(45, 100)).toBe('45%');
    expect(formatProgress(449, 1000)).toBe('44%');
    expect(formatProgress(999_999, 1_000_000)).toBe('99%');
    expect(formatProgress(1000, 1000)).toBe('100%');
    expect(formatProgress(0, 0)).toBe('0%');
    expect(percentDone(-1, 10)).toBe(0);
  });
});
