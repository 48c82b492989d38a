import { readdir } from 'node:fs/promises';
import { OwnedFolder } from '../../files/owned-folder.ts';
import { resolveTarget } from '../../compile/index.ts';
import { compile, requestFiles } from '../../kinds/index.ts';
import { targetFailure, loadCheckedSpecs } from '../specs.ts';
import { UserError } from '../errors.ts';
import { printOut } from '../output.ts';

/** A file this command writes: `<service>.<Operation>.<id>.json`; older ones in --out are replaced. */
const REQUEST_FILE = /^(glue|athena|quicksight)\.[A-Za-z]+\..+\.json$/;

/** `trailsight compile` (declared in ../commands/compile.ts). */
export async function run(paths: string[], options: { target?: string; account?: string; region?: string; out: string }): Promise<void> {
  const checked = await loadCheckedSpecs(paths);
  if (options.account !== undefined && !/^[0-9]{12}$/.test(options.account)) throw new UserError(`--account must be 12 digits, not "${options.account}"`, 2);
  let target;
  try {
    target = resolveTarget(checked.project.spec, { name: options.target, account: options.account, region: options.region });
  } catch (error) {
    throw targetFailure(error);
  }
  const files = requestFiles(compile(checked, target));
  // --out may be a folder of a repository: a link there is refused, never written through.
  const out = await OwnedFolder.open(options.out);
  const keep = new Set(files.map((f) => f.name));
  for (const stale of (await readdir(out.root)).filter((name) => REQUEST_FILE.test(name) && !keep.has(name))) {
    await out.remove(stale);
  }
  for (const file of files) await out.writeFile(file.name, file.content);
  printOut(`compile: ${files.length} requests for target ${target.name} (account ${target.account}, ${target.region}) written to ${options.out}\n`);
  process.exitCode = 0;
}
