// Every message about the folder `mel report` writes its pack into (`--out`), and the
// files `mel schema` and `mel init` write, one small function each, in English and
// Spanish. `shown` is the folder as the user wrote it (or as mel chose it).
import { type Localized, localize } from './localized.js';

const quote = (text: string) => `\`${text}\``;

/** A file-system error code in words (the `reason` of the messages below). */
export type WriteProblem =
  | 'EACCES'
  | 'EPERM'
  | 'EBUSY'
  | 'EROFS'
  | 'ENOSPC'
  | 'EDQUOT'
  | 'ENAMETOOLONG'
  | 'ENOTDIR'
  | 'EEXIST'
  | 'EISDIR'
  | 'EXDEV'
  | 'EIO';

const en = {
  isAFile: (shown: string) =>
    `--out ${shown}: this is a file, not a folder; mel writes a pack into a folder of its own (choose another ` +
    `path; the file is left as it is)`,

  belowAFile: (shown: string, file: string) =>
    `--out ${shown}: ${file} is a file, so no folder can be made inside it; choose another path`,

  holdsProgramme: (shown: string, input: string) =>
    `--out ${shown}: this folder holds the programme's own files (${input}); mel writes the pack into a folder of ` +
    `its own, such as reports/`,

  notAPack: (shown: string, examples: readonly string[], more: number) =>
    `--out ${shown}: this folder holds files mel did not write (${examples.map(quote).join(', ')}${
      more ? ` and ` + `${more} more` : ''
    }); ` +
    'mel writes a pack into a new or empty folder, or over a pack it wrote there before. ' +
    "Choose another folder, or add --force to write the pack's files beside the others (files of the same names as " +
    "the pack's are replaced; nothing else is touched)",

  unreadableManifest: (shown: string, manifest: string) =>
    `--out ${shown}: ${manifest} is not the list of files mel writes there, so mel cannot tell its files from ` +
    `yours; remove ${manifest} and add --force`,

  writeFailed: (shown: string, reason: Localized, where?: string) =>
    `--out ${shown}: the pack could not be written${where ? ` (${where})` : ''}: ${reason.en}; the previous pack, ` +
    `if there was one, is unchanged`,

  schemaWriteFailed: (shown: string, file: string, reason: Localized) =>
    `--out ${shown}: ${file} could not be written: ${reason.en}`,

  initWriteFailed: (dir: string, file: string, reason: Localized) =>
    `${dir}: ${file} could not be written: ${reason.en}`,

  restoreFailed: (shown: string, reason: Localized, backup: string) =>
    `--out ${shown}: writing the pack failed and the previous pack could not be put back: ${reason.en}; its files ` +
    `are in ${backup}`,

  writeProblem: (code: string | undefined): string => {
    switch (code as WriteProblem | undefined) {
      case 'EACCES':
      case 'EPERM':
        return (
          'permission denied (the folder or a file in it is read-only, or the file is open in another program ' +
          'such as Excel: close it and run again)'
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
  },
};

const es: typeof en = {
  isAFile: (shown) =>
    `--out ${shown}: es un archivo, no una carpeta; mel escribe el informe en una carpeta propia (elija otra ruta; ` +
    `el archivo queda como está)`,

  belowAFile: (shown, file) =>
    `--out ${shown}: ${file} es un archivo, así que no se puede crear una carpeta dentro; elija otra ruta`,

  holdsProgramme: (shown, input) =>
    `--out ${shown}: esta carpeta contiene archivos del propio programa (${input}); mel escribe el informe en una ` +
    `carpeta propia, como reports/`,

  notAPack: (shown, examples, more) =>
    `--out ${shown}: esta carpeta contiene archivos que mel no escribió (${examples
      .map(quote)
      .join(', ' + '')}${more ? ` y ${more} más` : ''}); ` +
    'mel escribe el informe en una carpeta nueva o vacía, o sobre un informe que escribió antes allí. ' +
    'Elija otra carpeta, o añada --force para escribir los archivos del informe junto a los demás (se reemplazan ' +
    'los archivos con los mismos nombres que los del informe; nada más se toca)',

  unreadableManifest: (shown, manifest) =>
    `--out ${shown}: ${manifest} no es la lista de archivos que mel escribe allí, así que mel no puede distinguir ` +
    `sus archivos de los suyos; borre ${manifest} y añada --force`,

  writeFailed: (shown, reason, where) =>
    `--out ${shown}: no se pudo escribir el informe${where ? ` (${where})` : ''}: ${reason.es}; el informe ` +
    `anterior, si lo había, no ha cambiado`,

  schemaWriteFailed: (shown, file, reason) => `--out ${shown}: no se pudo escribir ${file}: ${reason.es}`,

  initWriteFailed: (dir, file, reason) => `${dir}: no se pudo escribir ${file}: ${reason.es}`,

  restoreFailed: (shown, reason, backup) =>
    `--out ${shown}: falló la escritura del informe y no se pudo restaurar el anterior: ${reason.es}; sus archivos ` +
    `están en ${backup}`,

  writeProblem: (code): string => {
    switch (code as WriteProblem | undefined) {
      case 'EACCES':
      case 'EPERM':
        return (
          'permiso denegado (la carpeta o un archivo suyo es de solo lectura, o el archivo está abierto en ' +
          'otro programa, como Excel: ciérrelo y vuelva a ejecutar)'
        );
      case 'EBUSY':
        return 'un archivo está abierto en otro programa (cierre progress-pack.xlsx en Excel y vuelva a ejecutar)';
      case 'EROFS':
        return 'el disco es de solo lectura';
      case 'ENOSPC':
        return 'el disco está lleno';
      case 'EDQUOT':
        return 'se agotó la cuota de disco';
      case 'ENAMETOOLONG':
        return 'una ruta es demasiado larga para el sistema de archivos';
      case 'ENOTDIR':
        return 'una parte de la ruta es un archivo, no una carpeta';
      case 'EEXIST':
        return 'hay un archivo donde va una carpeta';
      case 'EISDIR':
        return 'hay una carpeta donde va un archivo';
      case 'EXDEV':
        return 'la carpeta está repartida en dos discos';
      case 'EIO':
        return 'el disco informó un error de entrada/salida';
      default:
        return code ? `el sistema responde ${code}` : 'un error inesperado';
    }
  },
};

const catalogue = localize({ en, es });

export const outputFolderMessages = catalogue;

/** A file-system error code in words, for writeFailed. */
export const writeProblem = catalogue.writeProblem;
