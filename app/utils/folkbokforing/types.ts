/**
 * The folkbokföring lookup (issue #7): where a registerutdrag sent by rekommenderat brev gets the
 * person's folkbokföringsadress, and the only source of the flag for skyddade personuppgifter,
 * which BankID does not reveal (DOMAIN.md §9). Behind an interface so that the demo and the tests
 * use a fixture and production a Navet adapter (docs/integrations/navet.md).
 */
import type { PostalAddress } from '~/documents/types';

export type Protection = 'sekretessmarkering' | 'skyddad_folkbokforing';
export type NoAddressReason = 'utvandrad' | 'avliden' | 'saknar_adress';

/** What the folkbokföring says about one personnummer, as far as the portal may know it. */
export type FolkbokforingRecord =
  | { status: 'found'; name: { given: string; surname: string }; protection: null; address: PostalAddress }
  /** Sekretessmarkering or skyddad folkbokföring: never an address (DOMAIN.md §9). */
  | { status: 'found'; name: { given: string; surname: string }; protection: Protection; address?: undefined }
  /** Registered but without a postal address the kommun may use (utvandrad, "på församlingen skrivna", avliden). */
  | { status: 'no_address'; reason: NoAddressReason }
  | { status: 'not_found' };

export interface Folkbokforing {
  /** `personnummer`: 12 digits. Never logs it. */
  lookup(personnummer: string): Promise<FolkbokforingRecord>;
}
