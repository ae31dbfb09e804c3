import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup } from '~/components/ui/button';

/** The two ways to start BankID (BANKID.md): on this device (autostart) or another (QR). */
export function BankIdMethodButtons() {
  const { t } = useTranslation('bankid');
  return (
    <ButtonGroup>
      <Button name="method" value="autostart">
        {t('login.thisDevice')}
      </Button>
      <Button name="method" value="qr" variant="secondary">
        {t('login.otherDevice')}
      </Button>
    </ButtonGroup>
  );
}
