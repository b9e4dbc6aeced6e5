// Public API of the loaders: load department files into the graph, and list the source mappings.
export { loadFiles, expandPaths, type LoadOptions, type LoadReport } from './core/load-files.js';
export { checkFiles } from './core/check-files.js';
export type { FileReport, Progress } from './core/file-pass.js';
export { loadMappings, listMappings, MAPPINGS_DIR, type MappingSummary } from './core/mapping/registry.js';
export { parseMapping } from './core/mapping/validate.js';
export type { Mapping } from './core/mapping/types.js';
export { writeHouseholdKin, deriveHouseholdKin } from './core/kinship.js';
export { InvalidMapping, UnknownSource, MissingColumns, UnreadableFile, InputLimit, InvalidValue, LoaderError } from './core/errors.js';
export { EXIT, columnNotes, columnsMark, exitCodeOf, fileMark } from './core/outcome.js';
