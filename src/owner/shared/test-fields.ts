// Typing into Taro's web Input and Textarea in the owner pages' tests: their native field appears only once the
// web component has rendered, so it is awaited by its placeholder.
import { fireEvent, waitFor } from '@testing-library/react';

export function nativeField(placeholder: string): HTMLInputElement | HTMLTextAreaElement {
  const el = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(
    `input[placeholder="${placeholder}"], textarea[placeholder="${placeholder}"]`,
  );
  if (!el) throw new Error(`no field "${placeholder}"`);
  return el;
}

/** The field once it is there. */
export function field(placeholder: string): Promise<HTMLInputElement | HTMLTextAreaElement> {
  return waitFor(() => nativeField(placeholder), { timeout: 5000 });
}

export async function typeInto(placeholder: string, value: string): Promise<void> {
  fireEvent.input(await field(placeholder), { target: { value } });
}
