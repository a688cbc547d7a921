import { afterEach, describe, expect, it, vi } from 'vitest';
import { getPlatform, setPlatform } from '@renderer/platform';
import type { TizilimApi } from '@shared/ipc';

afterEach(() => {
  setPlatform(undefined);
  delete window.tizilim;
});

describe('platform bridge', () => {
  it('uses the browser bridge when there is no Electron preload', () => {
    expect(getPlatform().kind).toBe('browser');
  });

  it('uses window.tizilim inside Electron and passes requests through unchanged', async () => {
    const api = {
      saveFile: vi.fn().mockResolvedValue({ saved: true, path: '/home/u/2026-0001.docx' }),
      printRoute: vi.fn().mockResolvedValue({ saved: false }),
    };
    window.tizilim = api as unknown as TizilimApi;
    const platform = getPlatform();
    expect(platform.kind).toBe('electron');
    const data = new Uint8Array([1, 2, 3]);
    await expect(
      platform.saveFile({ fileName: '2026-0001.docx', mimeType: 'application/octet-stream', data }),
    ).resolves.toEqual({ saved: true });
    expect(api.saveFile).toHaveBeenCalledWith({
      fileName: '2026-0001.docx',
      mimeType: 'application/octet-stream',
      data,
    });
    await expect(
      platform.printToPdf({ route: '/print/receipt/1', fileName: 'талон.pdf' }),
    ).resolves.toEqual({
      saved: false,
    });
    expect(api.printRoute).toHaveBeenCalledWith({
      route: '/print/receipt/1',
      fileName: 'талон.pdf',
    });
  });

  it('downloads a file in the browser through a temporary link', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    const result = await getPlatform().saveFile({
      fileName: 'есеп.json',
      mimeType: 'application/json',
      data: new TextEncoder().encode('{}'),
    });
    expect(result).toEqual({ saved: true });
    expect(click).toHaveBeenCalledOnce();
    expect(document.querySelector('a[download]')).toBeNull();
    click.mockRestore();
  });
});
