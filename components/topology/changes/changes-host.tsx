'use client';
// The console's changes on every resource: a context menu (right click, or Shift+F10 / the Menu key on a focused
// resource) and the toolbar of the details panel open a change form; its plan goes to the moves' plan dialog.
import { useEffect, useState } from 'react';
import { useCanChange } from '@/components/access/access-context';
import type { TopologyData } from '@/lib/queries/topology';
import { useOpenPlanReview } from '../moves/moves-context';
import { type ChangeTarget, targetOfDomId } from './change-actions';
import { ChangeDialog } from './change-dialog';
import { ChangeMenu } from './change-menu';
import { changesStore, useChangesState } from './changes-store';

const DOM_ID = /^(eni-eni-|ip-\d|eip-eipalloc-|instance-i-|subnet-row-|pool-eips$)/;

/** The closest element (from the event target up) whose id names a resource. */
function resourceElement(from: EventTarget | null): HTMLElement | null {
  let el = from instanceof HTMLElement ? from : null;
  while (el && !(el.id && DOM_ID.test(el.id))) el = el.parentElement;
  return el;
}

/** Rendered once inside the moves provider: listens for the context menu and shows the menu and the form. */
export function ChangesHost({ data }: { data: TopologyData }) {
  const canChange = useCanChange();
  const openPlanReview = useOpenPlanReview();
  const { form } = useChangesState();
  const [menu, setMenu] = useState<{ target: ChangeTarget; x: number; y: number; returnFocus: string } | null>(null);

  useEffect(() => {
    changesStore.setData(canChange ? data : null);
  }, [canChange, data]);

  useEffect(() => {
    if (!canChange) return;
    const openAt = (el: HTMLElement, x: number, y: number) => {
      const target = targetOfDomId(data, el.id);
      if (!target) return false;
      setMenu({ target, x, y, returnFocus: el.id });
      return true;
    };
    const onContext = (e: MouseEvent) => {
      const el = resourceElement(e.target);
      if (el && openAt(el, e.clientX, e.clientY)) e.preventDefault();
    };
    const onKey = (e: KeyboardEvent) => {
      if (!(e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10'))) return;
      const el = resourceElement(document.activeElement);
      if (!el) return;
      const box = el.getBoundingClientRect();
      if (openAt(el, box.left + 8, box.bottom)) e.preventDefault();
    };
    document.addEventListener('contextmenu', onContext);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('contextmenu', onContext);
      document.removeEventListener('keydown', onKey);
    };
  }, [canChange, data]);

  return (
    <>
      {menu ? (
        <ChangeMenu
          data={data}
          {...menu}
          onPick={(action) => {
            changesStore.open({ action, target: menu.target, returnFocus: menu.returnFocus });
            setMenu(null);
          }}
          onClose={() => setMenu(null)}
        />
      ) : null}
      {form && canChange ? (
        <ChangeDialog
          key={JSON.stringify(form)}
          data={data}
          action={form.action}
          target={form.target}
          onClose={changesStore.close}
          onReview={(plan) => {
            changesStore.close();
            openPlanReview(plan, form.returnFocus ? { returnFocus: form.returnFocus } : {});
          }}
        />
      ) : null}
    </>
  );
}
