import {
  useEffect,
  useImperativeHandle,
  useRef,
  useState,
  type InputHTMLAttributes,
  type KeyboardEvent,
  type Ref,
} from 'react';
import { useTranslation } from 'react-i18next';
import {
  DATE_INPUT_PLACEHOLDERS,
  displayOf,
  valueOf,
  type DateInputKind,
} from '@shared/format/dateInput';
import { useLang } from './useLang';
import './dateInput.css';

/** The event the box reports: like an input's, with the value in the app's own form. */
export interface DateInputEvent {
  target: { name: string; value: string };
  type: 'change' | 'blur';
}

/** What a ref to the box holds (react-hook-form's `register` reads and sets `value`). */
export interface DateInputHandle {
  name: string;
  value: string;
  type: 'text';
  disabled: boolean;
  focus: (options?: FocusOptions) => void;
  scrollIntoView: (options?: ScrollIntoViewOptions) => void;
}

type NativeProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'type' | 'value' | 'defaultValue' | 'onChange' | 'onBlur' | 'min' | 'max'
>;

export interface DateInputProps extends NativeProps {
  /** 'date' (`YYYY-MM-DD`), 'time' (`HH:MM`) or 'datetime' (`YYYY-MM-DDTHH:MM`). */
  kind?: DateInputKind;
  name?: string;
  /** Controlled use; with `register` leave it out (the ref carries the value). */
  value?: string;
  onChange?: (event: DateInputEvent) => unknown;
  onBlur?: (event: DateInputEvent) => unknown;
  min?: string | number;
  max?: string | number;
  ref?: Ref<DateInputHandle>;
}

const PICKER_TYPE = { date: 'date', datetime: 'datetime-local', time: 'time' } as const;

/**
 * A date, time or date-and-time box that reads and shows dd.mm.yyyy and 24-hour time in
 * both languages, whatever the operating system's locale (shared/format/dateInput.ts). It
 * is typed like any text box (digits with or without dots); the calendar button (or
 * Alt+↓ in the box) opens the system's calendar, whose choice is written back in the
 * same form. A drop-in for `<input type="date">` with `{...register('x')}` or with
 * `value`/`onChange`: the value is the app's `YYYY-MM-DD` (or what was typed, when it is
 * not a date, so the form's rule names the field).
 */
export function DateInput({
  kind = 'date',
  name = '',
  value,
  onChange,
  onBlur,
  min,
  max,
  ref,
  className,
  disabled = false,
  ...rest
}: DateInputProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const boxRef = useRef<HTMLInputElement>(null);
  const pickerRef = useRef<HTMLInputElement>(null);
  const current = useRef(value ?? '');
  const [text, setText] = useState(() => displayOf(kind, value));

  // Controlled: follow a value changed from outside (not the one this box just reported).
  useEffect(() => {
    if (value === undefined || value === current.current) return;
    current.current = value;
    setText(displayOf(kind, value));
  }, [value, kind]);

  useImperativeHandle(
    ref,
    (): DateInputHandle => ({
      name,
      type: 'text',
      disabled,
      get value() {
        return current.current;
      },
      set value(next: string) {
        // react-hook-form sets the value back on every render's new ref: the value this box
        // reported itself must not rewrite what is being typed («05.12.20» while typing 2026).
        if ((next ?? '') === current.current) return;
        current.current = next ?? '';
        setText(displayOf(kind, current.current));
      },
      focus: (options) => boxRef.current?.focus(options),
      scrollIntoView: (options) => boxRef.current?.scrollIntoView(options),
    }),
    [name, kind, disabled],
  );

  const report = (next: string, type: DateInputEvent['type']) => {
    current.current = next;
    const event: DateInputEvent = { target: { name, value: next }, type };
    if (type === 'change') onChange?.(event);
    else onBlur?.(event);
  };

  const openPicker = () => {
    const picker = pickerRef.current;
    if (!picker || disabled) return;
    const typed = valueOf(kind, text);
    picker.value = /^\d{4}-\d{2}-\d{2}/.test(typed) ? typed : '';
    try {
      picker.showPicker();
    } catch {
      // A picker that cannot open (no user gesture, an old engine): the box still takes typing.
      boxRef.current?.focus();
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (kind !== 'time' && event.altKey && event.key === 'ArrowDown') {
      event.preventDefault();
      openPicker();
    }
  };

  const calendarLabel = t('screens.dateInput.calendar');
  return (
    <span className={`date-input kind-${kind}${className ? ` ${className}` : ''}`}>
      <input
        {...rest}
        ref={boxRef}
        type="text"
        name={name}
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        placeholder={DATE_INPUT_PLACEHOLDERS[kind][lang]}
        disabled={disabled}
        value={text}
        onKeyDown={onKeyDown}
        onChange={(e) => {
          setText(e.target.value);
          report(valueOf(kind, e.target.value), 'change');
        }}
        onBlur={() => {
          const next = valueOf(kind, text);
          setText(displayOf(kind, next));
          report(next, 'blur');
        }}
      />
      {kind !== 'time' && (
        <>
          <button
            type="button"
            className="date-input-calendar"
            tabIndex={-1}
            disabled={disabled}
            aria-label={calendarLabel}
            title={`${calendarLabel} (Alt+↓)`}
            onClick={openPicker}
          >
            <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
              <path
                d="M4 1v2M12 1v2M1.5 4.5h13M2 3h12v11H2z"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.4"
              />
            </svg>
          </button>
          <input
            ref={pickerRef}
            type={PICKER_TYPE[kind]}
            className="date-input-picker"
            tabIndex={-1}
            aria-hidden="true"
            min={min}
            max={max}
            onChange={(e) => {
              const picked = e.target.value;
              if (picked === '') return;
              setText(displayOf(kind, picked));
              report(picked, 'change');
              boxRef.current?.focus();
            }}
          />
        </>
      )}
    </span>
  );
}
