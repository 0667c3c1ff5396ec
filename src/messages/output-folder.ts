// Every message about the folder `mel report` writes its pack into (`--out`), one small
// function each. `shown` is the folder as the user wrote it (or as mel chose it).

const quote = (text: string) => `\`${text}\``;

export const outputFolderMessages = {
  isAFile: (shown: string) =>
    `--out ${shown}: this is a file, not a folder; mel writes a pack into a folder of its own (choose another ` +
    'path; the file is left as it is)',

  belowAFile: (shown: string, file: string) =>
    `--out ${shown}: ${file} is a file, so no folder can be made inside it; choose another path`,

  holdsProgramme: (shown: string, input: string) =>
    `--out ${shown}: this folder holds the programme's own files (${input}); mel writes the pack into a folder ` +
    'of its own, such as reports/',

  notAPack: (shown: string, examples: readonly string[], more: number) =>
    `--out ${shown}: this folder holds files mel did not write ` +
    `(${examples.map(quote).join(', ')}${more ? ` and ${more} more` : ''}); ` +
    'mel writes a pack into a new or empty folder, or over a pack it wrote there before. ' +
    "Choose another folder, or add --force to write the pack's files beside the others (files of the same " +
    "names as the pack's are replaced; nothing else is touched)",

  unreadableManifest: (shown: string, manifest: string) =>
    `--out ${shown}: ${manifest} is not the list of files mel writes there, so mel cannot tell its files from ` +
    `yours; remove ${manifest} and add --force`,

  writeFailed: (shown: string, reason: string, where?: string) =>
    `--out ${shown}: the pack could not be written${where ? ` (${where})` : ''}: ${reason}; the previous pack, ` +
    'if there was one, is unchanged',

  schemaWriteFailed: (shown: string, file: string, reason: string) =>
    `--out ${shown}: ${file} could not be written: ${reason}`,

  initWriteFailed: (dir: string, file: string, reason: string) => `${dir}: ${file} could not be written: ${reason}`,

  restoreFailed: (shown: string, reason: string, backup: string) =>
    `--out ${shown}: writing the pack failed and the previous pack could not be put back: ${reason}; its files ` +
    `are in ${backup}`,
};

/** A file-system error code in words, for writeFailed. */
export function writeProblem(code: string | undefined): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return (
        'permission denied (the folder or a file in it is read-only, or the file is open in another program such ' +
        'as Excel: close it and run again)'
      );
    case 'EBUSY':
      return 'a file is open in another program (close progress-pack.xlsx in Excel and run again)';
    case 'EROFS':
      return 'the disk is read-only';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EDQUOT':
      return 'the disk quota is used up';
    case 'ENAMETOOLONG':
      return 'a path is too long for the file system';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'EEXIST':
      return 'a file stands where a folder goes';
    case 'EISDIR':
      return 'a folder stands where a file goes';
    case 'EXDEV':
      return 'the folder spans two disks';
    case 'EIO':
      return 'the disk reported an input/output error';
    default:
      return code ? `the system says ${code}` : 'an unexpected error';
  }
}
