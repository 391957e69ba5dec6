import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { PACKAGE_ROOT } from './packageInfo';

/** The folder of the rule pages, in the repository and in the installed package alike. */
export const RULE_DOCS_DIRECTORY = path.join(PACKAGE_ROOT, 'docs', 'rules');

/** The Markdown page of a rule, or `undefined` when it has none. */
export function readRuleDoc(id: string): string | undefined {
  try {
    return readFileSync(path.join(RULE_DOCS_DIRECTORY, `${id}.md`), 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * The page's opening paragraph (what the rule finds), without Markdown emphasis: the first
 * paragraph after the title that is not a `**Label:** value` line.
 */
export function ruleSummary(markdown: string): string | undefined {
  const paragraphs = markdown.replace(/\r\n/g, '\n').split(/\n\s*\n/);
  for (const paragraph of paragraphs) {
    const text = paragraph.trim();
    if (text === '' || text.startsWith('#') || text.startsWith('```') || /^\*\*[^*]+:\*\*/.test(text)) continue;
    return plainText(text.replace(/\s*\n\s*/g, ' '));
  }
  return undefined;
}

/** Inline Markdown as plain text: links keep their text, emphasis marks go, code keeps its backticks. */
function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|[^\w*])\*([^*\s][^*]*)\*(?!\w)/g, '$1$2');
}
