import { Link } from '@remix-run/react';
import type { ReactNode } from 'react';

type Variant = 'primary' | 'secondary' | 'warning';

type Common = {
  children: ReactNode;
  variant?: Variant;
  /** The big call to action of a start page, with an arrow. */
  isStart?: boolean;
};

type AsButton = Common & {
  to?: undefined;
  type?: 'submit' | 'button';
  name?: string;
  value?: string;
  formAction?: string;
};

/** Navigation that looks like a button; it stays a link for assistive technology. */
type AsLink = Common & {
  to: string;
  reloadDocument?: boolean;
};

export type ButtonProps = AsButton | AsLink;

function classes({ variant = 'primary', isStart }: Common) {
  return ['button', variant === 'primary' ? null : `button--${variant}`, isStart ? 'button--start' : null].filter(Boolean).join(' ');
}

function StartArrow() {
  return (
    <svg className="button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
      <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
    </svg>
  );
}

export function Button(props: ButtonProps) {
  const content = (
    <>
      {props.children}
      {props.isStart ? <StartArrow /> : null}
    </>
  );
  if (props.to !== undefined) {
    return (
      <Link to={props.to} reloadDocument={props.reloadDocument} className={classes(props)} draggable={false}>
        {content}
      </Link>
    );
  }
  return (
    <button type={props.type ?? 'submit'} name={props.name} value={props.value} formAction={props.formAction} className={classes(props)}>
      {content}
    </button>
  );
}

/** Buttons (and a link) side by side, e.g. "Skicka" and "Avbryt". */
export function ButtonGroup({ children }: { children: ReactNode }) {
  return <div className="button-group">{children}</div>;
}
