// The two kinds of text a member or the owner writes, as schema pieces every contract uses: required text (a name,
// an address, a reason, a reply, a title) must show something; optional free text that shows nothing is ''.
import * as v from 'valibot';
import { hasVisibleText, type TextBounds } from './limits';

/** Trimmed, `min` to `max` characters, with at least one that shows (see `hasVisibleText`). */
export const requiredText = ({ min, max }: TextBounds) =>
  v.pipe(v.string(), v.trim(), v.check(hasVisibleText, 'blank'), v.minLength(min), v.maxLength(max));

/** Trimmed, at most `max` characters; a text with nothing that shows is kept as '' (as if left empty). */
export const optionalText = (max: number) =>
  v.pipe(
    v.string(),
    v.trim(),
    v.maxLength(max),
    v.transform((text) => (hasVisibleText(text) ? text : '')),
  );
