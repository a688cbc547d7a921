import { useCallback, useId, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_ATTACHMENT_BYTES } from '@renderer/db/repositories/attachments';
import { formatBytes } from '@shared/format';
import { useLang } from '@renderer/ui/useLang';

/** A file chosen on the form, stored with the appeal when it is saved. */
export interface PendingFile {
  /** Local key for the list; the stored attachment gets its own id. */
  key: string;
  fileName: string;
  mimeType: string;
  size: number;
  blob: Blob;
}

/** An attachment already stored with the appeal (edit mode). */
export interface StoredFile {
  id: string;
  fileName: string;
  mimeType: string;
  size: number;
  blob: unknown;
}

interface Rejected {
  fileName: string;
  size: number;
  reason: 'file_too_large' | 'file_empty';
}

let keyCounter = 0;

/** Splits chosen files into those that can be attached and those refused, with the reason. */
export function acceptFiles(files: readonly File[]): {
  accepted: PendingFile[];
  rejected: Rejected[];
} {
  const accepted: PendingFile[] = [];
  const rejected: Rejected[] = [];
  for (const file of files) {
    if (file.size > MAX_ATTACHMENT_BYTES) {
      rejected.push({ fileName: file.name, size: file.size, reason: 'file_too_large' });
    } else if (file.size === 0) {
      rejected.push({ fileName: file.name, size: 0, reason: 'file_empty' });
    } else {
      keyCounter += 1;
      accepted.push({
        key: `f${String(keyCounter)}-${file.name}`,
        fileName: file.name,
        mimeType: file.type,
        size: file.size,
        blob: file,
      });
    }
  }
  return { accepted, rejected };
}

function isImage(mimeType: string): boolean {
  return /^image\/(png|jpe?g|gif|webp|bmp|avif)$/i.test(mimeType);
}

function isPdf(mimeType: string, fileName: string): boolean {
  return mimeType === 'application/pdf' || /\.pdf$/i.test(fileName);
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1, dot + 5).toUpperCase() : '';
}

/** A picture's thumbnail from an object URL, revoked when the image leaves the screen. */
function ImageThumb({ blob, alt }: { blob: Blob; alt: string }) {
  const attach = useCallback(
    (img: HTMLImageElement | null) => {
      if (!img || typeof URL.createObjectURL !== 'function') return;
      const url = URL.createObjectURL(blob);
      img.src = url;
      return () => URL.revokeObjectURL(url);
    },
    [blob],
  );
  return <img ref={attach} alt={alt} />;
}

function Thumb({ file }: { file: { fileName: string; mimeType: string; blob: unknown } }) {
  if (isImage(file.mimeType) && file.blob instanceof Blob) {
    return (
      <span className="thumb image">
        <ImageThumb blob={file.blob} alt={file.fileName} />
      </span>
    );
  }
  if (isPdf(file.mimeType, file.fileName)) {
    return (
      <span className="thumb pdf" aria-hidden="true">
        <svg viewBox="0 0 32 40" width="32" height="40">
          <path d="M2 2h20l8 8v28H2z" fill="#fff" stroke="#b3261e" strokeWidth="2" />
          <path d="M22 2v8h8" fill="none" stroke="#b3261e" strokeWidth="2" />
          <rect x="4" y="22" width="24" height="11" rx="2" fill="#b3261e" />
          <text x="16" y="30.5" fontSize="8" fontWeight="700" fill="#fff" textAnchor="middle">
            PDF
          </text>
        </svg>
      </span>
    );
  }
  return (
    <span className="thumb other" aria-hidden="true">
      {extensionOf(file.fileName) || '…'}
    </span>
  );
}

interface AttachmentsFieldProps {
  pending: readonly PendingFile[];
  onAdd: (files: PendingFile[]) => void;
  onRemovePending: (key: string) => void;
  stored?: readonly StoredFile[];
  removedIds?: readonly string[];
  onToggleStored?: (id: string) => void;
}

/**
 * Scans and photos: dropped onto the area or chosen with the button. Pictures show a
 * thumbnail, PDFs an icon; every file shows its name and size. Files over the size limit are
 * refused with the reason, the others are kept.
 */
export function AttachmentsField({
  pending,
  onAdd,
  onRemovePending,
  stored = [],
  removedIds = [],
  onToggleStored,
}: AttachmentsFieldProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const inputRef = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const [over, setOver] = useState(false);
  const [rejected, setRejected] = useState<Rejected[]>([]);

  const take = (files: readonly File[]) => {
    const result = acceptFiles(files);
    setRejected(result.rejected);
    if (result.accepted.length > 0) onAdd(result.accepted);
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    take([...event.dataTransfer.files]);
  };

  const count = pending.length + stored.filter((s) => !removedIds.includes(s.id)).length;

  return (
    <div className="attachments">
      <div
        className={`dropzone${over ? ' over' : ''}`}
        onDragOver={(event) => {
          if ([...event.dataTransfer.types].includes('Files')) {
            event.preventDefault();
            setOver(true);
          }
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        data-testid="dropzone"
      >
        <span id={hintId}>
          {t('appealForm.attachments.drop', {
            size: formatBytes(MAX_ATTACHMENT_BYTES, lang),
          })}
        </span>
        <button
          type="button"
          className="button"
          aria-describedby={hintId}
          onClick={() => inputRef.current?.click()}
        >
          {t('appealForm.attachments.choose')}
        </button>
        <input
          ref={inputRef}
          type="file"
          multiple
          hidden
          aria-label={t('appealForm.attachments.choose')}
          onChange={(event) => {
            take([...(event.target.files ?? [])]);
            event.target.value = '';
          }}
        />
      </div>

      {rejected.length > 0 && (
        <ul className="file-errors" role="alert">
          {rejected.map((r) => (
            <li key={r.fileName} className="field-error">
              {t(`appealForm.errors.${r.reason}_named`, {
                name: r.fileName,
                size: formatBytes(r.size, lang),
                max: formatBytes(MAX_ATTACHMENT_BYTES, lang),
              })}
            </li>
          ))}
        </ul>
      )}

      {count + removedIds.length > 0 && (
        <ul className="file-list" aria-label={t('appealForm.attachments.count', { count })}>
          {stored.map((file) => {
            const removed = removedIds.includes(file.id);
            return (
              <li key={file.id} className={`file${removed ? ' removed' : ''}`}>
                <Thumb file={file} />
                <span className="file-name" title={file.fileName}>
                  {file.fileName}
                </span>
                <span className="file-size">
                  {removed ? t('appealForm.attachments.willRemove') : formatBytes(file.size, lang)}
                </span>
                {onToggleStored && (
                  <button
                    type="button"
                    className="button small"
                    onClick={() => onToggleStored(file.id)}
                    aria-label={
                      removed
                        ? t('appealForm.attachments.keepNamed', { name: file.fileName })
                        : t('appealForm.attachments.removeNamed', { name: file.fileName })
                    }
                  >
                    {removed
                      ? t('appealForm.attachments.keep')
                      : t('appealForm.attachments.remove')}
                  </button>
                )}
              </li>
            );
          })}
          {pending.map((file) => (
            <li key={file.key} className="file new">
              <Thumb file={file} />
              <span className="file-name" title={file.fileName}>
                {file.fileName}
              </span>
              <span className="file-size">{formatBytes(file.size, lang)}</span>
              <button
                type="button"
                className="button small"
                onClick={() => onRemovePending(file.key)}
                aria-label={t('appealForm.attachments.removeNamed', { name: file.fileName })}
              >
                {t('appealForm.attachments.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
