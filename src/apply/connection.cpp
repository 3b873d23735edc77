#include <cstdlib>

#include "apply/concerns.hpp"

namespace dbcurl {

namespace {

// --proto/--proto-redir. libcurl's string form cannot say "none", which
// "--proto -all" means; the (deprecated) bitmask form can.
void set_protocols(Setter& set, CURLoption option, const std::optional<std::string>& protocols) {
  if (!protocols) return;
  if (!protocols->empty()) {
    set(option, protocols->c_str());
    return;
  }
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
  set(option == CURLOPT_PROTOCOLS_STR ? CURLOPT_PROTOCOLS : CURLOPT_REDIR_PROTOCOLS, 0L);
#pragma GCC diagnostic pop
}

}  // namespace

void apply_limits(Setter& set, const TransferConfig& transfer, const TransferSinks& sinks) {
  if (sinks.time_left_ms > 0)
    set(CURLOPT_TIMEOUT_MS, sinks.time_left_ms);
  else if (transfer.max_time_ms > 0)
    set(CURLOPT_TIMEOUT_MS, transfer.max_time_ms);
  if (transfer.connect_timeout_ms > 0) set(CURLOPT_CONNECTTIMEOUT_MS, transfer.connect_timeout_ms);

  if (transfer.limit_rate > 0) {
    set(CURLOPT_MAX_RECV_SPEED_LARGE, static_cast<curl_off_t>(transfer.limit_rate));
    set(CURLOPT_MAX_SEND_SPEED_LARGE, static_cast<curl_off_t>(transfer.limit_rate));
  }
  if (transfer.max_filesize > 0) set(CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(transfer.max_filesize));
  if (transfer.speed_limit > 0 || transfer.speed_time > 0) {
    set(CURLOPT_LOW_SPEED_LIMIT, transfer.speed_limit > 0 ? transfer.speed_limit : 1L);
    set(CURLOPT_LOW_SPEED_TIME, transfer.speed_time > 0 ? transfer.speed_time : 30L);
  }
  if (transfer.expect100_timeout_ms > 0) set(CURLOPT_EXPECT_100_TIMEOUT_MS, transfer.expect100_timeout_ms);
}

Status apply_connection(Setter& set, const TransferConfig& transfer, const TransferSinks& sinks,
                        AppliedTransfer& owned) {
  if (sinks.wait_for_multiplexing) set(CURLOPT_PIPEWAIT, 1L);

  if (transfer.ip_resolve != 0) set(CURLOPT_IPRESOLVE, transfer.ip_resolve);
  for (const auto& entry : transfer.resolve) owned.resolve.append(entry);
  if (owned.resolve.get() != nullptr) set(CURLOPT_RESOLVE, owned.resolve.get());
  for (const auto& entry : transfer.connect_to) owned.connect_to.append(entry);
  if (owned.connect_to.get() != nullptr) set(CURLOPT_CONNECT_TO, owned.connect_to.get());
  if (transfer.unix_socket) {
    set(transfer.abstract_unix_socket ? CURLOPT_ABSTRACT_UNIX_SOCKET : CURLOPT_UNIX_SOCKET_PATH,
        transfer.unix_socket->c_str());
  }
  if (transfer.interface_name) set(CURLOPT_INTERFACE, transfer.interface_name->c_str());
  if (transfer.local_port != 0) {
    set(CURLOPT_LOCALPORT, transfer.local_port);
    set(CURLOPT_LOCALPORTRANGE, transfer.local_port_range);
  }
  if (!transfer.keepalive) set(CURLOPT_TCP_KEEPALIVE, 0L);
  if (transfer.keepalive_time > 0) {
    set(CURLOPT_TCP_KEEPIDLE, transfer.keepalive_time);
    set(CURLOPT_TCP_KEEPINTVL, transfer.keepalive_time);
  }
  if (!transfer.tcp_nodelay) set(CURLOPT_TCP_NODELAY, 0L);
  if (transfer.tcp_fastopen) set(CURLOPT_TCP_FASTOPEN, 1L);
  if (transfer.dns_servers) set(CURLOPT_DNS_SERVERS, transfer.dns_servers->c_str());
  if (transfer.dns_interface) set(CURLOPT_DNS_INTERFACE, transfer.dns_interface->c_str());
  if (transfer.dns_ipv4_address) set(CURLOPT_DNS_LOCAL_IP4, transfer.dns_ipv4_address->c_str());
  if (transfer.dns_ipv6_address) set(CURLOPT_DNS_LOCAL_IP6, transfer.dns_ipv6_address->c_str());
  if (transfer.doh_url) set(CURLOPT_DOH_URL, transfer.doh_url->c_str());
  if (transfer.doh_insecure) {
    set(CURLOPT_DOH_SSL_VERIFYPEER, 0L);
    set(CURLOPT_DOH_SSL_VERIFYHOST, 0L);
  }
  if (transfer.doh_cert_status) set(CURLOPT_DOH_SSL_VERIFYSTATUS, 1L);
  if (transfer.happy_eyeballs_timeout_ms != kHappyEyeballsDefaultMs)
    set(CURLOPT_HAPPY_EYEBALLS_TIMEOUT_MS, transfer.happy_eyeballs_timeout_ms);
  if (transfer.haproxy_protocol) set(CURLOPT_HAPROXYPROTOCOL, 1L);
  if (transfer.disallow_username_in_url) set(CURLOPT_DISALLOW_USERNAME_IN_URL, 1L);
  if (transfer.alt_svc_file) set(CURLOPT_ALTSVC, transfer.alt_svc_file->c_str());
  if (transfer.hsts_file) set(CURLOPT_HSTS, transfer.hsts_file->c_str());
  set_protocols(set, CURLOPT_PROTOCOLS_STR, transfer.protocols);
  set_protocols(set, CURLOPT_REDIR_PROTOCOLS_STR, transfer.redirect_protocols);
  if (transfer.default_protocol) set(CURLOPT_DEFAULT_PROTOCOL, transfer.default_protocol->c_str());
  if (transfer.http09_allowed) set(CURLOPT_HTTP09_ALLOWED, 1L);
  if (transfer.ignore_content_length) set(CURLOPT_IGNORE_CONTENT_LENGTH, 1L);
  if (transfer.suppress_connect_headers) set(CURLOPT_SUPPRESS_CONNECT_HEADERS, 1L);
  if (transfer.http_version != 0) set(CURLOPT_HTTP_VERSION, transfer.http_version);
  return Ok{};
}

}  // namespace dbcurl
