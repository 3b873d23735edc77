#include "apply/concerns.hpp"

namespace dbcurl {

void apply_tls(Setter& set, const TransferConfig& transfer, const Environment& env) {
  if (transfer.insecure) {
    set(CURLOPT_SSL_VERIFYPEER, 0L);
    set(CURLOPT_SSL_VERIFYHOST, 0L);
  }
  // -k verifies no peer, unless a DoH server is still verified (as curl decides).
  const bool verifies_peer = !transfer.insecure || (transfer.doh_url && !transfer.doh_insecure);
  const CaLocations ca = ca_locations(transfer.cacert, transfer.capath, verifies_peer, env);
  if (ca.file) set(CURLOPT_CAINFO, ca.file->c_str());
  if (ca.directory) set(CURLOPT_CAPATH, ca.directory->c_str());
  // Without --proxy-capath, curl's tool verifies an HTTPS proxy with this directory too.
  if (ca.directory && !transfer.proxy_capath) set(CURLOPT_PROXY_CAPATH, ca.directory->c_str());

  if (transfer.cert) set(CURLOPT_SSLCERT, transfer.cert->c_str());
  if (transfer.cert_type) set(CURLOPT_SSLCERTTYPE, transfer.cert_type->c_str());
  if (transfer.key) set(CURLOPT_SSLKEY, transfer.key->c_str());
  if (transfer.key_type) set(CURLOPT_SSLKEYTYPE, transfer.key_type->c_str());
  if (transfer.key_password) set(CURLOPT_KEYPASSWD, transfer.key_password->c_str());
  if (transfer.pinned_public_key) set(CURLOPT_PINNEDPUBLICKEY, transfer.pinned_public_key->c_str());
  if (transfer.tls_min != 0 || transfer.tls_max != 0) set(CURLOPT_SSLVERSION, transfer.tls_min | transfer.tls_max);
  if (transfer.ciphers) set(CURLOPT_SSL_CIPHER_LIST, transfer.ciphers->c_str());
  if (transfer.tls13_ciphers) set(CURLOPT_TLS13_CIPHERS, transfer.tls13_ciphers->c_str());
  if (transfer.crl_file) set(CURLOPT_CRLFILE, transfer.crl_file->c_str());
  long ssl_options = 0;
  if (transfer.ssl_no_revoke) ssl_options |= CURLSSLOPT_NO_REVOKE;
  if (transfer.ssl_allow_beast) ssl_options |= CURLSSLOPT_ALLOW_BEAST;
  if (transfer.ssl_auto_client_cert) ssl_options |= CURLSSLOPT_AUTO_CLIENT_CERT;
  if (transfer.ssl_revoke_best_effort) ssl_options |= CURLSSLOPT_REVOKE_BEST_EFFORT;
  if (ssl_options != 0) set(CURLOPT_SSL_OPTIONS, ssl_options);
  long proxy_ssl_options = 0;
  if (transfer.proxy_ssl_allow_beast) proxy_ssl_options |= CURLSSLOPT_ALLOW_BEAST;
  if (transfer.proxy_ssl_auto_client_cert) proxy_ssl_options |= CURLSSLOPT_AUTO_CLIENT_CERT;
  if (proxy_ssl_options != 0) set(CURLOPT_PROXY_SSL_OPTIONS, proxy_ssl_options);
  if (transfer.cert_status) set(CURLOPT_SSL_VERIFYSTATUS, 1L);
  if (transfer.ec_curves) set(CURLOPT_SSL_EC_CURVES, transfer.ec_curves->c_str());
  // curl's tool asks for the certificate chain whenever -w is given (%{certs}, %{num_certs}).
  if (transfer.write_out) set(CURLOPT_CERTINFO, 1L);
  if (transfer.engine) {
    set(CURLOPT_SSLENGINE, transfer.engine->c_str());
    set(CURLOPT_SSLENGINE_DEFAULT, 1L);
  }
  // curl 7.88's tool lets this setopt fail (libcurl with OpenSSL has no False
  // Start) and goes on with the transfer; so does dbcurl.
  if (transfer.false_start) set.allowing_failure(CURLOPT_SSL_FALSESTART, 1L);
  if (!transfer.alpn) set(CURLOPT_SSL_ENABLE_ALPN, 0L);
  if (!transfer.session_id_cache) set(CURLOPT_SSL_SESSIONID_CACHE, 0L);
  if (transfer.tls_auth_type) set(CURLOPT_TLSAUTH_TYPE, transfer.tls_auth_type->c_str());
  if (transfer.tls_user) set(CURLOPT_TLSAUTH_USERNAME, transfer.tls_user->c_str());
  if (transfer.tls_password) set(CURLOPT_TLSAUTH_PASSWORD, transfer.tls_password->c_str());
  if (transfer.proxy_tls_auth_type) set(CURLOPT_PROXY_TLSAUTH_TYPE, transfer.proxy_tls_auth_type->c_str());
  if (transfer.proxy_tls_user) set(CURLOPT_PROXY_TLSAUTH_USERNAME, transfer.proxy_tls_user->c_str());
  if (transfer.proxy_tls_password) set(CURLOPT_PROXY_TLSAUTH_PASSWORD, transfer.proxy_tls_password->c_str());
}

}  // namespace dbcurl
