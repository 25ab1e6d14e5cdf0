import {
  autocompletion,
  closeBrackets,
  closeBracketsKeymap,
  completionKeymap,
} from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { keywordCompletionSource, sql } from '@codemirror/lang-sql';
import { bracketMatching, defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorState, StateEffect, StateField, type Extension } from '@codemirror/state';
import {
  Decoration,
  EditorView,
  highlightActiveLine,
  keymap,
  lineNumbers,
  placeholder,
  type DecorationSet,
} from '@codemirror/view';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { bigQuerySql } from './bigQueryDialect';
import { catalogLookups, referenceCompletion } from './referenceCompletion';

export interface QueryEditorProps {
  value: string;
  onChange(value: string): void;
  /** Ctrl/Cmd+Enter: the selection when there is one, else the whole text. */
  onRun(text: string): void;
  defaultDataset?: string;
  /** Where the last run's error is (1-based), marked in the text. */
  errorAt?: { line: number; column: number };
  label: string;
}

const setError = StateEffect.define<{ line: number; column: number } | null>();
const errorLine = Decoration.line({ class: 'qe-error-line' });

/** A line decoration for the error Redivis named; cleared when the text changes. */
const errorField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, transaction) {
    let next = transaction.docChanged ? Decoration.none : marks.map(transaction.changes);
    for (const effect of transaction.effects) {
      if (!effect.is(setError)) continue;
      const at = effect.value;
      if (!at || at.line > transaction.state.doc.lines) next = Decoration.none;
      else next = Decoration.set([errorLine.range(transaction.state.doc.line(at.line).from)]);
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

function runText(view: EditorView): string {
  const { from, to } = view.state.selection.main;
  return from === to ? view.state.doc.toString() : view.state.sliceDoc(from, to);
}

/**
 * The SQL editor: CodeMirror 6 with BigQuery's dialect, completion of Redivis references and
 * variables, and Ctrl/Cmd+Enter to run. The text lives in the store; the editor mirrors it.
 */
export function QueryEditor(props: QueryEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  // Callbacks and the default dataset change without rebuilding the editor.
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });

  useEffect(() => {
    if (!host.current) return;
    const lookups = catalogLookups();
    const extensions: Extension[] = [
      lineNumbers(),
      history(),
      bracketMatching(),
      closeBrackets(),
      highlightActiveLine(),
      syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
      sql({ dialect: bigQuerySql, upperCaseKeywords: true }),
      autocompletion({
        override: [
          referenceCompletion(lookups, () => latest.current.defaultDataset),
          keywordCompletionSource(bigQuerySql, true),
        ],
      }),
      keymap.of([
        {
          key: 'Mod-Enter',
          preventDefault: true,
          run: (v) => {
            latest.current.onRun(runText(v));
            return true;
          },
        },
        ...closeBracketsKeymap,
        ...completionKeymap,
        ...historyKeymap,
        ...defaultKeymap,
        indentWithTab,
      ]),
      placeholder('SELECT * FROM `organization.dataset.table` LIMIT 1000'),
      errorField,
      EditorView.contentAttributes.of({ 'aria-label': latest.current.label }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) latest.current.onChange(update.state.doc.toString());
      }),
    ];
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({ doc: latest.current.value, extensions }),
    });
    view.current = editor;
    editor.focus();
    return () => {
      editor.destroy();
      view.current = null;
    };
  }, []);

  // Text set from outside (a history entry, an opened file) replaces the editor's.
  useEffect(() => {
    const editor = view.current;
    if (!editor || editor.state.doc.toString() === props.value) return;
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: props.value } });
  }, [props.value]);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const at = props.errorAt;
    const effects = [setError.of(at ?? null)];
    if (at && at.line <= editor.state.doc.lines) {
      const line = editor.state.doc.line(at.line);
      const pos = Math.min(line.from + at.column - 1, line.to);
      editor.dispatch({ effects, selection: { anchor: pos }, scrollIntoView: true });
    } else editor.dispatch({ effects });
  }, [props.errorAt]);

  return <div className="qe" ref={host} data-testid="query-editor" />;
}

/** For the Run button: what Ctrl/Cmd+Enter would run. */
export function editorRunText(container: HTMLElement | null, fallback: string): string {
  const editor = container
    ? EditorView.findFromDOM(container.querySelector('.cm-editor') as HTMLElement)
    : null;
  return editor ? runText(editor) : fallback;
}
