import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import CodeEditor from './code-editor';

// The real CodeMirror, rendered only: jsdom cannot measure text, so typing is left to e2e.
describe('CodeEditor', () => {
  it('shows the file as an editable textbox named by its path, highlighted by its language', () => {
    const { container } = render(
      <CodeEditor value={'const answer = 42;\n'} onChange={vi.fn()} language="javascript" label="index.js" />,
    );
    const editor = screen.getByRole('textbox', { name: 'index.js' });
    expect(editor).toHaveTextContent('const answer = 42;');
    expect(editor).toHaveAttribute('contenteditable', 'true');
    expect(container.querySelectorAll('.cm-line span').length).toBeGreaterThan(0);
  });

  it('leaves plain text unhighlighted and can be read-only', () => {
    const { container } = render(
      <CodeEditor value="const answer = 42;" onChange={vi.fn()} language="plain" label="notes.txt" readOnly />,
    );
    expect(screen.getByRole('textbox', { name: 'notes.txt' })).toHaveAttribute('contenteditable', 'false');
    expect(container.querySelectorAll('.cm-line span')).toHaveLength(0);
  });
});
