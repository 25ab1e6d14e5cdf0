import { useState } from 'react';

/** The preview's row limit; applied on Enter or when the field loses focus. Key it by `value`. */
export function RowCapInput(props: { value: number; max: number; onCommit(value: number): void }) {
  const [text, setText] = useState(String(props.value));
  const commit = () => {
    const value = Math.round(Number(text.replace(/[,\s_]/g, '')));
    if (!Number.isFinite(value) || value < 1) {
      setText(String(props.value));
      return;
    }
    const clamped = Math.min(props.max, value);
    setText(String(clamped));
    if (clamped !== props.value) props.onCommit(clamped);
  };
  return (
    <label className="pv-cap">
      Row limit
      <input
        type="text"
        inputMode="numeric"
        aria-label="Row limit"
        value={text}
        size={9}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
        }}
      />
    </label>
  );
}
