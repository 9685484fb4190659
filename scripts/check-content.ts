// Purpose: run the content gate (schema, cross-links, locale parity, trust rules) and print every problem.
import { fileURLToPath } from 'node:url';
import { checkContent, formatProblem } from '../src/model/gate.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const dir = process.argv[2] ?? fileURLToPath(new URL('../content/', import.meta.url));
const { problems, files } = checkContent(dir, root);
for (const p of problems) console.error(formatProblem(p));
console.log(problems.length === 0 ? `content gate: ${files.length} files, 0 problems` : `content gate: ${problems.length} problem(s) in ${new Set(problems.map((p) => p.file)).size} file(s)`);
process.exit(problems.length === 0 ? 0 : 1);
