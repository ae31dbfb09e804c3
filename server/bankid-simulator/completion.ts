/**
 * completionData for a finished order. The signature is an XML document in the shape BankID
 * returns (an XMLDSig `Signature` around `bankIdSignedData`), echoing the base64 values of
 * usrVisibleData / usrNonVisibleData so the portal can verify that what was signed is what it
 * asked to be signed. The digest is real; the signature value is made with the simulator's own
 * key and proves nothing outside the simulator.
 */
import { createHash, randomBytes } from 'node:crypto';
import { fullName, type TestIdentity } from './identities';
import { isSign, type CompletionData, type Order } from './state';

/** Signs bytes and returns the signature base64-encoded. */
export type Signer = (data: Buffer) => string;

/** Addresses from TEST-NET-1 (RFC 5737): never a real user's device. */
const FALLBACK_DEVICE_IP = '192.0.2.10';

export function buildCompletionData(order: Order, identity: TestIdentity, signer: Signer): CompletionData {
  const uhi = createHash('sha256').update(`bankid-sim-device:${identity.personalNumber}`).digest('base64').slice(0, 28);
  const signedData = bankIdSignedData(order, uhi);
  const signedInfo = signedInfoXml(createHash('sha256').update(signedData, 'utf8').digest('base64'));
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>' +
    '<Signature xmlns="http://www.w3.org/2000/09/xmldsig#">' +
    signedInfo +
    `<SignatureValue>${signer(Buffer.from(signedInfo, 'utf8'))}</SignatureValue>` +
    `<Object>${signedData}</Object>` +
    '</Signature>';
  const signature = Buffer.from(xml, 'utf8').toString('base64');
  const requirement = order.request.requirement;
  return {
    user: {
      personalNumber: identity.personalNumber,
      name: fullName(identity),
      givenName: identity.givenName,
      surname: identity.surname,
    },
    device: { ipAddress: order.request.endUserIp ?? FALLBACK_DEVICE_IP, uhi },
    bankIdIssueDate: identity.bankIdIssueDate,
    ...(requirement?.mrtd ? { stepUp: { mrtd: true } } : {}),
    signature,
    ocspResponse: fakeOcspResponse(signature),
    ...(order.request.returnRisk ? { risk: identity.risk } : {}),
  };
}

function signedInfoXml(digest: string): string {
  return (
    '<SignedInfo xmlns="http://www.w3.org/2000/09/xmldsig#">' +
    '<CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"/>' +
    '<SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>' +
    '<Reference Type="http://www.bankid.com/signature/v1.0.0/types" URI="#bidSignedData">' +
    '<Transforms><Transform Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"/></Transforms>' +
    '<DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/>' +
    `<DigestValue>${digest}</DigestValue>` +
    '</Reference></SignedInfo>'
  );
}

function bankIdSignedData(order: Order, uhi: string): string {
  const { userVisibleData, userNonVisibleData, requirement } = order.request;
  const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
  const visible = userVisibleData ? `<usrVisibleData charset="UTF-8" visible="wysiwys">${xmlEscape(userVisibleData)}</usrVisibleData>` : '';
  const nonVisible = userNonVisibleData ? `<usrNonVisibleData>${xmlEscape(userNonVisibleData)}</usrNonVisibleData>` : '';
  const policies = (requirement?.certificatePolicies ?? []).map((p) => `<value>${xmlEscape(p)}</value>`).join('');
  return (
    '<bankIdSignedData xmlns="http://www.bankid.com/signature/v1.0.0/types" Id="bidSignedData">' +
    visible +
    nonVisible +
    '<srvInfo>' +
    `<name>${b64(order.rpName)}</name>` +
    `<nonce>${randomBytes(20).toString('base64')}</nonce>` +
    `<displayName>${b64(order.rpName)}</displayName>` +
    '</srvInfo>' +
    '<clientInfo>' +
    `<funcId>${isSign(order.type) ? 'Signing' : 'Identification'}</funcId>` +
    '<host><version>c2ltdWxhdG9y</version></host>' +
    '<env><ai>' +
    '<type>U0lNVUxBVE9S</type>' +
    `<uhi>${uhi}</uhi>` +
    (policies ? `<requirement><condition><type>CertificatePolicies</type>${policies}</condition></requirement>` : '') +
    `<uauth>${requirement?.mrtd ? 'mrtd' : 'pin'}</uauth>` +
    '</ai></env>' +
    '</clientInfo>' +
    '</bankIdSignedData>'
  );
}

/** Opaque bytes in place of a DER OCSP response; tied to the signature so each order gets its own. */
function fakeOcspResponse(signature: string): string {
  const digest = createHash('sha256').update(signature).digest();
  return Buffer.concat([Buffer.from('BANKID-SIMULATOR-OCSP-RESPONSE:'), digest]).toString('base64');
}

function xmlEscape(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
