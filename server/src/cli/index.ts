/** The command-line interface as a module (`@connlint/server/cli`): its entry point and the pieces its tests drive directly. */
export { main, displayPath, STDIN_NAME, type CliIo } from './main';
export { applyFixes, formatDiff, type FixedFile } from './fix';
export { configSchema, configSchemaText, CONFIG_SCHEMA_ID } from './configSchema';
export { escapeData, escapeProperty, formatGithub } from './format/github';
export { GENERATED_FILES, REGENERATE_HINT, replaceRuleSection, staleFiles } from './generatedFiles';
export { escapeControl, inertJson } from './format/escape';
export { renderMarkdown } from './format/markdown';
export { escapeXmlAttribute, escapeXmlText } from './format/junit';
export { codeQualitySeverity, pathFromRoot, repositoryRoot } from './format/gitlab';
