#include "apply/concerns.hpp"

namespace dbcurl {

Status apply_proxy(Setter& set, const TransferConfig& transfer, const RequestPlan& plan, AppliedTransfer& owned) {
  if (transfer.proxy) set(CURLOPT_PROXY, transfer.proxy->c_str());
  if (transfer.proxy_user) set(CURLOPT_PROXYUSERPWD, transfer.proxy_user->c_str());
  // The plan found no proxy for a token over http://; "*" makes libcurl drop
  // every proxy (-x, --preproxy, the environment's) for this transfer, so it
  // cannot decide otherwise.
  if (plan.direct_only)
    set(CURLOPT_NOPROXY, "*");
  else if (transfer.noproxy)
    set(CURLOPT_NOPROXY, transfer.noproxy->c_str());
  if (transfer.proxytunnel) set(CURLOPT_HTTPPROXYTUNNEL, 1L);
  if (transfer.proxy_insecure) {
    set(CURLOPT_PROXY_SSL_VERIFYPEER, 0L);
    set(CURLOPT_PROXY_SSL_VERIFYHOST, 0L);
  }

  if (transfer.preproxy) set(CURLOPT_PRE_PROXY, transfer.preproxy->c_str());
  if (transfer.proxy_http10) set(CURLOPT_PROXYTYPE, static_cast<long>(CURLPROXY_HTTP_1_0));
  if (transfer.proxy_auth_methods != 0) set(CURLOPT_PROXYAUTH, transfer.proxy_auth_methods);
  if (transfer.proxy_cacert) set(CURLOPT_PROXY_CAINFO, transfer.proxy_cacert->c_str());
  if (transfer.proxy_capath) set(CURLOPT_PROXY_CAPATH, transfer.proxy_capath->c_str());
  if (transfer.proxy_cert) set(CURLOPT_PROXY_SSLCERT, transfer.proxy_cert->c_str());
  if (transfer.proxy_cert_type) set(CURLOPT_PROXY_SSLCERTTYPE, transfer.proxy_cert_type->c_str());
  if (transfer.proxy_ciphers) set(CURLOPT_PROXY_SSL_CIPHER_LIST, transfer.proxy_ciphers->c_str());
  if (transfer.proxy_crl_file) set(CURLOPT_PROXY_CRLFILE, transfer.proxy_crl_file->c_str());
  if (transfer.proxy_key) set(CURLOPT_PROXY_SSLKEY, transfer.proxy_key->c_str());
  if (transfer.proxy_key_type) set(CURLOPT_PROXY_SSLKEYTYPE, transfer.proxy_key_type->c_str());
  if (transfer.proxy_key_password) set(CURLOPT_PROXY_KEYPASSWD, transfer.proxy_key_password->c_str());
  if (transfer.proxy_pinned_public_key) set(CURLOPT_PROXY_PINNEDPUBLICKEY, transfer.proxy_pinned_public_key->c_str());
  if (transfer.proxy_tls13_ciphers) set(CURLOPT_PROXY_TLS13_CIPHERS, transfer.proxy_tls13_ciphers->c_str());
  if (transfer.proxy_tlsv1) set(CURLOPT_PROXY_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1));
  if (transfer.service_name) set(CURLOPT_SERVICE_NAME, transfer.service_name->c_str());
  if (transfer.proxy_service_name) set(CURLOPT_PROXY_SERVICE_NAME, transfer.proxy_service_name->c_str());
  if (transfer.socks5_auth != 0) set(CURLOPT_SOCKS5_AUTH, transfer.socks5_auth);
  if (transfer.socks5_gssapi_nec) set(CURLOPT_SOCKS5_GSSAPI_NEC, 1L);
  if (transfer.gssapi_delegation != GssapiDelegation::kNone) set(CURLOPT_GSSAPI_DELEGATION, transfer.gssapi_delegation);

  for (const auto& header : transfer.proxy_headers) {
    if (!owned.proxy_headers.append(header)) return make_error(CURLE_OUT_OF_MEMORY, "out of memory");
  }
  if (owned.proxy_headers.get() != nullptr) {
    set(CURLOPT_PROXYHEADER, owned.proxy_headers.get());
    set(CURLOPT_HEADEROPT, static_cast<long>(CURLHEADER_SEPARATE));
  }
  return Ok{};
}

}  // namespace dbcurl
