// Drop files or a folder of ERP exports here, or pick them; calls `onFiles` with the File objects.
import { useEffect, useRef, useState, type DragEvent, type ReactNode } from 'react';
import { Icon } from '../../components/Icon';
import { filesFromDataTransfer, IMPORTABLE_EXTENSIONS } from '../../lib/upload';

interface DropZoneProps {
  onFiles: (files: File[]) => void;
  disabled?: boolean;
  busyText?: string;
}

export function DropZone({ onFiles, disabled, busyText }: DropZoneProps): ReactNode {
  const [over, setOver] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    folderInput.current?.setAttribute('webkitdirectory', '');
    folderInput.current?.setAttribute('directory', '');
  }, []);

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    if (disabled) return;
    void filesFromDataTransfer(e.dataTransfer).then((files) => files.length && onFiles(files));
  };

  const pick = (input: HTMLInputElement | null) => {
    if (!input?.files) return;
    const files = Array.from(input.files);
    input.value = '';
    if (files.length) onFiles(files);
  };

  return (
    <div
      className={`dropzone${over ? ' over' : ''}${disabled ? ' disabled' : ''}`}
      data-testid="import-dropzone"
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <Icon name="imports" size={28} className="dropzone-icon" />
      <div className="dropzone-title">{busyText ?? 'Drop ERP export files or a folder here'}</div>
      <div className="dropzone-hint">{IMPORTABLE_EXTENSIONS.join(' ')} · the export type is detected from the column headers, not the file name</div>
      <div className="dropzone-actions">
        <button type="button" className="btn" disabled={disabled} onClick={() => fileInput.current?.click()} data-testid="import-pick-files">
          <Icon name="file" size={14} />
          Choose files…
        </button>
        <button type="button" className="btn" disabled={disabled} onClick={() => folderInput.current?.click()} data-testid="import-pick-folder">
          <Icon name="folder" size={14} />
          Choose folder…
        </button>
      </div>
      <input
        ref={fileInput}
        type="file"
        multiple
        hidden
        accept={IMPORTABLE_EXTENSIONS.join(',')}
        onChange={(e) => pick(e.currentTarget)}
        data-testid="import-file-input"
      />
      <input ref={folderInput} type="file" multiple hidden onChange={(e) => pick(e.currentTarget)} data-testid="import-folder-input" />
    </div>
  );
}
