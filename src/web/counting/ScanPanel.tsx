/**
 * "Quét tập phiếu": the scans of the selected batch — a folder or several files, kept to PNG, JPEG,
 * TIFF and PDF, in file-name order (the stack order) — uploaded in one multipart request with a progress bar. What
 * the server would refuse is said first, by file name: files that are no scans by their content, empty files, fewer
 * photos than the batch's ballots.
 * The server answers at once (status 'reading') and reads in the background; the job list follows it.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SCAN_FILE_MAX_BYTES, SCAN_MAX_FILES, type ScanJobView, type ShotCheck } from '../../api/scan.ts';
import { formatInteger } from '../../locale/vi.ts';
import type { ApiResult } from '../api/client.ts';
import type { BatchView } from '../api/types.ts';
import type { ApiError } from '../api/types.ts';
import { ErrorMessage } from '../ui/ErrorMessage.tsx';
import { FileInput } from '../ui/FileInput.tsx';
import { ScanCamera } from './ScanCamera.tsx';
import {
  contentProblems, formatBytes, formatProgress, hasContentProblems, readHeads, selectScanFiles, stackKey, tooFewImages, type ContentProblems,
  type ScanSelection,
} from './scan-files.ts';

export interface ScanPanelProps {
  readonly batch: Pick<BatchView, 'id' | 'label' | 'physicalCount'>;
  /** The batch's scan job, if it has one: a stack not failed is not uploaded again (discard it first). */
  readonly existing?: ScanJobView | null;
  readonly onUpload: (files: readonly File[], onProgress: (sent: number, total: number) => void) => Promise<ApiResult<ScanJobView>>;
  /** One camera shot read at once (ScanCamera). */
  readonly onCheckShot: (shot: File) => Promise<ApiResult<ShotCheck>>;
}

type Upload =
  | { readonly state: 'idle' }
  | { readonly state: 'sending'; readonly sent: number; readonly total: number }
  | { readonly state: 'sent'; readonly total: number; readonly job: ScanJobView };

