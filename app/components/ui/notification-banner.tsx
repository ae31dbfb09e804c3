import type { ReactNode } from 'react';

type NotificationBannerProps = {
  title: ReactNode;
  /** "success" after an action (read out at once); "important" for something the person must do. */
  variant?: 'important' | 'success';
  children: ReactNode;
};

/**
 * GOV.UK notification banner. The success variant is a live region (role="alert") so a screen
 * reader announces that the message was sent; the important one is a labelled region.
 */
export function NotificationBanner({ title, variant = 'important', children }: NotificationBannerProps) {
  const success = variant === 'success';
  return (
    <div className={success ? 'notification-banner notification-banner--success' : 'notification-banner'} role={success ? 'alert' : 'region'} aria-labelledby="notification-banner-title">
      <div className="notification-banner__header">
        <h2 className="notification-banner__title" id="notification-banner-title">
          {title}
        </h2>
      </div>
      <div className="notification-banner__content">{children}</div>
    </div>
  );
}
