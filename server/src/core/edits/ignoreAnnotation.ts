import type { AnalyzedFile } from '../analyze';
import { IGNORE_ANNOTATION, parseRuleList } from '../k8s/extract';
import type { Service } from '../k8s/objects';
import type { Fix } from './fix';
import { addToMap, childMap, objectMap, replaceSpan, type Entry, type MapTarget } from './yamlEdits';

/** Adds a rule to the object's `connlint.dev/ignore` annotation, creating the annotation as needed. */
export function ignoreForService(file: AnalyzedFile, service: Service, rule: string): Fix | undefined {
  const root = objectMap(file, service);
  const metadata = root && childMap(root, 'metadata');
  if (root === undefined || metadata === undefined) return undefined;
  const annotations = childMap(metadata, 'annotations');
  const existing = annotations?.reader.get(annotations.map, IGNORE_ANNOTATION);
  const existingSpan = annotations?.reader.span(existing);
  const title = `Ignore ${rule} for this Service`;
  if (annotations !== undefined && existingSpan !== undefined) {
    const rules = [...parseRuleList(annotations.reader.string(existing)), rule];
    return { title, edits: [replaceSpan(file.path, existingSpan, JSON.stringify(rules.join(',')))], preferred: false };
  }
  const entry: Entry = { key: IGNORE_ANNOTATION, value: JSON.stringify(rule) };
  const target: MapTarget = annotations ?? metadata;
  const edit = addToMap(file.text, target, annotations ? [entry] : [{ key: 'annotations', value: [entry] }], file.path);
  return edit === undefined ? undefined : { title, edits: [edit], preferred: false };
}