export const ScanPanel = ({ batch, existing = null, onUpload, onCheckShot }: ScanPanelProps) => {
  const { t } = useTranslation();
  const id = useId();
  const [selection, setSelection] = useState<ScanSelection<File> | null>(null);
  const [upload, setUpload] = useState<Upload>({ state: 'idle' });
  const [error, setError] = useState<ApiError | null>(null);
  // The first bytes of every picked file, checked before anything is sent (null while they are read).
  const [contents, setContents] = useState<ContentProblems | null>(null);
  useEffect(() => {
    setContents(null);
    if (selection === null) return;
    let current = true;
    void readHeads(selection.files).then((heads) => { if (current) setContents(contentProblems(heads)); });
    return () => { current = false; };
  }, [selection]);

  const pick = (list: readonly File[]): void => {
    setSelection(list.length === 0 ? null : selectScanFiles(list));
    setUpload({ state: 'idle' });
    setError(null);
  };

  const send = async (): Promise<void> => {
    if (selection === null) return;
    setError(null);
    const total = selection.totalBytes;
    setUpload({ state: 'sending', sent: 0, total });
    const r = await onUpload(selection.files, (sent, all) => setUpload({ state: 'sending', sent, total: all }));
    if (r.ok) {
      setUpload({ state: 'sent', total, job: r.value });
      setSelection(null);
    } else {
      setUpload({ state: 'idle' });
      setError(r.error);
    }
  };

  const scanned = existing !== null && existing.status !== 'failed';
  const tooFew = selection !== null && tooFewImages(selection.files, batch.physicalCount);
  const blocked = scanned || selection === null || selection.files.length === 0 || selection.tooMany || selection.tooLarge.length > 0
    || contents === null || hasContentProblems(contents) || tooFew || upload.state === 'sending';
  const first = selection?.files[0];
  const last = selection?.files[selection.files.length - 1];
  return (
    <section className="scan-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('scan.title', { batch: batch.label })}</h2>
      <p className="muted">{t('scan.intro', { n: formatInteger(batch.physicalCount) })}</p>
      <div className="scan-pickers">
        <label className="field" htmlFor={`${id}-folder`}>{t('scan.chooseFolder')}</label>
        <FileInput id={`${id}-folder`} folder onFiles={pick} disabled={upload.state === 'sending'} />
        <label className="field" htmlFor={`${id}-files`}>{t('scan.chooseFiles')}</label>
        <FileInput id={`${id}-files`} multiple accept=".png,.jpg,.jpeg,.tif,.tiff,.pdf,image/png,image/jpeg,image/tiff,application/pdf"
          onFiles={pick} disabled={upload.state === 'sending'} />
        <label className="field" htmlFor={`${id}-photos`}>{t('scan.photo.choosePhotos')}</label>
        <FileInput id={`${id}-photos`} multiple accept=".jpg,.jpeg,image/jpeg" onFiles={pick} disabled={upload.state === 'sending'} />
      </div>
      <ScanCamera total={batch.physicalCount} disabled={scanned || upload.state === 'sending'} check={onCheckShot}
        onShots={(files) => { setSelection(files.length === 0 ? null : selectScanFiles(files)); setUpload({ state: 'idle' }); setError(null); }} />
      {selection !== null && (
        <div className="scan-selection" data-testid="scan-selection">
          <p>{t('scan.selected', { n: formatInteger(selection.files.length), size: formatBytes(selection.totalBytes) })}</p>
          {selection.skipped > 0 && <p className="warning-text">{t('scan.skipped', { n: formatInteger(selection.skipped) })}</p>}
          {selection.heic > 0 && <p className="warning-text">{t('scan.heic', { n: formatInteger(selection.heic) })}</p>}
          {first !== undefined && last !== undefined && (
            <p className="muted">{t('scan.order', { first: stackKey(first), last: stackKey(last) })}</p>
          )}
          {selection.tooMany && <p className="error" role="alert">{t('scan.tooMany', { max: formatInteger(SCAN_MAX_FILES) })}</p>}
          {selection.tooLarge.length > 0 && (
            <p className="error" role="alert">{t('scan.tooLarge', { max: formatBytes(SCAN_FILE_MAX_BYTES), names: selection.tooLarge.join(', ') })}</p>
          )}
          {contents === null && selection.files.length > 0 && <p className="muted">{t('scan.checking')}</p>}
          {contents !== null && contents.notScans.length > 0 && <p className="error" role="alert">{t('scan.notScans', { names: contents.notScans.join(', ') })}</p>}
          {contents !== null && contents.empty.length > 0 && <p className="error" role="alert">{t('scan.emptyFiles', { names: contents.empty.join(', ') })}</p>}
          {contents !== null && contents.heic.length > 0 && <p className="error" role="alert">{t('scan.heicByContent', { names: contents.heic.join(', ') })}</p>}
          {tooFew && (
            <p className="error" role="alert">{t('scan.tooFewImages', { n: formatInteger(selection.files.length), count: formatInteger(batch.physicalCount) })}</p>
          )}
        </div>
      )}
      {scanned && upload.state === 'idle' && (
        <p className="muted" data-testid="already-scanned">{existing.status === 'entered' ? t('scan.alreadyEntered') : t('scan.alreadyScanned', { status: t(`scan.status.${existing.status}`) })}</p>
      )}
      {!scanned && selection === null && upload.state === 'idle' && <p className="muted" data-testid="choose-first">{t('scan.chooseFirst')}</p>}
      <button type="button" className="button primary" disabled={blocked} onClick={() => void send()}>{t('scan.upload')}</button>
      {upload.state !== 'idle' && (() => {
        // Once sent, the bar stays full: the server has every byte and reads on (the job list shows how far).
        const sent = upload.state === 'sending' ? upload.sent : upload.total;
        return (
          <div className="scan-progress" data-testid="upload-progress">
            <progress max={Math.max(upload.total, 1)} value={sent} aria-label={t('scan.uploadProgress')} />
            <span aria-live="polite">
              {t('scan.uploading', { sent: formatBytes(sent), total: formatBytes(upload.total), percent: formatProgress(sent, upload.total) })}
            </span>
          </div>
        );
      })()}
      {upload.state === 'sent' && <p className="ok-text" role="status">{t('scan.uploaded', { n: formatInteger(upload.job.files), batch: upload.job.batchLabel })}</p>}
      {error !== null && <ErrorMessage error={error} />}
    </section>
  );
};
