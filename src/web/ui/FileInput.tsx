/**
 * A file (or folder) picker whose words are the app's, not the browser's: a native file input shows "Choose Files /
 * No file chosen" in the browser's language, which on most machines in a hall is English. The input stays in the page,
 * out of sight, so its <label> still names it, the keyboard still reaches it (its focus ring is drawn on the visible
 * button) and tests still set its files; the visible button and the line beside it say what is chosen.
 */
import { useEffect, useRef, useState, type ChangeEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInteger } from '../../locale/vi.ts';

export interface FileInputProps {
  readonly id: string;
  readonly accept?: string;
  readonly multiple?: boolean;
  /** Pick a whole folder (webkitdirectory: Chromium, Firefox and Safari all honour it). */
  readonly folder?: boolean;
  readonly disabled?: boolean;
  readonly required?: boolean;
  readonly onFiles: (files: readonly File[]) => void;
  readonly inputRef?: RefObject<HTMLInputElement | null>;
}

export const FileInput = ({ id, accept, multiple = false, folder = false, disabled = false, required = false, onFiles, inputRef }: FileInputProps) => {
  const { t } = useTranslation();
  const ownRef = useRef<HTMLInputElement | null>(null);
  const ref = inputRef ?? ownRef;
  const [chosen, setChosen] = useState<readonly File[]>([]);

  // React knows no `webkitdirectory`: set it on the element.
  useEffect(() => {
    if (!folder) return;
    ref.current?.setAttribute('webkitdirectory', '');
    ref.current?.setAttribute('directory', '');
  }, [folder, ref]);

  const change = (e: ChangeEvent<HTMLInputElement>): void => {
    const files = e.target.files === null ? [] : [...e.target.files];
    setChosen(files);
    onFiles(files);
    // The same files picked again (a stack scanned again after its reading failed) must be a new pick: neither the
    // browser nor React tells a change to the value the input already holds. A required input keeps its value: the
    // form's own check reads it.
    if (!required) e.target.value = '';
  };

  const summary = chosen.length === 0 ? t('files.none')
    : chosen.length === 1 ? (chosen[0]?.name ?? '')
      : t('files.many', { n: formatInteger(chosen.length) });
  return (
    <span className="file-input">
      <input id={id} ref={ref} type="file" className="visually-hidden" accept={accept} multiple={multiple || folder}
        disabled={disabled} required={required} onChange={change} />
      <span className={`button${disabled ? ' disabled' : ''}`} aria-hidden="true" onClick={() => { if (!disabled) ref.current?.click(); }}>
        {t(folder ? 'files.chooseFolder' : multiple ? 'files.chooseMany' : 'files.chooseOne')}
      </span>
      <span className="muted file-input-chosen" data-testid={`${id}-chosen`}>{summary}</span>
    </span>
  );
};
