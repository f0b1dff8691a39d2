/** Copy helpers: endpoints, Copy as cURL, Copy as fetch. */
export default {
  copyCurl: 'Copy as cURL',
  moreCopy: 'More ways to copy the request',
  copyFetch: 'Copy as fetch',
  copiedCurl: 'Copied cURL command',
  copiedFetch: 'Copied fetch snippet',
  validUntil: '{{copied}} · signed, valid until {{time}} (15 minutes)',
  failed: 'The command could not be built: {{message}}',
  copyFailed: 'Could not copy to the clipboard',
  copyPublic: 'Copy public endpoint',
  copyInternal: 'Copy internal endpoint',
};
