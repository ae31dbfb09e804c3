import type { ReactNode } from 'react';
import { FILE_INPUT_ACCEPT } from '~/domain/file-types';
import { describedBy, Field, type LabelSize } from './field';

type FileUploadProps = {
  id?: string;
  /** The field's name, when several uploads on one page must have their own ids. Default: the id. */
  name?: string;
  /** One file, not several. */
  single?: boolean;
  label: ReactNode;
  labelSize?: LabelSize;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
};

/**
 * Files to send with a form (GOV.UK file upload): several at once, with the allowed types as a
 * hint to the file picker only — the server checks every file by its content. The form must be
 * multipart; the field's name is its id ("files").
 */
export function FileUpload({ id = 'files', name, label, labelSize = 's', hint, error, optional, single }: FileUploadProps) {
  return (
    <Field id={id} label={label} labelSize={labelSize} hint={hint} error={error} optional={optional}>
      <input id={id} name={name ?? id} type="file" multiple={!single} accept={FILE_INPUT_ACCEPT} className="file-upload" aria-describedby={describedBy(id, { hint, error })} />
    </Field>
  );
}
