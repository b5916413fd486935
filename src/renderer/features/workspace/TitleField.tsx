/** The 标题 field: saved with PATCH when it loses focus or on Enter; Esc puts the saved title back. */
import { useEffect, useState, type KeyboardEvent } from 'react';
import type { DocumentDetail } from '../../../shared/api';
import { TEXT_LIMITS } from '../../../shared/textLimits';
import { errorMessage } from '../../api/client';
import { deskApi } from '../../api/desk';

export function TitleField({ document, onSaved, onError }: {
  document: DocumentDetail;
  onSaved: (document: DocumentDetail) => void;
  onError: (message: string) => void;
}) {
  const [value, setValue] = useState(document.title);
  const editable = document.access.canEdit;

  useEffect(() => setValue(document.title), [document.title]);

  const save = async () => {
    const title = value.trim();
    if (title === document.title) {
      setValue(document.title);
      return;
    }
    if (!title) {
      onError('标题不能为空');
      setValue(document.title);
      return;
    }
    try {
      onSaved(await deskApi.updateDocument(document.id, { title }));
    } catch (caught) {
      onError(errorMessage(caught));
      setValue(document.title);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      event.currentTarget.blur();
    } else if (event.key === 'Escape') {
      setValue(document.title);
      // The blur that follows then finds nothing to save.
      event.currentTarget.value = document.title;
    }
  };

  return (
    <input
      className="title-field"
      aria-label="标题"
      value={value}
      maxLength={TEXT_LIMITS.title}
      readOnly={!editable}
      onChange={(e) => setValue(e.target.value)}
      onBlur={() => void save()}
      onKeyDown={onKeyDown}
    />
  );
}
