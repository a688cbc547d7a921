import { useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';

const MAX_TAG = 50;

interface TagsInputProps {
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  inputRef?: Ref<HTMLInputElement>;
  value: string[];
  onChange: (tags: string[]) => void;
  onBlur?: () => void;
}

/** Free tags: typed and added with Enter or a comma; Backspace in the empty box removes the last. */
export function TagsInput({
  id,
  'aria-invalid': invalid,
  'aria-describedby': describedBy,
  inputRef,
  value,
  onChange,
  onBlur,
}: TagsInputProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');

  const commit = (raw: string) => {
    const tag = raw.trim().replace(/\s+/g, ' ').slice(0, MAX_TAG);
    setText('');
    if (tag === '') return;
    const exists = value.some((v) => v.toLocaleLowerCase() === tag.toLocaleLowerCase());
    if (!exists) onChange([...value, tag]);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if ((event.key === 'Enter' && !event.ctrlKey && !event.metaKey) || event.key === ',') {
      event.preventDefault();
      commit(text);
    } else if (event.key === 'Backspace' && text === '' && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  };

  return (
    <div className="tags-input">
      {value.map((tag) => (
        <span key={tag} className="tag-chip">
          {tag}
          <button
            type="button"
            className="chip-remove"
            aria-label={t('appealForm.tags.remove', { tag })}
            onClick={() => onChange(value.filter((v) => v !== tag))}
          >
            ×
          </button>
        </span>
      ))}
      <input
        id={id}
        ref={inputRef}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        value={text}
        maxLength={MAX_TAG}
        placeholder={value.length === 0 ? t('appealForm.tags.placeholder') : undefined}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => {
          commit(text);
          onBlur?.();
        }}
      />
    </div>
  );
}
