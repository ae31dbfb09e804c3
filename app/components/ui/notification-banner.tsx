import { useId, type ReactNode } from 'react';

type NotificationBannerProps = {
  title: ReactNode;
  /** "success" after an action (read out at once); "important" for something the person must do. */
  variant?: 'important' | 'success';
  children: ReactNode;
};

/**
 * GOV.UK notification banner. The success variant is a live region (role="alert") so a screen
 * reader announces that the message was sent; the important one is a labelled region. A page can
 * show both (a message was sent, another request is still open), so each has its own title id.
 */
export function NotificationBanner({ title, variant = 'important', children }: NotificationBannerProps) {
  const success = variant === 'success';
  const titleId = useId();
  return (
    <div className={success ? 'notification-banner notification-banner--success' : 'notification-banner'} role={success ? 'alert' : 'region'} aria-labelledby={titleId}>
      <div className="notification-banner__header">
        <h2 className="notification-banner__title" id={titleId}>
          {title}
        </h2>
      </div>
      <div className="notification-banner__content">{children}</div>
    </div>
  );
}
