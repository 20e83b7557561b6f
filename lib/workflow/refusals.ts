import { ENGINE_ERRORS } from '@/lib/domain/lifecycle-engine';
import { LIFECYCLE_ERRORS } from '@/lib/domain/lifecycle';
import { AppError } from '@/lib/errors';

/**
 * A lifecycle's refusal as the command's failure, the same for every lifecycle: a move
 * the record's state does not allow is a conflict, a role or authorship refusal is
 * forbidden, any other guard (a missing reason, an incomplete diagnostic) is invalid input.
 */
export function refuse(reason: string): never {
  if (reason === ENGINE_ERRORS.notAllowedFromState) throw new AppError('conflict:state', { _form: reason });
  if (reason === ENGINE_ERRORS.forbiddenRole || reason === LIFECYCLE_ERRORS.notAuthor) throw new AppError('forbidden', { _form: reason });
  throw new AppError('invalid', { _form: reason });
}
