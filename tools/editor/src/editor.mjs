// The workbench's editor: CodeMirror 6 with the grille language, behind the
// small interface workbench.js uses (window.GrilleEditor). Built into
// src/serve/page/editor.js by build.mjs; the cargo build never runs this.
import { EditorState } from '@codemirror/state';
import {
  EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter,
  drawSelection, highlightSpecialChars,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { searchKeymap, highlightSelectionMatches } from '@codemirror/search';
import {
  StreamLanguage, syntaxHighlighting, HighlightStyle, bracketMatching,
} from '@codemirror/language';
import { lintGutter, setDiagnostics, lintKeymap } from '@codemirror/lint';
import { tags } from '@lezer/highlight';
import { grille } from './grille-mode.mjs';

const style = HighlightStyle.define([
  { tag: tags.keyword, color: '#7a3e9d', fontWeight: 'bold' },
  { tag: tags.string, color: '#116329' },
  { tag: tags.comment, color: '#6e7781', fontStyle: 'italic' },
  { tag: tags.number, color: '#0550ae' },
  { tag: tags.operator, color: '#953800' },
]);

function create(parent, { doc, onChange, label }) {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        lineNumbers(), highlightActiveLineGutter(), highlightSpecialChars(), history(),
        drawSelection(), bracketMatching(), highlightActiveLine(), highlightSelectionMatches(),
        StreamLanguage.define(grille), syntaxHighlighting(style), lintGutter(),
        keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, ...lintKeymap]),
        EditorView.contentAttributes.of({ 'aria-label': label || 'rules' }),
        EditorView.updateListener.of((update) => { if (update.docChanged && onChange) onChange(); }),
      ],
    }),
  });
  return {
    view,
    text: () => view.state.doc.toString(),
    setText(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    // Selects the line and brings it into view.
    goTo(line) {
      const doc = view.state.doc;
      const at = doc.line(Math.max(1, Math.min(line, doc.lines)));
      view.dispatch({ selection: { anchor: at.from, head: at.to }, scrollIntoView: true });
      view.focus();
    },
    // `problems`: {line, column, severity: 'error' | 'warning', message, help}.
    setDiagnostics(problems) {
      const doc = view.state.doc;
      const diagnostics = problems.filter((p) => p.line >= 1 && p.line <= doc.lines).map((p) => {
        const line = doc.line(p.line);
        const from = Math.min(line.from + Math.max(0, (p.column || 1) - 1), line.to);
        return {
          from, to: Math.max(from, line.to), severity: p.severity, message: p.message,
          renderMessage() {
            const box = document.createElement('div');
            box.className = 'cm-grille-message';
            box.textContent = p.message;
            if (p.help) {
              const help = document.createElement('div');
              help.className = 'cm-grille-help';
              help.textContent = p.help;
              box.appendChild(help);
            }
            return box;
          },
        };
      });
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
  };
}

window.GrilleEditor = { create };
